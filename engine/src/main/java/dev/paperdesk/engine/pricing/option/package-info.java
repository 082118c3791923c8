/**
 * Option pricers, their Greeks and implied volatility: Black–Scholes–Merton for European exercise,
 * Cox–Ross–Rubinstein and Leisen–Reimer trees and the Bjerksund–Stensland (2002) approximation for
 * American exercise.
 *
 * <p>Pricers are stateless services named {@code <Model><Product>Pricer}, each with a {@code DEFAULT}
 * instance, taking {@link dev.paperdesk.engine.pricing.option.OptionInputs} and returning a price, an
 * {@link dev.paperdesk.engine.pricing.option.OptionValuation} (value and Greeks) or an
 * {@link dev.paperdesk.engine.pricing.option.ImpliedVolatility} result. Inputs use continuous
 * compounding, a continuous dividend yield q (cost of carry b = r − q) and time in years.
 */
package dev.paperdesk.engine.pricing.option;
