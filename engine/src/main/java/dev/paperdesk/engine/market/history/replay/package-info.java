/**
 * Replay of stored bar series through the {@link dev.paperdesk.engine.market.MarketDataFeed} SPI:
 * each bar is delivered on the event loop at its close time, after a quote around its close, so
 * whatever runs on simulated data runs on history unchanged.
 */
package dev.paperdesk.engine.market.history.replay;
