/**
 * The margin and risk dashboard: gauges for margin use, leverage, daily loss and drawdown, exposure
 * by asset class, the liquidation-warning banner, positions with their margin and liquidation
 * prices, funding, liquidation and margin history, and the position sizing panel.
 */
package dev.paperdesk.desktop.margin;
