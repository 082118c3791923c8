package dev.paperdesk.engine.pricing.option;

import java.util.Locale;

/**
 * Implied volatility for any pricer without a closed-form inverse (the American ones): Brent's method on
 * σ ↦ price(σ) − market price over [0.1%, 1000%], started from the European implied volatility (an
 * American value is at least the European one, so the European volatility is an upper estimate).
 *
 * <p>Prices below the model value at the lowest volatility (the intrinsic value, or the discounted
 * forward intrinsic value when that is larger) or above the value at the highest volatility have no
 * solution. The search is bounded to {@value #MAX_ITERATIONS} evaluations.
 */
final class AmericanImpliedVolatilitySolver {
    static final double MIN_VOL = 1e-3;
    static final double MAX_VOL = 10.0;
    static final int MAX_ITERATIONS = 100;
    private static final double VOL_TOLERANCE = 1e-12;

    private AmericanImpliedVolatilitySolver() {}

    static ImpliedVolatility solve(OptionPricer pricer, OptionInputs in, double price) {
        if (!Double.isFinite(price) || price < 0.0) {
            return new ImpliedVolatility.NoSolution(
                    ImpliedVolatility.Reason.INVALID_PRICE, "price must be a finite number ≥ 0, got " + price);
        }
        if (!(in.expiry() > 0.0)) {
            return new ImpliedVolatility.NoSolution(
                    ImpliedVolatility.Reason.EXPIRED, "the option has no time left to expiry: no implied volatility");
        }
        double intrinsic = in.intrinsicValue();
        if (price <= intrinsic) {
            return belowIntrinsic(price, intrinsic);
        }
        double lo = MIN_VOL;
        double flo = Double.NaN;
        for (int i = 0; i < 12; i++) {
            try {
                flo = pricer.price(in.withVolatility(lo)) - price;
                break;
            } catch (IllegalArgumentException tooLowForModel) {
                lo *= 2.0; // e.g. a CRR tree whose probabilities need σ√Δt > |b|Δt
            }
        }
        if (Double.isNaN(flo)) {
            return new ImpliedVolatility.NoSolution(
                    ImpliedVolatility.Reason.NOT_CONVERGED, "the model cannot be evaluated at low volatility");
        }
        if (flo >= 0.0) {
            return belowIntrinsic(price, flo + price);
        }
        double hi = MAX_VOL;
        double fhi = pricer.price(in.withVolatility(hi)) - price;
        if (fhi <= 0.0) {
            return new ImpliedVolatility.NoSolution(
                    ImpliedVolatility.Reason.ABOVE_MAXIMUM,
                    String.format(
                            Locale.ROOT,
                            "price %s is above the model value %s at %.0f%% volatility: no implied volatility",
                            price,
                            fhi + price,
                            MAX_VOL * 100));
        }
        int evaluations = 2;
        // Shrink the bracket with the European volatility, an upper estimate of the American one.
        if (BlackScholesEuropeanPricer.DEFAULT.impliedVolatility(in, price) instanceof ImpliedVolatility.Solved e
                && e.value() > lo
                && e.value() < hi) {
            double g = e.value();
            double fg = pricer.price(in.withVolatility(g)) - price;
            evaluations++;
            if (fg == 0.0) {
                return new ImpliedVolatility.Solved(g, evaluations);
            }
            if (fg > 0.0) {
                hi = g;
                fhi = fg;
            } else {
                lo = g;
                flo = fg;
            }
        }
        return brent(pricer, in, price, lo, flo, hi, fhi, evaluations);
    }

    private static ImpliedVolatility belowIntrinsic(double price, double bound) {
        return new ImpliedVolatility.NoSolution(
                ImpliedVolatility.Reason.AT_OR_BELOW_INTRINSIC,
                String.format(
                        Locale.ROOT,
                        "price %s is at or below the lowest value the option can have, %s (intrinsic value):"
                                + " no implied volatility",
                        price,
                        bound));
    }

    /** Brent's zeroin (Brent 1973, ch. 4) on a bracket whose ends have opposite signs. */
    private static ImpliedVolatility brent(
            OptionPricer pricer, OptionInputs in, double price, double a, double fa, double b, double fb, int used) {
        double c = a;
        double fc = fa;
        double d = b - a;
        double e = d;
        for (int it = used; it < MAX_ITERATIONS; it++) {
            if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tol = 2.0 * Math.ulp(b) + 0.5 * VOL_TOLERANCE;
            double m = 0.5 * (c - b);
            if (Math.abs(m) <= tol || fb == 0.0) {
                return new ImpliedVolatility.Solved(b, it);
            }
            if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa;
                double p;
                double q;
                if (a == c) {
                    p = 2.0 * m * s;
                    q = 1.0 - s;
                } else {
                    double qq = fa / fc;
                    double r = fb / fc;
                    p = s * (2.0 * m * qq * (qq - r) - (b - a) * (r - 1.0));
                    q = (qq - 1.0) * (r - 1.0) * (s - 1.0);
                }
                if (p > 0) {
                    q = -q;
                } else {
                    p = -p;
                }
                if (2.0 * p < Math.min(3.0 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
                    e = d;
                    d = p / q;
                } else {
                    d = m;
                    e = m;
                }
            } else {
                d = m;
                e = m;
            }
            a = b;
            fa = fb;
            b += Math.abs(d) > tol ? d : (m > 0 ? tol : -tol);
            fb = pricer.price(in.withVolatility(b)) - price;
        }
        return new ImpliedVolatility.NoSolution(
                ImpliedVolatility.Reason.NOT_CONVERGED,
                "implied volatility search stopped after " + MAX_ITERATIONS + " evaluations");
    }
}
