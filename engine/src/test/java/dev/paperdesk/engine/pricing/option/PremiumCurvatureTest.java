package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The implied-volatility solve's curvature of the early-exercise premium from two passes. */
class PremiumCurvatureTest {
    @Test
    void theHermiteCurvatureIsExactForACubicPremiumOnEitherSide() {
        // p(σ) = 0.3 − 2σ + 5σ² − 7σ³: p'' = 10 − 42σ
        for (double[] pair : new double[][] {{0.30, 0.27}, {0.25, 0.2504}, {0.4, 0.5}}) {
            double x0 = pair[0];
            double x1 = pair[1];
            double curvature = AmericanImpliedVolatilitySolver.premiumCurvature(
                    x0, cubic(x0), cubicSlope(x0), x1, cubic(x1), cubicSlope(x1));
            assertThat(curvature).as("σ0 %s, σ1 %s", x0, x1).isCloseTo(10.0 - 42.0 * x1, within(1e-8));
        }
    }

    @Test
    void closePointsTakeTheSlopesDifferenceQuotient() {
        double x0 = 0.3;
        double x1 = 0.3 + 2e-5;
        double curvature = AmericanImpliedVolatilitySolver.premiumCurvature(
                x0, cubic(x0), cubicSlope(x0), x1, cubic(x1), cubicSlope(x1));
        assertThat(curvature).isEqualTo((cubicSlope(x1) - cubicSlope(x0)) / (x1 - x0));
        // the difference quotient is the curvature at the midpoint, so within ½·p'''·(σ1 − σ0) of σ1's
        assertThat(curvature).isCloseTo(10.0 - 42.0 * x1, within(21.0 * 2e-5 + 1e-9));
    }

    @Test
    void theHermiteCurvatureIsCloserThanTheDifferenceQuotientForASmoothPremium() {
        // a premium shaped like the early-exercise premium's dependence on σ: p = 0.05·e^{−3σ}·σ^½
        double x0 = 0.32;
        double x1 = 0.305;
        double exact = smoothCurvature(x1);
        double hermite = AmericanImpliedVolatilitySolver.premiumCurvature(
                x0, smooth(x0), smoothSlope(x0), x1, smooth(x1), smoothSlope(x1));
        double secant = (smoothSlope(x1) - smoothSlope(x0)) / (x1 - x0);
        assertThat(Math.abs(hermite - exact)).isLessThan(0.05 * Math.abs(secant - exact));
    }

    @Test
    void theFirstPassBendIsExactForAPowerOfTheVolatility() {
        // p = 0.2·(σ/0.3)^k: p' = k·p/σ, p'' = k(k − 1)·p/σ²
        for (double k : new double[] {-1.5, 0.5, 2.0, 3.7}) {
            double x0 = 0.3;
            double p0 = 0.2;
            double slope = k * p0 / x0;
            assertThat(AmericanImpliedVolatilitySolver.premiumBend(x0, p0, slope))
                    .as("k %s", k)
                    .isCloseTo(k * (k - 1.0) * p0 / (x0 * x0), within(1e-12));
        }
    }

    @Test
    void noPositivePremiumNoBend() {
        assertThat(AmericanImpliedVolatilitySolver.premiumBend(0.3, 0.0, 0.5)).isZero();
        assertThat(AmericanImpliedVolatilitySolver.premiumBend(0.3, -1e-12, 0.5))
                .isZero();
        assertThat(AmericanImpliedVolatilitySolver.premiumBend(0.3, 1e-320, 0.5))
                .isZero(); // not finite
    }

    private static double cubic(double x) {
        return 0.3 - 2.0 * x + 5.0 * x * x - 7.0 * x * x * x;
    }

    private static double cubicSlope(double x) {
        return -2.0 + 10.0 * x - 21.0 * x * x;
    }

    private static double smooth(double x) {
        return 0.05 * Math.exp(-3.0 * x) * Math.sqrt(x);
    }

    private static double smoothSlope(double x) {
        return 0.05 * Math.exp(-3.0 * x) * (0.5 / Math.sqrt(x) - 3.0 * Math.sqrt(x));
    }

    private static double smoothCurvature(double x) {
        double e = 0.05 * Math.exp(-3.0 * x);
        return e * (-0.25 * Math.pow(x, -1.5) - 3.0 / Math.sqrt(x) + 9.0 * Math.sqrt(x));
    }
}
