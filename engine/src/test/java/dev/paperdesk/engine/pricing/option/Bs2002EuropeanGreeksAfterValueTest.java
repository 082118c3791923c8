package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The implied-volatility solve's shortcut for a contract without an early-exercise premium: after a value
 * pass, {@code Workspace.europeanGreeks} fills the holder as a full pass at the same volatility would (the
 * European value and Greeks, where the premium is below the full pass's 1e-9) and returns the full pass's
 * value, or declines (NaN) exactly where the full pass keeps the approximation's own Greeks.
 */
class Bs2002EuropeanGreeksAfterValueTest {
    @Test
    void agreesBitForBitWithTheFullPassOrDeclines() {
        SplittableRandom rng = new SplittableRandom(20261122L);
        int filled = 0;
        int declined = 0;
        for (int i = 0; i < 4000; i++) {
            double sign = rng.nextBoolean() ? 1.0 : -1.0;
            double k = 100 * (0.6 + 0.9 * rng.nextDouble());
            double t = (1 + rng.nextInt(730)) / 365.0;
            double r = 0.06 * rng.nextDouble();
            double q = 0.03 * rng.nextDouble();
            double vol = 0.05 + 0.8 * rng.nextDouble();
            PriceAndGreeks holder = new PriceAndGreeks();
            BjerksundStenslandAmericanPricer.Workspace w = holder.bs2002().contract(sign, 100, k, t, r, q, holder);
            w.value(vol);
            double value = w.europeanGreeks(vol);

            PriceAndGreeks full = new PriceAndGreeks();
            double fullValue = BjerksundStenslandAmericanPricer.fillPriceAndGreeks(sign, 100, k, t, r, q, vol, full);
            String what = "sign=" + sign + " K=" + k + " T=" + t + " r=" + r + " q=" + q + " vol=" + vol;
            if (Double.isNaN(value)) {
                declined++;
                double european = BlackScholesEuropeanPricer.price(sign, 100, k, t, r, q, vol);
                assertThat(full.value())
                        .as("the full pass keeps a premium: %s", what)
                        .isGreaterThan(european + 1e-9 - 1e-12 * european);
            } else {
                filled++;
                assertThat(value).as("value %s", what).isEqualTo(fullValue);
                assertThat(new double[] {
                            holder.value(), holder.delta(), holder.gamma(), holder.vega(), holder.theta(), holder.rho()
                        })
                        .as("holder %s", what)
                        .containsExactly(
                                full.value(), full.delta(), full.gamma(), full.vega(), full.theta(), full.rho());
                assertThat(w.vega()).as("vega %s", what).isEqualTo(full.vega());
                assertThat(w.european()).as("European value %s", what).isEqualTo(full.value());
            }
        }
        assertThat(filled).as("contracts without a premium").isGreaterThan(200);
        assertThat(declined).as("contracts with one").isGreaterThan(200);
    }

    @Test
    void declinesAfterAValuePassAtAnotherVolatilityOrForANewContract() {
        PriceAndGreeks holder = new PriceAndGreeks();
        // an out-of-the-money call whose premium is nil (the European floor binds)
        BjerksundStenslandAmericanPricer.Workspace w =
                holder.bs2002().contract(1.0, 100, 137.1, 0.389, 0.04, 0.01, holder);
        w.value(0.365);
        assertThat(w.europeanGreeks(0.365)).isNotNaN();
        assertThat(w.europeanGreeks(0.3650000001)).isNaN();
        w.contract(1.0, 100, 137.1, 0.389, 0.04, 0.01, holder);
        assertThat(w.europeanGreeks(0.365))
                .as("no value pass on the new contract yet")
                .isNaN();
        // a call with b ≥ r is never exercised early and its full pass is the European one already
        w.contract(1.0, 100, 137.1, 0.389, 0.04, 0.0, holder);
        w.value(0.365);
        assertThat(w.europeanGreeks(0.365)).isNaN();
    }
}
