package dev.paperdesk.engine.options;

import dev.paperdesk.engine.pricing.option.BjerksundStenslandAmericanPricer;
import dev.paperdesk.engine.pricing.option.BlackScholesEuropeanPricer;
import dev.paperdesk.engine.pricing.option.PriceAndGreeks;
import dev.paperdesk.engine.pricing.surface.SviParameters;
import java.math.BigDecimal;

/**
 * The theoretical value, Greeks and quote of one contract at one underlying price and time, in
 * doubles (the chain refresh prices a thousand of these per underlying tick).
 *
 * <p>Values: Black–Scholes–Merton for European contracts; for American ones the Bjerksund–Stensland
 * 2002 two-step flat-boundary approximation floored at the European and intrinsic values (Haug, "The
 * Complete Guide to Option Pricing Formulas", 2nd ed., §3.1.4), through the allocation-free kernels
 * {@link BlackScholesEuropeanPricer#priceAndGreeks} and {@link BjerksundStenslandAmericanPricer#priceAndGreeks}.
 * With no dividend yield the American call is its European twin, so only puts differ. Greeks are the
 * analytic BSM Greeks where the value is the European one; where the early-exercise premium is in the
 * value they bump that same American value (central differences in spot, one-sided in volatility, rate
 * and time), so a deep put's delta goes to −1 as the tree's does.
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

    /** Prices one contract into {@code out} (slots above), using {@code work} as scratch. */
    static void price(
            boolean call,
            boolean american,
            double s,
            double k,
            double t,
            double r,
            double q,
            double vol,
            PriceAndGreeks work,
            double[] out) {
        double sign = call ? 1.0 : -1.0;
        if (american) {
            BjerksundStenslandAmericanPricer.priceAndGreeks(sign, s, k, t, r, q, vol, work);
        } else {
            BlackScholesEuropeanPricer.priceAndGreeks(sign, s, k, t, r, q, vol, work);
        }
        out[VALUE] = work.value();
        out[DELTA] = work.delta();
        out[GAMMA] = work.gamma();
        out[THETA_YEAR] = work.theta();
        out[VEGA_UNIT] = work.vega();
        out[RHO_UNIT] = work.rho();
        out[VOL] = vol;
    }

    /** {@link #price(boolean, boolean, double, double, double, double, double, double, PriceAndGreeks, double[])} with its own scratch. */
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
        price(call, american, s, k, t, r, q, vol, new PriceAndGreeks(), out);
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
}
