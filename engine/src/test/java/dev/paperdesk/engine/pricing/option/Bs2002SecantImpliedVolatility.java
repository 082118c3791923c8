package dev.paperdesk.engine.pricing.option;

import java.util.function.DoubleUnaryOperator;

/**
 * The Bjerksund–Stensland implied-volatility search as it was before the premium-model steps: secant
 * steps on ln(A(σ)/price) from the European and premium-corrected European volatilities. Kept as the
 * benchmarks' same-run baseline; out-of-range answers are handed to Brent's path, which words them.
 */
public final class Bs2002SecantImpliedVolatility {
    private static final double VOL_TOLERANCE = 1e-12;

    private Bs2002SecantImpliedVolatility() {}

    /** The secant search for {@code in} at {@code price}, on the current value kernel. */
    public static ImpliedVolatility impliedVolatility(OptionInputs in, double price) {
        double sign = in.sign();
        double s = in.spot();
        double k = in.strike();
        double t = in.expiry();
        double r = in.rate();
        double q = in.dividendYield();
        return solve(
                BjerksundStenslandAmericanPricer.DEFAULT,
                in,
                price,
                vol -> BjerksundStenslandAmericanPricer.price(sign, s, k, t, r, q, vol));
    }

    static ImpliedVolatility solve(OptionPricer pricer, OptionInputs in, double price, DoubleUnaryOperator value) {
        if (!Double.isFinite(price) || price < 0.0 || !(in.expiry() > 0.0) || price <= in.intrinsicValue()) {
            return AmericanImpliedVolatilitySolver.solve(pricer, in, price); // the same rejections, worded once
        }
        double forwardIntrinsic = Math.max(
                in.sign()
                        * (in.spot() * Math.exp(-in.dividendYield() * in.expiry())
                                - in.strike() * Math.exp(-in.rate() * in.expiry())),
                0.0);
        if (price - Math.max(in.intrinsicValue(), forwardIntrinsic) <= 1e-10 * price) {
            // a time value at the price's rounding: whether any volatility exists is decided by the value at
            // the lowest volatility, as Brent's path does
            return AmericanImpliedVolatilitySolver.solve(pricer, in, price);
        }
        if (!(BlackScholesEuropeanPricer.DEFAULT.impliedVolatility(in, price) instanceof ImpliedVolatility.Solved e
                && e.value() > AmericanImpliedVolatilitySolver.MIN_VOL
                && e.value() < AmericanImpliedVolatilitySolver.MAX_VOL)) {
            return AmericanImpliedVolatilitySolver.solve(pricer, in, price);
        }
        double lo = AmericanImpliedVolatilitySolver.MIN_VOL;
        double flo = Double.NaN; // NaN: that end is not evaluated yet
        double hi = AmericanImpliedVolatilitySolver.MAX_VOL;
        double fhi = Double.NaN;
        // Secant steps run on ln(A(σ)/price): out of the money the value is close to exponential in σ, so
        // the logarithm is nearly linear where the value itself is violently convex; the sign is the same.
        double x0 = e.value();
        double a0 = value.applyAsDouble(x0);
        double f0 = Math.log(a0 / price);
        int evaluations = 1;
        if (f0 == 0.0) {
            return new ImpliedVolatility.Solved(x0, evaluations);
        }
        if (f0 > 0.0) {
            hi = x0;
            fhi = f0;
        } else {
            lo = x0;
            flo = f0;
        }
        double x1 = Double.NaN;
        if (f0 > 0.0
                && BlackScholesEuropeanPricer.DEFAULT.impliedVolatility(in, 2.0 * price - a0)
                        instanceof ImpliedVolatility.Solved corrected) {
            x1 = corrected.value();
        }
        if (!(x1 > lo && x1 < hi)) {
            x1 = Double.isNaN(flo) ? Math.max(0.5 * x0, lo) : 0.5 * (lo + hi);
        }
        while (evaluations < AmericanImpliedVolatilitySolver.MAX_ITERATIONS) {
            if (x1 <= AmericanImpliedVolatilitySolver.MIN_VOL || x1 >= AmericanImpliedVolatilitySolver.MAX_VOL) {
                // a step out of range: evaluate that bound, which either brackets the root or has no solution
                boolean low = x1 <= AmericanImpliedVolatilitySolver.MIN_VOL;
                double bound = low ? AmericanImpliedVolatilitySolver.MIN_VOL : AmericanImpliedVolatilitySolver.MAX_VOL;
                double fb = value.applyAsDouble(bound) - price;
                evaluations++;
                if (low && fb >= 0.0) {
                    return AmericanImpliedVolatilitySolver.solve(
                            pricer, in, price); // Brent's path words the same answer
                }
                if (!low && fb <= 0.0) {
                    return AmericanImpliedVolatilitySolver.solve(pricer, in, price);
                }
                if (low) {
                    flo = Math.log((fb + price) / price);
                } else {
                    fhi = Math.log((fb + price) / price);
                }
                x1 = 0.5 * (lo + hi);
            }
            double f1 = Math.log(value.applyAsDouble(x1) / price);
            evaluations++;
            if (f1 == 0.0) {
                return new ImpliedVolatility.Solved(x1, evaluations);
            }
            if (f1 > 0.0) {
                hi = x1;
                fhi = f1;
            } else {
                lo = x1;
                flo = f1;
            }
            double step = f1 * (x1 - x0) / (f1 - f0);
            double x2 = x1 - step;
            double tol = 2.0 * Math.ulp(x1) + 0.5 * VOL_TOLERANCE;
            // accepted only from a local secant (the previous step small too), whose error is then far
            // below the step; a tiny step along a long chord of a convex curve proves nothing
            if (Math.abs(step) <= tol && Math.abs(x1 - x0) <= 1e-6 && x2 >= lo && x2 <= hi) {
                return new ImpliedVolatility.Solved(x2, evaluations);
            }
            if (!(x2 > lo && x2 < hi)) {
                // outside what the values bracket: bisect a known bracket, or test the open end
                if (!Double.isNaN(flo) && !Double.isNaN(fhi)) {
                    x2 = 0.5 * (lo + hi);
                } else {
                    x2 = Double.isNaN(flo)
                            ? AmericanImpliedVolatilitySolver.MIN_VOL
                            : AmericanImpliedVolatilitySolver.MAX_VOL;
                }
            }
            if (hi - lo <= tol) {
                return new ImpliedVolatility.Solved(Math.abs(flo) < Math.abs(fhi) ? lo : hi, evaluations);
            }
            x0 = x1;
            f0 = f1;
            x1 = x2;
        }
        return AmericanImpliedVolatilitySolver.solve(pricer, in, price);
    }
}
