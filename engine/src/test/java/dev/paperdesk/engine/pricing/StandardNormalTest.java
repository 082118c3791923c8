package dev.paperdesk.engine.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
