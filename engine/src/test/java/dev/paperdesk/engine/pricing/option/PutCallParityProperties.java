package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

class PutCallParityProperties {
    private static final BlackScholesEuropeanPricer BSM = BlackScholesEuropeanPricer.DEFAULT;

    @Property(tries = 2000)
    void europeanPutCallParityWithDividends(
            @ForAll @Scale(6) @DoubleRange(min = 1, max = 1000) double spot,
            @ForAll @Scale(6) @DoubleRange(min = 0.3, max = 3.0) double moneyness,
            @ForAll @Scale(6) @DoubleRange(min = 0.001, max = 5) double expiry,
            @ForAll @Scale(6) @DoubleRange(min = -0.02, max = 0.15) double rate,
            @ForAll @Scale(6) @DoubleRange(min = 0.0, max = 0.10) double dividendYield,
            @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 2.0) double vol) {
        double strike = spot * moneyness;
        OptionInputs call = OptionInputs.call(spot, strike, expiry, rate, dividendYield, vol);
        OptionInputs put = call.withRight(dev.paperdesk.engine.model.Instrument.OptionRight.PUT);
        double forwardValue = spot * Math.exp(-dividendYield * expiry) - strike * Math.exp(-rate * expiry);
        double scale = Math.max(spot, strike);
        // c − p = S·e^{−qT} − K·e^{−rT}
        assertThat(BSM.price(call) - BSM.price(put) - forwardValue).isBetween(-1e-12 * scale, 1e-12 * scale);
        OptionValuation c = BSM.valuation(call);
        OptionValuation p = BSM.valuation(put);
        // the Greeks obey the derivatives of the parity
        assertThat(c.delta() - p.delta() - Math.exp(-dividendYield * expiry)).isBetween(-1e-12, 1e-12);
        assertThat(c.gamma() - p.gamma()).isBetween(-1e-12, 1e-12);
        assertThat(c.vega() - p.vega()).isBetween(-1e-9 * scale, 1e-9 * scale);
        assertThat(c.rho() - p.rho() - strike * expiry * Math.exp(-rate * expiry))
                .isBetween(-1e-9 * scale * expiry, 1e-9 * scale * expiry);
    }

    @Property(tries = 300)
    void americanValuesRespectTheirBounds(
            @ForAll @Scale(6) @DoubleRange(min = 10, max = 200) double spot,
            @ForAll @Scale(6) @DoubleRange(min = 0.6, max = 1.6) double moneyness,
            @ForAll @Scale(6) @DoubleRange(min = 0.02, max = 2) double expiry,
            @ForAll @Scale(6) @DoubleRange(min = 0.0, max = 0.10) double rate,
            @ForAll @Scale(6) @DoubleRange(min = 0.0, max = 0.08) double dividendYield,
            @ForAll @Scale(6) @DoubleRange(min = 0.05, max = 1.0) double vol) {
        OptionInputs put = OptionInputs.put(spot, spot * moneyness, expiry, rate, dividendYield, vol);
        double european = BSM.price(put);
        double lr = LeisenReimerAmericanPricer.withSteps(201).price(put);
        double bs = BjerksundStenslandAmericanPricer.DEFAULT.price(put);
        double tolerance = 1e-9 * spot;
        assertThat(lr).isGreaterThanOrEqualTo(Math.max(european, put.intrinsicValue()) - 2e-3 * spot);
        assertThat(bs).isGreaterThanOrEqualTo(Math.max(european, put.intrinsicValue()) - tolerance);
        assertThat(lr).isLessThanOrEqualTo(put.strike() + tolerance);
        // Bjerksund–Stensland is a lower bound; the tree converges to the true value from close by
        assertThat(bs).isLessThanOrEqualTo(lr + 3e-3 * spot);
    }
}
