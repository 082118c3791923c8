package dev.paperdesk.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrawdownAnalysisTest {
    static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    @Test
    void episodes_of_a_hand_computed_series() {
        // wealth from 1 (dated 2023-12-31): 1.1, 0.88, 0.924, 1.155, 1.0395, 0.987525
        double[] r = {0.10, -0.20, 0.05, 0.25, -0.10, -0.05};
        ReturnSeries series = ReturnSeries.of(ReturnSeries.consecutiveDays(JAN_1, 6), r);

        DrawdownAnalysis dd = DrawdownAnalysis.of(series);

        assertThat(dd.episodes()).isEqualTo(2);
        assertThat(dd.maxDrawdown())
                .isCloseTo(-0.2, within(1e-12))
                .isCloseTo(ReturnStatistics.maxDrawdown(r), within(1e-12));
        assertThat(dd.currentDrawdown()).isCloseTo(0.987525 / 1.155 - 1, within(1e-12));
        assertThat(dd.currentDurationDays()).isEqualTo(2);
        assertThat(dd.longestDurationDays()).isEqualTo(3);
        assertThat(dd.longestRecoveryDays()).isEqualTo(2);
        assertThat(dd.asOf()).isEqualTo(LocalDate.of(2024, 1, 6));

        DrawdownPeriod first = dd.top().get(0);
        assertThat(first.peak()).isEqualTo(JAN_1);
        assertThat(first.valley()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(first.recoveryDate()).contains(LocalDate.of(2024, 1, 4));
        assertThat(first.depth()).isCloseTo(-0.2, within(1e-12));
        assertThat(first.daysToValley()).isEqualTo(1);
        assertThat(first.daysToRecover()).contains(2L);
        DrawdownPeriod second = dd.top().get(1);
        assertThat(second.peak()).isEqualTo(LocalDate.of(2024, 1, 4));
        assertThat(second.valley()).isEqualTo(LocalDate.of(2024, 1, 6));
        assertThat(second.recovered()).isFalse();
        assertThat(second.durationDays(dd.asOf())).isEqualTo(2);
    }

    @Test
    void a_loss_on_the_first_day_is_a_drawdown_from_the_start() {
        ReturnSeries series = ReturnSeries.of(List.of(JAN_1, JAN_1.plusDays(1)), new double[] {-0.1, 0.2});
        DrawdownAnalysis dd = DrawdownAnalysis.of(series);
        assertThat(dd.top()).singleElement().satisfies(p -> {
            assertThat(p.peak()).isEqualTo(JAN_1.minusDays(1));
            assertThat(p.valley()).isEqualTo(JAN_1);
            assertThat(p.recoveryDate()).contains(JAN_1.plusDays(1));
        });
        assertThat(dd.currentDrawdown()).isZero();
    }

    @Test
    void top_keeps_the_five_deepest_episodes_deepest_first() {
        double[] r = {-0.01, 0.02, -0.05, 0.06, -0.02, 0.03, -0.07, 0.08, -0.03, 0.04, -0.04, 0.05, -0.06, 0.07};
        DrawdownAnalysis dd = DrawdownAnalysis.of(ReturnSeries.of(ReturnSeries.consecutiveDays(JAN_1, r.length), r));
        assertThat(dd.episodes()).isEqualTo(7);
        assertThat(dd.top()).hasSize(DrawdownAnalysis.DEFAULT_TOP);
        assertThat(dd.top().stream().mapToDouble(DrawdownPeriod::depth).toArray())
                .containsExactly(new double[] {-0.07, -0.06, -0.05, -0.04, -0.03}, within(1e-12));
    }

    @Test
    void degenerate_curves() {
        DrawdownAnalysis empty = DrawdownAnalysis.of(ReturnSeries.of(List.of(), new double[0]));
        assertThat(empty.maxDrawdown()).isNaN();
        assertThat(empty.currentDrawdown()).isNaN();
        assertThat(empty.top()).isEmpty();
        assertThat(empty.asOf()).isNull();

        DrawdownAnalysis rising = DrawdownAnalysis.of(
                ReturnSeries.of(ReturnSeries.consecutiveDays(JAN_1, 3), new double[] {0.01, 0, 0.02}));
        assertThat(rising.maxDrawdown()).isZero();
        assertThat(rising.currentDrawdown()).isZero();
        assertThat(rising.episodes()).isZero();
    }

    @Test
    void equity_curve_round_trips_through_returns() {
        double[] r = {0.01, -0.02, Double.NaN, 0.03};
        ReturnSeries series = ReturnSeries.of(ReturnSeries.consecutiveDays(JAN_1, 4), r);
        EquityCurve curve = EquityCurve.fromReturns(series, 1000);
        assertThat(curve.values()).containsExactly(new double[] {1000, 1010, 989.8, 989.8, 1019.494}, within(1e-9));
        assertThat(curve.returns().returns()).containsExactly(new double[] {0.01, -0.02, 0, 0.03}, within(1e-12));
        assertThat(curve.returns().dates()).isEqualTo(series.dates());
    }
}
