package dev.paperdesk.engine.pricing;

/**
 * The Mills ratio R(y) = (1 − Φ(y))/φ(y) with a short dependency chain, for kernels whose tails wait on
 * it: the Black–Scholes–Merton chain kernel takes N(θd1) and N(θd2) as densities times R(|d|).
 *
 * <p>On [0, 8) (where |d| lies for all but the farthest strikes) a degree-7 polynomial per interval of
 * width 1/16 centred on a multiple of 1/16 ({@link MillsRatioShortCoefficients}), evaluated by Estrin's
 * scheme in three levels: the interval is found by rounding 16y with the 1.5·2^52 shifter (a fused
 * product, no conversion to an integer on the path to the local coordinate, which is exact), where
 * {@link StandardNormal#millsRatio}'s degree-12 polynomials on intervals of width ½ take a conversion
 * each way and four levels. Within 1.1e-16 relative of 40-digit values plus the evaluation's roundings
 * (about 2e-16 more); elsewhere (y ≥ 8, y &lt; 0, NaN) it is {@link StandardNormal#millsRatio}.
 */
public final class MillsRatio {
    private static final double SHIFTER = 0x1.8p52;

    private MillsRatio() {}

    /** R(y) for every y; the short-chain polynomial for 0 ≤ y &lt; 8. */
    public static double of(double y) {
        if (!(y >= 0.0 && y < 8.0)) {
            return StandardNormal.millsRatio(y);
        }
        // 16y rounded to the nearest integer i (0..128) in the low bits of the shifted sum
        double shifted = Math.fma(y, 16.0, SHIFTER);
        double centre = shifted - SHIFTER;
        double w = Math.fma(y, 16.0, -centre); // exact, in [−½, ½]
        int o = ((int) Double.doubleToRawLongBits(shifted) & 255) * MillsRatioShortCoefficients.STRIDE;
        double[] c = MillsRatioShortCoefficients.C;
        double w2 = w * w;
        double p01 = Math.fma(c[o + 1], w, c[o]);
        double p23 = Math.fma(c[o + 3], w, c[o + 2]);
        double p45 = Math.fma(c[o + 5], w, c[o + 4]);
        double p67 = Math.fma(c[o + 7], w, c[o + 6]);
        double q03 = Math.fma(p23, w2, p01);
        double q47 = Math.fma(p67, w2, p45);
        return Math.fma(q47, w2 * w2, q03);
    }
}
