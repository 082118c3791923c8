package dev.paperdesk.engine.pricing.option;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import java.util.Objects;

/**
 * The market and contract data a vanilla option is priced from.
 *
 * <p>{@code rate} and {@code dividendYield} are continuously compounded annual rates (0.05 = 5%), so the
 * cost of carry is b = rate − dividendYield (b = r for a non-dividend stock, b = 0 for an option on a
 * future, b = r − r_f for a currency). {@code expiry} is the time to expiry in years (ACT/365F in this
 * product) and {@code volatility} the annualised lognormal volatility (0.20 = 20%). Zero expiry or zero
 * volatility is allowed and gives the intrinsic limit. When solving for implied volatility the
 * volatility field is ignored.
 */
public record OptionInputs(
        OptionRight right,
        double spot,
        double strike,
        double expiry,
        double rate,
        double dividendYield,
        double volatility) {

    public OptionInputs {
        Objects.requireNonNull(right, "right");
        requirePositive("spot", spot);
        requirePositive("strike", strike);
        if (!(expiry >= 0.0) || Double.isInfinite(expiry)) {
            throw new IllegalArgumentException("expiry must be a finite number of years ≥ 0, got " + expiry);
        }
        requireFinite("rate", rate);
        requireFinite("dividendYield", dividendYield);
        if (!(volatility >= 0.0) || Double.isInfinite(volatility)) {
            throw new IllegalArgumentException("volatility must be finite and ≥ 0, got " + volatility);
        }
    }

    /** A call. */
    public static OptionInputs call(double spot, double strike, double expiry, double rate, double q, double vol) {
        return new OptionInputs(OptionRight.CALL, spot, strike, expiry, rate, q, vol);
    }

    /** A put. */
    public static OptionInputs put(double spot, double strike, double expiry, double rate, double q, double vol) {
        return new OptionInputs(OptionRight.PUT, spot, strike, expiry, rate, q, vol);
    }

    /** The cost of carry b = r − q. */
    public double costOfCarry() {
        return rate - dividendYield;
    }

    /** The forward F = S·e^{bT}. */
    public double forward() {
        return spot * Math.exp(costOfCarry() * expiry);
    }

    /** +1 for a call, −1 for a put. */
    public double sign() {
        return right == OptionRight.CALL ? 1.0 : -1.0;
    }

    /** The payoff if exercised now: max(±(S − K), 0). */
    public double intrinsicValue() {
        return Math.max(sign() * (spot - strike), 0.0);
    }

    public OptionInputs withVolatility(double v) {
        return new OptionInputs(right, spot, strike, expiry, rate, dividendYield, v);
    }

    public OptionInputs withSpot(double s) {
        return new OptionInputs(right, s, strike, expiry, rate, dividendYield, volatility);
    }

    public OptionInputs withExpiry(double t) {
        return new OptionInputs(right, spot, strike, t, rate, dividendYield, volatility);
    }

    public OptionInputs withRate(double r) {
        return new OptionInputs(right, spot, strike, expiry, r, dividendYield, volatility);
    }

    public OptionInputs withRight(OptionRight r) {
        return new OptionInputs(r, spot, strike, expiry, rate, dividendYield, volatility);
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be positive and finite, got " + value);
        }
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
    }
}
