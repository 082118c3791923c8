package dev.paperdesk.engine.pricing;

/**
 * The standard normal distribution in full double precision: density, cumulative distribution and its
 * inverse.
 *
 * <p>The cumulative distribution is W. J. Cody's rational Chebyshev approximation ("Rational Chebyshev
 * approximations for the error function", Math. Comp. 23, 1969; the ANORM routine of TOMS 715), with
 * a relative error near machine precision over the whole real line, tails included. Tails matter
 * here: implied volatility of deep out-of-the-money options is solved from prices of order
 * 1e-100 and smaller, which only a relatively accurate tail can reproduce.
 *
 * <p>Callers that already hold the density use {@link #cdfFromDensity} instead: the tail is the density
 * times the {@linkplain #millsRatio Mills ratio}, a table polynomial with neither exponential, division
 * nor branch, as accurate as Cody's form (the Black–Scholes–Merton pricer takes both of its tails so).
 */
public final class StandardNormal {
    /** 1/sqrt(2π). */
    public static final double INV_SQRT_2PI = 0.3989422804014326779399460599343818684759;

    private StandardNormal() {}

    /**
     * The density φ(x) = exp(−x²/2)/√(2π). x² is split into its rounded value and its exact rounding
     * error (an fma) and the error applied to first order, so the far tail keeps its relative precision.
     */
    public static double pdf(double x) {
        return INV_SQRT_2PI * gaussian(x);
    }

    /**
     * The density as {@link #pdf} computes it but with the exponential inlined ({@link Exponential}, within
     * 2.5 ulps) wherever e^{−x²/2} is a normal double: for kernels that take dozens of densities per value
     * (Bjerksund–Stensland, the fixed-correlation bivariate normal).
     */
    public static double pdfInline(double x) {
        double sq = x * x;
        if (!(sq <= 1400.0)) {
            return pdf(x);
        }
        double err = Math.fma(x, x, -sq);
        return INV_SQRT_2PI * (Exponential.ofNonPositive(-0.5 * sq) * (1.0 - 0.5 * err));
    }

    /** The cumulative distribution Φ(x) = P(Z ≤ x), relatively accurate in both tails. */
    public static double cdf(double x) {
        return Math.abs(x) <= 0.67448975 ? central(x) : tails(x, gaussian(x));
    }

    /**
     * Φ(x) for a caller that already holds {@code gaussian} = exp(−x²/2) (pricers get the density of d2
     * from that of d1 by a multiplication), saving the exponential.
     */
    public static double cdf(double x, double gaussian) {
        return Math.abs(x) <= 0.67448975 ? central(x) : tails(x, gaussian);
    }

    /**
     * Φ(x) for a caller that already holds the density {@code density} = φ(x): the tail beyond |x| is
     * φ(x)·R(|x|) with the {@linkplain #millsRatio Mills ratio}, so no exponential is taken, and the
     * choice of tail is arithmetic (no branch): Φ(x) = H(x) − sign(x)·φ(x)·R(|x|), H the unit step.
     */
    public static double cdfFromDensity(double x, double density) {
        return step(x) + Math.copySign(density * millsRatio(Math.abs(x)), -x);
    }

    /** 1 for x ≥ +0, 0 for x ≤ −0, without a branch. */
    private static double step(double x) {
        return 0.5 + Math.copySign(0.5, x);
    }

    /**
     * The Mills ratio R(y) = (1 − Φ(y))/φ(y), so that Φ(−y) = φ(y)·R(y), for every y ≥ 0 (R(0) =
     * √(π/2), R(y) ≈ 1/y for large y): within 4.4e-16 relative (a few ulps) of 40-digit values at every
     * test point, interval edges included.
     *
     * <p>On [0, 39) a degree-12 polynomial per interval of width ½ (Chebyshev interpolation in 40-digit
     * arithmetic, {@link MillsRatioCoefficients}) evaluated by Estrin's scheme: no division, no
     * exponential, and the only branch is the range test, so call and put, near and far strikes take
     * the same path. Beyond 39 (where φ itself underflows) the asymptotic series; for y &lt; 0 the
     * identity R(y) = 1/φ(y) − R(−y).
     */
    public static double millsRatio(double y) {
        if (!(y >= 0.0 && y < 39.0)) {
            return millsRatioOutsideTable(y);
        }
        double u = 2.0 * y; // exact
        int i = (int) u;
        double v = u - (i + 0.5); // exact: the interval's local coordinate in [−½, ½)
        int o = i * MillsRatioCoefficients.STRIDE;
        double[] c = MillsRatioCoefficients.C;
        double v2 = v * v;
        double v4 = v2 * v2;
        double p01 = Math.fma(c[o + 1], v, c[o]);
        double p23 = Math.fma(c[o + 3], v, c[o + 2]);
        double p45 = Math.fma(c[o + 5], v, c[o + 4]);
        double p67 = Math.fma(c[o + 7], v, c[o + 6]);
        double p89 = Math.fma(c[o + 9], v, c[o + 8]);
        double p1011 = Math.fma(c[o + 11], v, c[o + 10]);
        double q03 = Math.fma(p23, v2, p01);
        double q47 = Math.fma(p67, v2, p45);
        double q811 = Math.fma(p1011, v2, p89);
        double r07 = Math.fma(q47, v4, q03);
        double r812 = Math.fma(c[o + 12], v4, q811);
        return Math.fma(r812, v4 * v4, r07);
    }

    private static double millsRatioOutsideTable(double y) {
        if (y >= 39.0) {
            // R(y) = (1/y)·Σ (−1)^k (2k−1)!!/y^{2k}: at y ≥ 39 the ninth term is below 1e-19
            double w = 1.0 / (y * y);
            double s = 1.0
                    - w
                            * (1.0
                                    - w
                                            * (3.0
                                                    - w
                                                            * (15.0
                                                                    - w
                                                                            * (105.0
                                                                                    - w
                                                                                            * (945.0
                                                                                                    - w
                                                                                                            * (10395.0
                                                                                                                    - w
                                                                                                                            * (135135.0
                                                                                                                                    - w
                                                                                                                                            * 2027025.0)))))));
            return s / y;
        }
        if (y < 0.0) {
            return 1.0 / pdf(y) - millsRatio(-y);
        }
        return Double.NaN;
    }

    /** exp(−x²/2), the unnormalised density. */
    public static double gaussian(double x) {
        double sq = x * x;
        double err = Math.fma(x, x, -sq);
        return Math.exp(-0.5 * sq) * (1.0 - 0.5 * err);
    }

    // Cody's coefficients are written into the Horner forms below rather than read from arrays: the JIT
    // folds literals into the instructions, while array elements cost a load each (the BSM kernel
    // evaluates two of these per contract). The order of operations is Cody's, so results are unchanged.

    private static double central(double x) {
        double y = Math.abs(x);
        double z = y > 1.11e-16 ? x * x : 0.0;
        double num = 0.065682337918207449113 * z;
        num = (num + 2.2352520354606839287) * z;
        num = (num + 161.02823106855587881) * z;
        num = (num + 1067.6894854603709582) * z;
        double den = (z + 47.20258190468824187) * z;
        den = (den + 976.09855173777669322) * z;
        den = (den + 10260.932208618978205) * z;
        return 0.5 + x * (num + 18154.981253343561249) / (den + 45507.789335026729956);
    }

    private static double tails(double x, double gaussian) {
        double y = Math.abs(x);
        double tail;
        if (y <= 5.656854249492380195206754896838) { // sqrt(32)
            double num = 1.0765576773720192317e-8 * y;
            num = (num + 0.39894151208813466764) * y;
            num = (num + 8.8831497943883759412) * y;
            num = (num + 93.506656132177855979) * y;
            num = (num + 597.27027639480026226) * y;
            num = (num + 2494.5375852903726711) * y;
            num = (num + 6848.1904505362823326) * y;
            num = (num + 11602.651437647350124) * y;
            double den = (y + 22.266688044328115691) * y;
            den = (den + 235.38790178262499861) * y;
            den = (den + 1519.377599407554805) * y;
            den = (den + 6485.558298266760755) * y;
            den = (den + 18615.571640885098091) * y;
            den = (den + 34900.952721145977266) * y;
            den = (den + 38912.003286093271411) * y;
            tail = gaussian * (num + 9842.7148383839780218) / (den + 19685.429676859990727);
        } else if (y < 38.5) {
            double z = 1.0 / (x * x);
            double num = 0.02307344176494017303 * z;
            num = (num + 0.21589853405795699) * z;
            num = (num + 0.1274011611602473639) * z;
            num = (num + 0.022235277870649807) * z;
            num = (num + 0.001421619193227893466) * z;
            double den = (z + 1.28426009614491121) * z;
            den = (den + 0.468238212480865118) * z;
            den = (den + 0.0659881378689285515) * z;
            den = (den + 0.00378239633202758244) * z;
            double r = z * (num + 2.9112874951168792e-5) / (den + 7.29751555083966205e-5);
            tail = gaussian * (INV_SQRT_2PI - r) / y;
        } else {
            tail = 0.0; // below the smallest subnormal
        }
        return x > 0 ? 1.0 - tail : tail;
    }

    /**
     * The quantile Φ⁻¹(p) for 0 &lt; p &lt; 1: P. J. Acklam's rational approximation (relative error
     * 1.15e-9) refined by one Halley step on {@link #cdf}, which brings it to full double precision.
     *
     * @throws IllegalArgumentException when p is not strictly between 0 and 1
     */
    public static double inverseCdf(double p) {
        if (!(p > 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("probability must be strictly between 0 and 1, got " + p);
        }
        double x;
        if (p < 0.02425) {
            double q = Math.sqrt(-2.0 * Math.log(p));
            x = (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                                                            - 2.549732539343734e+00)
                                                    * q
                                            + 4.374664141464968e+00)
                                    * q
                            + 2.938163982698783e+00)
                    / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                                            + 3.754408661907416e+00)
                                    * q
                            + 1.0);
        } else if (p <= 1.0 - 0.02425) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
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
        } else {
            return -inverseCdf(1.0 - p);
        }
        // One Halley step: e = Φ(x) − p, u = e·√(2π)·exp(x²/2).
        double e = cdf(x) - p;
        double u = e / pdf(x);
        return x - u / (1.0 + 0.5 * x * u);
    }
}
