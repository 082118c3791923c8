package dev.paperdesk.engine.pricing.option;

import dev.paperdesk.engine.pricing.BivariateNormal;
import dev.paperdesk.engine.pricing.StandardNormal;

/**
 * The Bjerksund–Stensland 2002 kernel and chain Greeks as they stood before the allocation-free kernel
 * and the faster implied-volatility solve: the retained reference the current code is compared with
 * (values to 1e-12 relative) and the baseline the benchmarks measure beside it.
 */
public final class Bs2002BaselineKernel {
    private Bs2002BaselineKernel() {}

    /** The previous implied-volatility path: Brent on the baseline values, from the European volatility. */
    public static ImpliedVolatility impliedVolatility(OptionInputs in, double price) {
        return AmericanImpliedVolatilitySolver.solve(PRICER, in, price);
    }

    private static final OptionPricer PRICER = new OptionPricer() {
        @Override
        public dev.paperdesk.engine.model.Instrument.OptionStyle style() {
            return dev.paperdesk.engine.model.Instrument.OptionStyle.AMERICAN;
        }

        @Override
        public double price(OptionInputs in) {
            return Bs2002BaselineKernel.price(
                    in.sign(), in.spot(), in.strike(), in.expiry(), in.rate(), in.dividendYield(), in.volatility());
        }

        @Override
        public OptionValuation valuation(OptionInputs in) {
            throw new UnsupportedOperationException("the baseline only prices");
        }

        @Override
        public ImpliedVolatility impliedVolatility(OptionInputs in, double marketPrice) {
            return AmericanImpliedVolatilitySolver.solve(this, in, marketPrice);
        }
    };

    /** t1/T = (√5 − 1)/2, the golden-ratio split of the two-step boundary. */
    private static final double SPLIT = 0.5 * (Math.sqrt(5.0) - 1.0);

    private static final double SQRT_SPLIT = Math.sqrt(SPLIT);
    /**
     * The correlation √(t1/T) of the Brownian motion at t1 and T is the same for every option; the
     * bivariate normal is the current kernel's (the cubic substitution on 8 nodes), so that the two kernels
     * differ in their structure alone and their values can be compared to 1e-12.
     */
    private static final BivariateNormal.FixedCorrelation PLUS =
            BivariateNormal.FixedCorrelation.cubicSubstitution(SQRT_SPLIT, 8);

    private static final BivariateNormal.FixedCorrelation MINUS =
            BivariateNormal.FixedCorrelation.cubicSubstitution(-SQRT_SPLIT, 8);

    /**
     * The value of an American option, θ = +1 call or −1 put, without allocating: the approximation
     * floored at the European and intrinsic values.
     */
    public static double price(double sign, double s, double k, double t, double r, double q, double vol) {
        double intrinsic = Math.max(sign * (s - k), 0.0);
        double european = BlackScholesEuropeanPricer.price(sign, s, k, t, r, q, vol);
        return Math.max(approximation(sign, s, k, t, r, q, vol), Math.max(european, intrinsic));
    }

    /** The bare approximation (0 where it is undefined), before the European and intrinsic floors. */
    private static double approximation(double sign, double s, double k, double t, double r, double q, double vol) {
        if (!(t > 0.0 && vol > 0.0)) {
            return 0.0;
        }
        double b = r - q;
        double approx = sign > 0 ? call(s, k, t, r, b, vol) : call(k, s, t, r - b, -b, vol);
        return Double.isFinite(approx) ? approx : 0.0; // outside the approximation's domain the floors hold
    }

    /**
     * Value and five Greeks of an American option into {@code out}, without allocating: the live chain's
     * kernel. Where the approximation adds nothing to the European value (every call with b ≥ r, and
     * wherever the early-exercise premium is below 1e-9) the analytic Black–Scholes–Merton Greeks are
     * exact. Otherwise the Greeks bump this same value: central differences in spot (0.1% of spot),
     * one-sided in volatility (+0.001), rate (+1 bp, q fixed) and time (one calendar day, or half the
     * remaining time; theta is value tomorrow minus value today, per year). At or beyond the exercise
     * boundary the value is intrinsic: delta ±1, the other Greeks 0.
     */
    public static void priceAndGreeks(
            double sign, double s, double k, double t, double r, double q, double vol, PriceAndGreeks out) {
        BlackScholesEuropeanPricer.priceAndGreeks(sign, s, k, t, r, q, vol, out);
        double intrinsic = Math.max(sign * (s - k), 0.0);
        if (sign > 0 && q <= 0.0) {
            return; // b ≥ r: never exercised early
        }
        double value = Math.max(approximation(sign, s, k, t, r, q, vol), intrinsic);
        if (!(value > out.value + 1e-9)) {
            return;
        }
        if (!(t > 0.0 && vol > 0.0)) {
            out.set(value, sign, 0.0, 0.0, 0.0, 0.0);
            return;
        }
        double h = s * 1e-3;
        double up = price(sign, s + h, k, t, r, q, vol);
        double down = price(sign, s - h, k, t, r, q, vol);
        double dv = 1e-3;
        double dr = 1e-4;
        double dt = Math.min(1.0 / 365.0, 0.5 * t);
        out.set(
                value,
                (up - down) / (2 * h),
                (up - 2 * value + down) / (h * h),
                (price(sign, s, k, t, r, q, vol + dv) - value) / dv,
                (price(sign, s, k, t - dt, r, q, vol) - value) / dt,
                (price(sign, s, k, t, r + dr, q, vol) - value) / dr);
    }

    /**
     * The American call C(S, K, T, r, b, σ) of Bjerksund and Stensland (2002), Haug §3.1.4:
     *
     * <pre>
     *   C = α2·S^β − α2·φ(S, t1, β, I2, I2) + φ(S, t1, 1, I2, I2) − φ(S, t1, 1, I1, I2)
     *       − K·φ(S, t1, 0, I2, I2) + K·φ(S, t1, 0, I1, I2) + α1·φ(S, t1, β, I1, I2)
     *       − α1·ψ(S, T, β, I1, I2, I1, t1) + ψ(S, T, 1, I1, I2, I1, t1) − ψ(S, T, 1, K, I2, I1, t1)
     *       − K·ψ(S, T, 0, I1, I2, I1, t1) + K·ψ(S, T, 0, K, I2, I1, t1)
     * </pre>
     *
     * with t1 = ½(√5 − 1)T and the flat triggers I1 (to t1) and I2 (from t1). Every logarithm, power and
     * λ, κ, drift factor depends on the exponent γ ∈ {β, 1, 0} and not on the barrier H, so each is
     * computed once per γ; ψ's four bivariate normals share ρ = ±√(t1/T), a constant.
     */
    static double call(double s, double k, double t, double r, double b, double v) {
        if (b >= r) {
            return BlackScholesEuropeanPricer.price(1.0, s, k, t, r, r - b, v);
        }
        double v2 = v * v;
        double bv = b / v2;
        double beta = (0.5 - bv) + Math.sqrt((bv - 0.5) * (bv - 0.5) + 2.0 * r / v2);
        double bInf = beta / (beta - 1.0) * k;
        double b0 = Math.max(k, r / (r - b) * k);
        double t1 = SPLIT * t;
        double sqrtT = Math.sqrt(t);
        double sqrtT1 = SQRT_SPLIT * sqrtT;
        double scale = k * k / ((bInf - b0) * b0);
        double i1 = b0 + (bInf - b0) * (1.0 - Math.exp(-(b * t1 + 2.0 * v * sqrtT1) * scale));
        double i2 = b0 + (bInf - b0) * (1.0 - Math.exp(-(b * t + 2.0 * v * sqrtT) * scale));
        if (s >= i2) {
            return s - k;
        }
        double ls = Math.log(s);
        double lk = Math.log(k);
        double l1 = Math.log(i1);
        double l2 = Math.log(i2);
        double sd1 = v * sqrtT1;
        double sd = v * sqrtT;
        double alpha1 = (i1 - k) * Math.exp(-beta * l1);
        double alpha2 = (i2 - k) * Math.exp(-beta * l2);
        Terms gb = new Terms(beta, ls, l1, l2, r, b, v2, t1, t, sd1);
        Terms g1 = new Terms(1.0, ls, l1, l2, r, b, v2, t1, t, sd1);
        Terms g0 = new Terms(0.0, ls, l1, l2, r, b, v2, t1, t, sd1);
        return alpha2 * Math.exp(beta * ls)
                - alpha2 * gb.phi(l2, ls, l2, t1, sd1)
                + g1.phi(l2, ls, l2, t1, sd1)
                - g1.phi(l1, ls, l2, t1, sd1)
                - k * g0.phi(l2, ls, l2, t1, sd1)
                + k * g0.phi(l1, ls, l2, t1, sd1)
                + alpha1 * gb.phi(l1, ls, l2, t1, sd1)
                - alpha1 * gb.psi(l1, ls, l1, l2, t, sd)
                + g1.psi(l1, ls, l1, l2, t, sd)
                - g1.psi(lk, ls, l1, l2, t, sd)
                - k * g0.psi(l1, ls, l1, l2, t, sd)
                + k * g0.psi(lk, ls, l1, l2, t, sd);
    }

    /**
     * What φ and ψ share for one exponent γ: λ = −r + γb + ½γ(γ − 1)σ², the drift b + (γ − ½)σ², κ =
     * 2b/σ² + 2γ − 1, the powers S^γ·e^{λt}, (I2/S)^κ, (I1/S)^κ, (I1/I2)^κ, and ψ's t1 arguments e1..e4
     * with their normal probabilities Φ(−e_i). A value object the JIT scalar-replaces.
     */
    private static final class Terms {
        final double drift;
        final double scaleT1;
        final double scaleT;
        final double pow2;
        final double pow1;
        final double pow12;
        final double e1;
        final double e2;
        final double e3;
        final double e4;
        final double n1;
        final double n2;
        final double n3;
        final double n4;

        Terms(
                double gamma,
                double ls,
                double l1,
                double l2,
                double r,
                double b,
                double v2,
                double t1,
                double t,
                double sd1) {
            double lambda = -r + gamma * b + 0.5 * gamma * (gamma - 1.0) * v2;
            drift = b + (gamma - 0.5) * v2;
            double kappa = 2.0 * b / v2 + (2.0 * gamma - 1.0);
            double sGamma = gamma * ls;
            scaleT1 = Math.exp(sGamma + lambda * t1);
            scaleT = Math.exp(sGamma + lambda * t);
            pow2 = Math.exp(kappa * (l2 - ls));
            pow1 = Math.exp(kappa * (l1 - ls));
            pow12 = Math.exp(kappa * (l1 - l2));
            double m = drift * t1;
            e1 = (ls - l1 + m) / sd1;
            e2 = (2.0 * l2 - ls - l1 + m) / sd1;
            e3 = (ls - l1 - m) / sd1;
            e4 = (2.0 * l2 - ls - l1 - m) / sd1;
            n1 = StandardNormal.cdf(-e1);
            n2 = StandardNormal.cdf(-e2);
            n3 = StandardNormal.cdf(-e3);
            n4 = StandardNormal.cdf(-e4);
        }

        /** φ(S, t1, γ, H, I2) for ln H = {@code lh}. */
        double phi(double lh, double ls, double l2, double t1, double sd1) {
            double d = -(ls - lh + drift * t1) / sd1;
            return scaleT1 * (StandardNormal.cdf(d) - pow2 * StandardNormal.cdf(d - 2.0 * (l2 - ls) / sd1));
        }

        /** ψ(S, T, γ, H, I2, I1, t1) for ln H = {@code lh}. */
        double psi(double lh, double ls, double l1, double l2, double t, double sd) {
            double m = drift * t;
            double f1 = (ls - lh + m) / sd;
            double f2 = (2.0 * l2 - ls - lh + m) / sd;
            double f3 = (2.0 * l1 - ls - lh + m) / sd;
            double f4 = (ls + 2.0 * l1 - lh - 2.0 * l2 + m) / sd;
            return scaleT
                    * (PLUS.cdf(-e1, -f1, n1)
                            - pow2 * PLUS.cdf(-e2, -f2, n2)
                            - pow1 * MINUS.cdf(-e3, -f3, n3)
                            + pow12 * MINUS.cdf(-e4, -f4, n4));
        }
    }
}
