package dev.paperdesk.engine.pricing.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.pricing.strategy.StrategyLeg.OptionLeg;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class StrategyAnalyzerProperties {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final StrategyMarket MARKET = new StrategyMarket(100.0, TODAY, 0.02, 0.0, OptionStyle.EUROPEAN);

    /** A single-expiry expiry payoff lies between −max loss and max profit, and is zero at each breakeven. */
    @Property(tries = 200)
    void expiryPayoffStaysWithinItsBoundsAndCrossesZeroAtBreakevens(
            @ForAll @IntRange(min = -3, max = 3) int q1,
            @ForAll @IntRange(min = -3, max = 3) int q2,
            @ForAll @IntRange(min = -3, max = 3) int q3,
            @ForAll @IntRange(min = 80, max = 120) int k1,
            @ForAll @IntRange(min = 1, max = 15) int gap,
            @ForAll @DoubleRange(min = 0.05, max = 8) double premium,
            @ForAll @DoubleRange(min = 40, max = 200) double probe) {
        LocalDate expiry = TODAY.plusDays(21);
        List<StrategyLeg> legs = new ArrayList<>();
        if (q1 != 0) {
            legs.add(new OptionLeg(OptionRight.PUT, k1, expiry, q1, premium, 0.3));
        }
        if (q2 != 0) {
            legs.add(new OptionLeg(OptionRight.CALL, k1 + gap, expiry, q2, premium * 0.7, 0.3));
        }
        if (q3 != 0) {
            legs.add(new OptionLeg(OptionRight.CALL, k1 + 2 * gap, expiry, q3, premium * 0.4, 0.3));
        }
        if (legs.isEmpty()) {
            return;
        }
        OptionStrategy s = new OptionStrategy("random", legs, 100);
        StrategyAnalysis a = StrategyAnalyzer.DEFAULT.analyse(s, MARKET);
        double p = StrategyAnalyzer.DEFAULT.profitAtExpiry(s, MARKET, probe);

        if (!a.maxProfit().unlimited()) {
            assertThat(p).isLessThanOrEqualTo(a.maxProfit().amount() + 1e-6);
        }
        if (!a.maxLoss().unlimited()) {
            assertThat(p).isGreaterThanOrEqualTo(-a.maxLoss().amount() - 1e-6);
        }
        for (double b : a.breakevens()) {
            assertThat(StrategyAnalyzer.DEFAULT.profitAtExpiry(s, MARKET, b)).isCloseTo(0.0, within(1e-5));
        }
    }
}
