package dev.paperdesk.engine.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardNormalTest {

    /** Reference values: Φ(x) evaluated with mpmath at 30 significant digits (ncdf), rounded to 17. */
    @ParameterizedTest
    @CsvSource({
        "-37, 5.7255712225245768e-300",
        "-20, 2.7536241186062337e-89",
        "-10, 7.6198530241605261e-24",
        "-7.5, 3.1908916729108962e-14",
        "-6, 9.8658764503769814e-10",
        "-5, 2.8665157187919391e-7",
        "-2, 0.022750131948179207",
        "-1, 0.15865525393145705",
        "-0.5, 0.30853753872598690",
        "0.3, 0.61791142218895263",
        "3, 0.99865010196836991"
    })
    void cumulativeDistributionIsRelativelyAccurateIncludingTheFarTail(double x, double expected) {
        assertThat(StandardNormal.cdf(x)).isCloseTo(expected, within(Math.abs(expected) * 2e-15));
    }

    @Test
    void symmetryAndLimits() {
        for (double x = -8; x <= 8; x += 0.37) {
            assertThat(StandardNormal.cdf(x) + StandardNormal.cdf(-x)).isCloseTo(1.0, within(2e-16));
        }
        assertThat(StandardNormal.cdf(0)).isEqualTo(0.5);
        assertThat(StandardNormal.cdf(-40)).isZero();
        assertThat(StandardNormal.cdf(40)).isEqualTo(1.0);
        assertThat(StandardNormal.pdf(0)).isCloseTo(0.3989422804014327, within(1e-17));
    }

    @Test
    void suppliedGaussianGivesTheSameDistribution() {
        for (double x = -30; x <= 8; x += 0.173) {
            assertThat(StandardNormal.cdf(x, StandardNormal.gaussian(x))).isEqualTo(StandardNormal.cdf(x));
            assertThat(StandardNormal.pdf(x)).isCloseTo(Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI), within(1e-16));
        }
    }

    /**
     * 1,508 points of the line (a fixed-seed sample of [−38.5, 8.7], every edge of the Mills-ratio
     * intervals and its neighbours 2^−40 away, and a few special values) against mpmath at 40 digits,
     * generator {@code mills_ratio.py} beside the data.
     */
    @Test
    void millsRatioAndTheDensityCdfMatchMpmath() throws IOException {
        int rows = 0;
        double worstMills = 0;
        double worstCdf = 0;
        try (var in = StandardNormalTest.class.getResourceAsStream("normal_cdf_mpmath.csv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                double x = Double.parseDouble(f[0]);
                double cdf = Double.parseDouble(f[1]);
                double mills = Double.parseDouble(f[2]);
                double gotMills = StandardNormal.millsRatio(Math.abs(x));
                worstMills = Math.max(worstMills, Math.abs(gotMills / mills - 1));
                double gotCdf = StandardNormal.cdfFromDensity(x, StandardNormal.pdf(x));
                if (cdf >= Double.MIN_NORMAL) {
                    worstCdf = Math.max(worstCdf, Math.abs(gotCdf / cdf - 1));
                } else {
                    // subnormal results keep an absolute precision only
                    assertThat(gotCdf).as("Φ(%s)", x).isCloseTo(cdf, within(4 * Double.MIN_VALUE));
                }
                rows++;
            }
        }
        assertThat(rows).isEqualTo(1508);
        assertThat(worstMills).isLessThan(5e-16); // two ulps
        assertThat(worstCdf).isLessThan(1e-15);
    }

    @Test
    void millsRatioOutsideTheTable() {
        // R(0) = √(π/2); beyond the table the asymptotic series continues it smoothly
        assertThat(StandardNormal.millsRatio(0.0)).isCloseTo(Math.sqrt(Math.PI / 2), within(2e-16));
        double below = StandardNormal.millsRatio(Math.nextDown(39.0));
        double above = StandardNormal.millsRatio(39.0);
        assertThat(above).isCloseTo(below, within(1e-15 * below));
        assertThat(StandardNormal.millsRatio(1e6)).isCloseTo(1e-6 - 1e-18, within(1e-24));
        assertThat(StandardNormal.millsRatio(Double.POSITIVE_INFINITY)).isZero();
        // negative arguments: R(y) = 1/φ(y) − R(−y)
        double y = -1.25;
        assertThat(StandardNormal.millsRatio(y))
                .isCloseTo((1 - StandardNormal.cdf(y)) / StandardNormal.pdf(y), within(1e-15));
        assertThat(StandardNormal.millsRatio(Double.NaN)).isNaN();
    }

    @Test
    void densityCdfAgreesWithCodyAndHandlesZeroAndTheLimits() {
        for (double x = -37; x <= 8; x += 0.0173) {
            double cody = StandardNormal.cdf(x);
            assertThat(StandardNormal.cdfFromDensity(x, StandardNormal.pdf(x))).isCloseTo(cody, within(3e-15 * cody));
        }
        assertThat(StandardNormal.cdfFromDensity(0.0, StandardNormal.pdf(0.0))).isEqualTo(0.5);
        assertThat(StandardNormal.cdfFromDensity(-0.0, StandardNormal.pdf(-0.0)))
                .isEqualTo(0.5);
        assertThat(StandardNormal.cdfFromDensity(-40, StandardNormal.pdf(-40))).isZero();
        assertThat(StandardNormal.cdfFromDensity(40, StandardNormal.pdf(40))).isEqualTo(1.0);
        assertThat(StandardNormal.cdfFromDensity(-1e300, 0.0)).isZero();
        assertThat(StandardNormal.cdfFromDensity(Double.NEGATIVE_INFINITY, 0.0)).isZero();
        assertThat(StandardNormal.cdfFromDensity(Double.POSITIVE_INFINITY, 0.0)).isEqualTo(1.0);
    }

    @Test
    void inverseIsFullPrecisionAfterRefinement() {
        assertThat(StandardNormal.inverseCdf(0.975)).isCloseTo(1.959963984540054, within(1e-15));
        for (double p : new double[] {1e-300, 1e-20, 1e-8, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99}) {
            double x = StandardNormal.inverseCdf(p);
            assertThat(StandardNormal.cdf(x)).isCloseTo(p, within(p * 1e-13));
        }
        assertThatThrownBy(() -> StandardNormal.inverseCdf(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardNormal.inverseCdf(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
