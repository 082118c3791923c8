/**
 * Synthetic option chains: listed expiries and strikes around spot for an underlying, theoretical values
 * from a volatility surface, and bid/ask and open interest drawn from a seeded random generator, so a
 * paper-trading session has an options market to trade against.
 */
package dev.paperdesk.engine.pricing.chain;
