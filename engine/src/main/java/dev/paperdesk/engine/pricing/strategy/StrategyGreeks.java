package dev.paperdesk.engine.pricing.strategy;

/**
 * The sensitivities of a whole position in trader units: delta in units of the underlying (shares or
 * coins), gamma in underlying units per 1.00 move, theta per calendar day, vega per volatility point
 * and rho per percentage point of rate, all in the quote currency.
 */
public record StrategyGreeks(double delta, double gamma, double thetaPerDay, double vegaPerPoint, double rhoPerPoint) {
    /** No exposure. */
    public static final StrategyGreeks ZERO = new StrategyGreeks(0, 0, 0, 0, 0);

    /** The sum of two exposures. */
    public StrategyGreeks plus(StrategyGreeks o) {
        return new StrategyGreeks(
                delta + o.delta,
                gamma + o.gamma,
                thetaPerDay + o.thetaPerDay,
                vegaPerPoint + o.vegaPerPoint,
                rhoPerPoint + o.rhoPerPoint);
    }
}
