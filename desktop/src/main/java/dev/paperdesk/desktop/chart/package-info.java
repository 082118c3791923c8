/** Price charts (ChartFX) of the selected instrument. */
package dev.paperdesk.desktop.chart;
