package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The chain kernel's analytic delta and gamma of Bjerksund–Stensland 2002 against high-resolution
 * central differences of the value, across calls and puts, dividend yields, deep in and out of the money,
 * and expiries from three days to three years.
 */
class Bs2002SpotGreeksTest {

    private static double value(double sign, double s, double k, double t, double r, double q, double v) {
        return BjerksundStenslandAmericanPricer.price(sign, s, k, t, r, q, v);
    }

    /**
     * Whether the value is the closed form (above both floors by more than 1e-9) at every point of the
     * stencil, so that it is smooth there: the flat exercise boundary and the floors are kinks, where a
     * difference quotient straddling them measures neither side.
     */
    private static boolean smoothAcross(
            double sign, double s, double k, double t, double r, double q, double v, double h) {
        for (int i = -2; i <= 2; i++) {
            double x = s + i * h;
            double value = value(sign, x, k, t, r, q, v);
            double floor =
                    Math.max(Math.max(sign * (x - k), 0.0), BlackScholesEuropeanPricer.price(sign, x, k, t, r, q, v));
            if (!(value > floor + 1e-9)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Delta and gamma by Richardson-extrapolated central differences of the value with steps of 1e-3 and
     * 1e-2 of a standard deviation of S_T, or null where the stencil is not smooth.
     */
    static double[] fineDifferences(double sign, double s, double k, double t, double r, double q, double v) {
        double width = s * v * Math.sqrt(t);
        double h = 1e-3 * width;
        double hg = 1e-2 * width;
        if (!smoothAcross(sign, s, k, t, r, q, v, hg)) {
            return null;
        }
        double d1 = (value(sign, s + h, k, t, r, q, v) - value(sign, s - h, k, t, r, q, v)) / (2 * h);
        double d2 = (value(sign, s + h / 2, k, t, r, q, v) - value(sign, s - h / 2, k, t, r, q, v)) / h;
        double v0 = value(sign, s, k, t, r, q, v);
        double g1 = (value(sign, s + hg, k, t, r, q, v) - 2 * v0 + value(sign, s - hg, k, t, r, q, v)) / (hg * hg);
        double g2 = (value(sign, s + hg / 2, k, t, r, q, v) - 2 * v0 + value(sign, s - hg / 2, k, t, r, q, v))
                / (hg * hg / 4);
        return new double[] {(4 * d2 - d1) / 3, (4 * g2 - g1) / 3};
    }

    /**
     * Over 2 × 9 × 5 × 3 × 3 × 3 = 2,430 points (S = 55–160 against K = 100, T = 3 days to 3 years, r =
     * 1–10%, q = 0–6%, σ = 10–80%), the 1,070 whose stencil stays in the closed form's smooth region
     * agree with the differences to 7.4e-11 in delta and 5.9e-9 in gamma times a standard deviation of
     * S_T (the differences' own error is of that order).
     */
    @Test
    void analyticDeltaAndGammaMatchFineCentralDifferences() {
        double worstDelta = 0;
        double worstGamma = 0;
        int compared = 0;
        PriceAndGreeks out = new PriceAndGreeks();
        for (double sign : new double[] {1, -1}) {
            for (double s : new double[] {55, 70, 85, 95, 100, 105, 115, 130, 160}) {
                for (double t : new double[] {3 / 365.0, 0.1, 0.5, 1, 3}) {
                    for (double r : new double[] {0.01, 0.05, 0.1}) {
                        for (double q : new double[] {0.0, 0.02, 0.06}) {
                            for (double v : new double[] {0.1, 0.3, 0.8}) {
                                double k = 100;
                                double[] fd = fineDifferences(sign, s, k, t, r, q, v);
                                if (fd == null) {
                                    continue;
                                }
                                BjerksundStenslandAmericanPricer.priceAndGreeks(sign, s, k, t, r, q, v, out);
                                worstDelta = Math.max(worstDelta, Math.abs(out.delta() - fd[0]));
                                worstGamma = Math.max(worstGamma, Math.abs(out.gamma() - fd[1]) * s * v * Math.sqrt(t));
                                compared++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(worstDelta).isLessThan(2e-10);
        assertThat(worstGamma).isLessThan(2e-8);
    }

    @Test
    void pastTheExerciseBoundaryTheGreeksAreThoseOfTheIntrinsicValue() {
        PriceAndGreeks out = new PriceAndGreeks();
        // a put on the flat boundary's far side and a call with a high dividend yield deep in the money
        BjerksundStenslandAmericanPricer.priceAndGreeks(-1, 70, 100, 0.25, 0.08, 0.0, 0.15, out);
        assertThat(out.value()).isEqualTo(30.0);
        assertThat(out.delta()).isEqualTo(-1.0);
        assertThat(out.gamma()).isZero();
        BjerksundStenslandAmericanPricer.priceAndGreeks(1, 160, 100, 0.25, 0.02, 0.10, 0.15, out);
        assertThat(out.value()).isEqualTo(60.0);
        assertThat(out.delta()).isEqualTo(1.0);
        assertThat(out.gamma()).isZero();
    }
}
