package dev.paperdesk.engine.options;

/**
 * Greeks of positions in money, which add up across underlyings.
 *
 * <ul>
 *   <li>{@code delta}: dollar delta Δ·S, the value of the underlying position with the same
 *       first-order exposure (a 1% rise gains delta / 100).
 *   <li>{@code gamma}: change of dollar delta for a 1% rise of the underlying: Γ·S²/100.
 *   <li>{@code theta}: money per calendar day of time passing.
 *   <li>{@code vega}: money per volatility point (0.01).
 *   <li>{@code rho}: money per percentage point of rate (0.01).
 * </ul>
 */
public record DollarGreeks(double delta, double gamma, double theta, double vega, double rho) {
    /** No exposure. */
    public static final DollarGreeks ZERO = new DollarGreeks(0, 0, 0, 0, 0);

    /** The sum of two exposures in the same currency. */
    public DollarGreeks plus(DollarGreeks o) {
        return new DollarGreeks(delta + o.delta, gamma + o.gamma, theta + o.theta, vega + o.vega, rho + o.rho);
    }

    /** This exposure converted at {@code rate} units of another currency per unit. */
    public DollarGreeks times(double rate) {
        return new DollarGreeks(delta * rate, gamma * rate, theta * rate, vega * rate, rho * rate);
    }
}
