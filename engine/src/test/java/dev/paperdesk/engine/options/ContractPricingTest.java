package dev.paperdesk.engine.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.pricing.option.BjerksundStenslandAmericanPricer;
import dev.paperdesk.engine.pricing.option.BlackScholesEuropeanPricer;
import dev.paperdesk.engine.pricing.option.LeisenReimerAmericanPricer;
import dev.paperdesk.engine.pricing.option.OptionInputs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The chain's pricing kernel against the reference pricers of the pricing package. */
class ContractPricingTest {

    @Test
    void americanCallOnAFutureCarriesTheBjerksundStensland2002Premium() {
        // b = 0 (an option on a future): early exercise has value, unlike a call on a non-dividend stock
        double[] out = new double[ContractPricing.SLOTS];
        for (double s : new double[] {90, 100, 110}) {
            ContractPricing.price(true, true, s, 100, 0.5, 0.1, 0.1, 0.35, out);
            OptionInputs in = OptionInputs.call(s, 100, 0.5, 0.1, 0.1, 0.35);
            double tree = LeisenReimerAmericanPricer.withSteps(5001).price(in);
            double european = BlackScholesEuropeanPricer.price(1, s, 100, 0.5, 0.1, 0.1, 0.35);
            assertThat(out[ContractPricing.VALUE])
                    .isCloseTo(BjerksundStenslandAmericanPricer.DEFAULT.price(in), within(1e-12))
                    .isGreaterThan(european)
                    .isLessThanOrEqualTo(tree + 1e-4)
                    .isCloseTo(tree, within(0.03)); // measured 0.025 below at S = 110
        }
    }

    @Property(tries = 300)
    void americanPutsAreTheBjerksundStensland2002ValueCloseToTheTree(
            @ForAll @DoubleRange(min = 0.7, max = 1.4) double moneyness,
            @ForAll @DoubleRange(min = 0.02, max = 1.0) double t,
            @ForAll @DoubleRange(min = 0.1, max = 0.8) double vol) {
        double s = 100;
        double k = 100 * moneyness;
        double[] out = new double[ContractPricing.SLOTS];
        ContractPricing.price(false, true, s, k, t, 0.045, 0.0, vol, out);
        double european = BlackScholesEuropeanPricer.price(-1, s, k, t, 0.045, 0.0, vol);
        double tree = LeisenReimerAmericanPricer.DEFAULT.price(OptionInputs.put(s, k, t, 0.045, 0.0, vol));
        double bs2002 = BjerksundStenslandAmericanPricer.DEFAULT.price(OptionInputs.put(s, k, t, 0.045, 0.0, vol));
        // premiums below 1e-9 are left out so that such contracts keep the analytic Greeks
        assertThat(out[ContractPricing.VALUE]).isCloseTo(bs2002, within(1e-9 + 1e-12 * k));
        assertThat(out[ContractPricing.VALUE]).isGreaterThanOrEqualTo(european - 1e-12);
        assertThat(out[ContractPricing.VALUE]).isGreaterThanOrEqualTo(k - s - 1e-12);
        // a two-step flat-boundary lower bound: below the tree (up to the tree's own error), close under it
        assertThat(out[ContractPricing.VALUE]).isLessThanOrEqualTo(tree + 2e-3);
        // (worst seen about 0.2% of strike, at 80% volatility over a year)
        assertThat(tree - out[ContractPricing.VALUE]).isLessThan(0.005 * k);
    }

    @Test
    void americanPutGreeksWithAnEarlyExercisePremiumFollowTheTreeNotBlackScholes() {
        // deep in the money: the tree's delta is close to -1, the European one clearly above it
        double s = 80;
        double k = 100;
        double[] out = new double[ContractPricing.SLOTS];
        ContractPricing.price(false, true, s, k, 0.5, 0.045, 0.0, 0.3, out);
        OptionInputs in = OptionInputs.put(s, k, 0.5, 0.045, 0.0, 0.3);
        var tree = LeisenReimerAmericanPricer.DEFAULT.valuation(in);
        var european = BlackScholesEuropeanPricer.DEFAULT.valuation(in);
        assertThat(out[ContractPricing.DELTA]).isCloseTo(tree.delta(), within(0.05));
        assertThat(Math.abs(out[ContractPricing.DELTA] - tree.delta()))
                .isLessThan(Math.abs(european.delta() - tree.delta()));
        assertThat(out[ContractPricing.GAMMA]).isCloseTo(tree.gamma(), within(0.01));
        assertThat(out[ContractPricing.VEGA_UNIT]).isCloseTo(tree.vega(), within(3.0));
        assertThat(out[ContractPricing.THETA_YEAR]).isCloseTo(tree.theta(), within(1.5));
    }

    @Test
    void americanCallsWithoutDividendsAreEuropean() {
        double[] out = new double[ContractPricing.SLOTS];
        ContractPricing.price(true, true, 100, 95, 0.5, 0.045, 0.0, 0.3, out);
        assertThat(out[ContractPricing.VALUE])
                .isEqualTo(BlackScholesEuropeanPricer.price(1, 100, 95, 0.5, 0.045, 0.0, 0.3));
    }

    @Test
    void quotesStraddleTheValueOnTheTickWithAtLeastOneTick() {
        long[] ba = ContractPricing.bidAskTicks(5.0, 0.0, 0.5, 0.01);
        assertThat(ba[0]).isLessThan(500);
        assertThat(ba[1]).isGreaterThan(500);
        long[] tiny = ContractPricing.bidAskTicks(0.001, 1.0, 0.5, 0.01);
        assertThat(tiny).containsExactly(0, 1);
    }
}
