/**
 * Settings pages; here the "Fill model" page that shows and edits the execution models in force
 * (fill, slippage, latency, fees, queue) per venue and asset class, and prints their assumptions.
 */
package dev.paperdesk.desktop.settings;
