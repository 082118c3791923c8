package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Bjerksund–Stensland 2002 kernel: against a term-by-term transcription of Haug's formulas, against
 * a 5,001-step Leisen–Reimer tree on the grid of Haug's American-approximation tables (S = 90, 100, 110,
 * K = 100, T = 0.1 and 0.5, r = 8% and 10%, b = −4%, 0, 4%, σ = 15%, 25%, 35%, calls and puts), and
 * its chain Greeks against the tree.
 */
class BjerksundStensland2002Test {

    /**
     * The transcription takes Genz's bivariate normal (within 1e-15), the kernel the 8-node cubic
     * substitution (within 4e-12 of it), whose error the formula's twenty bivariate terms carry with
     * coefficients of the spot's and strike's size: measured at most 1.3e-11·max(S, K) (2.0e-9 on a value
     * of 67.5 with S = 165).
     */
    @Test
    void sharedTermKernelEqualsTheTermByTermTranscription() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < 50_000; i++) {
            double s = 30 + 170 * rng.nextDouble();
            double t = 0.003 + 3 * rng.nextDouble();
            double r = 0.1 * rng.nextDouble();
            double b = -0.1 + 0.2 * rng.nextDouble();
            double v = 0.05 + 0.9 * rng.nextDouble();
            double reference = Bs2002Reference.call(s, 100, t, r, b, v);
            assertThat(BjerksundStenslandAmericanPricer.call(s, 100, t, r, b, v))
                    .as("S=%s T=%s r=%s b=%s σ=%s", s, t, r, b, v)
                    .isCloseTo(reference, within(1e-11 + 1e-12 * Math.abs(reference) + 2e-11 * Math.max(s, 100)));
        }
    }

    /**
     * The approximation is the value of one (two-step flat) exercise policy, so it never exceeds the
     * American value: it stays under the 5,001-step tree (whose own error here is below 1e-4) and, on
     * this grid, within 0.05 of it (measured maximum 0.046, a put with σ = 35% and T = 0.5; Bjerksund and
     * Stensland report errors of this order for their 2002 boundary).
     */
    @Test
    void isALowerBoundCloseToAFineTreeOnHaugsGrid() {
        double worst = 0.0;
        for (double r : new double[] {0.08, 0.10}) {
            for (double b : new double[] {-0.04, 0.0, 0.04}) {
                for (double t : new double[] {0.1, 0.5}) {
                    for (double v : new double[] {0.15, 0.25, 0.35}) {
                        for (double s : new double[] {90, 100, 110}) {
                            for (OptionRight right : OptionRight.values()) {
                                OptionInputs in = new OptionInputs(right, s, 100, t, r, r - b, v);
                                double bs = BjerksundStenslandAmericanPricer.DEFAULT.price(in);
                                double tree = LeisenReimerAmericanPricer.withSteps(5001)
                                        .price(in);
                                double european = BlackScholesEuropeanPricer.DEFAULT.price(in);
                                assertThat(bs).as("%s", in).isLessThanOrEqualTo(tree + 1e-4);
                                assertThat(bs).as("%s", in).isGreaterThanOrEqualTo(european);
                                worst = Math.max(worst, tree - bs);
                            }
                        }
                    }
                }
            }
        }
        assertThat(worst).isLessThan(0.05);
    }

    @Test
    void putCallTransformationMakesAPutTheCallWithSpotAndStrikeSwapped() {
        // P(S, K, T, r, b, σ) = C(K, S, T, r − b, −b, σ)
        OptionInputs put = OptionInputs.put(95, 100, 0.5, 0.08, 0.03, 0.25);
        double b = 0.08 - 0.03;
        assertThat(BjerksundStenslandAmericanPricer.DEFAULT.price(put))
                .isEqualTo(Math.max(
                        BjerksundStenslandAmericanPricer.call(100, 95, 0.5, 0.08 - b, -b, 0.25),
                        Math.max(BlackScholesEuropeanPricer.DEFAULT.price(put), 5.0)));
    }

    @Test
    void chainGreeksFollowTheTreeForPutsWithAnEarlyExercisePremium() {
        for (double s : new double[] {85, 95, 100, 105}) {
            OptionInputs in = OptionInputs.put(s, 100, 0.25, 0.045, 0.0, 0.3);
            PriceAndGreeks out = new PriceAndGreeks();
            BjerksundStenslandAmericanPricer.priceAndGreeks(-1, s, 100, 0.25, 0.045, 0.0, 0.3, out);
            OptionValuation tree = LeisenReimerAmericanPricer.withSteps(2001).valuation(in);
            assertThat(out.value()).isCloseTo(BjerksundStenslandAmericanPricer.DEFAULT.price(in), within(1e-12));
            assertThat(out.delta()).as("delta S=%s", s).isCloseTo(tree.delta(), within(0.01));
            assertThat(out.gamma()).as("gamma S=%s", s).isCloseTo(tree.gamma(), within(0.003));
            assertThat(out.vega()).as("vega S=%s", s).isCloseTo(tree.vega(), within(0.6));
            // the approximated boundary moves with r differently from the true one: rho is the model's, 7% off
            assertThat(out.rho()).as("rho S=%s", s).isCloseTo(tree.rho(), within(1.0));
            assertThat(out.theta()).as("theta S=%s", s).isCloseTo(tree.theta(), within(0.5));
        }
    }

    @Test
    void chainGreeksAreBlackScholesWhereThereIsNoPremiumAndIntrinsicPastTheBoundary() {
        PriceAndGreeks out = new PriceAndGreeks();
        PriceAndGreeks european = new PriceAndGreeks();
        // a call without dividends is never exercised early
        BjerksundStenslandAmericanPricer.priceAndGreeks(1, 100, 95, 0.5, 0.045, 0.0, 0.3, out);
        BlackScholesEuropeanPricer.priceAndGreeks(1, 100, 95, 0.5, 0.045, 0.0, 0.3, european);
        assertThat(out.toString()).isEqualTo(european.toString());
        // a put far in the money is exercised now: intrinsic value, delta −1, nothing else
        BjerksundStenslandAmericanPricer.priceAndGreeks(-1, 40, 100, 0.5, 0.045, 0.0, 0.2, out);
        assertThat(out.value()).isEqualTo(60.0);
        assertThat(out.delta()).isCloseTo(-1.0, within(1e-9));
        assertThat(out.gamma()).isCloseTo(0.0, within(1e-6));
        assertThat(out.vega()).isCloseTo(0.0, within(1e-6));
        assertThat(out.theta()).isCloseTo(0.0, within(1e-6));
        assertThat(out.rho()).isCloseTo(0.0, within(1e-6));
    }
}
