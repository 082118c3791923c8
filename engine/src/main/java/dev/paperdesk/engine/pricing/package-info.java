/**
 * Option pricing: the numerical distributions shared by the models live here; the models, Greeks and
 * implied volatility are in {@code option}, volatility surfaces in {@code surface} and synthetic
 * option chains in {@code chain}.
 *
 * <p>Pricing maths works in {@code double}: it produces theoretical values and sensitivities, never
 * ledger amounts. Conventions (units of theta, vega and rho, time in years ACT/365F) are stated on
 * {@link dev.paperdesk.engine.pricing.option.OptionValuation} and in {@code docs/pricing.md}.
 */
package dev.paperdesk.engine.pricing;
