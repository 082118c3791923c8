package dev.paperdesk.engine.pricing.option;

import dev.paperdesk.engine.model.Instrument.OptionStyle;

/** A stateless vanilla option pricer for one exercise style: value, Greeks and implied volatility. */
public interface OptionPricer {

    /** The exercise style this pricer values. */
    OptionStyle style();

    /** The value per unit of underlying. */
    double price(OptionInputs inputs);

    /** The value with all Greeks, in the units documented on {@link OptionValuation}. */
    OptionValuation valuation(OptionInputs inputs);

    /**
     * The volatility at which this pricer reproduces {@code marketPrice}; the volatility field of
     * {@code inputs} is ignored. Returns {@link ImpliedVolatility.NoSolution} for prices outside the
     * no-arbitrage bounds; never throws for a bad price and never loops without bound.
     */
    ImpliedVolatility impliedVolatility(OptionInputs inputs, double marketPrice);
}
