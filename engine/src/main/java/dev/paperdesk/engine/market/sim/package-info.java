/**
 * The seeded market simulator: crypto spot and perpetuals on eight venues, equities and ETFs in a
 * New York session, and FX majors with derived crosses, with stochastic volatility, jumps, venue
 * basis, L2 books, trade prints, mark prices and funding.
 *
 * <p>{@link dev.paperdesk.engine.market.sim.MarketSimulator} is the primitive core; {@link
 * dev.paperdesk.engine.market.sim.SimulatedMarket} runs it as a {@link
 * dev.paperdesk.engine.market.MarketDataFeed} on the event loop. Design, formulas and units:
 * {@code docs/market-simulator.md}.
 */
package dev.paperdesk.engine.market.sim;
