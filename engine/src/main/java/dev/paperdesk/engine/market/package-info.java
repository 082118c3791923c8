/**
 * Market data: the feed interface through which simulated, replayed and (later) live data enter
 * the engine, and the engine's view of the latest prices.
 */
package dev.paperdesk.engine.market;
