package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The chain kernel's analytic vega, rho and theta of Bjerksund–Stensland 2002 against
 * Richardson-extrapolated central differences of the value, across calls and puts, dividend yields, deep
 * in and out of the money, and expiries from three days to three years.
 */
class Bs2002ParameterGreeksTest {

    private static double value(double sign, double s, double k, double t, double r, double q, double v) {
        return BjerksundStenslandAmericanPricer.price(sign, s, k, t, r, q, v);
    }

    private static boolean closedForm(double sign, double s, double k, double t, double r, double q, double v) {
        double value = value(sign, s, k, t, r, q, v);
        double floor =
                Math.max(Math.max(sign * (s - k), 0.0), BlackScholesEuropeanPricer.price(sign, s, k, t, r, q, v));
        return value > floor + 1e-9;
    }

    /**
     * ∂V/∂σ, ∂V/∂r (q fixed) and ∂V/∂T by Richardson-extrapolated central differences with allowances for the value's rounding over
     * the steps plus the extrapolation's estimated truncation in [3..5] (steps h, h/2 and h/4: σ 2e-4 or 0.2% of σ, r 2e-5 or less near r = 0 and for short σ√T, T 1e-3·T: wider steps in σ and r leave a truncation error of 1e-6 relative where β
     * bends sharply, at σ = 10% over three years; narrower ones in T meet the value's rounding), or null where any point of a stencil leaves the closed form's smooth
     * region (the floors and the flat boundary are kinks) or the rate stencil crosses r = q (where the
     * boundary's lower end max(K, rK/(r − b)) has a kink).
     */
    static double[] fineDifferences(double sign, double s, double k, double t, double r, double q, double v) {
        double hv = Math.min(2e-4, 2e-3 * v); // β bends on the scale of σ at low volatility
        // the boundary's lower end max(K, rK/(r − b)) is K·r/q for a call and K·q/r for a put (whose call
        // has r' = q, b' = q − r): it moves by hr/r relatively, and the arguments by that over σ√T
        double hr = Math.min(2e-5, 0.01 * Math.abs(r) * Math.min(1.0, v * Math.sqrt(t)));
        double ht = 1e-3 * t;
        if (Math.abs(r - q) <= 2 * hr || hr < 1e-7) {
            return null;
        }
        for (int i = -2; i <= 2; i++) {
            if (!closedForm(sign, s, k, t, r, q, v + i * hv / 2)
                    || !closedForm(sign, s, k, t, r + i * hr / 2, q, v)
                    || !closedForm(sign, s, k, t + i * ht / 2, r, q, v)) {
                return null;
            }
        }
        double[] vega = extrapolated(h -> value(sign, s, k, t, r, q, v + h) - value(sign, s, k, t, r, q, v - h), hv);
        double[] rho = extrapolated(h -> value(sign, s, k, t, r + h, q, v) - value(sign, s, k, t, r - h, q, v), hr);
        double[] dT = extrapolated(h -> value(sign, s, k, t + h, r, q, v) - value(sign, s, k, t - h, r, q, v), ht);
        // each difference carries the value's rounding, about 1e-15 of the larger of spot and strike, over
        // the narrowest step h/4 (hence 2/h after Richardson's 4/3), plus the estimate's own truncation
        double rounding = 10 * 1e-15 * Math.max(s, k);
        return new double[] {
            vega[0], rho[0], -dT[0], 2 * rounding / hv + vega[1], 2 * rounding / hr + rho[1], 2 * rounding / ht + dT[1]
        };
    }

    /**
     * The derivative from central differences {@code difference(h)} = f(x + h) − f(x − h): Richardson
     * extrapolation over the steps h/2 and h/4, and as its error allowance the distance to the same
     * extrapolation over h and h/2. Where the value bends sharply on the scale of the step (β at low
     * volatility over long expiries: σ = 5 % over three years leaves ~5e-7 at h = 1e-4) the wider
     * extrapolation's O(h⁴) remainder is 16 times the narrower one's, so that distance bounds the
     * narrower one's remainder with a wide margin; on smooth stencils it is far below the rounding.
     */
    private static double[] extrapolated(DoubleUnaryOperator difference, double h) {
        double wide = difference.applyAsDouble(h);
        double mid = difference.applyAsDouble(h / 2);
        double narrow = difference.applyAsDouble(h / 4);
        double coarse = richardson(wide, mid, h);
        double fine = richardson(mid, narrow, h / 2);
        return new double[] {fine, Math.abs(fine - coarse)};
    }

    private static double richardson(double wide, double narrow, double h) {
        return (4 * (narrow / h) - wide / (2 * h)) / 3;
    }

    /** The distance beyond the differences' rounding allowance, relative to 1 + |difference quotient|. */
    private static double error(double analytic, double difference, double rounding) {
        return Math.max(Math.abs(analytic - difference) - rounding, 0.0) / (1 + Math.abs(difference));
    }

    /**
     * Over the 2,430 points of {@code Bs2002SpotGreeksTest}'s grid, the 1,076 whose stencils stay in the
     * smooth region agree with the differences to within their rounding allowance plus 2.0e-9 relative to
     * 1 + |vega| (rho and theta: within the allowance); with fixed steps of 2e-5 in r and 1e-3·T the worst
     * were 5.1e-9 and 1.2e-8, the differences' own truncation.
     */
    @Test
    void analyticVegaRhoAndThetaMatchFineCentralDifferences() {
        double worstVega = 0;
        double worstRho = 0;
        double worstTheta = 0;
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
                                worstVega = Math.max(worstVega, error(out.vega(), fd[0], fd[3]));
                                worstRho = Math.max(worstRho, error(out.rho(), fd[1], fd[4]));
                                worstTheta = Math.max(worstTheta, error(out.theta(), fd[2], fd[5]));
                                compared++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(worstVega).isLessThan(1e-8);
        assertThat(worstRho).isLessThan(2e-8);
        assertThat(worstTheta).isLessThan(5e-8);
    }

    /**
     * The implied-volatility solve's pass (the value with its vega alone) returns exactly the value of
     * {@code price} and the chain kernel's vega (1e-12 relative: the same derivatives summed without the
     * spot's), or the floor's vega where a floor is the value.
     */
    @Test
    void theSolvesValueAndVegaAreThePriceAndTheChainVega() {
        PriceAndGreeks out = new PriceAndGreeks();
        BjerksundStenslandAmericanPricer.Workspace w = new BjerksundStenslandAmericanPricer.Workspace();
        int closedForm = 0;
        for (double sign : new double[] {1, -1}) {
            for (double s : new double[] {55, 85, 100, 115, 160}) {
                for (double t : new double[] {3 / 365.0, 0.5, 3}) {
                    for (double q : new double[] {0.0, 0.02, 0.06}) {
                        for (double v : new double[] {0.1, 0.3, 0.8}) {
                            double value =
                                    BjerksundStenslandAmericanPricer.valueAndVega(sign, s, 100, t, 0.05, q, v, w);
                            double vega = w.dp[0];
                            assertThat(value)
                                    .isEqualTo(BjerksundStenslandAmericanPricer.price(sign, s, 100, t, 0.05, q, v));
                            BjerksundStenslandAmericanPricer.priceAndGreeks(sign, s, 100, t, 0.05, q, v, out);
                            if (closedForm(sign, s, 100, t, 0.05, q, v)) {
                                closedForm++;
                                assertThat(vega).isCloseTo(out.vega(), within(1e-12 * (1 + Math.abs(out.vega()))));
                            } else if (value == BlackScholesEuropeanPricer.price(sign, s, 100, t, 0.05, q, v)
                                    && value > Math.max(sign * (s - 100), 0.0)) {
                                assertThat(vega)
                                        .isEqualTo(
                                                BjerksundStenslandAmericanPricer.europeanVega(s, 100, t, 0.05, q, v));
                            } else if (value > BlackScholesEuropeanPricer.price(sign, s, 100, t, 0.05, q, v)) {
                                continue; // a premium within 1e-9: the closed form's vega, not compared here
                            } else {
                                assertThat(vega).isZero();
                            }
                        }
                    }
                }
            }
        }
        assertThat(closedForm).isGreaterThan(50);
    }
}
