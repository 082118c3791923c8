package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Published reference values. "Hull" is J. C. Hull, Options, Futures, and Other Derivatives (the
 * Black–Scholes–Merton chapter's worked example); "Haug" is E. G. Haug, The Complete Guide to Option
 * Pricing Formulas, 2nd ed., McGraw-Hill 2007: chapter 1 worked examples for prices (§1.1.1 Black–Scholes,
 * §1.1.2 Merton with dividend yield, §1.1.3 Black-76, §1.1.5 Garman–Kohlhagen, §1.1.6 generalised
 * BSM) and chapter 2 worked examples for the Greeks. The tables print four decimals, so the tolerance
 * is half a unit in the last place plus rounding, 1e-4 (5e-5 where a value is close to a rounding edge
 * is not needed).
 */
class BlackScholesEuropeanPricerTest {
    private static final BlackScholesEuropeanPricer BSM = BlackScholesEuropeanPricer.DEFAULT;

    private static OptionInputs inputs(String right, double s, double k, double t, double r, double b, double vol) {
        // Haug quotes the cost of carry b; the dividend yield is q = r − b.
        return new OptionInputs(OptionRight.valueOf(right), s, k, t, r, r - b, vol);
    }

    @Test
    void hullWorkedExample() {
        // Hull: S = 42, K = 40, r = 10%, σ = 20%, T = 0.5 → c = 4.76, p = 0.81 (4.7594 and 0.8086 to 4 d.p.)
        assertThat(BSM.price(OptionInputs.call(42, 40, 0.5, 0.10, 0.0, 0.20))).isCloseTo(4.7594, within(1e-4));
        assertThat(BSM.price(OptionInputs.put(42, 40, 0.5, 0.10, 0.0, 0.20))).isCloseTo(0.8086, within(1e-4));
    }

    @ParameterizedTest(name = "Haug price {0} S={1} K={2} T={3} r={4} b={5} σ={6} → {7}")
    @CsvSource({
        "CALL, 60, 65, 0.25, 0.08, 0.08, 0.30, 2.1334", // §1.1.1 Black–Scholes stock option
        "PUT, 100, 95, 0.5, 0.10, 0.05, 0.20, 2.4648", // §1.1.2 Merton, index with q = 5%
        "CALL, 19, 19, 0.75, 0.10, 0.0, 0.28, 1.7011", // §1.1.3 Black-76 futures option
        "PUT, 19, 19, 0.75, 0.10, 0.0, 0.28, 1.7011",
        "PUT, 4200, 3800, 0.75, 0.0, 0.0, 0.15, 65.6185", // §1.1.4 Asay margined futures option (r = 0)
        "CALL, 1.56, 1.60, 0.5, 0.06, -0.02, 0.12, 0.0291", // §1.1.5 Garman–Kohlhagen currency option
        "PUT, 75, 70, 0.5, 0.10, 0.05, 0.35, 4.0870" // §1.1.6 generalised BSM with cost of carry
    })
    void haugPrices(String right, double s, double k, double t, double r, double b, double vol, double expected) {
        assertThat(BSM.price(inputs(right, s, k, t, r, b, vol))).isCloseTo(expected, within(1e-4));
        assertThat(BSM.valuation(inputs(right, s, k, t, r, b, vol)).value()).isCloseTo(expected, within(1e-4));
    }

    @Test
    void haugGreekExamples() {
        // Delta, §2.1.1: futures option, S = 105, K = 100, T = 0.5, r = 10%, b = 0, σ = 36%
        assertThat(BSM.valuation(inputs("CALL", 105, 100, 0.5, 0.10, 0.0, 0.36)).delta())
                .isCloseTo(0.5946, within(1e-4));
        assertThat(BSM.valuation(inputs("PUT", 105, 100, 0.5, 0.10, 0.0, 0.36)).delta())
                .isCloseTo(-0.3566, within(1e-4));
        // Gamma, §2.3.1 and vega, §2.4.1: S = 55, K = 60, T = 0.75, r = 10%, b = 10%, σ = 30%
        OptionValuation gv = BSM.valuation(inputs("PUT", 55, 60, 0.75, 0.10, 0.10, 0.30));
        assertThat(gv.gamma()).isCloseTo(0.0278, within(1e-4));
        assertThat(gv.vega()).isCloseTo(18.9358, within(1e-4));
        // Vega of an index option, 2nd ed. §2.4.1: r = 10.5%, b = 6.95%
        assertThat(BSM.valuation(inputs("CALL", 55, 60, 0.75, 0.105, 0.0695, 0.30))
                        .vega())
                .isCloseTo(18.5027, within(1e-4));
        // Theta, §2.5.1: index put, S = 430, K = 405, T = 1/12, r = 7%, q = 5% (b = 2%), σ = 20%
        OptionValuation theta = BSM.valuation(inputs("PUT", 430, 405, 1.0 / 12, 0.07, 0.02, 0.20));
        assertThat(theta.theta()).isCloseTo(-31.1924, within(1e-4));
        assertThat(theta.thetaPerDay()).isCloseTo(-0.0855, within(1e-4));
        // Rho, §2.6.1: S = 72, K = 75, T = 1, r = 9%, b = 9%, σ = 19%
        OptionValuation rho = BSM.valuation(inputs("CALL", 72, 75, 1.0, 0.09, 0.09, 0.19));
        assertThat(rho.rho()).isCloseTo(38.7325, within(1e-4));
        assertThat(rho.rhoPerPoint()).isCloseTo(0.387325, within(1e-6));
        // Vanna (DdeltaDvol), §2.2.2: S = 90, K = 80, T = 0.25, r = 5%, b = 5%, σ = 20%
        assertThat(BSM.valuation(inputs("PUT", 90, 80, 0.25, 0.05, 0.05, 0.20)).vanna())
                .isCloseTo(-1.0008, within(1e-4));
        // Charm (DdeltaDtime, per year), §2.2.4: put, S = 105, K = 90, T = 0.25, r = 14%, b = 0, σ = 24%
        assertThat(BSM.valuation(inputs("PUT", 105, 90, 0.25, 0.14, 0.0, 0.24)).charm())
                .isCloseTo(0.37, within(5e-3));
        // Vomma (DvegaDvol), §2.4.3: put, S = 90, K = 130, T = 0.75, r = 5%, b = 0, σ = 28%
        assertThat(BSM.valuation(inputs("PUT", 90, 130, 0.75, 0.05, 0.0, 0.28)).volga())
                .isCloseTo(92.3444, within(1e-4));
    }

    private static PriceAndGreeks fill(String right, double s, double k, double t, double r, double b, double vol) {
        PriceAndGreeks out = new PriceAndGreeks();
        BlackScholesEuropeanPricer.priceAndGreeks(right.equals("CALL") ? 1 : -1, s, k, t, r, r - b, vol, out);
        return out;
    }

    @Test
    void allocationFreeKernelReproducesHullAndHaug() {
        // the chain kernel on the same published examples as the record path above
        assertThat(fill("CALL", 42, 40, 0.5, 0.10, 0.10, 0.20).value()).isCloseTo(4.7594, within(1e-4));
        assertThat(fill("PUT", 42, 40, 0.5, 0.10, 0.10, 0.20).value()).isCloseTo(0.8086, within(1e-4));
        assertThat(fill("PUT", 75, 70, 0.5, 0.10, 0.05, 0.35).value()).isCloseTo(4.0870, within(1e-4));
        assertThat(fill("CALL", 105, 100, 0.5, 0.10, 0.0, 0.36).delta()).isCloseTo(0.5946, within(1e-4));
        assertThat(fill("PUT", 105, 100, 0.5, 0.10, 0.0, 0.36).delta()).isCloseTo(-0.3566, within(1e-4));
        PriceAndGreeks gv = fill("PUT", 55, 60, 0.75, 0.10, 0.10, 0.30);
        assertThat(gv.gamma()).isCloseTo(0.0278, within(1e-4));
        assertThat(gv.vega()).isCloseTo(18.9358, within(1e-4));
        assertThat(fill("PUT", 430, 405, 1.0 / 12, 0.07, 0.02, 0.20).theta()).isCloseTo(-31.1924, within(1e-4));
        assertThat(fill("CALL", 72, 75, 1.0, 0.09, 0.09, 0.19).rho()).isCloseTo(38.7325, within(1e-4));
    }

    @Property(tries = 2000)
    void allocationFreeKernelAgreesWithTheValuationRecord(
            @ForAll boolean call,
            @ForAll @DoubleRange(min = 1, max = 1000) double spot,
            @ForAll @DoubleRange(min = 0.3, max = 3.0) double moneyness,
            @ForAll @DoubleRange(min = 0.0, max = 5) double expiry,
            @ForAll @DoubleRange(min = -0.02, max = 0.15) double rate,
            @ForAll @DoubleRange(min = 0.0, max = 0.10) double dividendYield,
            @ForAll @DoubleRange(min = 0.0, max = 2.0) double vol) {
        OptionInputs in = new OptionInputs(
                call ? OptionRight.CALL : OptionRight.PUT, spot, spot * moneyness, expiry, rate, dividendYield, vol);
        OptionValuation v = BSM.valuation(in);
        PriceAndGreeks out = new PriceAndGreeks();
        BlackScholesEuropeanPricer.priceAndGreeks(in.sign(), spot, in.strike(), expiry, rate, dividendYield, vol, out);
        double scale = Math.max(spot, in.strike());
        assertThat(out.value()).isCloseTo(v.value(), within(1e-12 * scale));
        assertThat(out.delta()).isCloseTo(v.delta(), within(1e-13));
        assertThat(out.gamma()).isCloseTo(v.gamma(), within(1e-12 * Math.abs(v.gamma()) + 1e-15));
        assertThat(out.vega()).isCloseTo(v.vega(), within(1e-12 * scale));
        assertThat(out.theta()).isCloseTo(v.theta(), within(1e-12 * (scale + Math.abs(v.theta()))));
        assertThat(out.rho()).isCloseTo(v.rho(), within(1e-12 * scale * (1 + expiry)));
    }

    @Test
    void analyticGreeksMatchFiniteDifferencesOfThePrice() {
        double[][] cases = {
            {100, 90, 0.4, 0.04, 0.02, 0.25}, {100, 120, 1.5, 0.01, 0.03, 0.6}, {50, 50, 0.05, 0.0, 0.0, 0.15}
        };
        for (double[] c : cases) {
            for (OptionRight right : OptionRight.values()) {
                OptionInputs in = new OptionInputs(right, c[0], c[1], c[2], c[3], c[4], c[5]);
                OptionValuation v = BSM.valuation(in);
                double hs = 1e-4 * in.spot();
                double hv = 1e-4;
                double ht = 1e-5;
                double hr = 1e-5;
                assertClose(v.delta(), central(x -> BSM.price(in.withSpot(x)), in.spot(), hs));
                assertClose(
                        v.gamma(), central(x -> BSM.valuation(in.withSpot(x)).delta(), in.spot(), hs));
                assertClose(v.vega(), central(x -> BSM.price(in.withVolatility(x)), in.volatility(), hv));
                assertClose(v.theta(), -central(x -> BSM.price(in.withExpiry(x)), in.expiry(), ht));
                assertClose(v.rho(), central(x -> BSM.price(in.withRate(x)), in.rate(), hr));
                assertClose(
                        v.vanna(),
                        central(x -> BSM.valuation(in.withVolatility(x)).delta(), in.volatility(), hv));
                assertClose(
                        v.volga(),
                        central(x -> BSM.valuation(in.withVolatility(x)).vega(), in.volatility(), hv));
                assertClose(
                        v.charm(), -central(x -> BSM.valuation(in.withExpiry(x)).delta(), in.expiry(), ht));
            }
        }
    }

    /** Finite differences carry truncation error: 1e-5 relative plus 1e-6 absolute is ample for analytic Greeks. */
    private static void assertClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-6 + 1e-5 * Math.abs(expected)));
    }

    private static double central(java.util.function.DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    @Test
    void perDayAndPerPointConventions() {
        OptionValuation v = BSM.valuation(OptionInputs.call(100, 100, 0.5, 0.05, 0.01, 0.3));
        assertThat(v.thetaPerDay()).isEqualTo(v.theta() / 365.0);
        assertThat(v.vegaPerPoint()).isEqualTo(v.vega() / 100.0);
        assertThat(v.rhoPerPoint()).isEqualTo(v.rho() / 100.0);
        // a one-point vol move changes the price by about vegaPerPoint
        double moved = BSM.price(OptionInputs.call(100, 100, 0.5, 0.05, 0.01, 0.31)) - v.value();
        assertThat(moved).isCloseTo(v.vegaPerPoint(), within(1e-3));
    }

    @Test
    void zeroExpiryAndZeroVolatilityGiveTheIntrinsicLimit() {
        OptionValuation expired = BSM.valuation(OptionInputs.put(90, 100, 0.0, 0.05, 0.0, 0.3));
        assertThat(expired.value()).isEqualTo(10.0);
        assertThat(expired.delta()).isEqualTo(-1.0);
        assertThat(expired.gamma()).isZero();
        OptionValuation noVol = BSM.valuation(OptionInputs.call(100, 90, 1.0, 0.05, 0.0, 0.0));
        assertThat(noVol.value()).isCloseTo(100 - 90 * Math.exp(-0.05), within(1e-12));
        assertThat(noVol.rho()).isCloseTo(90 * Math.exp(-0.05), within(1e-12));
        assertThat(BSM.price(OptionInputs.call(100, 110, 1.0, 0.0, 0.0, 0.0))).isZero();
    }

    @Test
    void inputsNameTheBadField() {
        assertThatThrownBy(() -> OptionInputs.call(-1, 100, 1, 0, 0, 0.2)).hasMessageContaining("spot");
        assertThatThrownBy(() -> OptionInputs.call(100, 0, 1, 0, 0, 0.2)).hasMessageContaining("strike");
        assertThatThrownBy(() -> OptionInputs.call(100, 100, -1, 0, 0, 0.2)).hasMessageContaining("expiry");
        assertThatThrownBy(() -> OptionInputs.call(100, 100, 1, Double.NaN, 0, 0.2))
                .hasMessageContaining("rate");
        assertThatThrownBy(() -> OptionInputs.call(100, 100, 1, 0, 0, -0.2)).hasMessageContaining("volatility");
    }
}
