package dev.paperdesk.engine.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quadrature's inlined exponential against {@link Math#exp} and 40-digit values. */
class ExponentialTest {

    @Test
    void withinAFewUlpsOfMathExpOverTheWholeRange() {
        SplittableRandom rng = new SplittableRandom(7);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            // uniform over [−708, 0] and, for the quadrature's usual exponents, over [−5, 0]
            double x = i % 2 == 0 ? -708.0 * rng.nextDouble() : -5.0 * rng.nextDouble();
            double e = Math.exp(x);
            worst = Math.max(worst, Math.abs(Exponential.ofNonPositive(x) - e) / Math.ulp(e));
        }
        // Math.exp is itself within 1 ulp of e^x
        assertThat(worst).isLessThanOrEqualTo(2.5);
    }

    @Test
    void theQuadratureVariantIsWithinItsBoundOfMathExp() {
        SplittableRandom rng = new SplittableRandom(13);
        double worstUlps = 0;
        double worstAbsolute = 0;
        for (int i = 0; i < 2_000_000; i++) {
            // the node exponents: E + ln|w| in [−475, −4], most of them near the top
            double x = i % 2 == 0 ? -708.0 * rng.nextDouble() : -12.0 * rng.nextDouble();
            double e = Math.exp(x);
            double error = Math.abs(Exponential.ofNonPositiveInSum(x) - e);
            // Math.exp is within 1 ulp; the one-product reduction adds up to 3.4e-17·|x| relative
            worstUlps = Math.max(worstUlps, (error - 3.4e-17 * -x * e) / Math.ulp(e));
            worstAbsolute = Math.max(worstAbsolute, error - 3 * Math.ulp(e));
        }
        // half an ulp more than ofNonPositive: the fused reduction rounds r once where the two-part one
        // rounds it twice on smaller parts
        assertThat(worstUlps).isLessThanOrEqualTo(3.0);
        assertThat(worstAbsolute).isLessThanOrEqualTo(1.3e-17);
        assertThat(Exponential.ofNonPositiveInSum(0.0)).isEqualTo(1.0);
    }

    @Test
    void exactAtTheEndsAndTheTableNodes() {
        assertThat(Exponential.ofNonPositive(0.0)).isEqualTo(1.0);
        assertThat(Exponential.ofNonPositive(-0.0)).isEqualTo(1.0);
        assertThat(Exponential.ofNonPositive(-Math.log(2.0)))
                .isCloseTo(0.5, org.assertj.core.api.Assertions.within(2e-16));
        double x = -708.0;
        assertThat(Exponential.ofNonPositive(x)).isGreaterThanOrEqualTo(Double.MIN_NORMAL);
        assertThat(Math.abs(Exponential.ofNonPositive(x) - Math.exp(x)) / Math.ulp(Math.exp(x)))
                .isLessThanOrEqualTo(2.5);
    }

    @Test
    void agreesWithFortyDigitValues() {
        MathContext mc = new MathContext(40);
        for (double x : new double[] {-1e-9, -0.001, -0.5, -1.0, -2.302585092994046, -17.25, -100.0, -261.9, -466.0}) {
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
            assertThat(Math.abs(Exponential.ofNonPositive(x) - exact) / Math.ulp(exact))
                    .as("e^%s", x)
                    .isLessThanOrEqualTo(2.5);
        }
    }

    @Test
    void theQuadratureVariantAgreesWithFortyDigitValuesOnEveryEntryOfItsTable() {
        // one point per table entry j (k ≡ j mod 256), at a quarter and at the edge of its reduction
        // interval, from the quadrature's usual exponents down to the tails
        double worst = 0;
        for (int j = 0; j < 256; j++) {
            for (double offset : new double[] {0.25, 0.499}) {
                int k = -(j + 256 * (j % 7) * 40);
                double x = (k - offset) * Math.log(2.0) / 256.0;
                double exact = fortyDigitExp(x);
                double error = Math.abs(Exponential.ofNonPositiveInSum(x) - exact);
                worst = Math.max(worst, (error - 3.4e-17 * -x * exact) / Math.ulp(exact));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(3.0);
    }

    /** e^x = (e^{x/2^m})^{2^m} in 40-digit arithmetic, the series converging at once for the small argument. */
    private static double fortyDigitExp(double x) {
        MathContext mc = new MathContext(40);
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
        return sum.doubleValue();
    }

    @Test
    void theInlinedDensityIsWithinAFewUlpsOfTheDensityEverywhere() {
        SplittableRandom rng = new SplittableRandom(11);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double x = (rng.nextDouble() - 0.5) * 2 * (i % 2 == 0 ? 40.0 : 4.0);
            double p = StandardNormal.pdf(x);
            if (p > 0) {
                worst = Math.max(worst, Math.abs(StandardNormal.pdfInline(x) - p) / Math.ulp(p));
            } else {
                assertThat(StandardNormal.pdfInline(x)).isZero();
            }
        }
        // the exponential's 2.5 ulps and the two roundings after it
        assertThat(worst).isLessThanOrEqualTo(4.0);
    }
}
