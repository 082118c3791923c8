package dev.paperdesk.engine.pricing;

/**
 * e^x, e^x·f, ln x and ln(x/y) inlined into a pricing kernel, within about an ulp of {@link Math}'s for
 * every double: the Black–Scholes–Merton chain kernel takes three exponentials and ln(S/K) per contract,
 * where {@code Math}'s out-of-line stubs cost several times as much as a table lookup and a short
 * polynomial written into the caller, and sit on the kernel's critical path.
 *
 * <p>All are table methods. {@link #exp}: Tang's, x = (k/64)·ln 2 + r with |r| ≤ ln 2/128 (ln 2/64 in two
 * parts, so r is exact to 1e-20), k rounded by the 1.5·2^52 shifter, e^r − 1 by its degree-6 Taylor
 * polynomial (Estrin's scheme), times 2^{(k mod 64)/64} from a table in two parts and 2^{⌊k/64⌋} built in
 * the exponent field. {@link #expTimes} is the same with a one-part table and degree 5, the factor applied
 * to the table value and one fma last (for latency). {@link #log}: x = 2^k·z with z in [0.6855, 1.371),
 * z's leading bits (rounded) choosing one of 128 entries c with ln z = ln c + ln(1 + r), r = z/c − 1
 * (|r| ≤ 2^-8), ln(1 + r) by its degree-7 Taylor polynomial (truncation below 2e-18 relative) and ln c in
 * two parts. The entry around 1.0 has c = 1 exactly, so near x = 1 (an at-the-money S/K) the result is r
 * plus the polynomial, relatively accurate without a branch. {@link #logOfRatio} takes two such
 * logarithms and subtracts them in two parts. The tables are 40-digit values rounded to double ({@code
 * elementary_tables.py} beside the tests).
 *
 * <p>Arguments where the result is not a normal double, and NaN and infinities, go to {@code Math}'s
 * function (a branch that the kernels' inputs never take).
 */
public final class ElementaryFunctions {
    private ElementaryFunctions() {}

    /** e^x, within an ulp of {@link Math#exp}; {@code Math.exp} itself where |x| &gt; 708 or x is NaN. */
    public static double exp(double x) {
        if (!(Math.abs(x) <= 708.0)) {
            return Math.exp(x);
        }
        double shifted = Math.fma(x, SIXTY_FOUR_OVER_LN2, SHIFTER);
        double kd = shifted - SHIFTER;
        long k = Double.doubleToRawLongBits(shifted);
        double r = Math.fma(-kd, LN2_64_LO, Math.fma(-kd, LN2_64_HI, x));
        // e^r − 1 = r + r²·(1/2 + r/6 + r²/24 + r³/120 + r⁴/720), Estrin's scheme
        double r2 = r * r;
        double p01 = Math.fma(1.0 / 6.0, r, 0.5);
        double p23 = Math.fma(1.0 / 120.0, r, 1.0 / 24.0);
        double em1 = Math.fma(r2, Math.fma(Math.fma(1.0 / 720.0, r2, p23), r2, p01), r);
        // 2^{j/64}·e^r = hi + (hi·(e^r − 1) + lo): one rounding on the leading part
        int j = (int) (k & 63);
        double hi = TWO_TO_J_64_HI[j];
        double y = hi + Math.fma(hi, em1, TWO_TO_J_64_LO[j]);
        // times 2^{⌊k/64⌋}, built in the exponent field (the low 12 bits of ⌊k/64⌋ + 1023 are the exponent:
        // the sum's high bits fall off), a normal double for every |x| ≤ 708
        return y * Double.longBitsToDouble(((k >> 6) + 1023) << 52);
    }

    /**
     * e^x·f for a finite f, written for latency where the exponential is on a kernel's critical path (the
     * density of d1): the factor is applied to the table value while the polynomial runs, e^r − 1 is
     * evaluated by Estrin's scheme and the last step is one fused product, T·f + T·f·(e^r − 1), so a
     * result follows x by eight floating-point steps. The table value is the single correctly rounded
     * 2^{j/64}, so within about 2.3 ulps of e^x·f (3 of {@code StrictMath.exp(x)·f}, which rounds twice
     * itself); {@code Math.exp(x)·f} where |x| &gt; 708 or x is NaN (below −708 with e^x's subnormal
     * precision).
     */
    public static double expTimes(double x, double f) {
        if (!(Math.abs(x) <= 708.0)) {
            return Math.exp(x) * f;
        }
        double shifted = Math.fma(x, SIXTY_FOUR_OVER_LN2, SHIFTER);
        double kd = shifted - SHIFTER;
        long k = Double.doubleToRawLongBits(shifted);
        double scaled =
                Double.longBitsToDouble(Double.doubleToRawLongBits(TWO_TO_J_64_HI[(int) (k & 63)]) + ((k >> 6) << 52))
                        * f;
        double r = Math.fma(-kd, LN2_64_LO, Math.fma(-kd, LN2_64_HI, x));
        // e^r − 1 = r + r²·(1/2 + r/6 + r²·(1/24 + r/120)); r⁶/720 ≤ 3.5e-17 relative is left out
        double r2 = r * r;
        double em1 = Math.fma(r2, Math.fma(r2, Math.fma(1.0 / 120.0, r, 1.0 / 24.0), Math.fma(1.0 / 6.0, r, 0.5)), r);
        return Math.fma(scaled, em1, scaled);
    }

    /**
     * ln x, within an ulp of {@link Math#log}; {@code Math.log} itself for zero, subnormal, negative,
     * infinite and NaN arguments.
     */
    public static double log(double x) {
        long ix = Double.doubleToRawLongBits(x);
        if (ix < 0x0010000000000000L || ix >= 0x7ff0000000000000L) {
            return Math.log(x);
        }
        // the index rounds z's leading bits (+2^44) so that the entry of 1.0 is centred on it
        long tmp = ix + (1L << 44) - LOG_OFFSET;
        int i = (int) ((tmp >>> 45) & 127);
        long k = tmp >> 52;
        double z = Double.longBitsToDouble(ix - (tmp & 0xfff0000000000000L));
        double r = Math.fma(z, LOG_INV_C[i], -1.0);
        double kd = k;
        // k·ln 2 + ln c + r as hi + lo: k·LN2_HI is exact (21 trailing zero bits) and larger than |ln c|
        // unless k = 0 (then the sum is ln c itself), and |ln c| ≥ |r| unless c = 1, so both sums are
        // Fast2Sums whose rounding errors go into lo
        double a = kd * LN2_HI;
        double w = a + LOG_C_HI[i];
        double hi = w + r;
        double lo = ((a - w) + LOG_C_HI[i]) + ((w - hi) + r) + Math.fma(kd, LN2_LO, LOG_C_LO[i]);
        return hi + (lo + log1pMinusIdentity(r));
    }

    /**
     * ln(x/y) as ln x − ln y, each logarithm carried in two parts, for positive normal x and y (otherwise
     * {@code Math.log(x / y)}). Without the division the result is within about an ulp of the exact
     * ln(x/y) for the exact arguments, also when x/y is near 1, where {@code Math.log(x / y)} carries the
     * quotient's rounding, up to 1.1e-16 absolute. The two logarithms do not wait for each other or for a
     * division: a short chain for a kernel that needs ln(S/K) first.
     */
    public static double logOfRatio(double x, double y) {
        long ix = Double.doubleToRawLongBits(x);
        long iy = Double.doubleToRawLongBits(y);
        if (ix < 0x0010000000000000L
                || ix >= 0x7ff0000000000000L
                || iy < 0x0010000000000000L
                || iy >= 0x7ff0000000000000L) {
            return Math.log(x / y);
        }
        // Each ln as hi + lo as in log(), with the reduction's product error e carried in lo (see
        // reducedProduct). hi_x − hi_y is exact when they are within a factor two (S near K, where the relative
        // precision of a small result matters) and rounds to half an ulp of the result otherwise. The
        // parts are small methods that recompute the shared reduction, so that each is inlined into the
        // kernel (one method of this size would stay a call) and the compiler merges the repeats.
        double hx = logHi(ix);
        double hy = logHi(iy);
        return (hx - hy) + ((logLo(ix, hx) - logLo(iy, hy)) + (logTail(ix) - logTail(iy)));
    }

    /** The entry index of a positive normal's bits, the 2^44 rounding z's leading bits to the nearest entry. */
    private static long logShifted(long ix) {
        return ix + (1L << 44) - LOG_OFFSET;
    }

    private static int logIndex(long shifted) {
        return (int) ((shifted >>> 45) & 127);
    }

    /**
     * p = z·(1/c) rounded, for z = x/2^k: within 2^-7 of 1, so r = p − 1 is exact, and z/c − 1 = r + e
     * exactly with e = the product's rounding error ({@link #reductionError}). Two nearby arguments then
     * differ by exactly rx − ry + ex − ey, without the ~2^-61 that rounding r itself would leave.
     */
    private static double reducedProduct(long ix, long shifted) {
        double z = Double.longBitsToDouble(ix - (shifted & 0xfff0000000000000L));
        return z * LOG_INV_C[logIndex(shifted)];
    }

    private static double reductionError(long ix, long shifted) {
        double z = Double.longBitsToDouble(ix - (shifted & 0xfff0000000000000L));
        double invC = LOG_INV_C[logIndex(shifted)];
        return Math.fma(z, invC, -(z * invC));
    }

    /** k·ln 2 + ln c + r rounded (k·LN2_HI is exact: 21 trailing zero bits). */
    private static double logHi(long ix) {
        long shifted = logShifted(ix);
        double k = shifted >> 52;
        double r = reducedProduct(ix, shifted) - 1.0;
        return (k * LN2_HI + LOG_C_HI[logIndex(shifted)]) + r;
    }

    /**
     * The rounding errors of {@link #logHi}'s two sums (Fast2Sums: |k·ln 2| exceeds |ln c| unless k = 0,
     * |ln c| exceeds |r| unless c = 1), the low parts of k·ln 2 and ln c, and e·(1 − r) for ln(1 + r + e) −
     * ln(1 + r).
     */
    private static double logLo(long ix, double hi) {
        long shifted = logShifted(ix);
        int i = logIndex(shifted);
        double k = shifted >> 52;
        double r = reducedProduct(ix, shifted) - 1.0;
        double e = reductionError(ix, shifted);
        double a = k * LN2_HI;
        double w = a + LOG_C_HI[i];
        return ((a - w) + LOG_C_HI[i]) + ((w - hi) + r) + (Math.fma(k, LN2_LO, LOG_C_LO[i]) + Math.fma(-r, e, e));
    }

    /** ln(1 + r) − r of the reduction. */
    private static double logTail(long ix) {
        return log1pMinusIdentity(reducedProduct(ix, logShifted(ix)) - 1.0);
    }

    /** ln(1 + r) − r for |r| ≤ 2^-8: r²·(−1/2 + r/3 − r²/4 + r³/5 − r⁴/6 + r⁵/7), Estrin's scheme. */
    private static double log1pMinusIdentity(double r) {
        double r2 = r * r;
        double p01 = Math.fma(1.0 / 3.0, r, -0.5);
        double p23 = Math.fma(1.0 / 5.0, r, -0.25);
        double p45 = Math.fma(1.0 / 7.0, r, -1.0 / 6.0);
        return r2 * Math.fma(Math.fma(p45, r2, p23), r2, p01);
    }

    private static final double SHIFTER = 0x1.8p52;
    private static final double SIXTY_FOUR_OVER_LN2 = 0x1.71547652b82fep6;
    /** ln 2/64 in two parts (fdlibm's ln2_hi has 21 trailing zero bits, so k·hi is exact for |k| &lt; 2^21). */
    private static final double LN2_64_HI = 6.93147180369123816490e-01 / 64.0;

    private static final double LN2_64_LO = 1.90821492927058770002e-10 / 64.0;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;

    /** The bits of 0.6875: z = x/2^k lies within 2^-9 of [0.6875, 1.375). */
    private static final long LOG_OFFSET = 0x3fe6000000000000L;

    /** 2^{j/64}, j = 0..63, correctly rounded. */
    private static final double[] TWO_TO_J_64_HI = {
        0x1.0000000000000p+0, 0x1.02c9a3e778061p+0, 0x1.059b0d3158574p+0, 0x1.0874518759bc8p+0,
        0x1.0b5586cf9890fp+0, 0x1.0e3ec32d3d1a2p+0, 0x1.11301d0125b51p+0, 0x1.1429aaea92de0p+0,
        0x1.172b83c7d517bp+0, 0x1.1a35beb6fcb75p+0, 0x1.1d4873168b9aap+0, 0x1.2063b88628cd6p+0,
        0x1.2387a6e756238p+0, 0x1.26b4565e27cddp+0, 0x1.29e9df51fdee1p+0, 0x1.2d285a6e4030bp+0,
        0x1.306fe0a31b715p+0, 0x1.33c08b26416ffp+0, 0x1.371a7373aa9cbp+0, 0x1.3a7db34e59ff7p+0,
        0x1.3dea64c123422p+0, 0x1.4160a21f72e2ap+0, 0x1.44e086061892dp+0, 0x1.486a2b5c13cd0p+0,
        0x1.4bfdad5362a27p+0, 0x1.4f9b2769d2ca7p+0, 0x1.5342b569d4f82p+0, 0x1.56f4736b527dap+0,
        0x1.5ab07dd485429p+0, 0x1.5e76f15ad2148p+0, 0x1.6247eb03a5585p+0, 0x1.6623882552225p+0,
        0x1.6a09e667f3bcdp+0, 0x1.6dfb23c651a2fp+0, 0x1.71f75e8ec5f74p+0, 0x1.75feb564267c9p+0,
        0x1.7a11473eb0187p+0, 0x1.7e2f336cf4e62p+0, 0x1.82589994cce13p+0, 0x1.868d99b4492edp+0,
        0x1.8ace5422aa0dbp+0, 0x1.8f1ae99157736p+0, 0x1.93737b0cdc5e5p+0, 0x1.97d829fde4e50p+0,
        0x1.9c49182a3f090p+0, 0x1.a0c667b5de565p+0, 0x1.a5503b23e255dp+0, 0x1.a9e6b5579fdbfp+0,
        0x1.ae89f995ad3adp+0, 0x1.b33a2b84f15fbp+0, 0x1.b7f76f2fb5e47p+0, 0x1.bcc1e904bc1d2p+0,
        0x1.c199bdd85529cp+0, 0x1.c67f12e57d14bp+0, 0x1.cb720dcef9069p+0, 0x1.d072d4a07897cp+0,
        0x1.d5818dcfba487p+0, 0x1.da9e603db3285p+0, 0x1.dfc97337b9b5fp+0, 0x1.e502ee78b3ff6p+0,
        0x1.ea4afa2a490dap+0, 0x1.efa1bee615a27p+0, 0x1.f50765b6e4540p+0, 0x1.fa7c1819e90d8p+0,
    };

    /** 2^{j/64} − TWO_TO_J_64_HI[j], rounded to double. */
    private static final double[] TWO_TO_J_64_LO = {
        0.0,
        -0x1.19083535b085dp-56,
        0x1.d73e2a475b465p-55,
        0x1.186be4bb284ffp-57,
        0x1.8a62e4adc610bp-54,
        0x1.03a1727c57b53p-59,
        -0x1.6c51039449b3ap-54,
        -0x1.32fbf9af1369ep-54,
        -0x1.19041b9d78a76p-55,
        0x1.e5b4c7b4968e4p-55,
        0x1.e016e00a2643cp-54,
        0x1.dc775814a8495p-55,
        0x1.9b07eb6c70573p-54,
        0x1.2bd339940e9d9p-55,
        0x1.612e8afad1255p-55,
        0x1.0024754db41d5p-54,
        0x1.6f46ad23182e4p-55,
        0x1.32721843659a6p-54,
        -0x1.63aeabf42eae2p-54,
        -0x1.5e436d661f5e3p-56,
        0x1.ada0911f09ebcp-55,
        -0x1.ef3691c309278p-58,
        0x1.89b7a04ef80d0p-59,
        0x1.3c1a3b69062f0p-56,
        0x1.d4397afec42e2p-56,
        -0x1.4b309d25957e3p-54,
        -0x1.07abe1db13cadp-55,
        0x1.9bb2c011d93adp-54,
        0x1.6324c054647adp-54,
        0x1.ba6f93080e65ep-54,
        -0x1.383c17e40b497p-54,
        -0x1.bb60987591c34p-54,
        -0x1.bdd3413b26456p-54,
        -0x1.bbe3a683c88abp-57,
        -0x1.16e4786887a99p-55,
        -0x1.0245957316dd3p-54,
        -0x1.41577ee04992fp-55,
        0x1.05d02ba15797ep-56,
        -0x1.d4c1dd41532d8p-54,
        -0x1.fc6f89bd4f6bap-54,
        0x1.6e9f156864b27p-54,
        0x1.5cc13a2e3976cp-55,
        -0x1.75fc781b57ebcp-57,
        -0x1.d185b7c1b85d1p-54,
        0x1.c7c46b071f2bep-56,
        -0x1.359495d1cd533p-54,
        -0x1.d2f6edb8d41e1p-54,
        0x1.0fac90ef7fd31p-54,
        0x1.7a1cd345dcc81p-54,
        -0x1.2805e3084d708p-57,
        -0x1.5584f7e54ac3bp-56,
        0x1.23dd07a2d9e84p-55,
        0x1.11065895048ddp-55,
        0x1.2884dff483cadp-54,
        0x1.503cbd1e949dbp-56,
        -0x1.cbc3743797a9cp-54,
        0x1.2ed02d75b3707p-55,
        0x1.c2300696db532p-54,
        -0x1.1a5cd4f184b5cp-54,
        0x1.39e8980a9cc8fp-55,
        -0x1.e9c23179c2893p-54,
        0x1.dc7f486a4b6b0p-54,
        0x1.9d3e12dd8a18bp-54,
        0x1.74853f3a5931ep-55,
    };

    /** 1/c per entry, a double; entry 80 (around 1.0) is exactly 1. */
    private static final double[] LOG_INV_C = {
        0x1.745d1745d1746p+0, 0x1.724287f46debcp+0, 0x1.702e05c0b8170p+0, 0x1.6e1f76b4337c7p+0,
        0x1.6c16c16c16c17p+0, 0x1.6a13cd1537290p+0, 0x1.6816816816817p+0, 0x1.661ec6a5122f9p+0,
        0x1.642c8590b2164p+0, 0x1.623fa77016240p+0, 0x1.6058160581606p+0, 0x1.5e75bb8d015e7p+0,
        0x1.5c9882b931057p+0, 0x1.5ac056b015ac0p+0, 0x1.58ed2308158edp+0, 0x1.571ed3c506b3ap+0,
        0x1.5555555555555p+0, 0x1.5390948f40febp+0, 0x1.51d07eae2f815p+0, 0x1.5015015015015p+0,
        0x1.4e5e0a72f0539p+0, 0x1.4cab88725af6ep+0, 0x1.4afd6a052bf5bp+0, 0x1.49539e3b2d067p+0,
        0x1.47ae147ae147bp+0, 0x1.460cbc7f5cf9ap+0, 0x1.446f86562d9fbp+0, 0x1.42d6625d51f87p+0,
        0x1.4141414141414p+0, 0x1.3fb013fb013fbp+0, 0x1.3e22cbce4a902p+0, 0x1.3c995a47babe7p+0,
        0x1.3b13b13b13b14p+0, 0x1.3991c2c187f63p+0, 0x1.3813813813814p+0, 0x1.3698df3de0748p+0,
        0x1.3521cfb2b78c1p+0, 0x1.33ae45b57bcb2p+0, 0x1.323e34a2b10bfp+0, 0x1.30d190130d190p+0,
        0x1.2f684bda12f68p+0, 0x1.2e025c04b8097p+0, 0x1.2c9fb4d812ca0p+0, 0x1.2b404ad012b40p+0,
        0x1.29e4129e4129ep+0, 0x1.288b01288b013p+0, 0x1.27350b8812735p+0, 0x1.25e22708092f1p+0,
        0x1.2492492492492p+0, 0x1.23456789abcdfp+0, 0x1.21fb78121fb78p+0, 0x1.20b470c67c0d9p+0,
        0x1.1f7047dc11f70p+0, 0x1.1e2ef3b3fb874p+0, 0x1.1cf06ada2811dp+0, 0x1.1bb4a4046ed29p+0,
        0x1.1a7b9611a7b96p+0, 0x1.19453808ca29cp+0, 0x1.1811811811812p+0, 0x1.16e0689427379p+0,
        0x1.15b1e5f75270dp+0, 0x1.1485f0e0acd3bp+0, 0x1.135c81135c811p+0, 0x1.12358e75d3033p+0,
        0x1.1111111111111p+0, 0x1.0fef010fef011p+0, 0x1.0ecf56be69c90p+0, 0x1.0db20a88f4696p+0,
        0x1.0c9714fbcda3bp+0, 0x1.0b7e6ec259dc8p+0, 0x1.0a6810a6810a7p+0, 0x1.0953f39010954p+0,
        0x1.0842108421084p+0, 0x1.073260a47f7c6p+0, 0x1.0624dd2f1a9fcp+0, 0x1.05197f7d73404p+0,
        0x1.0410410410410p+0, 0x1.03091b51f5e1ap+0, 0x1.0204081020408p+0, 0x1.0101010101010p+0,
        0x1.0000000000000p+0, 0x1.fc07f01fc07f0p-1, 0x1.f81f81f81f820p-1, 0x1.f44659e4a4271p-1,
        0x1.f07c1f07c1f08p-1, 0x1.ecc07b301ecc0p-1, 0x1.e9131abf0b767p-1, 0x1.e573ac901e574p-1,
        0x1.e1e1e1e1e1e1ep-1, 0x1.de5d6e3f8868ap-1, 0x1.dae6076b981dbp-1, 0x1.d77b654b82c34p-1,
        0x1.d41d41d41d41dp-1, 0x1.d0cb58f6ec074p-1, 0x1.cd85689039b0bp-1, 0x1.ca4b3055ee191p-1,
        0x1.c71c71c71c71cp-1, 0x1.c3f8f01c3f8f0p-1, 0x1.c0e070381c0e0p-1, 0x1.bdd2b899406f7p-1,
        0x1.bacf914c1bad0p-1, 0x1.b7d6c3dda338bp-1, 0x1.b4e81b4e81b4fp-1, 0x1.b2036406c80d9p-1,
        0x1.af286bca1af28p-1, 0x1.ac5701ac5701bp-1, 0x1.a98ef606a63bep-1, 0x1.a6d01a6d01a6dp-1,
        0x1.a41a41a41a41ap-1, 0x1.a16d3f97a4b02p-1, 0x1.9ec8e951033d9p-1, 0x1.9c2d14ee4a102p-1,
        0x1.999999999999ap-1, 0x1.970e4f80cb872p-1, 0x1.948b0fcd6e9e0p-1, 0x1.920fb49d0e229p-1,
        0x1.8f9c18f9c18fap-1, 0x1.8d3018d3018d3p-1, 0x1.8acb90f6bf3aap-1, 0x1.886e5f0abb04ap-1,
        0x1.8618618618618p-1, 0x1.83c977ab2beddp-1, 0x1.8181818181818p-1, 0x1.7f405fd017f40p-1,
        0x1.7d05f417d05f4p-1, 0x1.7ad2208e0ecc3p-1, 0x1.78a4c8178a4c8p-1, 0x1.767dce434a9b1p-1,
    };

    /** ln(1/LOG_INV_C[i]) rounded to double. */
    private static final double[] LOG_C_HI = {
        -0x1.7fafa3bd8151cp-2,
        -0x1.79e26687cfb3dp-2,
        -0x1.741d876c67bb1p-2,
        -0x1.6e60ee6af1973p-2,
        -0x1.68ac83e9c6a15p-2,
        -0x1.630030b3aac48p-2,
        -0x1.5d5bddf595f31p-2,
        -0x1.57bf753c8d1fbp-2,
        -0x1.522ae0738a3d7p-2,
        -0x1.4c9e09e172c3dp-2,
        -0x1.4718dc271c41cp-2,
        -0x1.419b423d5e8c6p-2,
        -0x1.3c25277333183p-2,
        -0x1.36b6776be1116p-2,
        -0x1.314f1e1d35ce3p-2,
        -0x1.2bef07cdc9355p-2,
        -0x1.269621134db91p-2,
        -0x1.214456d0eb8d5p-2,
        -0x1.1bf99635a6b95p-2,
        -0x1.16b5ccbacfb73p-2,
        -0x1.1178e8227e47ap-2,
        -0x1.0c42d676162e2p-2,
        -0x1.07138604d5864p-2,
        -0x1.01eae5626c691p-2,
        -0x1.f991c6cb3b37ap-3,
        -0x1.ef5ade4dcffe5p-3,
        -0x1.e530effe71013p-3,
        -0x1.db13db0d48941p-3,
        -0x1.d1037f2655e7bp-3,
        -0x1.c6ffbc6f00f71p-3,
        -0x1.bd087383bd8aap-3,
        -0x1.b31d8575bce3bp-3,
        -0x1.a93ed3c8ad9e5p-3,
        -0x1.9f6c407089663p-3,
        -0x1.95a5adcf70182p-3,
        -0x1.8beafeb38fe8fp-3,
        -0x1.823c16551a3c0p-3,
        -0x1.7898d85444c74p-3,
        -0x1.6f0128b756ab9p-3,
        -0x1.6574ebe8c1339p-3,
        -0x1.5bf406b543db0p-3,
        -0x1.527e5e4a1b58dp-3,
        -0x1.4913d8333b563p-3,
        -0x1.3fb45a59928cap-3,
        -0x1.365fcb0159014p-3,
        -0x1.2d1610c86813dp-3,
        -0x1.23d712a49c201p-3,
        -0x1.1aa2b7e23f729p-3,
        -0x1.1178e8227e47ap-3,
        -0x1.08598b59e3a07p-3,
        -0x1.fe89139dbd565p-4,
        -0x1.ec739830a1126p-4,
        -0x1.da7276384469ep-4,
        -0x1.c885801bc4b20p-4,
        -0x1.b6ac88dad5b1dp-4,
        -0x1.a4e7640b1bc38p-4,
        -0x1.9335e5d594988p-4,
        -0x1.8197e2f40e3f0p-4,
        -0x1.700d30aeac0e8p-4,
        -0x1.5e95a4d9791cdp-4,
        -0x1.4d3115d207eacp-4,
        -0x1.3bdf5a7d1ee5ep-4,
        -0x1.2aa04a44717a1p-4,
        -0x1.1973bd1465561p-4,
        -0x1.08598b59e3a06p-4,
        -0x1.eea31c006b87cp-5,
        -0x1.ccb73cdddb2d0p-5,
        -0x1.aaef2d0fb1108p-5,
        -0x1.894aa149fb34bp-5,
        -0x1.67c94f2d4bb65p-5,
        -0x1.466aed42de3f9p-5,
        -0x1.252f32f8d1840p-5,
        -0x1.0415d89e74440p-5,
        -0x1.c63d2ec14aad7p-6,
        -0x1.8492528c8cac5p-6,
        -0x1.432a925980cbcp-6,
        -0x1.0205658935837p-6,
        -0x1.82448a388a283p-7,
        -0x1.010157588de69p-7,
        -0x1.0080559588b25p-8,
        0.0,
        0x1.fe02a6b106799p-8,
        0x1.fc0a8b0fc03c4p-7,
        0x1.7b91b07d5b126p-6,
        0x1.f829b0e7832f8p-6,
        0x1.39e87b9febd68p-5,
        0x1.77458f632dcffp-5,
        0x1.b42dd711971b9p-5,
        0x1.f0a30c01162a8p-5,
        0x1.16536eea37ae3p-4,
        0x1.341d7961bd1d0p-4,
        0x1.51b073f06183cp-4,
        0x1.6f0d28ae56b4ep-4,
        0x1.8c345d6319b23p-4,
        0x1.a926d3a4ad562p-4,
        0x1.c5e548f5bc743p-4,
        0x1.e27076e2af2eap-4,
        0x1.fec9131dbeabcp-4,
        0x1.0d77e7cd08e5bp-3,
        0x1.1b72ad52f67a2p-3,
        0x1.29552f81ff521p-3,
        0x1.371fc201e8f75p-3,
        0x1.44d2b6ccb7d1cp-3,
        0x1.526e5e3a1b438p-3,
        0x1.5ff3070a793d6p-3,
        0x1.6d60fe719d21bp-3,
        0x1.7ab890210d907p-3,
        0x1.87fa06520c911p-3,
        0x1.9525a9cf456b6p-3,
        0x1.a23bc1fe2b561p-3,
        0x1.af3c94e80bff3p-3,
        0x1.bc286742d8cd4p-3,
        0x1.c8ff7c79a9a20p-3,
        0x1.d5c216b4fbb94p-3,
        0x1.e27076e2af2e8p-3,
        0x1.ef0adcbdc5935p-3,
        0x1.fb9186d5e3e29p-3,
        0x1.0402594b4d041p-2,
        0x1.0a324e27390e2p-2,
        0x1.1058bf9ae4ad4p-2,
        0x1.1675cababa60fp-2,
        0x1.1c898c16999fbp-2,
        0x1.22941fbcf7966p-2,
        0x1.2895a13de86a4p-2,
        0x1.2e8e2bae11d31p-2,
        0x1.347dd9a987d56p-2,
        0x1.3a64c556945eap-2,
        0x1.404308686a7e4p-2,
    };

    /** ln(1/LOG_INV_C[i]) − LOG_C_HI[i], rounded to double. */
    private static final double[] LOG_C_LO = {
        -0x1.b79bf6d4cb122p-56,
        -0x1.fe977e8bbc0dep-56,
        0x1.ed6c473e9a9f5p-58,
        0x1.56a0f7749e5cdp-56,
        0x1.acd8a9145ff44p-57,
        -0x1.ee0c6728fffccp-56,
        -0x1.d5f75b9a23ae4p-59,
        0x1.2908d15f88b63p-57,
        -0x1.3840b263acb43p-56,
        0x1.123615b147a5fp-58,
        -0x1.d8fb4c14c56eep-56,
        -0x1.5b7648704e721p-58,
        -0x1.152d81af5713ap-56,
        0x1.324f0e8838590p-58,
        -0x1.22966f61a3c23p-56,
        0x1.22dad7fd86088p-56,
        -0x1.e0efadd9db02ap-56,
        0x1.50a2dca28b3edp-58,
        0x1.e9575c2124912p-56,
        -0x1.56fbd28b40935p-56,
        -0x1.b8ce2d07f1cb7p-56,
        0x1.5a74e18a8bb85p-56,
        0x1.24e912b16ec8bp-60,
        -0x1.d9f5bd0b5b348p-57,
        -0x1.ecca0cdf30143p-58,
        -0x1.7754d2238f75fp-58,
        0x1.f7627ef82f3f0p-57,
        0x1.8af715b0349a4p-57,
        0x1.3f3adb7b71cbcp-58,
        0x1.ae58b2c57a4a5p-57,
        0x1.1165504ad749ep-59,
        0x1.0d4eace1aa537p-59,
        -0x1.bcafa9de97202p-57,
        0x1.52979a7e86605p-57,
        -0x1.8a16283fdbd1cp-57,
        0x1.54aae92cd0b87p-59,
        -0x1.6dcd318f4187ep-57,
        -0x1.be3dbaf3ec804p-60,
        0x1.37967087859b9p-59,
        -0x1.c5961e173bc82p-57,
        0x1.1f5b44c0df7f7p-61,
        0x1.b8d4b411cadffp-60,
        0x1.0d5604930f137p-58,
        0x1.d87e6a354d057p-57,
        -0x1.bea08d2dca256p-57,
        -0x1.d997036941a6dp-60,
        -0x1.51c7e9efae297p-57,
        -0x1.6e44389934420p-57,
        0x1.0e63a5f01c693p-58,
        0x1.fd7009902bf32p-57,
        0x1.ac9f4215f9394p-58,
        -0x1.eea033743f95bp-58,
        -0x1.401fa71733017p-58,
        0x1.5c734aa6598fcp-58,
        0x1.002bf768e52d0p-58,
        0x1.9b5ca203e4259p-58,
        0x1.478a85704ccb7p-58,
        0x1.230690020895fp-59,
        -0x1.a36a677b4c8b2p-59,
        0x1.4c78ba3a3baf6p-58,
        -0x1.da7d0b1e10b2fp-60,
        -0x1.f52eda76b68acp-60,
        -0x1.aea2c72d05c08p-58,
        0x1.7aac1b3d35680p-58,
        0x1.dd7009902bf32p-58,
        0x1.7c9f9276f6cd8p-60,
        0x1.e48fb0500efd5p-59,
        -0x1.68d4eed0b82aep-59,
        0x1.2ba0b44cfaee5p-59,
        -0x1.0413e6505e5f9p-59,
        0x1.9badefe942718p-60,
        -0x1.ae021b67a9ba8p-61,
        -0x1.c05cf1d753621p-59,
        -0x1.8fe7acbca131dp-63,
        0x1.d192d0619fa68p-60,
        0x1.8cdaf39004193p-60,
        -0x1.27c8e8416e717p-60,
        -0x1.04b16137f0970p-62,
        -0x1.46662d417cecep-62,
        -0x1.f96638cf63675p-62,
        0.0,
        -0x1.e44b7e3711e7fp-67,
        -0x1.83092c5964281p-62,
        -0x1.6d80ab38e9430p-62,
        0x1.33e3f04f1ef25p-60,
        -0x1.5bfa937f551b7p-59,
        0x1.8d3ca87b92968p-63,
        0x1.0a34531f67db5p-59,
        0x1.85f325c5bbacdp-59,
        0x1.2189705cf74cap-58,
        -0x1.3599f227becbbp-58,
        -0x1.5b61c65e5741ap-58,
        -0x1.20db323097324p-59,
        -0x1.294d2f5668495p-58,
        -0x1.d7a16eab1e2adp-59,
        0x1.2eb0bf7c0b0d9p-59,
        -0x1.61578001e015ap-60,
        -0x1.5746b9981b36cp-58,
        0x1.9a5dc5e9030adp-57,
        -0x1.fbe7ee5c69946p-57,
        0x1.301771c407dc0p-57,
        0x1.e6cb62af18a02p-62,
        0x1.7d3d950f87e23p-59,
        -0x1.546ff8a470d3ap-57,
        -0x1.bc60efafc6f6cp-58,
        0x1.d551d97132e87p-57,
        -0x1.1072534a57e7dp-57,
        -0x1.9f7fdbfa08d9ap-57,
        -0x1.26fb3e2b1d1dap-57,
        0x1.24dc46c1ea664p-57,
        0x1.a3398064df33ep-57,
        0x1.cfce744870f57p-58,
        -0x1.4f689f8434011p-57,
        -0x1.a37794d03657dp-58,
        -0x1.61578001e015ep-59,
        0x1.e8637950dc20dp-57,
        0x1.355519b0de535p-57,
        -0x1.08ec217a5022dp-57,
        0x1.bdcfde8061c03p-56,
        0x1.3f415699663ecp-63,
        0x1.ce63eab883727p-61,
        0x1.9f1a39d500e3cp-56,
        -0x1.dbd7ac258a2bdp-58,
        0x1.7ad24c13f040fp-56,
        -0x1.1e99b72bd7bf2p-57,
        -0x1.16ea62c048cfbp-56,
        0x1.cbcd735d03424p-60,
        -0x1.f79f6c1059cdbp-57,
    };
}
