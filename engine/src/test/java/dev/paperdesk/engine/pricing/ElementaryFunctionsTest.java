package dev.paperdesk.engine.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The kernels' inlined exponential and logarithm against {@link StrictMath} (fdlibm, within 1 ulp of the
 * exact value) over wide random ranges, 40-digit values, and the edge cases that go to {@link Math}.
 */
class ElementaryFunctionsTest {

    private static double ulps(double got, double expected) {
        return Math.abs(got - expected) / Math.ulp(expected);
    }

    @Test
    void expIsWithinAnUlpOfStrictMathOverTheWholeRange() {
        SplittableRandom rng = new SplittableRandom(19);
        double worst = 0;
        for (int i = 0; i < 3_000_000; i++) {
            // the whole normal range, the kernels' discount and carry exponents (−r·T, either sign), tiny
            double x =
                    switch (i % 3) {
                        case 0 -> 708.0 * (2 * rng.nextDouble() - 1);
                        case 1 -> 5.0 * (2 * rng.nextDouble() - 1);
                        default -> 1e-3 * (2 * rng.nextDouble() - 1);
                    };
            worst = Math.max(worst, ulps(ElementaryFunctions.exp(x), StrictMath.exp(x)));
        }
        assertThat(worst).isLessThanOrEqualTo(1.0);
    }

    @Test
    void expAgreesWithFortyDigitValues() {
        MathContext mc = new MathContext(40);
        for (double x : new double[] {
            -700.5, -261.9, -17.25, -2.302585092994046, -1.0, -0.04, -1e-9, 1e-12, 0.01, 0.5, 1.0, 3.7, 88.0, 707.9
        }) {
            // e^x = (e^{x/2^m})^{2^m}, the series converging at once for the small argument
            int m = 12;
            BigDecimal y = new BigDecimal(x).divide(BigDecimal.valueOf(1L << m), mc);
            BigDecimal term = BigDecimal.ONE;
            BigDecimal sum = BigDecimal.ONE;
            for (int n = 1; n < 30; n++) {
                term = term.multiply(y, mc).divide(BigDecimal.valueOf(n), mc);
                sum = sum.add(term, mc);
            }
            for (int i = 0; i < m; i++) {
                sum = sum.multiply(sum, mc);
            }
            double exact = sum.doubleValue();
            assertThat(ulps(ElementaryFunctions.exp(x), exact)).as("e^%s", x).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void expAtItsEdges() {
        assertThat(ElementaryFunctions.exp(0.0)).isEqualTo(1.0);
        assertThat(ElementaryFunctions.exp(-0.0)).isEqualTo(1.0);
        assertThat(ElementaryFunctions.exp(Double.MIN_VALUE)).isEqualTo(1.0);
        assertThat(ElementaryFunctions.exp(-1e-300)).isEqualTo(1.0);
        assertThat(ElementaryFunctions.exp(Double.NaN)).isNaN();
        assertThat(ElementaryFunctions.exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ElementaryFunctions.exp(Double.NEGATIVE_INFINITY)).isZero();
        // beyond ±708: Math.exp's overflow, subnormals and underflow
        assertThat(ElementaryFunctions.exp(709.5)).isEqualTo(Math.exp(709.5));
        assertThat(ElementaryFunctions.exp(710.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ElementaryFunctions.exp(-740.0)).isEqualTo(Math.exp(-740.0)).isPositive();
        assertThat(ElementaryFunctions.exp(-746.0)).isZero();
        for (double x : new double[] {708.0, -708.0, Math.log(2.0), -Math.log(2.0), 64 * Math.log(2.0)}) {
            assertThat(ulps(ElementaryFunctions.exp(x), StrictMath.exp(x)))
                    .as("e^%s", x)
                    .isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void logIsWithinAnUlpOfStrictMathOverEveryNormalDouble() {
        SplittableRandom rng = new SplittableRandom(23);
        double worst = 0;
        for (int i = 0; i < 3_000_000; i++) {
            double x =
                    switch (i % 4) {
                            // any positive normal double, uniform in its bits
                        case 0 -> Double.longBitsToDouble(0x0010000000000000L + rng.nextLong(0x7fe0000000000000L));
                            // the kernels' S/K
                        case 1 -> 0.2 + 4.8 * rng.nextDouble();
                            // near an at-the-money 1
                        case 2 -> 1.0 + 0.01 * (2 * rng.nextDouble() - 1);
                        default -> 1.0 + 1e-9 * (2 * rng.nextDouble() - 1);
                    };
            double expected = StrictMath.log(x);
            if (expected != 0.0) {
                worst = Math.max(worst, ulps(ElementaryFunctions.log(x), expected));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(1.0);
    }

    @Test
    void logAtItsEdges() {
        assertThat(ElementaryFunctions.log(1.0)).isEqualTo(0.0);
        assertThat(ElementaryFunctions.log(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ElementaryFunctions.log(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ElementaryFunctions.log(-1.0)).isNaN();
        assertThat(ElementaryFunctions.log(Double.NaN)).isNaN();
        assertThat(ElementaryFunctions.log(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ElementaryFunctions.log(Double.MIN_VALUE)).isEqualTo(Math.log(Double.MIN_VALUE));
        assertThat(ElementaryFunctions.log(Double.MIN_NORMAL / 3)).isEqualTo(Math.log(Double.MIN_NORMAL / 3));
        for (double x : new double[] {
            Double.MIN_NORMAL,
            Double.MAX_VALUE,
            Math.nextUp(1.0),
            Math.nextDown(1.0),
            0.5,
            2.0,
            Math.E,
            0.6875,
            1.375,
            Math.nextDown(1.375),
            1 - 0x1p-9,
            1 + 0x1p-8,
            1e-300,
            1e300
        }) {
            assertThat(ulps(ElementaryFunctions.log(x), StrictMath.log(x)))
                    .as("ln %s", x)
                    .isLessThanOrEqualTo(1.0);
        }
        // powers of two are k·ln 2 to the rounding of ln 2's two parts
        for (int k = -1022; k <= 1023; k += 7) {
            double x = Math.scalb(1.0, k);
            assertThat(ulps(ElementaryFunctions.log(x), StrictMath.log(x)))
                    .as("ln 2^%s", k)
                    .isLessThanOrEqualTo(1.0);
        }
    }

    /** ln(x/y) from the rounded quotient q and its exact remainder: within an ulp of the exact value. */
    private static double referenceLogOfRatio(double x, double y) {
        double q = x / y;
        double e = Math.fma(-q, y, x) / y;
        return StrictMath.log(q) + e / q;
    }

    @Test
    void logOfRatioIsWithinAnUlpOfTheExactValue() {
        SplittableRandom rng = new SplittableRandom(29);
        double worst = 0;
        for (int i = 0; i < 3_000_000; i++) {
            double x;
            double y;
            switch (i % 3) {
                case 0 -> {
                    // arguments across the exponent range, ratios up to 2^±40
                    x = Double.longBitsToDouble(0x0400000000000000L + rng.nextLong(0x6c00000000000000L));
                    y = x * Math.scalb(1.0 + rng.nextDouble(), rng.nextInt(-40, 40));
                }
                case 1 -> {
                    // the kernel's spot and strike
                    x = 0.01 + 5000 * rng.nextDouble();
                    y = x * (0.2 + 4.8 * rng.nextDouble());
                }
                default -> {
                    // at the money: S/K within 1e-3 of 1
                    x = 0.01 + 5000 * rng.nextDouble();
                    y = x * (1 + 1e-3 * (2 * rng.nextDouble() - 1));
                }
            }
            double expected = referenceLogOfRatio(x, y);
            double error = Math.abs(ElementaryFunctions.logOfRatio(x, y) - expected);
            // an ulp, plus the two polynomials' roundings (ln(1 + r) − r ≤ 2^-17, rounded each) that do
            // not cancel: 3.4e-21 measured, so a relative ulp down to |ln(x/y)| ≈ 2e-5 and an absolute
            // error 3e4 times below Math.log(x / y)'s quotient rounding beneath that
            worst = Math.max(worst, (error - 5e-21) / Math.ulp(expected));
        }
        assertThat(worst).isLessThanOrEqualTo(1.0);
    }

    @Test
    void logOfRatioAtItsEdges() {
        assertThat(ElementaryFunctions.logOfRatio(100.0, 100.0)).isZero();
        assertThat(ElementaryFunctions.logOfRatio(3.0, 3.0)).isZero();
        // ln(1 + ε) = ε to 1e-32 for the smallest quotient above 1, where Math.log(x / y) is off by 1.1e-16
        // and the two parts' bound is 5e-21
        assertThat(ElementaryFunctions.logOfRatio(Math.nextUp(100.0), 100.0))
                .isCloseTo(Math.ulp(100.0) / 100.0, org.assertj.core.api.Assertions.within(5e-21));
        assertThat(ElementaryFunctions.logOfRatio(2.0, 1.0)).isEqualTo(Math.log(2.0));
        assertThat(ElementaryFunctions.logOfRatio(1.0, 2.0)).isEqualTo(-Math.log(2.0));
        // outside positive normals: Math.log(x / y)
        assertThat(ElementaryFunctions.logOfRatio(0.0, 1.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ElementaryFunctions.logOfRatio(1.0, 0.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ElementaryFunctions.logOfRatio(-1.0, 1.0)).isNaN();
        assertThat(ElementaryFunctions.logOfRatio(Double.NaN, 1.0)).isNaN();
        assertThat(ElementaryFunctions.logOfRatio(1.0, Double.NaN)).isNaN();
        assertThat(ElementaryFunctions.logOfRatio(Double.POSITIVE_INFINITY, 1.0))
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ElementaryFunctions.logOfRatio(Double.MIN_VALUE, 1e-310))
                .isEqualTo(Math.log(Double.MIN_VALUE / 1e-310));
        // the extremes of the normal range, where x/y itself would overflow or underflow
        double wide = ElementaryFunctions.logOfRatio(Double.MAX_VALUE, Double.MIN_NORMAL);
        double expected = StrictMath.log(Double.MAX_VALUE) - StrictMath.log(Double.MIN_NORMAL);
        assertThat(Math.abs(wide - expected) / Math.ulp(expected)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void expTimesIsWithinThreeUlpsOfTheProduct() {
        SplittableRandom rng = new SplittableRandom(37);
        double worst = 0;
        for (int i = 0; i < 3_000_000; i++) {
            // the density's exponents −x²/2 (either tail, the far one included), any sign, any factor
            double x =
                    switch (i % 3) {
                        case 0 -> -0.5 * Math.pow(37.6 * rng.nextDouble(), 2);
                        case 1 -> 708.0 * (2 * rng.nextDouble() - 1);
                        default -> -0.5 * Math.pow(4 * rng.nextDouble(), 2);
                    };
            double f = i % 2 == 0 ? 0.3989422804014327 * (1 + 1e-17 * rng.nextDouble()) : 1e-3 + 1e3 * rng.nextDouble();
            double expected = StrictMath.exp(x) * f;
            double got = ElementaryFunctions.expTimes(x, f);
            if (expected >= Double.MIN_NORMAL && expected <= Double.MAX_VALUE) {
                worst = Math.max(worst, ulps(got, expected));
            }
        }
        // the table value's, the factor's and the last step's roundings and the truncation (0.3 ulp): about
        // 2.3 ulps of e^x·f, against a reference that rounds twice itself (measured: 3.0)
        assertThat(worst).isLessThanOrEqualTo(3.0);
    }

    @Test
    void expTimesAtItsEdges() {
        assertThat(ElementaryFunctions.expTimes(0.0, 0.75)).isEqualTo(0.75);
        assertThat(ElementaryFunctions.expTimes(-0.0, 1.0)).isEqualTo(1.0);
        assertThat(ElementaryFunctions.expTimes(-1e-300, 3.0)).isEqualTo(3.0);
        assertThat(ElementaryFunctions.expTimes(Double.NaN, 1.0)).isNaN();
        assertThat(ElementaryFunctions.expTimes(Double.NEGATIVE_INFINITY, 2.0)).isZero();
        assertThat(ElementaryFunctions.expTimes(Double.POSITIVE_INFINITY, 2.0)).isEqualTo(Double.POSITIVE_INFINITY);
        // beyond ±708, Math.exp(x)·f: subnormal and vanishing densities (with a subnormal's precision), overflow
        assertThat(ElementaryFunctions.expTimes(-720.0, 0.5))
                .isEqualTo(Math.exp(-720.0) * 0.5)
                .isPositive();
        assertThat(ElementaryFunctions.expTimes(-800.0, 0.5)).isZero();
        assertThat(ElementaryFunctions.expTimes(710.0, 1.0)).isEqualTo(Double.POSITIVE_INFINITY);
        for (double x : new double[] {-708.0, 708.0, -Math.log(2.0), -0.5 * 37.5 * 37.5}) {
            assertThat(ulps(ElementaryFunctions.expTimes(x, 1.0), StrictMath.exp(x)))
                    .as("e^%s", x)
                    .isLessThanOrEqualTo(3.0);
        }
    }
}
