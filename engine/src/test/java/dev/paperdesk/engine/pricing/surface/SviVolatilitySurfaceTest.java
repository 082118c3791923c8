package dev.paperdesk.engine.pricing.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SviVolatilitySurfaceTest {

    @Test
    void rawSviFormulaAndDerivatives() {
        SviParameters p = new SviParameters(0.04, 0.4, -0.4, 0.05, 0.2);
        double k = 0.1;
        double y = k - 0.05;
        assertThat(p.totalVariance(k)).isCloseTo(0.04 + 0.4 * (-0.4 * y + Math.sqrt(y * y + 0.04)), within(1e-15));
        double h = 1e-5;
        assertThat(p.slope(k)).isCloseTo((p.totalVariance(k + h) - p.totalVariance(k - h)) / (2 * h), within(1e-9));
        assertThat(p.curvature(k)).isCloseTo((p.slope(k + h) - p.slope(k - h)) / (2 * h), within(1e-7));
    }

    @Test
    void ssviSliceIsTheSameSmileInRawForm() {
        double theta = 0.05;
        double phi = 1.3;
        double rho = -0.6;
        SviParameters raw = SviParameters.fromSsvi(theta, phi, rho);
        for (double k = -1; k <= 1; k += 0.1) {
            double ssvi =
                    theta / 2 * (1 + rho * phi * k + Math.sqrt((phi * k + rho) * (phi * k + rho) + 1 - rho * rho));
            assertThat(raw.totalVariance(k)).isCloseTo(ssvi, within(1e-15));
        }
        assertThat(raw.totalVariance(0)).isCloseTo(theta, within(1e-15));
    }

    @Test
    void generatedSurfacesHaveSkewTermStructureAndNoStaticArbitrage() {
        double[] expiries = {7 / 365.0, 14 / 365.0, 30 / 365.0, 0.25, 0.5, 1.0};
        for (SsviParameters shape : List.of(SsviParameters.equity(0.25), SsviParameters.crypto(0.65))) {
            SviVolatilitySurface s = shape.surface(expiries);
            assertThat(s.arbitrageViolations(-1.5, 1.5, 301)).isEmpty();
            // skew: out-of-the-money puts carry more volatility than calls for a negative ρ
            assertThat(s.volatility(-0.1, 0.25)).isGreaterThan(s.volatility(0.1, 0.25));
            // term structure: ATM total variance grows with time, ATM vol relaxes toward the long level
            assertThat(s.totalVariance(0, 1.0)).isGreaterThan(s.totalVariance(0, 0.5));
            assertThat(s.volatility(0, 1.0)).isLessThan(s.volatility(0, 7 / 365.0));
            assertThat(s.volatility(0, 7 / 365.0)).isCloseTo(shape.atmVolShort(), within(0.01));
        }
    }

    @Test
    void interpolatesTotalVarianceLinearlyInTimeAndExtrapolatesFlat() {
        SviVolatilitySurface s = SsviParameters.equity(0.3).surface(0.25, 0.5);
        double w1 = s.totalVariance(0.05, 0.25);
        double w2 = s.totalVariance(0.05, 0.5);
        assertThat(s.totalVariance(0.05, 0.375)).isCloseTo(0.5 * (w1 + w2), within(1e-15));
        assertThat(s.volatility(0.05, 2.0)).isCloseTo(s.volatility(0.05, 0.5), within(1e-15));
        assertThat(s.volatility(0.05, 0.1)).isCloseTo(s.volatility(0.05, 0.25), within(1e-15));
    }

    @Test
    void detectsButterflyAndCalendarArbitrage() {
        // Gatheral–Jacquier's counter-example shape: steep wings and a tiny vertex give negative density
        SviParameters butterfly = new SviParameters(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153);
        // the later slice has less variance everywhere
        SviParameters early = new SviParameters(0.04, 0.1, -0.5, 0.0, 0.2);
        SviParameters late = new SviParameters(0.01, 0.1, -0.5, 0.0, 0.2);
        SviVolatilitySurface bad = new SviVolatilitySurface(
                List.of(new SviSlice(0.25, early), new SviSlice(0.5, late), new SviSlice(1.0, butterfly)));
        var violations = bad.arbitrageViolations(-1.5, 1.5, 301);
        assertThat(violations).anyMatch(v -> v instanceof ArbitrageViolation.Calendar c && c.laterExpiry() == 0.5);
        assertThat(violations).anyMatch(v -> v instanceof ArbitrageViolation.Butterfly b && b.expiry() == 1.0);
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> new SviParameters(0.04, -0.1, 0, 0, 0.1)).hasMessageContaining("b");
        assertThatThrownBy(() -> new SviParameters(0.04, 0.1, 1.0, 0, 0.1)).hasMessageContaining("ρ");
        assertThatThrownBy(() -> new SviParameters(-1, 0.1, 0, 0, 0.1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new SsviParameters(0.2, 0.2, 0.5, -0.9, 1.5)).hasMessageContaining("η");
        assertThatThrownBy(() -> SsviParameters.equity(0.2).surface(0.5, 0.25)).hasMessageContaining("increasing");
    }
}
