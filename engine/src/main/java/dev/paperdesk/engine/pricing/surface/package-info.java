/**
 * Implied volatility surfaces: SVI slices per expiry (raw parametrisation), their interpolation in
 * total variance, and the static no-arbitrage checks (butterfly within a slice, calendar across slices).
 *
 * <p>Coordinates: log-moneyness k = ln(K/F) against the forward of the expiry, time t in years, total
 * implied variance w(k, t) = σ²(k, t)·t.
 */
package dev.paperdesk.engine.pricing.surface;
