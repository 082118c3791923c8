package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Out-of-the-money calls whose Bjerksund–Stensland value is the European one to 1e-13 (no early-exercise
 * premium to speak of):
 * the European volatility of the price is already the answer to its own rounding, and the American value
 * there can fall a few ulps below the price; the solve then takes the premium model's root just above it
 * instead of Brent's method, and still reports the volatility to Brent's tolerance with the Greeks there.
 */
class Bs2002EuropeanFloorSolveTest {
    @Test
    void aZeroPremiumSolvesInTwoPasses() {
        double[][] calls = {
            {137.1, 0.389, 0.365},
            {132.1, 1.005, 0.187},
            {120.8, 0.148, 0.366},
            {124.4, 0.093, 0.263},
            {113.0, 0.586, 0.194},
            {108.2, 0.219, 0.161},
            {98.6, 0.033, 0.327}
        };
        for (double[] c : calls) {
            OptionInputs in = OptionInputs.call(100, c[0], c[1], 0.04, 0.01, c[2]);
            double price = BjerksundStenslandAmericanPricer.DEFAULT.price(in);
            double european = BlackScholesEuropeanPricer.DEFAULT.price(in);
            assertThat(price).as("no premium %s", in).isCloseTo(european, within(1e-13 * price));
            PriceAndGreeks out = new PriceAndGreeks();
            ImpliedVolatility iv = BjerksundStenslandAmericanPricer.DEFAULT.impliedVolatilityAndGreeks(in, price, out);
            assertThat(iv).as("%s", in).isInstanceOf(ImpliedVolatility.Solved.class);
            ImpliedVolatility.Solved solved = (ImpliedVolatility.Solved) iv;
            assertThat(solved.value()).as("%s", in).isCloseTo(c[2], within(3e-12 + 1e-12 * c[2]));
            assertThat(solved.iterations()).as("passes for %s", in).isLessThanOrEqualTo(3);
            PriceAndGreeks at = new PriceAndGreeks();
            BjerksundStenslandAmericanPricer.priceAndGreeks(1.0, 100, c[0], c[1], 0.04, 0.01, solved.value(), at);
            assertThat(new double[] {out.value(), out.delta(), out.gamma(), out.vega(), out.theta(), out.rho()})
                    .containsExactly(at.value(), at.delta(), at.gamma(), at.vega(), at.theta(), at.rho());
        }
    }
}
