package dev.paperdesk.engine.analytics;

import static dev.paperdesk.engine.analytics.EmpyricalFixturesTest.MIXED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceSummaryTest {
    static final List<LocalDate> DATES = ReturnSeries.consecutiveDays(LocalDate.of(2000, 1, 30), 9);

    @Test
    void summary_of_the_mixed_fixture_without_benchmark() {
        PerformanceSummary s = PerformanceSummary.of(ReturnSeries.of(DATES, MIXED), MetricsConfig.DAILY);
        assertThat(s.periods()).isEqualTo(9);
        assertThat(s.annualReturn()).isCloseTo(1.9135925373194231, within(1.5e-8));
        assertThat(s.sharpeRatio()).isCloseTo(1.7238613961706866, within(1.5e-8));
        assertThat(s.sortinoRatio()).isCloseTo(2.605531251673693, within(1.5e-8));
        assertThat(s.omegaRatio()).isEqualTo(ReturnStatistics.omegaRatio(MIXED, 0, 0, 252));
        assertThat(s.alpha()).isNaN();
        assertThat(s.beta()).isNaN();
        assertThat(s.informationRatio()).isNaN();
        assertThat(s.rSquared()).isNaN();
        // 8 valid returns sorted: -0.10, -0.04, 0.01, 0.01, 0.02, 0.02, 0.03, 0.10
        // VaR 5%: position 0.35 -> -0.10 + 0.35 * 0.06 = -0.079; CVaR: floor(7 * 0.05) = 0 -> the worst
        assertThat(s.valueAtRisk()).isCloseTo(-0.079, within(1e-12));
        assertThat(s.cvar()).isCloseTo(-0.10, within(1e-12));
        assertThat(s.valueAtRisk1()).isCloseTo(-0.10 + 0.07 * 0.06, within(1e-12));
        assertThat(s.cvar1()).isCloseTo(-0.10, within(1e-12));
    }

    @Test
    void benchmark_relative_metrics() {
        double[] benchmark = MIXED.clone();
        for (int i = 0; i < benchmark.length; i++) {
            benchmark[i] = benchmark[i] / 2 + 0.001;
        }
        PerformanceSummary s =
                PerformanceSummary.of(ReturnSeries.withBenchmark(DATES, MIXED, benchmark), MetricsConfig.of(252, 0));
        // returns = 2 * (benchmark - 0.001): beta 2, alpha -0.002 per day, a perfect fit
        assertThat(s.beta()).isCloseTo(2.0, within(1e-12));
        assertThat(s.alpha()).isCloseTo(-0.002 * 252, within(1e-12));
        assertThat(s.rSquared()).isCloseTo(1.0, within(1e-12));
        assertThat(s.informationRatio())
                .isCloseTo(ReturnStatistics.excessSharpe(MIXED, benchmark) * Math.sqrt(252), within(1e-12));
    }

    @Test
    void empty_series_gives_nan_everywhere_but_no_exception() {
        PerformanceSummary s = PerformanceSummary.of(ReturnSeries.of(List.of(), new double[0]), MetricsConfig.DAILY);
        assertThat(s.periods()).isZero();
        assertThat(new double[] {
                    s.cumReturn(), s.annualReturn(), s.annualVolatility(), s.sharpeRatio(), s.sortinoRatio(),
                    s.downsideRisk(), s.maxDrawdown(), s.calmarRatio(), s.omegaRatio(), s.tailRatio(),
                    s.valueAtRisk(), s.cvar(), s.stability()
                })
                .containsOnly(Double.NaN);
    }

    @Test
    void zero_volatility_follows_empyrical() {
        double[] flat = {0.001, 0.001, 0.001, 0.001};
        assertThat(ReturnStatistics.sharpeRatio(flat, 0, 252)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ReturnStatistics.sharpeRatio(new double[4], 0, 252)).isNaN();
        assertThat(ReturnStatistics.sortinoRatio(new double[4], 0, 252)).isNaN();
        assertThat(ReturnStatistics.stabilityOfTimeseries(new double[4])).isZero();
        assertThat(ReturnStatistics.calmarRatio(flat, 252)).isNaN();
    }
}
