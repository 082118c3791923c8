package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/**
 * The Mills-ratio chain kernel against the previous one (Cody's rational CDF per tail, {@link
 * BsmBaselineKernel}): the two differ only by rounding, a few ulps of max(S, K) for the value and
 * every Greek plus the first-order effect of d1's rounding (large only where σ√T is tiny, and there the
 * previous kernel was the less accurate, see {@link BsmHighPrecisionTest}), over strikes from a fifth to five times the spot, expiries up to ten years and
 * volatilities up to 300%, calls and puts, negative rates included.
 */
class BsmAgainstBaselineProperties {

    @Property(tries = 3000)
    void chainKernelAgreesWithThePreviousKernel(
            @ForAll boolean call,
            @ForAll @DoubleRange(min = 0.01, max = 5000) double spot,
            @ForAll @DoubleRange(min = 0.2, max = 5.0) double moneyness,
            @ForAll @DoubleRange(min = 0.0, max = 10) double expiry,
            @ForAll @DoubleRange(min = -0.03, max = 0.2) double rate,
            @ForAll @DoubleRange(min = 0.0, max = 0.15) double dividendYield,
            @ForAll @DoubleRange(min = 0.0, max = 3.0) double vol) {
        double sign = call ? 1 : -1;
        double strike = spot * moneyness;
        PriceAndGreeks now = new PriceAndGreeks();
        PriceAndGreeks before = new PriceAndGreeks();
        BlackScholesEuropeanPricer.priceAndGreeks(sign, spot, strike, expiry, rate, dividendYield, vol, now);
        BsmBaselineKernel.priceAndGreeks(sign, spot, strike, expiry, rate, dividendYield, vol, before);
        double scale = Math.max(spot, strike);
        // Both kernels round d1; its error is ~ulp(ln(S/K) + drift)/σ√T + |d1|·ulp, more where σ√T is tiny
        // (the previous kernel took the drift through ln(e^{−qT}/e^{−rT})). First-order effect of that on
        // each output: n(d1)·δd, times (1 + |d1|) for the density's own slope.
        double stdDev = vol * Math.sqrt(expiry);
        // Gamma and vega are proportional to n(d1), so the same δd moves them by |d1|·δd of their own size.
        double sensitivity = 0.0;
        double relativeSensitivity = 0.0;
        if (stdDev > 0.0) {
            double d1 = (Math.log(spot / strike) + (rate - dividendYield) * expiry) / stdDev + 0.5 * stdDev;
            double dd = 1e-15 * (1.0 / stdDev + Math.abs(d1));
            sensitivity = Math.exp(-0.5 * d1 * d1) * dd * (1.0 + Math.abs(d1));
            relativeSensitivity = dd * (1.0 + Math.abs(d1));
        }
        assertThat(now.value()).isCloseTo(before.value(), within((4e-15 + sensitivity) * scale));
        assertThat(now.delta()).isCloseTo(before.delta(), within(4e-15 + sensitivity));
        assertThat(now.gamma())
                .isCloseTo(before.gamma(), within((1e-13 + relativeSensitivity) * before.gamma() + 4e-15 / scale));
        assertThat(now.vega())
                .isCloseTo(before.vega(), within((1e-13 + relativeSensitivity) * before.vega() + 4e-15 * scale));
        assertThat(now.theta())
                .isCloseTo(before.theta(), within((1e-14 + sensitivity) * (scale + Math.abs(before.theta()))));
        assertThat(now.rho()).isCloseTo(before.rho(), within((4e-15 + sensitivity) * scale * (1 + expiry)));
    }
}
