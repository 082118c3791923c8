package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/**
 * {@link BjerksundStenslandAmericanPricer#impliedVolatilityAndGreeks}, the chain refresh from market prices
 * in one call: the volatility agrees with Brent's solve on the previous kernel as {@link
 * BjerksundStenslandAmericanPricer#impliedVolatility} does, with the same no-solution answers, and the
 * value and Greeks in the holder are {@link BjerksundStenslandAmericanPricer#priceAndGreeks} at exactly
 * the reported volatility.
 */
class Bs2002ImpliedVolatilityAndGreeksTest {

    private static final double[] NOT_WRITTEN = {-1, -2, -3, -4, -5, -6};

    /** Checks one contract and price; returns whether a volatility was found. */
    private static boolean check(OptionInputs in, double price) {
        PriceAndGreeks out = new PriceAndGreeks();
        out.set(NOT_WRITTEN[0], NOT_WRITTEN[1], NOT_WRITTEN[2], NOT_WRITTEN[3], NOT_WRITTEN[4], NOT_WRITTEN[5]);
        ImpliedVolatility actual = BjerksundStenslandAmericanPricer.DEFAULT.impliedVolatilityAndGreeks(in, price, out);
        ImpliedVolatility expected = Bs2002BaselineKernel.impliedVolatility(in, price);
        ImpliedVolatility alone = BjerksundStenslandAmericanPricer.DEFAULT.impliedVolatility(in, price);
        if (expected instanceof ImpliedVolatility.NoSolution no) {
            assertThat(actual).isInstanceOfSatisfying(ImpliedVolatility.NoSolution.class, n -> assertThat(n.reason())
                    .isEqualTo(no.reason()));
            assertThat(alone).isInstanceOf(ImpliedVolatility.NoSolution.class);
            assertThat(values(out)).as("holder without a solution").containsExactly(NOT_WRITTEN);
            return false;
        }
        assertThat(actual).as("%s at %s", in, price).isInstanceOf(ImpliedVolatility.Solved.class);
        double vol = ((ImpliedVolatility.Solved) actual).value();
        double brent = ((ImpliedVolatility.Solved) expected).value();
        double solveAlone = ((ImpliedVolatility.Solved) alone).value();

        // the Greeks are those of the chain kernel at the reported volatility, bit for bit
        PriceAndGreeks at = new PriceAndGreeks();
        BjerksundStenslandAmericanPricer.priceAndGreeks(
                in.sign(), in.spot(), in.strike(), in.expiry(), in.rate(), in.dividendYield(), vol, at);
        assertThat(values(out)).as("Greeks at σ = %s", vol).containsExactly(values(at));

        // the volatility as precise as Brent's and the solve alone (same bounds as
        // Bs2002AgainstBaselineProperties: a few 1e-12 plus the price's rounding over vega)
        double bs = BjerksundStenslandAmericanPricer.DEFAULT.price(in.withVolatility(brent));
        double vega = (BjerksundStenslandAmericanPricer.DEFAULT.price(in.withVolatility(brent + 1e-6)) - bs) / 1e-6;
        double rounding = 1e-15 * Math.max(in.spot(), in.strike());
        if (vega > 0 && 4 * rounding / vega <= 1e-10 && price > 1e-290) {
            assertThat(vol).isCloseTo(brent, within(3e-12 + 1e-12 * brent + 4 * rounding / vega));
            assertThat(vol).isCloseTo(solveAlone, within(3e-12 + 1e-12 * brent + 4 * rounding / vega));
        } else {
            assertThat(BjerksundStenslandAmericanPricer.DEFAULT.price(in.withVolatility(vol)))
                    .isCloseTo(price, within(1e-12 * price + 8 * rounding + 1e-290));
        }
        return true;
    }

    private static double[] values(PriceAndGreeks g) {
        return new double[] {g.value(), g.delta(), g.gamma(), g.vega(), g.theta(), g.rho()};
    }

    @Property(tries = 3000)
    void volatilityMatchesBrentAndTheGreeksAreThoseAtIt(
            @ForAll boolean call,
            @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 2.0) double moneyness,
            @ForAll @Scale(6) @DoubleRange(min = 0.003, max = 3) double expiry,
            @ForAll @Scale(6) @DoubleRange(min = 0.0, max = 0.10) double rate,
            @ForAll @Scale(6) @DoubleRange(min = 0.0, max = 0.06) double dividendYield,
            @ForAll @Scale(6) @DoubleRange(min = 0.05, max = 1.2) double vol,
            @ForAll @Scale(6) @DoubleRange(min = 0.8, max = 1.2) double priceShift) {
        OptionInputs in = new OptionInputs(
                call ? OptionRight.CALL : OptionRight.PUT, 100, 100 * moneyness, expiry, rate, dividendYield, vol);
        // priceShift moves some prices out of the bounds, so no-solution answers are compared too
        check(in, BjerksundStenslandAmericanPricer.DEFAULT.price(in) * priceShift);
    }

    /**
     * A grid over moneyness, expiry (three days to three years), volatility (5%–120%), carry and both
     * rights, priced by the model itself: every point solves, and most with few passes.
     */
    @Test
    void everyGridPointSolvesWithTheGreeksAtItsVolatility() {
        int solved = 0;
        int points = 0;
        for (OptionRight right : OptionRight.values()) {
            for (double moneyness : new double[] {0.5, 0.7, 0.85, 0.95, 1.0, 1.05, 1.2, 1.5, 2.0}) {
                for (double expiry : new double[] {3 / 365.0, 30 / 365.0, 0.25, 1.0, 3.0}) {
                    for (double vol : new double[] {0.05, 0.15, 0.3, 0.6, 1.2}) {
                        for (double[] carry : new double[][] {{0.04, 0.01}, {0.08, 0.0}, {0.01, 0.05}}) {
                            OptionInputs in =
                                    new OptionInputs(right, 100, 100 * moneyness, expiry, carry[0], carry[1], vol);
                            double price = BjerksundStenslandAmericanPricer.DEFAULT.price(in);
                            points++;
                            if (check(in, price)) {
                                solved++;
                            }
                        }
                    }
                }
            }
        }
        // only prices that carry no volatility information (deep in the money, a time value below the
        // price's last bits) have none
        assertThat(solved).isGreaterThan(points * 8 / 10);
    }

    @Test
    void pricesOutsideTheBoundsLeaveTheHolderAsItWas() {
        OptionInputs put = OptionInputs.put(100, 110, 0.5, 0.04, 0.01, 0.3);
        assertThat(check(put, 9.0)).isFalse(); // below intrinsic
        assertThat(check(put, 200.0)).isFalse(); // above the strike
        assertThat(check(put, Double.NaN)).isFalse();
        assertThat(check(put.withVolatility(0.3), BjerksundStenslandAmericanPricer.DEFAULT.price(put)))
                .isTrue();
        // the messages a user reads
        assertThat(BjerksundStenslandAmericanPricer.DEFAULT.impliedVolatilityAndGreeks(put, 9.0, new PriceAndGreeks()))
                .isEqualTo(new ImpliedVolatility.NoSolution(
                        ImpliedVolatility.Reason.AT_OR_BELOW_INTRINSIC,
                        "price 9.0 is at or below the lowest value the option can have, 10.0 (intrinsic value):"
                                + " no implied volatility"));
        OptionInputs call = OptionInputs.call(100, 100, 0.5, 0.04, 0.01, 0.3);
        ImpliedVolatility high =
                BjerksundStenslandAmericanPricer.DEFAULT.impliedVolatilityAndGreeks(call, 99.9, new PriceAndGreeks());
        assertThat(high).isInstanceOfSatisfying(ImpliedVolatility.NoSolution.class, n -> assertThat(n.message())
                .startsWith("price 99.9 is above the model value ")
                .endsWith(" at 1000% volatility: no implied volatility"));
    }
}
