package dev.paperdesk.engine.pricing.option;

import dev.paperdesk.engine.pricing.StandardNormal;
import java.util.Locale;

/**
 * Implied volatility for any pricer without a closed-form inverse (the American ones): Brent's method on
 * σ ↦ price(σ) − market price over [0.1%, 1000%], started from the European implied volatility (an
 * American value is at least the European one, so the European volatility is an upper estimate).
 *
 * <p>Prices below the model value at the lowest volatility (the intrinsic value, or the discounted
 * forward intrinsic value when that is larger) or above the value at the highest volatility have no
 * solution. The search is bounded to {@value #MAX_ITERATIONS} evaluations.
 *
 * <p>{@link #solveWithVega} is the quick path for a pricer that gives its vega with each value
 * (Bjerksund–Stensland): Halley steps, typically two evaluations instead of Brent's ten.
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
            return aboveMaximum(price, fhi + price);
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

    /** A model's value at a volatility together with its vega there, from one evaluation. */
    interface ValueAndVega {
        /** The value at volatility {@code vol}; {@link #vega()} is then its ∂V/∂σ (NaN when unknown). */
        double value(double vol);

        /** ∂V/∂σ at the volatility of the last {@link #value} or {@link #valueAndGreeks}. */
        double vega();

        /**
         * The European value at the volatility of the last {@link #value} or {@link #valueAndGreeks}, which
         * the pass computed for its floor (so the premium over it costs nothing more).
         */
        double european();

        /**
         * The value at {@code vol} as {@link #value} gives it, with the value and the chain Greeks there
         * written to the model's holder (a fuller, dearer pass); {@link #vega()} is then the holder's vega.
         */
        double valueAndGreeks(double vol);

        /**
         * Where the last {@link #value} pass, at {@code vol} (and on this contract), shows that {@link #valueAndGreeks} there would
         * give the holder the European value and Greeks (the early-exercise premium below what that pass
         * keeps): the holder so filled and the value {@link #valueAndGreeks} would return, without its pass;
         * NaN otherwise (the holder's contents then undefined until a {@link #valueAndGreeks} pass).
         */
        default double europeanGreeks(double vol) {
            return Double.NaN;
        }
    }

    /**
     * The implied volatility of a model that gives its vega with each value (Bjerksund–Stensland's
     * analytic vega): σ0 = the European implied volatility of the price (A(σ0) ≥ E(σ0) = price); then σ1
     * where the European value plus the early-exercise premium p = A − E, taken linear in σ from σ0 with
     * its slope p'(σ0) = A'(σ0) − E'(σ0), equals the price (the European inverse of the price less p(σ0),
     * then a Halley step on that model for the slope); from there Halley steps on A with its vega and
     * A'' estimated as the European volga plus the premium's slope change between the last two values.
     * A step is accepted without a further value when Newton's own error bound ½|A''/A'|·step² (with
     * |A''/A'| taken as the estimate plus one) is below a quarter of Brent's tolerance; a value within
     * eight ulps of the price ends the search at that volatility. Every step stays inside the bracket the
     * values have shown (bisection otherwise); anything unusual (no European volatility, no finite vega,
     * a step leaving [{@value #MIN_VOL}, {@value #MAX_VOL}], no progress) takes {@link #solve}, whose
     * no-solution answers are then the same.
     */
    static ImpliedVolatility solveWithVega(OptionPricer pricer, OptionInputs in, double price, ValueAndVega model) {
        return solveWithVega(pricer, in, price, model, false);
    }

    /**
     * {@link #solveWithVega}, ending at a point where the model's holder carries the value and Greeks, so
     * that no separate Greeks pass follows the solve. The pass predicted to be the last is a {@link
     * ValueAndVega#valueAndGreeks} pass: the first one after σ0 when σ1 is within {@link #NEAR} of σ0, and
     * any after a lite pass whose step meets Newton's bound or is within {@link #CONVERGING} of σ. The
     * search ends at a full pass that reprices the option to within eight ulps or whose own Newton step is
     * within half the tolerance (the point is then as close to the root as Brent's answer); otherwise it
     * goes on, every later pass a full one. A search that ends on a lite pass (within eight ulps there), or
     * gives way to Brent's method, takes one full pass at its volatility.
     */
    static ImpliedVolatility solveWithVegaAndGreeks(
            OptionPricer pricer, OptionInputs in, double price, ValueAndVega model) {
        return solveWithVega(pricer, in, price, model, true);
    }

    /**
     * With the greeks, the first pass after σ0 is a full one when σ1 is within this of σ0: the premium's
     * linear model leaves an error that shrinks faster than (σ1 − σ0)², so a small correction lands within
     * the tolerance. On the benchmark's 1,000 contracts the first pass ends the search for 301 of the 307
     * with |σ1 − σ0| &lt; 1e-5, 18 of 49 between 1e-5 and 3e-5 and 1 of 59 between 3e-5 and 1e-4; 2e-5 gave
     * the fewest pass costs.
     */
    static final double NEAR = 2e-5;

    /**
     * With the greeks, a lite pass whose Halley step is at most this fraction of σ makes the next pass a
     * full one, even before Newton's bound is met: Halley's cubic convergence usually lands it within the
     * tolerance, and a miss costs only the difference between the two passes.
     */
    static final double CONVERGING = 1e-4;

    /**
     * With the greeks, a pass predicted to be the last after a pass whose premium over the European value
     * was below this is a value pass, completed by the European Greeks where its premium stays below the
     * full pass's 1e-9 (a full pass follows otherwise). Half that threshold: on the benchmark's three seeds
     * every such value pass was completed so (115–164 of 1,000 contracts), where 1e-8 let 20 % of them
     * miss, each a lite pass more for a saving of a quarter of one.
     */
    static final double NIL_PREMIUM = 5e-10;

    private static ImpliedVolatility solveWithVega(
            OptionPricer pricer, OptionInputs in, double price, ValueAndVega model, boolean greeks) {
        if (!Double.isFinite(price) || price < 0.0 || !(in.expiry() > 0.0) || price <= in.intrinsicValue()) {
            return fallback(pricer, in, price, model, greeks, 0);
        }
        double carry = Math.exp(-in.dividendYield() * in.expiry());
        double forwardIntrinsic =
                Math.max(in.sign() * (in.spot() * carry - in.strike() * Math.exp(-in.rate() * in.expiry())), 0.0);
        if (price - Math.max(in.intrinsicValue(), forwardIntrinsic) <= 1e-10 * price) {
            return fallback(pricer, in, price, model, greeks, 0);
        }
        if (!(BlackScholesEuropeanPricer.DEFAULT.impliedVolatility(in, price) instanceof ImpliedVolatility.Solved e
                && e.value() > MIN_VOL
                && e.value() < MAX_VOL)) {
            return fallback(pricer, in, price, model, greeks, 0);
        }
        double repriced = 8.0 * Math.ulp(price);
        double lo = MIN_VOL;
        double hi = MAX_VOL;
        // the European vega and volga at each step from the contract's σ-free parts, taken once: the same
        // operations as BjerksundStenslandAmericanPricer.europeanVega, so the same bits
        double sqrtT = Math.sqrt(in.expiry());
        double lnForward = Math.log(in.spot() / in.strike()) + (in.rate() - in.dividendYield()) * in.expiry();
        double carrySqrtT = in.spot() * carry * sqrtT;
        double x0 = e.value();
        double a0 = model.value(x0);
        double slope0 = model.vega() - europeanVega(lnForward, sqrtT, carrySqrtT, x0);
        int evaluations = 1;
        if (Math.abs(a0 - price) <= repriced) {
            return solved(x0, evaluations, model, greeks);
        }
        if (a0 > price) {
            hi = x0;
        } else {
            lo = x0;
        }
        double x1 = Double.NaN;
        // A(σ0) ≥ E(σ0) = price in exact arithmetic; below it only by σ0's own rounding (a premium of zero,
        // the European floor binding, and the European inverse a few 1e-16 off: tens of ulps of the price
        // where vega is large), where the same model's root lies just above σ0 (Brent's method otherwise)
        if (Double.isFinite(slope0)) {
            x1 = premiumModelRoot(in, price, x0, a0 - price, slope0, model.vega(), lnForward, sqrtT, carrySqrtT);
        }
        if (Double.isNaN(x1)
                && a0 > price
                && Double.isFinite(slope0)
                && BlackScholesEuropeanPricer.DEFAULT.impliedVolatility(in, 2.0 * price - a0)
                        instanceof ImpliedVolatility.Solved corrected) {
            x1 = corrected.value();
            // the model E(σ) + p(σ0) + p'(σ0)(σ − σ0) − price is p'(σ0)(σ1 − σ0) there
            double g = slope0 * (x1 - x0);
            double vega = europeanVega(lnForward, sqrtT, carrySqrtT, x1);
            double dg = vega + slope0;
            if (dg > 0.0) {
                double step = g / (dg - 0.5 * g * europeanVolga(lnForward, sqrtT, x1, vega) / dg);
                if (Double.isFinite(step)) {
                    x1 -= step;
                }
            }
        }
        if (!(x1 > lo && x1 < hi)) {
            return fallback(pricer, in, price, model, greeks, evaluations);
        }
        double xPrev = x0;
        double slopePrev = slope0;
        double premiumPrev = a0 - price; // p(σ0) = A(σ0) − E(σ0), and E(σ0) is the price
        // the premium's linear model leaves an error of about 1e-2·(σ1 − σ0)²: a small correction lands at the root
        boolean full = greeks && Math.abs(x1 - x0) <= NEAR;
        while (evaluations < 20) {
            double a1;
            if (full && premiumPrev < NIL_PREMIUM) {
                // a premium this small stays below the full pass's 1e-9 over a small step, where the holder
                // keeps the European Greeks: the value pass gives the same value and decides (a full one
                // follows if not)
                a1 = model.value(x1);
                double same = model.europeanGreeks(x1);
                a1 = Double.isNaN(same) ? model.valueAndGreeks(x1) : same;
            } else {
                a1 = full ? model.valueAndGreeks(x1) : model.value(x1);
            }
            double v1 = model.vega();
            evaluations++;
            if (Math.abs(a1 - price) <= repriced) {
                return full ? new ImpliedVolatility.Solved(x1, evaluations) : solved(x1, evaluations, model, greeks);
            }
            if (a1 > price) {
                hi = x1;
            } else {
                lo = x1;
            }
            double vega = europeanVega(lnForward, sqrtT, carrySqrtT, x1);
            double slope1 = v1 - vega;
            double premium1 = a1 - model.european();
            double curvature = europeanVolga(lnForward, sqrtT, x1, vega)
                    + premiumCurvature(xPrev, premiumPrev, slopePrev, x1, premium1, slope1);
            double g = a1 - price;
            if (!(v1 > 0.0 && Double.isFinite(curvature))) {
                return fallback(pricer, in, price, model, greeks, evaluations);
            }
            double step = g / (v1 - 0.5 * g * curvature / v1);
            if (!Double.isFinite(step) || Math.abs(step) > Math.abs(2.0 * g / v1)) {
                step = g / v1; // Halley's correction is only trusted while it is a correction
            }
            double x2 = x1 - step;
            double tol = 2.0 * Math.ulp(x1) + 0.5 * VOL_TOLERANCE;
            if (full && Math.abs(step) <= 0.5 * tol) {
                return new ImpliedVolatility.Solved(x1, evaluations); // the holder has x1's Greeks
            }
            double error = 0.5 * (Math.abs(curvature / v1) + 1.0) * step * step;
            if (error <= 0.25 * tol && x2 >= lo && x2 <= hi) {
                if (!greeks) {
                    return new ImpliedVolatility.Solved(x2, evaluations);
                }
                full = true; // x2's pass should end the search
            } else if (greeks && Math.abs(step) <= CONVERGING * x1) {
                full = true;
            }
            if (!(x2 > lo && x2 < hi)) {
                x2 = 0.5 * (lo + hi);
            }
            if (x2 <= MIN_VOL || x2 >= MAX_VOL || hi - lo <= tol) {
                return fallback(pricer, in, price, model, greeks, evaluations);
            }
            xPrev = x1;
            slopePrev = slope1;
            premiumPrev = premium1;
            x1 = x2;
        }
        return fallback(pricer, in, price, model, greeks, evaluations);
    }

    /**
     * The premium's second derivative at σ1 from its values and slopes at σ0 and σ1: the cubic through
     * them (Hermite), exact for a cubic premium, where the slopes' difference quotient is only exact for a
     * quadratic one (it is the curvature at the midpoint, off by about ½p'''·(σ1 − σ0) at σ1). Where the
     * two points are so close that the values' rounding over (σ1 − σ0)² would dominate, the difference
     * quotient.
     */
    static double premiumCurvature(double x0, double p0, double d0, double x1, double p1, double d1) {
        double h = x1 - x0;
        double secant = (d1 - d0) / h;
        if (!(Math.abs(h) >= 1e-4)) {
            return secant;
        }
        return (6.0 * (p0 - p1) / h + 2.0 * d0 + 4.0 * d1) / h;
    }

    /** A volatility found on a lite pass; with {@code greeks}, one full pass there fills the holder. */
    private static ImpliedVolatility solved(double vol, int evaluations, ValueAndVega model, boolean greeks) {
        if (greeks && Double.isNaN(model.europeanGreeks(vol))) {
            model.valueAndGreeks(vol);
            evaluations++;
        }
        return new ImpliedVolatility.Solved(vol, evaluations);
    }

    /** Brent's answer ({@link #solve}); with {@code greeks} and a solution, the holder filled there. */
    private static ImpliedVolatility fallback(
            OptionPricer pricer, OptionInputs in, double price, ValueAndVega model, boolean greeks, int used) {
        ImpliedVolatility answer = solve(pricer, in, price);
        if (greeks && answer instanceof ImpliedVolatility.Solved s) {
            return solved(s.value(), s.iterations(), model, true);
        }
        return answer;
    }

    /**
     * The root near σ0 of the premium's model E(σ) + p0 + p'(σ0)(σ − σ0) + ½c(σ − σ0)² = price, where E(σ0)
     * is the price, A'(σ0) = E'(σ0) + p'(σ0) the American vega there and c the curvature of a premium
     * locally a power of σ ({@link #premiumBend}): Halley's method on the European value with its vega and
     * volga, from σ0 (whose first step needs no European value). Usually one or two European values; NaN
     * when four steps have not settled it to 1e-15, for the European inverse to take over.
     */
    private static double premiumModelRoot(
            OptionInputs in,
            double price,
            double x0,
            double p0,
            double slope0,
            double americanVega,
            double lnForward,
            double sqrtT,
            double carrySqrtT) {
        double y = x0;
        double f = p0;
        double df = americanVega;
        double vega0 = americanVega - slope0;
        double bend = premiumBend(x0, p0, slope0);
        double ddf = europeanVolga(lnForward, sqrtT, x0, vega0) + bend;
        for (int i = 0; i < 4; i++) {
            double step = f / (df - 0.5 * f * ddf / df);
            if (!(df > 0.0 && Double.isFinite(step))) {
                return Double.NaN;
            }
            y -= step;
            if (Math.abs(step) <= 1e-15) {
                return y;
            }
            if (!(y > MIN_VOL && y < MAX_VOL)) {
                return Double.NaN;
            }
            double vega = europeanVega(lnForward, sqrtT, carrySqrtT, y);
            f = BlackScholesEuropeanPricer.price(
                            in.sign(), in.spot(), in.strike(), in.expiry(), in.rate(), in.dividendYield(), y)
                    - price
                    + p0
                    + (slope0 + 0.5 * bend * (y - x0)) * (y - x0);
            df = vega + slope0 + bend * (y - x0);
            ddf = europeanVolga(lnForward, sqrtT, y, vega) + bend;
        }
        return Double.NaN;
    }

    /**
     * The curvature p'' at σ0 of a premium that is locally a power of σ, p = p0·(σ/σ0)^k with k = σ0·p'/p0
     * (so p'' = k(k − 1)·p0/σ0²): the first pass gives the premium and its slope but not its curvature, and
     * taking it as zero (a linear premium) leaves σ1 off by about ½p''(σ1 − σ0)²/A'. On the benchmark's
     * contracts the power model lands 27 of the 29 first passes with |σ1 − σ0| in [1e-5, 2e-5) within the
     * tolerance, against 18 for the linear one. Zero where the premium is not positive.
     */
    static double premiumBend(double x0, double p0, double slope0) {
        if (!(p0 > 0.0)) {
            return 0.0;
        }
        double k = x0 * slope0 / p0;
        double bend = k * (k - 1.0) * p0 / (x0 * x0);
        return Double.isFinite(bend) ? bend : 0.0;
    }

    /**
     * The Black–Scholes–Merton vega S·e^{−qT}·√T·n(d1) from ln(S/K) + (r − q)T, √T and S·e^{−qT}·√T: the
     * operations of {@link BjerksundStenslandAmericanPricer#europeanVega} without its logarithm, square
     * root and exponential.
     */
    private static double europeanVega(double lnForward, double sqrtT, double carrySqrtT, double vol) {
        double sd = vol * sqrtT;
        double d1 = lnForward / sd + 0.5 * sd;
        return carrySqrtT * StandardNormal.pdfInline(d1);
    }

    /** ∂²E/∂σ² = vega·d1·d2/σ. */
    private static double europeanVolga(double lnForward, double sqrtT, double vol, double vega) {
        double sd = vol * sqrtT;
        double d1 = lnForward / sd + 0.5 * sd;
        return vega * d1 * (d1 - sd) / vol;
    }

    // messages by concatenation (Double.toString, the same text as %s): a chain refresh meets deep
    // in-the-money quotes without a volatility every time, and String.format costs about a microsecond
    private static ImpliedVolatility aboveMaximum(double price, double ceiling) {
        return new ImpliedVolatility.NoSolution(
                ImpliedVolatility.Reason.ABOVE_MAXIMUM,
                "price " + price + " is above the model value " + ceiling + " at " + MAX_VOL_PERCENT
                        + "% volatility: no implied volatility");
    }

    private static final String MAX_VOL_PERCENT = String.format(Locale.ROOT, "%.0f", MAX_VOL * 100);

    private static ImpliedVolatility belowIntrinsic(double price, double bound) {
        return new ImpliedVolatility.NoSolution(
                ImpliedVolatility.Reason.AT_OR_BELOW_INTRINSIC,
                "price " + price + " is at or below the lowest value the option can have, " + bound
                        + " (intrinsic value): no implied volatility");
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
