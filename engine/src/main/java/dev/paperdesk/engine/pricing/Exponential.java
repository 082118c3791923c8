package dev.paperdesk.engine.pricing;

/**
 * e^x for −708 ≤ x ≤ 0 inlined into the caller, within 2.5 ulps: the bivariate normal's quadrature takes
 * eight of these per point, where {@link Math#exp}'s out-of-line stub costs about twice as much.
 *
 * <p>Tang's table method: x = (k/64)·ln 2 + r with k = round(64x/ln 2) and |r| ≤ ln 2/128 (the product
 * k·ln 2/64 in two parts, Cody and Waite's, so r is exact to 1e-20), e^r by its degree-5 Taylor
 * polynomial (truncation below 4e-17 relative), times 2^{(k mod 64)/64} from a table and 2^{⌊k/64⌋}
 * added to the entry's exponent bits. No branch: the caller guarantees the range (the result is a
 * normal double there), which {@code ExponentialTest} checks against {@link Math#exp}.
 *
 * <p>Written for latency as much as for throughput (a density is often on its caller's critical path):
 * k is rounded by adding 1.5·2^52 in a fused product ({@link #SHIFTER}) instead of a rounding
 * instruction and a conversion to an integer, and the polynomial and the reduction are fused products.
 */
final class Exponential {
    /** 2^{j/64}, j = 0..63, each correctly rounded. */
    private static final double[] TWO_TO_J_64 = new double[64];

    /** The bits of {@link #TWO_TO_J_64}, to which a power of two is applied by adding to the exponent field. */
    private static final long[] TWO_TO_J_64_BITS = new long[64];

    /**
     * The bits of 2^{j/256}, j = 0..255 (2 KB, in the first level cache beside the quadrature's constants):
     * {@link #ofNonPositiveInSum}'s table, four times finer than {@link #TWO_TO_J_64} so that its reduced
     * argument is four times smaller and a degree-4 polynomial suffices.
     */
    private static final long[] TWO_TO_J_256_BITS = new long[256];

    private static final double TWO_FIFTY_SIX_OVER_LN2 = 256.0 / Math.log(2.0);

    private static final double SIXTY_FOUR_OVER_LN2 = 64.0 / Math.log(2.0);
    /** ln 2/64 in two parts (fdlibm's ln2_hi has 21 trailing zero bits, so k·hi is exact for |k| &lt; 2^21). */
    private static final double LN2_64_HI = 6.93147180369123816490e-01 / 64.0;

    private static final double LN2_64_LO = 1.90821492927058770002e-10 / 64.0;

    static {
        for (int j = 0; j < 64; j++) {
            // 2^{j/64} = e^{j·ln2/64} in 40-digit arithmetic would be ideal; pow is correctly rounded to
            // within 1 ulp, and the table's rounding is part of the 2.5-ulp bound
            TWO_TO_J_64[j] = Math.pow(2.0, j / 64.0);
            TWO_TO_J_64_BITS[j] = Double.doubleToRawLongBits(TWO_TO_J_64[j]);
        }
        for (int j = 0; j < 256; j++) {
            TWO_TO_J_256_BITS[j] = Double.doubleToRawLongBits(Math.pow(2.0, j / 256.0));
        }
    }

    private Exponential() {}

    /** e^x for −708 ≤ x ≤ 0 (outside that range the result is meaningless), within 2.5 ulps. */
    static double ofNonPositive(double x) {
        double shifted = Math.fma(x, SIXTY_FOUR_OVER_LN2, SHIFTER);
        double kd = shifted - SHIFTER;
        long k = Double.doubleToRawLongBits(shifted);
        double r = Math.fma(-kd, LN2_64_LO, Math.fma(-kd, LN2_64_HI, x));
        double p = Math.fma(
                Math.fma(Math.fma(Math.fma(Math.fma(1.0 / 120.0, r, 1.0 / 24.0), r, 1.0 / 6.0), r, 0.5), r, 1.0),
                r,
                1.0);
        return Double.longBitsToDouble(TWO_TO_J_64_BITS[(int) (k & 63)] + ((k >> 6) << 52)) * p;
    }

    /**
     * 1.5·2^52: x·64/ln 2 + SHIFTER rounds x·64/ln 2 to the nearest integer k (|k| &lt; 2^51) in the sum,
     * which then holds 2^51 + k in its low bits, a multiple of 64 above k: its low six bits are k mod 64
     * and its bits from the seventh on ⌊k/64⌋, so no rounding instruction or integer conversion (both
     * slow, on the critical path) is needed.
     */
    private static final double SHIFTER = 0x1.8p52;

    /**
     * ln 2/256 rounded to a double: within 9.3e-20 of the true value (ln 2 rounded, divided by a power of
     * two, so the same relative error, 1.4e-17, as the 64-entry reduction had).
     */
    private static final double LN2_256 = Math.log(2.0) / 256.0;

    /**
     * e^x for −708 ≤ x ≤ 0 with the reduction r = x − k·ln 2/256 in one fused product and a 256-entry table
     * (eight floating-point operations in all: the 64-entry table needs a degree-5 polynomial, one fused
     * product more, on each of the 160 nodes of a Bjerksund–Stensland value), at the price of a relative error of up to 3 ulps + 3.4e-17·|x| (the
     * rounding of ln 2/256 times k): an absolute error within 3 ulps plus 3.4e-17·|x|·e^x ≤ 1.3e-17. With
     * |r| ≤ ln 2/512 the degree-4 Taylor polynomial's truncation is r^5/120 ≤ 3.8e-17 relative, the degree-5
     * one's on the 64-entry table's r. For terms summed in absolute terms (the bivariate normal's
     * quadrature nodes, 160 per Bjerksund–Stensland value), not where a tail's relative precision matters.
     */
    static double ofNonPositiveInSum(double x) {
        double shifted = Math.fma(x, TWO_FIFTY_SIX_OVER_LN2, SHIFTER);
        double kd = shifted - SHIFTER;
        long k = Double.doubleToRawLongBits(shifted);
        double r = Math.fma(-kd, LN2_256, x);
        double p = Math.fma(Math.fma(Math.fma(Math.fma(1.0 / 24.0, r, 1.0 / 6.0), r, 0.5), r, 1.0), r, 1.0);
        // 2^{(k mod 256)/256}·2^{⌊k/256⌋}, a normal double for every k of the range
        return Double.longBitsToDouble(TWO_TO_J_256_BITS[(int) (k & 255)] + ((k >> 8) << 52)) * p;
    }
}
