package dev.paperdesk.engine.options;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.pricing.StandardNormal;
import dev.paperdesk.engine.pricing.option.BlackScholesEuropeanPricer;
import dev.paperdesk.engine.pricing.option.OptionInputs;
import dev.paperdesk.engine.pricing.option.OptionValuation;
import dev.paperdesk.engine.pricing.surface.SviParameters;
import java.math.BigDecimal;

/**
 * The theoretical value, Greeks and quote of one contract at one underlying price and time, in
 * doubles (the chain refresh prices a thousand of these per underlying tick).
 *
 * <p>Values: Black–Scholes–Merton for European contracts; for American ones the largest of BSM, the
 * intrinsic value and the Bjerksund–Stensland 1993 flat-boundary approximation (Haug, "The Complete
 * Guide to Option Pricing Formulas", 2nd ed., §3.3.2). The 1993 form needs no bivariate normal, so a
 * put costs about a microsecond instead of the 2002 form's seventeen, which is what lets a thousand
 * contracts refresh within a few milliseconds; it is a lower bound a little below the 2002 value (see
 * {@code ContractPricingTest} for the measured gap). With no dividend yield the American call is its
 * European twin, so only puts differ. Greeks are the analytic BSM Greeks at the surface volatility
 * where the value is the European one; where the early-exercise premium is in the value (in-the-money
 * American puts), they are found by bumping that same American value (central differences in spot,
 * one-sided in volatility, rate and time), so a deep put's delta goes to −1 as the tree's does.
 */
final class ContractPricing {
    /** Seconds per ACT/365F year. */
    static final double SECONDS_PER_YEAR = 365.0 * 86_400.0;
    /** The shortest time to expiry priced (one minute), so a contract about to expire keeps finite Greeks. */
    static final double MIN_TIME = 60.0 / SECONDS_PER_YEAR;

    // result slots
    static final int VALUE = 0;
    static final int DELTA = 1;
    static final int GAMMA = 2;
    static final int THETA_YEAR = 3;
    static final int VEGA_UNIT = 4;
    static final int RHO_UNIT = 5;
    static final int VOL = 6;
    static final int SLOTS = 7;

    private ContractPricing() {}

    /** Surface volatility at strike {@code k} for forward {@code f} and time {@code t} on an SVI slice. */
    static double volatility(SviParameters slice, double k, double f, double t) {
        double w = slice.totalVariance(Math.log(k / f));
        return Math.sqrt(Math.max(w, 1e-12) / t);
    }

    /** Prices one contract into {@code out} (slots above). */
    static void price(
            boolean call,
            boolean american,
            double s,
            double k,
            double t,
            double r,
            double q,
            double vol,
            double[] out) {
        OptionInputs in = new OptionInputs(call ? OptionRight.CALL : OptionRight.PUT, s, k, t, r, q, vol);
        OptionValuation v = BlackScholesEuropeanPricer.DEFAULT.valuation(in);
        double value = v.value();
        boolean premium = false;
        if (american && !(call && q <= 0.0) && t > 0.0 && vol > 0.0) {
            double a = americanValue(call, s, k, t, r, q, vol);
            premium = a > value + 1e-9;
            value = Math.max(value, a);
        }
        out[VALUE] = value;
        out[VOL] = vol;
        if (!premium) {
            out[DELTA] = v.delta();
            out[GAMMA] = v.gamma();
            out[THETA_YEAR] = v.theta();
            out[VEGA_UNIT] = v.vega();
            out[RHO_UNIT] = v.rho();
            return;
        }
        double h = s * 1e-3;
        double up = Math.max(americanValue(call, s + h, k, t, r, q, vol), european(call, s + h, k, t, r, q, vol));
        double down = Math.max(americanValue(call, s - h, k, t, r, q, vol), european(call, s - h, k, t, r, q, vol));
        out[DELTA] = (up - down) / (2 * h);
        out[GAMMA] = (up - 2 * value + down) / (h * h);
        double dv = 1e-3;
        out[VEGA_UNIT] =
                (Math.max(americanValue(call, s, k, t, r, q, vol + dv), european(call, s, k, t, r, q, vol + dv))
                                - value)
                        / dv;
        double dr = 1e-4;
        out[RHO_UNIT] = (Math.max(americanValue(call, s, k, t, r + dr, q, vol), european(call, s, k, t, r + dr, q, vol))
                        - value)
                / dr;
        double dt = Math.min(1.0 / 365.0, t / 2);
        double later = t - dt < MIN_TIME
                ? (call ? Math.max(s - k, 0) : Math.max(k - s, 0))
                : Math.max(americanValue(call, s, k, t - dt, r, q, vol), european(call, s, k, t - dt, r, q, vol));
        out[THETA_YEAR] = (later - value) / dt;
    }

    /** The American value: the Bjerksund–Stensland 1993 bound, never below intrinsic value. */
    private static double americanValue(boolean call, double s, double k, double t, double r, double q, double vol) {
        double b = r - q;
        double approx = call ? americanCall1993(s, k, t, r, b, vol) : americanCall1993(k, s, t, r - b, -b, vol);
        double intrinsic = call ? s - k : k - s;
        return Double.isFinite(approx) ? Math.max(approx, intrinsic) : intrinsic;
    }

    private static double european(boolean call, double s, double k, double t, double r, double q, double vol) {
        return BlackScholesEuropeanPricer.price(call ? 1 : -1, s, k, t, r, q, vol);
    }

    /**
     * Bid and ask in ticks around {@code theo}: a spread of 3–7% of value ({@code noise} in [0, 1)
     * picks where) plus up to 5% more away from the money, never narrower than one tick; bid ≥ 0.
     */
    static long[] bidAskTicks(double theo, double distance, double noise, double tick) {
        double fraction = 0.03 + 0.04 * noise + 0.05 * Math.min(1.0, distance);
        double half = Math.max(tick, theo * fraction) / 2.0;
        long bid = Math.max(0L, (long) Math.floor((theo - half) / tick + 1e-9));
        long ask = (long) Math.ceil((theo + half) / tick - 1e-9);
        if (ask < bid + 1) {
            ask = bid + 1;
        }
        return new long[] {bid, ask};
    }

    static BigDecimal ticksToPrice(long ticks, BigDecimal tick) {
        return BigDecimal.valueOf(ticks).multiply(tick);
    }

    /**
     * Bjerksund–Stensland 1993 American call C(S, K, T, r, b, σ) with one flat exercise boundary; a put
     * is C(K, S, T, r − b, −b, σ) (put–call transformation).
     */
    static double americanCall1993(double s, double k, double t, double r, double b, double v) {
        if (b >= r) {
            return BlackScholesEuropeanPricer.price(1.0, s, k, t, r, r - b, v);
        }
        double v2 = v * v;
        double beta = (0.5 - b / v2) + Math.sqrt((b / v2 - 0.5) * (b / v2 - 0.5) + 2.0 * r / v2);
        double bInf = beta / (beta - 1.0) * k;
        double b0 = Math.max(k, r / (r - b) * k);
        double ht = -(b * t + 2.0 * v * Math.sqrt(t)) * b0 / (bInf - b0);
        double trigger = b0 + (bInf - b0) * (1.0 - Math.exp(ht));
        if (s >= trigger) {
            return s - k;
        }
        double alpha = (trigger - k) * Math.pow(trigger, -beta);
        return alpha * Math.pow(s, beta)
                - alpha * phi(s, t, beta, trigger, trigger, r, b, v)
                + phi(s, t, 1.0, trigger, trigger, r, b, v)
                - phi(s, t, 1.0, k, trigger, r, b, v)
                - k * phi(s, t, 0.0, trigger, trigger, r, b, v)
                + k * phi(s, t, 0.0, k, trigger, r, b, v);
    }

    private static double phi(double s, double t, double gamma, double h, double i, double r, double b, double v) {
        double v2 = v * v;
        double sqrtT = Math.sqrt(t);
        double lambda = (-r + gamma * b + 0.5 * gamma * (gamma - 1.0) * v2) * t;
        double d = -(Math.log(s / h) + (b + (gamma - 0.5) * v2) * t) / (v * sqrtT);
        double kappa = 2.0 * b / v2 + (2.0 * gamma - 1.0);
        return Math.exp(lambda)
                * Math.pow(s, gamma)
                * (StandardNormal.cdf(d)
                        - Math.pow(i / s, kappa) * StandardNormal.cdf(d - 2.0 * Math.log(i / s) / (v * sqrtT)));
    }
}
