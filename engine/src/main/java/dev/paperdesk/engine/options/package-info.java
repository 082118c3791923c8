/**
 * Listed options in the live market: per-underlying chains priced from an arbitrage-free SSVI surface,
 * their quotes and depth for the paper venue, portfolio Greeks, and exercise, assignment and expiry.
 *
 * <p>Conventions are in {@code docs/options.md}: prices per unit of underlying (a contract is worth
 * price × multiplier), Greeks per unit of underlying in the chain and per position in {@link
 * dev.paperdesk.engine.options.PortfolioGreeks}, theta per calendar day, vega per volatility point,
 * rho per percentage point of rate.
 */
package dev.paperdesk.engine.options;
