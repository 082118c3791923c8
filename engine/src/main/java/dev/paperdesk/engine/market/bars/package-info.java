/**
 * Aggregation of trade prints into OHLCV candles on the standard timeframes (1m to 1d), several
 * timeframes at once, with a primitive fast path (prices in ticks, sizes in lots).
 */
package dev.paperdesk.engine.market.bars;
