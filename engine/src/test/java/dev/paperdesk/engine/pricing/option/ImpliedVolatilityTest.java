package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpliedVolatilityTest {
    private static final BlackScholesEuropeanPricer BSM = BlackScholesEuropeanPricer.DEFAULT;
    private static final double ONE_DAY = 1.0 / 365;

    /**
     * Round trip price → volatility over strikes from 0.3× to 3× spot, expiries from one day to ten
     * years and volatilities from 1% to 300%, calls and puts, with a dividend yield.
     *
     * <p>A price carries its volatility to 1e-8 only if a 1e-8 volatility move changes the price by more
     * than its own rounding; that holds when vega ≥ 1e-6 × price (100 ulps). Those points must come back
     * within 1e-8. At the others (deep in the money a day before expiry, where the time value is below
     * the last bit of the price) any answer must still reprice the option to within the rounding of the
     * price formula itself (64 ulps of the strike).
     */
    @Test
    void roundTripIsWithin1e8OverAGridWithDeepStrikesAndOneDayExpiries() {
        double[] expiries = {ONE_DAY, 7 * ONE_DAY, 30 * ONE_DAY, 0.25, 1, 3, 10};
        double[] moneyness = {0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.25, 1.5, 2, 3};
        double[] vols = {0.01, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5, 3};
        int identifiable = 0;
        int oneDay = 0;
        List<String> failures = new ArrayList<>();
        for (OptionRight right : OptionRight.values()) {
            for (double t : expiries) {
                for (double m : moneyness) {
                    for (double vol : vols) {
                        OptionInputs in = new OptionInputs(right, 100, 100 * m, t, 0.03, 0.01, vol);
                        OptionValuation v = BSM.valuation(in);
                        ImpliedVolatility iv = BSM.impliedVolatility(in.withVolatility(0.5), v.value());
                        if (v.value() > 1e-300 && v.vega() >= 1e-6 * v.value()) {
                            identifiable++;
                            oneDay += t == ONE_DAY ? 1 : 0;
                            if (!(iv instanceof ImpliedVolatility.Solved s) || Math.abs(s.value() - vol) > 1e-8) {
                                failures.add(in + " → " + iv);
                            }
                        } else if (iv instanceof ImpliedVolatility.Solved s) {
                            double repriced = BSM.price(in.withVolatility(s.value()));
                            // the price formula itself rounds at the scale of the strike
                            if (Math.abs(repriced - v.value()) > 64 * Math.ulp(in.strike())) {
                                failures.add("inconsistent " + in + " → " + iv);
                            }
                        }
                        if (iv instanceof ImpliedVolatility.Solved s) {
                            assertThat(s.iterations()).isLessThanOrEqualTo(BlackImpliedVolatilitySolver.MAX_ITERATIONS);
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(identifiable).isGreaterThan(1000);
        assertThat(oneDay).isGreaterThan(100);
    }

    /**
     * Full double precision where the price carries it: options out of the money against the forward
     * (all time value) over strikes 0.7–1.4× spot, a day to two years and 10–80% volatility come back
     * within 1e-12 relative. The price formula's own rounding (some ulps of the price) moves the root by
     * that many ulps times price/(vega·σ), which reaches a few hundred ulps of σ at low volatility.
     */
    @Test
    void outOfTheMoneyRoundTripIsExactToDoublePrecision() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            double strike = 100 * (0.7 + 0.7 * rng.nextDouble());
            double expiry = (1 + rng.nextInt(730)) / 365.0;
            double vol = 0.1 + 0.7 * rng.nextDouble();
            double forward = 100 * Math.exp(0.03 * expiry);
            OptionRight right = strike >= forward ? OptionRight.CALL : OptionRight.PUT;
            OptionInputs in = new OptionInputs(right, 100, strike, expiry, 0.04, 0.01, vol);
            double price = BSM.price(in);
            if (price < 1e-200) {
                continue;
            }
            double solved = BSM.impliedVolatility(in, price).volatility().orElseThrow();
            assertThat(solved).as("%s", in).isCloseTo(vol, within(1e-12 * vol));
        }
    }

    @Test
    void deepOutOfTheMoneyTinyPricesStillSolve() {
        // K = 3×S, one week, 40% vol: the call is worth about 1e-60
        OptionInputs in = OptionInputs.call(100, 300, 7 * ONE_DAY, 0.03, 0.0, 0.8);
        double price = BSM.price(in);
        assertThat(price).isLessThan(1e-20).isPositive();
        assertThat(BSM.impliedVolatility(in, price).volatility().orElseThrow()).isCloseTo(0.8, within(1e-10));
    }

    @Test
    void pricesOutsideTheNoArbitrageBoundsHaveNoSolution() {
        OptionInputs call = OptionInputs.call(100, 90, 0.5, 0.05, 0.0, 0.2);
        double lower = 100 - 90 * Math.exp(-0.025);
        assertThat(BSM.impliedVolatility(call, lower - 0.5))
                .isInstanceOfSatisfying(ImpliedVolatility.NoSolution.class, n -> {
                    assertThat(n.reason()).isEqualTo(ImpliedVolatility.Reason.AT_OR_BELOW_INTRINSIC);
                    assertThat(n.message()).contains("lower bound");
                });
        assertThat(BSM.impliedVolatility(call, 100.0))
                .isInstanceOfSatisfying(ImpliedVolatility.NoSolution.class, n -> assertThat(n.reason())
                        .isEqualTo(ImpliedVolatility.Reason.ABOVE_MAXIMUM));
        assertThat(BSM.impliedVolatility(call, Double.NaN))
                .isInstanceOfSatisfying(ImpliedVolatility.NoSolution.class, n -> assertThat(n.reason())
                        .isEqualTo(ImpliedVolatility.Reason.INVALID_PRICE));
        assertThat(BSM.impliedVolatility(call, -1))
                .isInstanceOfSatisfying(ImpliedVolatility.NoSolution.class, n -> assertThat(n.reason())
                        .isEqualTo(ImpliedVolatility.Reason.INVALID_PRICE));
        assertThat(BSM.impliedVolatility(call.withExpiry(0.0), 10))
                .isInstanceOfSatisfying(ImpliedVolatility.NoSolution.class, n -> assertThat(n.reason())
                        .isEqualTo(ImpliedVolatility.Reason.EXPIRED));
        assertThat(BSM.impliedVolatility(call, 5.0).volatility()).isEmpty();
    }

    @Test
    void americanImpliedVolatilityRoundTripsThroughTheChosenPricer() {
        OptionPricer[] pricers = {
            LeisenReimerAmericanPricer.withSteps(301),
            CoxRossRubinsteinAmericanPricer.withSteps(300),
            BjerksundStenslandAmericanPricer.DEFAULT
        };
        double[][] cases = {
            {100, 100, 0.5, 0.25}, {100, 130, 0.25, 0.4}, {100, 70, 1.0, 0.3}, {100, 105, 3 * ONE_DAY, 0.35}
        };
        for (OptionPricer pricer : pricers) {
            for (double[] c : cases) {
                for (OptionRight right : OptionRight.values()) {
                    OptionInputs in = new OptionInputs(right, c[0], c[1], c[2], 0.04, 0.02, c[3]);
                    double price = pricer.price(in);
                    ImpliedVolatility iv = pricer.impliedVolatility(in.withVolatility(0.9), price);
                    assertThat(iv)
                            .as("%s %s", pricer.getClass().getSimpleName(), in)
                            .isInstanceOf(ImpliedVolatility.Solved.class);
                    double vol = iv.volatility().orElseThrow();
                    assertThat(pricer.price(in.withVolatility(vol))).isCloseTo(price, within(1e-9));
                    assertThat(vol).isCloseTo(c[3], within(1e-6));
                }
            }
        }
    }

    @Test
    void americanPricesBelowIntrinsicOrAboveTheCeilingHaveNoSolution() {
        OptionInputs put = OptionInputs.put(80, 100, 0.5, 0.05, 0.0, 0.3);
        OptionPricer lr = LeisenReimerAmericanPricer.withSteps(201);
        assertThat(lr.impliedVolatility(put, 19.5)).isInstanceOfSatisfying(ImpliedVolatility.NoSolution.class, n -> {
            assertThat(n.reason()).isEqualTo(ImpliedVolatility.Reason.AT_OR_BELOW_INTRINSIC);
            assertThat(n.message()).contains("intrinsic");
        });
        assertThat(lr.impliedVolatility(put, 150))
                .isInstanceOfSatisfying(ImpliedVolatility.NoSolution.class, n -> assertThat(n.reason())
                        .isEqualTo(ImpliedVolatility.Reason.ABOVE_MAXIMUM));
    }
}
