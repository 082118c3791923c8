/**
 * The single-threaded, deterministic event loop: market data, commands and timers are processed
 * one at a time in time order, whichever clock drives it.
 */
package dev.paperdesk.engine.loop;
