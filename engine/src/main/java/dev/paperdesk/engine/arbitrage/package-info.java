/**
 * The arbitrage desk: cross-venue funding-rate spread arbitrage on perpetual swaps, with venue
 * latency monitoring, confluence scoring behind hard constraints, atomic dual-leg execution under the
 * queue-position model, and an exact ledger of capital, P&amp;L and leg-out events.
 *
 * <p>{@link dev.paperdesk.engine.arbitrage.ArbitrageStrategy} taps a {@link
 * dev.paperdesk.engine.market.MarketDataFeed} and runs every decision on the engine's event loop,
 * so it behaves the same on the simulated market, in a replay and inside a trading session.
 * Formulas and units: {@code docs/arbitrage.md}.
 */
package dev.paperdesk.engine.arbitrage;
