/**
 * The arbitrage desk ({@code #arbitrageDesk}): cross-venue funding-rate spread arbitrage on the
 * simulated perpetual venues, with the book's summary, active trades and their live spreads, recent
 * exits, the ranked opportunities with the constraint that rejects them, venue latency, start/stop
 * and the thresholds.
 */
package dev.paperdesk.desktop.arbitrage;
