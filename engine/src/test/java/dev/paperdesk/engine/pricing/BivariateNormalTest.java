package dev.paperdesk.engine.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BivariateNormalTest {
    private static final double[] POINTS = {-3.1, -1.2, -0.4, 0.0, 0.35, 1.1, 2.6};
    private static final double[] RHOS = {-0.999, -0.95, -0.8, -0.5, -0.2, 0.1, 0.29, 0.6, 0.74, 0.93, 0.99};

    @Test
    void atTheOriginItIsSheppardsFormula() {
        for (double rho : RHOS) {
            double expected = 0.25 + Math.asin(rho) / (2 * Math.PI);
            assertThat(BivariateNormal.cdf(0, 0, rho)).as("ρ=%s", rho).isCloseTo(expected, within(1e-14));
        }
    }

    @Test
    void uncorrelatedIsTheProductOfMarginals() {
        for (double a : POINTS) {
            for (double b : POINTS) {
                assertThat(BivariateNormal.cdf(a, b, 0.0))
                        .isCloseTo(StandardNormal.cdf(a) * StandardNormal.cdf(b), within(1e-15));
            }
        }
    }

    @Test
    void perfectCorrelationLimits() {
        assertThat(BivariateNormal.cdf(0.4, 1.3, 1.0)).isCloseTo(StandardNormal.cdf(0.4), within(1e-15));
        assertThat(BivariateNormal.cdf(0.4, 1.3, -1.0))
                .isCloseTo(StandardNormal.cdf(0.4) + StandardNormal.cdf(1.3) - 1.0, within(1e-15));
        assertThat(BivariateNormal.cdf(-0.4, 0.3, -1.0)).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void symmetriesAndMarginalIdentityHoldAcrossAllRegimes() {
        for (double rho : RHOS) {
            for (double a : POINTS) {
                for (double b : POINTS) {
                    double m = BivariateNormal.cdf(a, b, rho);
                    assertThat(m).isBetween(-1e-16, 1.0 + 1e-16);
                    assertThat(BivariateNormal.cdf(b, a, rho)).isCloseTo(m, within(1e-14));
                    // P(X ≤ a, Y ≤ b) + P(X ≤ a, Y > b) = P(X ≤ a), with P(X ≤ a, Y > b) = M(a, −b, −ρ)
                    assertThat(m + BivariateNormal.cdf(a, -b, -rho))
                            .as("a=%s b=%s ρ=%s", a, b, rho)
                            .isCloseTo(StandardNormal.cdf(a), within(1e-14));
                }
            }
        }
    }

    @Test
    void rejectsCorrelationOutsideTheUnitInterval() {
        assertThatThrownBy(() -> BivariateNormal.cdf(0, 0, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ρ");
    }

    @Test
    void fixedCorrelationQuadratureAgreesWithGenzOnTheBjerksundStenslandCorrelation() {
        // ρ = ±√((√5 − 1)/2): twelve nodes instead of Genz's twenty, and the ±10 tail limits
        double rho = Math.sqrt(0.5 * (Math.sqrt(5.0) - 1.0));
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (double r : new double[] {rho, -rho, 0.5, -0.2}) {
            BivariateNormal.FixedCorrelation fixed =
                    new BivariateNormal.FixedCorrelation(r, r == rho || r == -rho ? 12 : 20);
            double worst = 0.0;
            for (int i = 0; i < 20_000; i++) {
                double a = -13 + 26 * rng.nextDouble();
                double b = -13 + 26 * rng.nextDouble();
                worst = Math.max(worst, Math.abs(fixed.cdf(a, b) - BivariateNormal.cdf(a, b, r)));
            }
            assertThat(worst).as("ρ=%s", r).isLessThan(2e-15);
        }
    }

    @Test
    void fixedCorrelationRejectsWhatItCannotIntegrate() {
        assertThatThrownBy(() -> new BivariateNormal.FixedCorrelation(0.95, 20)).hasMessageContaining("|ρ| < 0.925");
        assertThatThrownBy(() -> new BivariateNormal.FixedCorrelation(0.5, 8)).hasMessageContaining("6, 12 or 20");
    }
}
