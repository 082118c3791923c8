package dev.paperdesk.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnAggregationTest {
    static ReturnSeries onePercentDaily(LocalDate start, int days) {
        double[] r = new double[days];
        Arrays.fill(r, 0.01);
        return ReturnSeries.of(ReturnSeries.consecutiveDays(start, days), r);
    }

    @Test
    void rolling_calendar_returns_report_complete_windows_only() {
        ReturnSeries s = onePercentDaily(LocalDate.of(2024, 1, 1), 10);
        List<DatedValue> rolling = ReturnAggregation.rollingReturns(s, 7);
        assertThat(rolling).hasSize(4);
        assertThat(rolling.get(0).date()).isEqualTo(LocalDate.of(2024, 1, 7));
        assertThat(rolling).allSatisfy(v -> assertThat(v.value()).isCloseTo(Math.pow(1.01, 7) - 1, within(1e-12)));
        assertThat(ReturnAggregation.rollingReturns(s, 30)).isEmpty();
        assertThat(ReturnAggregation.trailingReturn(s, 10)).isCloseTo(Math.pow(1.01, 10) - 1, within(1e-12));
        assertThat(ReturnAggregation.trailingReturn(s, 11)).isNaN();
    }

    @Test
    void calendar_windows_skip_missing_weekdays() {
        // Friday and Monday: a 3-day window ending Monday holds only Monday
        ReturnSeries s =
                ReturnSeries.of(List.of(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 8)), new double[] {0.02, 0.03});
        assertThat(ReturnAggregation.trailingReturn(s, 3)).isCloseTo(0.03, within(1e-12));
        assertThat(ReturnAggregation.trailingReturn(s, 4)).isCloseTo(1.02 * 1.03 - 1, within(1e-12));
    }

    @Test
    void overview_as_of_the_last_date() {
        // Wednesday 2024-03-27 to Tuesday 2024-04-02, +1% a day
        ReturnsOverview o = ReturnsOverview.of(onePercentDaily(LocalDate.of(2024, 3, 27), 7));
        assertThat(o.asOf()).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(o.lastPeriod()).isEqualTo(0.01);
        assertThat(o.weekToDate()).isCloseTo(Math.pow(1.01, 2) - 1, within(1e-12));
        assertThat(o.monthToDate()).isCloseTo(Math.pow(1.01, 2) - 1, within(1e-12));
        assertThat(o.quarterToDate()).isCloseTo(Math.pow(1.01, 2) - 1, within(1e-12));
        assertThat(o.yearToDate()).isCloseTo(Math.pow(1.01, 7) - 1, within(1e-12));
        assertThat(o.allTime()).isCloseTo(Math.pow(1.01, 7) - 1, within(1e-12));
        assertThat(o.trailing7Days()).isCloseTo(Math.pow(1.01, 7) - 1, within(1e-12));
        assertThat(o.trailing30Days()).isNaN();
        assertThat(o.trailing365Days()).isNaN();

        ReturnsOverview empty = ReturnsOverview.of(ReturnSeries.of(List.of(), new double[0]));
        assertThat(empty.asOf()).isNull();
        assertThat(empty.allTime()).isNaN();
    }

    @Test
    void daily_and_weekly_buckets_are_labelled() {
        ReturnSeries s = ReturnSeries.of(
                List.of(LocalDate.of(2020, 12, 31), LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 4)),
                new double[] {0.01, 0.02, 0.03});
        assertThat(ReturnAggregation.aggregate(s, Frequency.DAILY))
                .extracting(PeriodReturn::label)
                .containsExactly("2020-12-31", "2021-01-01", "2021-01-04");
        // 2020-12-31 and 2021-01-01 share ISO week 2020-W53
        List<PeriodReturn> weeks = ReturnAggregation.aggregate(s, Frequency.WEEKLY);
        assertThat(weeks).extracting(PeriodReturn::label).containsExactly("2020-W53", "2021-W01");
        assertThat(weeks.get(0).value()).isCloseTo(1.01 * 1.02 - 1, within(1e-12));
        assertThat(weeks.get(0).first()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(weeks.get(0).last()).isEqualTo(LocalDate.of(2021, 1, 1));
    }

    @Test
    void monthly_returns_table() {
        ReturnSeries s = ReturnSeries.of(
                List.of(
                        LocalDate.of(2023, 12, 30),
                        LocalDate.of(2023, 12, 31),
                        LocalDate.of(2024, 1, 15),
                        LocalDate.of(2024, 2, 10)),
                new double[] {0.01, 0.02, -0.01, 0.03});
        MonthlyReturnsTable table = MonthlyReturnsTable.of(s);
        assertThat(table.years()).hasSize(2);
        MonthlyReturnsTable.YearRow y2023 = table.years().get(0);
        assertThat(y2023.year()).isEqualTo(2023);
        assertThat(y2023.month(12)).isCloseTo(1.01 * 1.02 - 1, within(1e-12));
        assertThat(y2023.month(1)).isNaN();
        assertThat(y2023.total()).isCloseTo(1.01 * 1.02 - 1, within(1e-12));
        MonthlyReturnsTable.YearRow y2024 = table.years().get(1);
        assertThat(y2024.month(1)).isCloseTo(-0.01, within(1e-12));
        assertThat(y2024.month(2)).isCloseTo(0.03, within(1e-12));
        assertThat(y2024.total()).isCloseTo(0.99 * 1.03 - 1, within(1e-12));
    }

    @Test
    void rolling_sharpe_is_dated_at_the_window_end() {
        double[] r = EmpyricalFixturesTest.NEGATIVE;
        ReturnSeries s = ReturnSeries.of(ReturnSeries.consecutiveDays(LocalDate.of(2000, 1, 30), r.length), r);
        List<DatedValue> rolling = ReturnAggregation.rollingSharpe(s, 6, MetricsConfig.DAILY);
        assertThat(rolling).hasSize(4);
        assertThat(rolling.get(0).date()).isEqualTo(LocalDate.of(2000, 2, 4));
        assertThat(rolling.get(0).value()).isCloseTo(-18.09162052, within(1.5e-8));
        assertThat(ReturnAggregation.rollingSharpe(s, 30, MetricsConfig.DAILY)).isEmpty();
    }

    @Test
    void series_validation() {
        List<LocalDate> twice = List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1));
        assertThatThrownBy(() -> ReturnSeries.of(twice, new double[] {0, 0}))
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() ->
                        ReturnSeries.of(List.of(LocalDate.of(2024, 1, 1)), new double[] {Double.POSITIVE_INFINITY}))
                .hasMessageContaining("infinite");
        assertThatThrownBy(() -> ReturnSeries.of(List.of(LocalDate.of(2024, 1, 1)), new double[0]))
                .hasMessageContaining("differ in length");
    }
}
