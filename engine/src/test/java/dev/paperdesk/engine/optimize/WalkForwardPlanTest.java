package dev.paperdesk.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardPlanTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static List<Instant> hourly(int n) {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(T0.plus(Duration.ofHours(i)));
        }
        return out;
    }

    @Test
    void barWindowsRollByTheOutOfSampleLength() {
        List<WalkForwardWindow> w = WalkForward.plan(hourly(100), Duration.ofHours(1), WalkForwardSpec.parse("40:20"));

        assertThat(w).hasSize(3);
        // window k: in sample bars [20k, 20k + 40), out of sample [20k + 40, 20k + 60)
        for (int k = 0; k < 3; k++) {
            WalkForwardWindow x = w.get(k);
            assertThat(x.index()).isEqualTo(k);
            assertThat(x.inSampleFrom()).isEqualTo(T0.plus(Duration.ofHours(20L * k)));
            assertThat(x.inSampleTo()).isEqualTo(T0.plus(Duration.ofHours(20L * k + 40)));
            assertThat(x.outOfSampleFrom()).isEqualTo(x.inSampleTo());
            assertThat(x.outOfSampleTo()).isEqualTo(T0.plus(Duration.ofHours(20L * k + 60)));
            assertThat(x.inSampleBars()).isEqualTo(40);
            assertThat(x.outOfSampleBars()).isEqualTo(20);
        }
        // the out-of-sample ranges tile the data after the first in-sample range
        for (int k = 1; k < 3; k++) {
            assertThat(w.get(k).outOfSampleFrom()).isEqualTo(w.get(k - 1).outOfSampleTo());
        }
        assertThat(w.get(2).outOfSampleTo()).isEqualTo(T0.plus(Duration.ofHours(100)));
    }

    @Test
    void theLastOutOfSampleRangeMayBeShorter() {
        List<WalkForwardWindow> w = WalkForward.plan(hourly(105), Duration.ofHours(1), WalkForwardSpec.parse("40:20"));
        assertThat(w).hasSize(4);
        assertThat(w.get(3).outOfSampleBars()).isEqualTo(5);
        assertThat(w.get(3).outOfSampleTo()).isEqualTo(T0.plus(Duration.ofHours(105)));
    }

    @Test
    void dayWindowsCountCalendarDaysAndSkipWeekends() {
        // weekday daily bars over 10 weeks
        List<Instant> opens = new ArrayList<>();
        for (int d = 0; d < 70; d++) {
            Instant t = T0.plus(Duration.ofDays(d)); // 2024-01-01 is a Monday
            if (d % 7 < 5) {
                opens.add(t);
            }
        }
        List<WalkForwardWindow> w = WalkForward.plan(opens, Duration.ofDays(1), WalkForwardSpec.parse("28d:14d"));
        assertThat(w).hasSize(3);
        assertThat(w.get(0).inSampleFrom()).isEqualTo(T0);
        assertThat(w.get(0).inSampleTo()).isEqualTo(T0.plus(Duration.ofDays(28)));
        assertThat(w.get(0).inSampleBars()).isEqualTo(20);
        assertThat(w.get(0).outOfSampleBars()).isEqualTo(10);
        assertThat(w.get(1).inSampleFrom()).isEqualTo(T0.plus(Duration.ofDays(14)));
        assertThat(w.get(2).outOfSampleTo())
                .isEqualTo(T0.plus(Duration.ofDays(70)).minus(Duration.ofDays(2)));
        assertThat(w.get(2).outOfSampleYears()).isEqualTo(12 / 365.25, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void specsParseAndTooLittleDataIsRefused() {
        assertThat(WalkForwardSpec.parse("500:100"))
                .isEqualTo(new WalkForwardSpec(500, 100, WalkForwardSpec.Unit.BARS));
        assertThat(WalkForwardSpec.parse("365D:90d"))
                .isEqualTo(new WalkForwardSpec(365, 90, WalkForwardSpec.Unit.DAYS));
        assertThatThrownBy(() -> WalkForwardSpec.parse("365d:90")).hasMessageContaining("both days");
        assertThatThrownBy(() -> WalkForwardSpec.parse("100")).hasMessageContaining("IS:OOS");
        assertThatThrownBy(() -> WalkForward.plan(hourly(40), Duration.ofHours(1), WalkForwardSpec.parse("40:20")))
                .hasMessageContaining("needs more data than the 40 bars");
    }

    @Test
    void efficiencyIsTheRatioOfAnnualizedReturns() {
        assertThat(WalkForwardResult.annualize(0.21, 2)).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(WalkForwardResult.annualize(-1.5, 1)).isEqualTo(-1);
        assertThat(WalkForwardResult.annualize(0.1, 0)).isNaN();
        assertThat(WalkForwardResult.efficiency(0.05, 0.10)).isEqualTo(0.5);
        assertThat(WalkForwardResult.efficiency(0.05, -0.10)).isNaN();
        assertThat(WalkForwardResult.efficiency(-0.05, 0.10)).isEqualTo(-0.5);
    }
}
