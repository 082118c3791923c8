package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmericanPricersTest {

    /**
     * Hull, Options, Futures, and Other Derivatives ("Binomial trees in practice"): American put with
     * S = 50, K = 50, r = 10%, σ = 40%, T = 5 months, valued on a Cox–Ross–Rubinstein tree with 30, 50,
     * 100 and 500 steps gives 4.263, 4.272, 4.278 and 4.283. Same tree, same steps: within rounding.
     */
    @ParameterizedTest
    @CsvSource({"30, 4.263", "50, 4.272", "100, 4.278", "500, 4.283"})
    void coxRossRubinsteinReproducesHullsTable(int steps, double expected) {
        OptionInputs put = OptionInputs.put(50, 50, 5.0 / 12, 0.10, 0.0, 0.40);
        assertThat(CoxRossRubinsteinAmericanPricer.withSteps(steps).price(put)).isCloseTo(expected, within(6e-4));
    }

    /**
     * Geske and Johnson, "The American put option valued analytically", Journal of Finance 39 (1984),
     * Table I: the accurate ("true") values of American puts with S = 40, r = 4.88%, no dividend, which
     * later studies (Broadie and Detemple 1996, Ju 1998) reuse as their benchmark. At 1,000 steps both
     * trees are within 2e-3 (they are in fact within 7e-4); Bjerksund–Stensland 2002 stays below them
     * (it is a lower bound) by at most 0.03.
     */
    @ParameterizedTest(name = "K={0} T={1} σ={2} → {3}")
    @CsvSource({
        "35, 0.0833, 0.2, 0.0062", "35, 0.3333, 0.2, 0.2004", "35, 0.5833, 0.2, 0.4328",
        "40, 0.0833, 0.2, 0.8522", "40, 0.3333, 0.2, 1.5798", "40, 0.5833, 0.2, 1.9904",
        "45, 0.0833, 0.2, 5.0000", "45, 0.3333, 0.2, 5.0883", "45, 0.5833, 0.2, 5.2670",
        "35, 0.0833, 0.3, 0.0774", "35, 0.3333, 0.3, 0.6975", "35, 0.5833, 0.3, 1.2198",
        "40, 0.0833, 0.3, 1.3099", "40, 0.3333, 0.3, 2.4825", "40, 0.5833, 0.3, 3.1696",
        "45, 0.0833, 0.3, 5.0597", "45, 0.3333, 0.3, 5.7056", "45, 0.5833, 0.3, 6.2436",
        "35, 0.0833, 0.4, 0.2466", "35, 0.3333, 0.4, 1.3460", "35, 0.5833, 0.4, 2.1549",
        "40, 0.0833, 0.4, 1.7681", "40, 0.3333, 0.4, 3.3874", "40, 0.5833, 0.4, 4.3526",
        "45, 0.0833, 0.4, 5.2868", "45, 0.3333, 0.4, 6.5099", "45, 0.5833, 0.4, 7.3830"
    })
    void geskeJohnsonBenchmarkPuts(double strike, double expiry, double vol, double expected) {
        OptionInputs put = OptionInputs.put(40, strike, expiry, 0.0488, 0.0, vol);
        assertThat(CoxRossRubinsteinAmericanPricer.withSteps(1000).price(put)).isCloseTo(expected, within(2e-3));
        assertThat(LeisenReimerAmericanPricer.withSteps(1000).price(put)).isCloseTo(expected, within(2e-3));
        double bs = BjerksundStenslandAmericanPricer.DEFAULT.price(put);
        assertThat(bs).isBetween(expected - 0.03, expected + 1e-3);
    }

    @Test
    void callWithoutDividendsIsWorthItsEuropeanValue() {
        OptionInputs call = OptionInputs.call(100, 95, 1.0, 0.05, 0.0, 0.25);
        double european = BlackScholesEuropeanPricer.DEFAULT.price(call);
        assertThat(BjerksundStenslandAmericanPricer.DEFAULT.price(call)).isCloseTo(european, within(1e-12));
        assertThat(LeisenReimerAmericanPricer.DEFAULT.price(call)).isCloseTo(european, within(1e-4));
    }

    @Test
    void dividendPayingCallIsWorthMoreThanEuropeanAndBjerksundStenslandIsClose() {
        // Haug's Bjerksund–Stensland example inputs: S = 42, K = 40, T = 0.75, r = 4%, q = 8%, σ = 35%
        OptionInputs call = OptionInputs.call(42, 40, 0.75, 0.04, 0.08, 0.35);
        double european = BlackScholesEuropeanPricer.DEFAULT.price(call);
        double tree = LeisenReimerAmericanPricer.withSteps(4001).price(call);
        double bs = BjerksundStenslandAmericanPricer.DEFAULT.price(call);
        assertThat(tree).isGreaterThan(european);
        assertThat(bs).isGreaterThan(european).isLessThanOrEqualTo(tree).isCloseTo(tree, within(0.03));
    }

    @Test
    void leisenReimerUsesOddStepsAndConvergesSmoothly() {
        assertThat(LeisenReimerAmericanPricer.withSteps(1000).steps()).isEqualTo(1001);
        OptionInputs put = OptionInputs.put(100, 100, 1.0, 0.05, 0.02, 0.3);
        double fine = LeisenReimerAmericanPricer.withSteps(8001).price(put);
        double e1 = Math.abs(LeisenReimerAmericanPricer.withSteps(251).price(put) - fine);
        double e2 = Math.abs(LeisenReimerAmericanPricer.withSteps(1001).price(put) - fine);
        assertThat(e2).isLessThan(e1).isLessThan(5e-4);
    }

    @Test
    void latticeGreeksAgreeWithBumpedGreeksAndEuropeanLimit() {
        OptionInputs put = OptionInputs.put(100, 105, 0.5, 0.03, 0.0, 0.25);
        OptionValuation lr = LeisenReimerAmericanPricer.DEFAULT.valuation(put);
        OptionValuation bs = BjerksundStenslandAmericanPricer.DEFAULT.valuation(put);
        assertThat(lr.delta()).isCloseTo(bs.delta(), within(0.01)).isBetween(-1.0, 0.0);
        assertThat(lr.gamma()).isCloseTo(bs.gamma(), within(2e-3)).isPositive();
        assertThat(lr.vega()).isCloseTo(bs.vega(), within(0.5)).isPositive();
        assertThat(lr.theta()).isCloseTo(bs.theta(), within(0.3)).isNegative();
        // the approximation's boundary moves with r, so its rho is the least accurate of its Greeks (~6% here)
        assertThat(lr.rho()).isCloseTo(bs.rho(), within(2.0)).isNegative();
        LeisenReimerAmericanPricer fine = LeisenReimerAmericanPricer.withSteps(4001);
        double fineRho = (fine.price(put.withRate(0.0301)) - fine.price(put.withRate(0.0299))) / 0.0002;
        assertThat(lr.rho()).isCloseTo(fineRho, within(0.05));
        // lattice delta/gamma/theta match a bump of the tree itself
        double h = 0.01;
        double bumpedDelta = (LeisenReimerAmericanPricer.DEFAULT.price(put.withSpot(100 + h))
                        - LeisenReimerAmericanPricer.DEFAULT.price(put.withSpot(100 - h)))
                / (2 * h);
        assertThat(lr.delta()).isCloseTo(bumpedDelta, within(2e-3));
        // a call on a non-dividend stock has the European Greeks
        OptionInputs call = OptionInputs.call(100, 100, 0.5, 0.03, 0.0, 0.25);
        OptionValuation eu = BlackScholesEuropeanPricer.DEFAULT.valuation(call);
        OptionValuation am = LeisenReimerAmericanPricer.DEFAULT.valuation(call);
        assertThat(am.delta()).isCloseTo(eu.delta(), within(1e-3));
        assertThat(am.gamma()).isCloseTo(eu.gamma(), within(1e-3));
        assertThat(am.theta()).isCloseTo(eu.theta(), within(0.02));
        assertThat(am.vega()).isCloseTo(eu.vega(), within(0.02));
        assertThat(am.rho()).isCloseTo(eu.rho(), within(0.02));
        assertThat(am.vanna()).isCloseTo(eu.vanna(), within(0.01));
        assertThat(am.volga()).isCloseTo(eu.volga(), within(0.5));
        assertThat(am.charm()).isCloseTo(eu.charm(), within(0.01));
    }

    @Test
    void degenerateInputsGiveIntrinsicOrDeterministicValues() {
        OptionInputs expired = OptionInputs.put(90, 100, 0.0, 0.05, 0.0, 0.3);
        assertThat(LeisenReimerAmericanPricer.DEFAULT.valuation(expired).value())
                .isEqualTo(10.0);
        assertThat(BjerksundStenslandAmericanPricer.DEFAULT.valuation(expired).delta())
                .isEqualTo(-1.0);
        // zero volatility: a deep put is exercised at once
        OptionInputs noVol = OptionInputs.put(80, 100, 1.0, 0.05, 0.0, 0.0);
        assertThat(LeisenReimerAmericanPricer.DEFAULT.price(noVol)).isCloseTo(20.0, within(1e-12));
        assertThat(BjerksundStenslandAmericanPricer.DEFAULT.price(noVol)).isCloseTo(20.0, within(1e-12));
        assertThatThrownBy(() -> CoxRossRubinsteinAmericanPricer.withSteps(100)
                        .price(OptionInputs.put(100, 100, 1.0, 0.10, 0.0, 0.001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("volatility");
        assertThatThrownBy(() -> CoxRossRubinsteinAmericanPricer.withSteps(1)).hasMessageContaining("steps");
    }

    /**
     * The roll back skips nodes beyond eight standard deviations; against the whole tree the value and
     * the lattice Greeks must agree to rounding, for puts, dividend-paying calls, short and long expiries
     * and both lattices (Leisen–Reimer has u·d ≠ 1, so its band is off-centre).
     */
    @ParameterizedTest
    @CsvSource({
        "-1, 100, 105, 1.0, 0.04, 0.01, 0.30, 1000",
        "-1, 100, 60, 2.0, 0.08, 0.00, 0.10, 1000",
        "1, 100, 90, 1.5, 0.02, 0.06, 0.25, 1000",
        "1, 100, 130, 0.01, 0.05, 0.03, 0.80, 501",
        "-1, 50, 50, 0.4167, 0.10, 0.00, 0.40, 3000",
        "1, 100, 100, 5.0, 0.00, 0.09, 0.05, 1000"
    })
    void bandedRollBackMatchesTheWholeTree(
            double sign, double s, double k, double t, double r, double q, double vol, int n) {
        double dt = t / n;
        double u = Math.exp(vol * Math.sqrt(dt));
        double d = 1.0 / u;
        double p = (Math.exp((r - q) * dt) - d) / (u - d);
        double disc = Math.exp(-r * dt);
        assertLatticesAgree(
                BinomialLattice.roll(sign, s, k, t, n, u, d, p, disc, vol),
                BinomialLattice.rollBand(sign, s, k, t, n, u, d, p, disc, Double.POSITIVE_INFINITY),
                s);

        OptionInputs in = new OptionInputs(
                sign > 0
                        ? dev.paperdesk.engine.model.Instrument.OptionRight.CALL
                        : dev.paperdesk.engine.model.Instrument.OptionRight.PUT,
                s,
                k,
                t,
                r,
                q,
                vol);
        int odd = n % 2 == 0 ? n + 1 : n;
        double stdDev = vol * Math.sqrt(t);
        double d1 = (Math.log(s / k) + (r - q) * t) / stdDev + 0.5 * stdDev;
        double lp = LeisenReimerAmericanPricer.peizerPratt(d1 - stdDev, odd);
        double lpp = LeisenReimerAmericanPricer.peizerPratt(d1, odd);
        double ldt = t / odd;
        double lu = Math.exp((r - q) * ldt) * lpp / lp;
        double ld = (Math.exp((r - q) * ldt) - lp * lu) / (1.0 - lp);
        double ldisc = Math.exp(-r * ldt);
        BinomialLattice.Result banded = BinomialLattice.roll(sign, s, k, t, odd, lu, ld, lp, ldisc, vol);
        assertLatticesAgree(
                banded, BinomialLattice.rollBand(sign, s, k, t, odd, lu, ld, lp, ldisc, Double.POSITIVE_INFINITY), s);
        assertThat(LeisenReimerAmericanPricer.withSteps(odd).price(in)).isEqualTo(banded.value());
    }

    private static void assertLatticesAgree(BinomialLattice.Result banded, BinomialLattice.Result whole, double s) {
        assertThat(banded.value()).isCloseTo(whole.value(), within(1e-12 * s));
        assertThat(banded.delta()).isCloseTo(whole.delta(), within(1e-10));
        assertThat(banded.gamma()).isCloseTo(whole.gamma(), within(1e-9));
        assertThat(banded.theta()).isCloseTo(whole.theta(), within(1e-8 * s));
    }
}
