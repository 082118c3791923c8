package dev.paperdesk.engine.pricing.option;

import dev.paperdesk.engine.pricing.StandardNormal;
import java.util.Locale;

/**
 * Implied volatility of a European option under Black–Scholes–Merton, to full double precision.
 *
 * <p>The price is first moved to Jäckel's normalised coordinates ("Let's Be Rational", Wilmott 2015):
 * with forward F, discount D, x = ln(F/K) and total standard deviation s = σ√T the normalised value of
 * an out-of-the-money call (x ≤ 0) is
 *
 * <pre>  b(x, s) = e^{x/2}·N(x/s + s/2) − e^{−x/2}·N(x/s − s/2),  0 ≤ b &lt; e^{x/2}.</pre>
 *
 * In-the-money options are reduced to their out-of-the-money twin by put–call parity and puts to calls
 * by the symmetry b(x, s, put) = b(−x, s, call). b is convex in s below the inflection point
 * s_c = √(2|x|) and concave above it, so the solve splits there: below, Halley's method runs on
 * ln b (deep out-of-the-money prices are tiny and only their logarithm is well scaled), starting from
 * the leading terms of the small-s asymptotic expansion; above, it runs on −ln(e^{x/2} − b), starting
 * from the large-s expansion. Every step is kept inside a shrinking bracket and replaced by bisection
 * when it would leave it, and the loop is bounded, so the solver always terminates.
 */
final class BlackImpliedVolatilitySolver {
    static final int MAX_ITERATIONS = 64;
    /** Below this fraction of b(s_c) prices are exponentially small in 1/s and solved in log space. */
    private static final double LOG_REGION = 0.05;

    private static final int LOWER_LOG = 0;
    private static final int LOWER_PLAIN = 1;
    private static final int UPPER_LOG = 2;

    private BlackImpliedVolatilitySolver() {}

    static ImpliedVolatility solve(double sign, double s, double k, double t, double r, double q, double price) {
        if (!Double.isFinite(price) || price < 0.0) {
            return new ImpliedVolatility.NoSolution(
                    ImpliedVolatility.Reason.INVALID_PRICE, "price must be a finite number ≥ 0, got " + price);
        }
        if (!(t > 0.0)) {
            return new ImpliedVolatility.NoSolution(
                    ImpliedVolatility.Reason.EXPIRED, "the option has no time left to expiry: no implied volatility");
        }
        double disc = Math.exp(-r * t);
        double f = s * Math.exp((r - q) * t);
        double lower = disc * Math.max(sign * (f - k), 0.0);
        double upper = sign > 0 ? disc * f : disc * k;
        if (price <= lower) {
            return new ImpliedVolatility.NoSolution(
                    ImpliedVolatility.Reason.AT_OR_BELOW_INTRINSIC,
                    String.format(
                            Locale.ROOT,
                            "price %s is at or below the no-arbitrage lower bound %s (discounted intrinsic value):"
                                    + " no implied volatility",
                            price,
                            lower));
        }
        if (price >= upper) {
            return new ImpliedVolatility.NoSolution(
                    ImpliedVolatility.Reason.ABOVE_MAXIMUM,
                    String.format(
                            Locale.ROOT,
                            "price %s is at or above the no-arbitrage upper bound %s (%s): no implied volatility",
                            price,
                            upper,
                            sign > 0 ? "discounted forward" : "discounted strike"));
        }
        double sqrtFk = Math.sqrt(f * k);
        // Time value in normalised units; out-of-the-money twin: x ≤ 0, call.
        double beta = (price - lower) / disc / sqrtFk;
        double x = -Math.abs(Math.log(f / k));
        Root root = solveNormalised(x, beta);
        if (root.s() < 0.0) {
            return new ImpliedVolatility.NoSolution(
                    ImpliedVolatility.Reason.NOT_CONVERGED,
                    "implied volatility search did not converge for price " + price);
        }
        return new ImpliedVolatility.Solved(root.s() / Math.sqrt(t), root.iterations());
    }

    /** A normalised root s = σ√T (−1 when unattainable) and the iterations spent. */
    record Root(double s, int iterations) {}

    /**
     * Solves b(x, s) = beta for s with x ≤ 0 and 0 &lt; beta; returns −1 if beta is not attainable in
     * floating point (beta ≥ e^{x/2}).
     */
    static Root solveNormalised(double x, double beta) {
        double ex = Math.exp(0.5 * x);
        double emx = 1.0 / ex;
        if (!(beta > 0.0) || beta >= ex) {
            return new Root(-1.0, 0);
        }
        double sc = Math.sqrt(-2.0 * x);
        double bc = x == 0.0 ? 0.0 : 0.5 * ex - emx * StandardNormal.cdf(-sc);
        double complement = ex - beta; // e^{x/2} − b at the root
        int mode;
        double lo;
        double hi;
        double sv;
        double target;
        if (beta < LOG_REGION * bc) {
            mode = LOWER_LOG;
            lo = 0.0;
            hi = sc;
            target = Math.log(beta);
            sv = lowerGuess(x, target, sc);
        } else {
            double guess = -2.0 * startQuantile(Math.min(0.5, complement / (ex + emx)));
            if (beta < bc) {
                mode = LOWER_PLAIN;
                lo = 0.0;
                hi = sc;
                target = beta;
                sv = guess > 0.0 && guess < sc ? guess : sc;
            } else {
                mode = UPPER_LOG;
                lo = sc;
                hi = Double.POSITIVE_INFINITY;
                target = -Math.log(complement);
                sv = Math.max(guess, sc);
                if (sv == 0.0) {
                    sv = 1e-3;
                }
            }
        }
        int it = 0;
        while (it < MAX_ITERATIONS) {
            it++;
            double d1 = x / sv + 0.5 * sv;
            double d2 = d1 - sv;
            // exp(−d2²/2) = exp(−d1²/2)·e^{x}: one exponential per iteration for density and both tails
            double gd1 = StandardNormal.gaussian(d1);
            double gd2 = gd1 * ex * ex;
            double vega = ex * StandardNormal.INV_SQRT_2PI * gd1; // ∂b/∂s
            double curvature = vega * (x * x / (sv * sv * sv) - 0.25 * sv); // ∂²b/∂s²
            double g;
            double g1;
            double g2;
            if (mode == UPPER_LOG) {
                double c = ex * StandardNormal.cdf(-d1, gd1) + emx * StandardNormal.cdf(d2, gd2);
                if (!(c > 0.0)) {
                    hi = sv;
                    sv = 0.5 * (lo + hi);
                    continue;
                }
                g = -Math.log(c) - target;
                g1 = vega / c;
                g2 = curvature / c + g1 * g1;
            } else {
                double b = ex * StandardNormal.cdf(d1, gd1) - emx * StandardNormal.cdf(d2, gd2);
                if (mode == LOWER_PLAIN) {
                    g = b / target - 1.0;
                    g1 = vega / target;
                    g2 = curvature / target;
                } else {
                    if (!(b > 0.0)) {
                        lo = sv; // underflow: the root is to the right
                        sv = 0.5 * (lo + hi);
                        continue;
                    }
                    g = Math.log(b) - target;
                    g1 = vega / b;
                    g2 = curvature / b - g1 * g1;
                }
            }
            // Every objective is a relative error of a price-like quantity: 1e-14 is a few ulps.
            if (Math.abs(g) <= 1e-14) {
                return new Root(sv, it);
            }
            if (g > 0.0) {
                hi = Math.min(hi, sv);
            } else {
                lo = Math.max(lo, sv);
            }
            double newton = -g / g1;
            double denominator = 1.0 + 0.5 * newton * g2 / g1;
            double step = denominator > 0.5 && Double.isFinite(denominator) ? newton / denominator : newton;
            // Halley converges cubically: a step below 1e-7·s leaves an error of order (1e-7)³·s once taken,
            // far below an ulp, so the step is taken without evaluating b again. In log space deep out of
            // the money the third-order constant grows like x²/s², so there the step must be smaller.
            if (Math.abs(step) <= (mode == LOWER_LOG ? 1e-11 : 1e-7) * sv) {
                return new Root(sv + step, it);
            }
            double next = sv + step;
            if (!(next > lo && next < hi)) {
                next = Double.isInfinite(hi) ? 2.0 * sv : 0.5 * (lo + hi);
            }
            if (hi - lo <= 4e-16 * hi) {
                return new Root(next, it);
            }
            sv = next;
        }
        return new Root(-1.0, it);
    }

    /**
     * Φ⁻¹(p) for 0 &lt; p ≤ ½ to the 1.15e-9 relative accuracy of P. J. Acklam's rational approximation,
     * without the Halley refinement of {@link StandardNormal#inverseCdf}: a starting point needs no more,
     * and the refinement would cost two exponentials per solve.
     */
    static double startQuantile(double p) {
        if (p < 0.02425) {
            double q = Math.sqrt(-2.0 * Math.log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                                                            - 2.549732539343734e+00)
                                                    * q
                                            + 4.374664141464968e+00)
                                    * q
                            + 2.938163982698783e+00)
                    / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                                            + 3.754408661907416e+00)
                                    * q
                            + 1.0);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                                                        + 1.383577518672690e+02)
                                                * r
                                        - 3.066479806614716e+01)
                                * r
                        + 2.506628277459239e+00)
                * q
                / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                                                        + 6.680131188771972e+01)
                                                * r
                                        - 1.328068155288572e+01)
                                * r
                        + 1.0);
    }

    /**
     * Start for the convex branch from the small-s expansion ln b ≈ −x²/(2s²) − s²/8 + 3·ln s − 2·ln|x|
     * − ln√(2π), iterated twice as a fixed point from s = |x|/√(−2·ln b).
     */
    private static double lowerGuess(double x, double lnBeta, double sc) {
        double ax = -x;
        double sv = ax / Math.sqrt(Math.max(-2.0 * lnBeta, 1e-300));
        for (int i = 0; i < 2; i++) {
            double rest = lnBeta - 3.0 * Math.log(sv) + 2.0 * Math.log(ax) + 0.9189385332046728 + sv * sv / 8.0;
            if (!(rest < 0.0)) {
                break;
            }
            sv = ax / Math.sqrt(-2.0 * rest);
        }
        if (!(sv > 0.0 && sv < sc)) {
            sv = 0.5 * sc;
        }
        return sv;
    }
}
