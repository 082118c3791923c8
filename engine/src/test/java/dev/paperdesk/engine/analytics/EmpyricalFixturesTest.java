package dev.paperdesk.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the regression fixtures of empyrical's own unit tests.
 *
 * <p>Source: {@code empyrical/tests/test_stats.py} of empyrical 0.5.x (Quantopian, Apache-2.0), read from
 * the copy vendored at {@code github.com/anfederico/gemini} commit {@code
 * b324416ccce6586710cb09e051cb521b072a81b0}; the older {@code quantopian/empyrical} commit {@code
 * 2cbc9b3cb30e595ac96a87b486ebae7c5c102d29} has the same series and the same expected max drawdown,
 * annual return, Calmar and tail ratio. Expected numbers below are copied verbatim from those
 * parameter lists; the tolerance is empyrical's {@code assert_almost_equal(..., DECIMAL_PLACES=8)},
 * i.e. {@code 1.5e-8}, unless the Python test used fewer decimals.
 */
class EmpyricalFixturesTest {
    static final Offset<Double> DECIMAL_8 = within(1.5e-8);
    static final Offset<Double> DECIMAL_7 = within(1.5e-7);
    static final Offset<Double> DECIMAL_4 = within(1.5e-4);
    static final double NAN = Double.NaN;

    // The fixture series of test_stats.py, in percent divided by 100.
    static final double[] SIMPLE_BENCHMARK = pct(0, 1, 0, 1, 0, 1, 0, 1, 0);
    static final double[] POSITIVE = pct(1, 2, 1, 1, 1, 1, 1, 1, 1);
    static final double[] NEGATIVE = pct(0, -6, -7, -1, -9, -2, -6, -8, -5);
    static final double[] ALL_NEGATIVE = pct(-2, -6, -7, -1, -9, -2, -6, -8, -5);
    static final double[] MIXED = pct(NAN, 1, 10, -4, 2, 3, 2, 1, -10);
    static final double[] FLAT_LINE_1 = pct(1, 1, 1, 1, 1, 1, 1, 1, 1);
    static final double[] WEEKLY_OR_MONTHLY = pct(0, 1, 10, -4, 2, 3, 2, 1, -10);
    static final double[] ONE = pct(1);
    static final double[] EMPTY = new double[0];
    static final double[] FLAT_LINE_1_TZ = filled(1000, 0.01);
    static final double[] DF_ONE = {
        -0.00171614, 0.01322056, 0.03063862, -0.01422057, -0.00489779, 0.01268925, -0.03357711, 0.01797036
    };
    static final double[] DF_TWO = {
        0.01846232, 0.00793951, -0.01448395, 0.00422537, -0.00339611, 0.03756813, 0.0151531, 0.03549769
    };
    static final LocalDate START = LocalDate.of(2000, 1, 30);

    static double[] pct(double... values) {
        return Arrays.stream(values).map(v -> v / 100).toArray();
    }

    static double[] filled(int n, double v) {
        double[] out = new double[n];
        Arrays.fill(out, v);
        return out;
    }

    static double[] linspace(double from, double to, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = from + (to - from) * i / (n - 1);
        }
        return out;
    }

    static double[] negate(double[] x) {
        return Arrays.stream(x).map(v -> -v).toArray();
    }

    /** pandas {@code date_range('2000-1-30', periods=n, freq='D')}. */
    static List<LocalDate> daily(int n) {
        return ReturnSeries.consecutiveDays(START, n);
    }

    /** pandas {@code freq='W'}: Sundays from 2000-01-30. */
    static List<LocalDate> weekly(int n) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(START.plusWeeks(i));
        }
        return out;
    }

    /** pandas {@code freq='M'}: month ends from January 2000. */
    static List<LocalDate> monthEnds(int n) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(LocalDate.of(2000, 1, 1).plusMonths(i).with(TemporalAdjusters.lastDayOfMonth()));
        }
        return out;
    }

    @Nested
    class Cumulative {
        @Test
        void cum_returns_of_mixed_and_negative_series() {
            assertThat(ReturnStatistics.cumReturns(MIXED, 0))
                    .containsExactly(
                            new double[] {0.0, 0.01, 0.111, 0.066559, 0.08789, 0.12052, 0.14293, 0.15436, 0.03893},
                            DECIMAL_4);
            assertThat(ReturnStatistics.cumReturns(MIXED, 100))
                    .containsExactly(
                            new double[] {
                                100.0, 101.0, 111.1, 106.65599, 108.78912, 112.05279, 114.29384, 115.43678, 103.89310
                            },
                            DECIMAL_4);
            assertThat(ReturnStatistics.cumReturns(NEGATIVE, 0))
                    .containsExactly(
                            new double[] {
                                0.0, -0.06, -0.1258, -0.13454, -0.21243, -0.22818, -0.27449, -0.33253, -0.36590
                            },
                            DECIMAL_4);
            assertThat(ReturnStatistics.cumReturns(EMPTY, 0)).isEmpty();
        }

        @Test
        void cum_returns_final() {
            assertThat(ReturnStatistics.cumReturnFinal(EMPTY)).isNaN();
            assertThat(ReturnStatistics.cumReturnFinal(ONE)).isCloseTo(0.01, DECIMAL_4);
            assertThat(ReturnStatistics.cumReturnFinal(MIXED)).isCloseTo(0.03893, DECIMAL_4);
            assertThat(ReturnStatistics.cumReturnFinal(NEGATIVE)).isCloseTo(-0.36590, DECIMAL_4);
        }

        @Test
        void annual_return_and_cagr() {
            assertThat(ReturnStatistics.annualReturn(MIXED, 252)).isCloseTo(1.9135925373194231, DECIMAL_8);
            assertThat(ReturnStatistics.annualReturn(WEEKLY_OR_MONTHLY, 52)).isCloseTo(0.24690830513998208, DECIMAL_8);
            assertThat(ReturnStatistics.annualReturn(WEEKLY_OR_MONTHLY, 12)).isCloseTo(0.052242061386048144, DECIMAL_8);
            // test_cagr
            assertThat(ReturnStatistics.annualReturn(EMPTY, 252)).isNaN();
            assertThat(ReturnStatistics.annualReturn(ONE, 252)).isCloseTo(11.274002099240244, DECIMAL_8);
            assertThat(ReturnStatistics.annualReturn(FLAT_LINE_1_TZ, 252)).isCloseTo(11.274002099240256, DECIMAL_8);
            assertThat(ReturnStatistics.annualReturn(pct(3, 3, 3), 1)).isCloseTo(0.03, DECIMAL_8);
        }
    }

    @Nested
    class Aggregation {
        @Test
        void simple_benchmark_by_week_month_quarter_year() {
            ReturnSeries s = ReturnSeries.of(daily(9), SIMPLE_BENCHMARK);
            assertThat(values(s, Frequency.WEEKLY))
                    .containsExactly(new double[] {0.0, 0.040604010000000024, 0.0}, DECIMAL_8);
            assertThat(values(s, Frequency.MONTHLY))
                    .containsExactly(new double[] {0.01, 0.03030099999999991}, DECIMAL_8);
            assertThat(values(s, Frequency.QUARTERLY)).containsExactly(new double[] {0.04060401}, DECIMAL_8);
            assertThat(values(s, Frequency.YEARLY)).containsExactly(new double[] {0.040604010000000024}, DECIMAL_8);
        }

        @Test
        void weekly_and_monthly_returns_rolled_up() {
            ReturnSeries weekly = ReturnSeries.of(weekly(9), WEEKLY_OR_MONTHLY);
            assertThat(values(weekly, Frequency.MONTHLY))
                    .containsExactly(new double[] {0.0, 0.087891200000000058, -0.04500459999999995}, DECIMAL_8);
            assertThat(values(weekly, Frequency.YEARLY))
                    .containsExactly(new double[] {0.038931091700480147}, DECIMAL_8);
            ReturnSeries monthly = ReturnSeries.of(monthEnds(9), WEEKLY_OR_MONTHLY);
            assertThat(values(monthly, Frequency.YEARLY))
                    .containsExactly(new double[] {0.038931091700480147}, DECIMAL_8);
            assertThat(values(monthly, Frequency.QUARTERLY))
                    .containsExactly(
                            new double[] {0.11100000000000021, 0.008575999999999917, -0.072819999999999996}, DECIMAL_8);
        }

        private double[] values(ReturnSeries s, Frequency f) {
            return ReturnAggregation.aggregate(s, f).stream()
                    .mapToDouble(PeriodReturn::value)
                    .toArray();
        }
    }

    @Nested
    class Risk {
        @Test
        void max_drawdown() {
            assertThat(ReturnStatistics.maxDrawdown(EMPTY)).isNaN();
            assertThat(ReturnStatistics.maxDrawdown(ONE)).isEqualTo(0.0);
            assertThat(ReturnStatistics.maxDrawdown(SIMPLE_BENCHMARK)).isEqualTo(0.0);
            assertThat(ReturnStatistics.maxDrawdown(MIXED)).isCloseTo(-0.1, DECIMAL_8);
            assertThat(ReturnStatistics.maxDrawdown(POSITIVE)).isCloseTo(-0.0, DECIMAL_8);
            assertThat(ReturnStatistics.maxDrawdown(NEGATIVE))
                    .isCloseTo(ReturnStatistics.cumReturnFinal(NEGATIVE), DECIMAL_8);
            assertThat(ReturnStatistics.maxDrawdown(ALL_NEGATIVE))
                    .isCloseTo(ReturnStatistics.cumReturnFinal(ALL_NEGATIVE), DECIMAL_8);
            assertThat(ReturnStatistics.maxDrawdown(pct(10, -10, 10))).isCloseTo(-0.10, DECIMAL_8);
        }

        @Test
        void annual_volatility() {
            assertThat(ReturnStatistics.annualVolatility(FLAT_LINE_1_TZ, 252)).isEqualTo(0.0);
            assertThat(ReturnStatistics.annualVolatility(MIXED, 252)).isCloseTo(0.9136465399704637, DECIMAL_8);
            assertThat(ReturnStatistics.annualVolatility(WEEKLY_OR_MONTHLY, 52))
                    .isCloseTo(0.38851569394870583, DECIMAL_8);
            assertThat(ReturnStatistics.annualVolatility(WEEKLY_OR_MONTHLY, 12))
                    .isCloseTo(0.18663690238892558, DECIMAL_8);
        }

        @Test
        void calmar() {
            assertThat(ReturnStatistics.calmarRatio(EMPTY, 252)).isNaN();
            assertThat(ReturnStatistics.calmarRatio(ONE, 252)).isNaN();
            assertThat(ReturnStatistics.calmarRatio(MIXED, 252)).isCloseTo(19.135925373194233, DECIMAL_8);
            assertThat(ReturnStatistics.calmarRatio(WEEKLY_OR_MONTHLY, 52)).isCloseTo(2.4690830513998208, DECIMAL_8);
            assertThat(ReturnStatistics.calmarRatio(WEEKLY_OR_MONTHLY, 12)).isCloseTo(0.52242061386048144, DECIMAL_8);
        }

        @Test
        void downside_risk() {
            assertThat(ReturnStatistics.downsideRisk(EMPTY, 0, 252)).isNaN();
            assertThat(ReturnStatistics.downsideRisk(ONE, 0, 252)).isEqualTo(0.0);
            assertThat(ReturnStatistics.downsideRisk(MIXED, 0, 252)).isCloseTo(0.60448325038829653, DECIMAL_8);
            assertThat(ReturnStatistics.downsideRisk(MIXED, 0.1, 252)).isCloseTo(1.7161730681956295, DECIMAL_8);
            assertThat(ReturnStatistics.downsideRisk(WEEKLY_OR_MONTHLY, 0, 52))
                    .isCloseTo(0.25888650451930134, DECIMAL_8);
            assertThat(ReturnStatistics.downsideRisk(WEEKLY_OR_MONTHLY, 0.1, 52))
                    .isCloseTo(0.7733045971672482, DECIMAL_8);
            assertThat(ReturnStatistics.downsideRisk(WEEKLY_OR_MONTHLY, 0, 12))
                    .isCloseTo(0.1243650540411842, DECIMAL_8);
            assertThat(ReturnStatistics.downsideRisk(WEEKLY_OR_MONTHLY, 0.1, 12))
                    .isCloseTo(0.37148351242013422, DECIMAL_8);
            // df_simple, df_week, df_month columns 'one' and 'two'
            assertThat(ReturnStatistics.downsideRisk(DF_ONE, 0, 252)).isCloseTo(0.20671788246185202, DECIMAL_8);
            assertThat(ReturnStatistics.downsideRisk(DF_TWO, 0, 252)).isCloseTo(0.083495680595704475, DECIMAL_8);
            assertThat(ReturnStatistics.downsideRisk(DF_ONE, 0, 52)).isCloseTo(0.093902996054410062, DECIMAL_8);
            assertThat(ReturnStatistics.downsideRisk(DF_TWO, 0, 52)).isCloseTo(0.037928477556776516, DECIMAL_8);
            assertThat(ReturnStatistics.downsideRisk(DF_ONE, 0, 12)).isCloseTo(0.045109540184877193, DECIMAL_8);
            assertThat(ReturnStatistics.downsideRisk(DF_TWO, 0, 12)).isCloseTo(0.018220251263412916, DECIMAL_8);
        }

        @Test
        void value_at_risk() {
            assertThat(ReturnStatistics.valueAtRisk(new double[] {1.0, 2.0}, 0.0))
                    .isCloseTo(1.0, DECIMAL_7);
            assertThat(ReturnStatistics.valueAtRisk(new double[] {1.0, 2.0}, 0.3))
                    .isCloseTo(1.3, DECIMAL_7);
            assertThat(ReturnStatistics.valueAtRisk(new double[] {1.0, 2.0}, 1.0))
                    .isCloseTo(2.0, DECIMAL_7);
            double[] r = {1, 81, 82, 83, 84, 85};
            assertThat(ReturnStatistics.valueAtRisk(r, 0.1)).isCloseTo(41, DECIMAL_7);
            assertThat(ReturnStatistics.valueAtRisk(r, 0.2)).isCloseTo(81, DECIMAL_7);
            assertThat(ReturnStatistics.valueAtRisk(r, 0.3)).isCloseTo(81.5, DECIMAL_7);
        }

        @Test
        void conditional_value_at_risk_is_the_mean_at_or_below_the_var() {
            // test_conditional_value_at_risk: a single value is its own CVaR; otherwise the mean of the
            // returns at or below the VaR, for the same cutoffs as the Python test.
            assertThat(ReturnStatistics.conditionalValueAtRisk(new double[] {-0.013}, 0))
                    .isEqualTo(-0.013);
            assertThat(ReturnStatistics.conditionalValueAtRisk(new double[] {-0.013}, 1))
                    .isEqualTo(-0.013);
            double[] returns = new java.util.Random(1337)
                    .doubles(21)
                    .map(u -> (u - 0.5) * 0.08)
                    .toArray();
            for (double cutoff : new double[] {0, 0.0499, 0.05, 0.20, 0.999, 1}) {
                double var = ReturnStatistics.valueAtRisk(returns, cutoff);
                double expected =
                        Arrays.stream(returns).filter(v -> v <= var).average().orElseThrow();
                assertThat(ReturnStatistics.conditionalValueAtRisk(returns, cutoff))
                        .as("cutoff %s", cutoff)
                        .isCloseTo(expected, DECIMAL_7);
            }
        }

        @Test
        void tail_ratio() {
            assertThat(ReturnStatistics.tailRatio(EMPTY)).isNaN();
            assertThat(ReturnStatistics.tailRatio(ONE)).isCloseTo(1.0, DECIMAL_8);
            // empyrical asserts this one to a single decimal (assert_almost_equal(..., 1)); the exact
            // value with numpy 2.4's linear percentile, abs(p95) / abs(p5) of the 8 valid returns, is
            // 0.9556962025316452.
            assertThat(ReturnStatistics.tailRatio(MIXED)).isCloseTo(0.9473684210526313, within(1.5e-1));
            assertThat(ReturnStatistics.tailRatio(MIXED)).isCloseTo(0.9556962025316452, DECIMAL_8);
        }

        @Test
        void stability_of_timeseries() {
            assertThat(ReturnStatistics.stabilityOfTimeseries(EMPTY)).isNaN();
            assertThat(ReturnStatistics.stabilityOfTimeseries(ONE)).isNaN();
            assertThat(ReturnStatistics.stabilityOfTimeseries(MIXED)).isCloseTo(0.1529973665111273, DECIMAL_8);
            assertThat(ReturnStatistics.stabilityOfTimeseries(FLAT_LINE_1_TZ)).isCloseTo(1.0, DECIMAL_8);
        }
    }

    @Nested
    class RiskAdjusted {
        @Test
        void sharpe_ratio() {
            assertThat(ReturnStatistics.sharpeRatio(EMPTY, 0, 252)).isNaN();
            assertThat(ReturnStatistics.sharpeRatio(ONE, 0, 252)).isNaN();
            assertThat(ReturnStatistics.sharpeRatio(MIXED, 0, 252)).isCloseTo(1.7238613961706866, DECIMAL_8);
            assertThat(ReturnStatistics.sharpeRatio(POSITIVE, 0, 252)).isCloseTo(52.915026221291804, DECIMAL_8);
            assertThat(ReturnStatistics.sharpeRatio(NEGATIVE, 0, 252)).isCloseTo(-24.406808633910085, DECIMAL_8);
            assertThat(ReturnStatistics.sharpeRatio(FLAT_LINE_1, 0, 252)).isEqualTo(Double.POSITIVE_INFINITY);
        }

        @Test
        void sortino_ratio() {
            assertThat(ReturnStatistics.sortinoRatio(EMPTY, 0, 252)).isNaN();
            assertThat(ReturnStatistics.sortinoRatio(ONE, 0, 252)).isNaN();
            assertThat(ReturnStatistics.sortinoRatio(MIXED, 0, 252)).isCloseTo(2.605531251673693, DECIMAL_8);
            // required return flat_line_1, i.e. 1% every period
            assertThat(ReturnStatistics.sortinoRatio(MIXED, 0.01, 252)).isCloseTo(-1.3934779588919977, DECIMAL_8);
            assertThat(ReturnStatistics.sortinoRatio(POSITIVE, 0, 252)).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(ReturnStatistics.sortinoRatio(NEGATIVE, 0, 252)).isCloseTo(-13.532743075043401, DECIMAL_8);
            assertThat(ReturnStatistics.sortinoRatio(SIMPLE_BENCHMARK, 0, 252)).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(ReturnStatistics.sortinoRatio(WEEKLY_OR_MONTHLY, 0, 52))
                    .isCloseTo(1.1158901056866439, DECIMAL_8);
            assertThat(ReturnStatistics.sortinoRatio(WEEKLY_OR_MONTHLY, 0, 12))
                    .isCloseTo(0.53605626741889756, DECIMAL_8);
            assertThat(ReturnStatistics.sortinoRatio(DF_ONE, 0, 252)).isCloseTo(3.0639640966566306, DECIMAL_8);
            assertThat(ReturnStatistics.sortinoRatio(DF_TWO, 0, 252)).isCloseTo(38.090963117002495, DECIMAL_8);
            assertThat(ReturnStatistics.sortinoRatio(DF_ONE, 0, 52)).isCloseTo(1.3918264112070571, DECIMAL_8);
            assertThat(ReturnStatistics.sortinoRatio(DF_TWO, 0, 52)).isCloseTo(17.303077589064618, DECIMAL_8);
            assertThat(ReturnStatistics.sortinoRatio(DF_ONE, 0, 12)).isCloseTo(0.6686117809312383, DECIMAL_8);
            assertThat(ReturnStatistics.sortinoRatio(DF_TWO, 0, 12)).isCloseTo(8.3121296084492844, DECIMAL_8);
        }

        @Test
        void omega_ratio() {
            assertThat(ReturnStatistics.omegaRatio(EMPTY, 0, 0, 252)).isNaN();
            assertThat(ReturnStatistics.omegaRatio(ONE, 0, 0, 252)).isNaN();
            assertThat(ReturnStatistics.omegaRatio(MIXED, 0, 10, 252)).isCloseTo(0.83354263497557934, DECIMAL_8);
            assertThat(ReturnStatistics.omegaRatio(MIXED, 0, -10, 252)).isNaN();
            assertThat(ReturnStatistics.omegaRatio(MIXED, 0.01, 0, 252)).isCloseTo(0.8125, DECIMAL_8);
            assertThat(ReturnStatistics.omegaRatio(POSITIVE, 0.01, 0, 252)).isNaN();
            assertThat(ReturnStatistics.omegaRatio(POSITIVE, 0.011, 0, 252)).isCloseTo(1.125, DECIMAL_8);
            assertThat(ReturnStatistics.omegaRatio(POSITIVE, 0.02, 0, 252)).isCloseTo(0.0, DECIMAL_8);
            assertThat(ReturnStatistics.omegaRatio(NEGATIVE, 0.01, 0, 252)).isCloseTo(0.0, DECIMAL_8);
        }

        @Test
        void rolling_sharpe_and_rolling_max_drawdown() {
            assertThat(ReturnStatistics.rollingSharpe(EMPTY, 6, 0, 252)).isEmpty();
            assertThat(ReturnStatistics.rollingSharpe(NEGATIVE, 6, 0, 252))
                    .containsExactly(new double[] {-18.09162052, -26.79897486, -26.69138263, -25.72298838}, DECIMAL_8);
            assertThat(ReturnStatistics.rollingSharpe(MIXED, 6, 0, 252))
                    .containsExactly(new double[] {7.57445259, 8.22784105, 8.22784105, -3.1374751}, DECIMAL_8);
            assertThat(ReturnStatistics.rollingMaxDrawdown(EMPTY, 6)).isEmpty();
            assertThat(ReturnStatistics.rollingMaxDrawdown(NEGATIVE, 6))
                    .containsExactly(new double[] {-0.2282, -0.2745, -0.2899, -0.2747}, DECIMAL_4);
        }
    }

    @Nested
    class Benchmark {
        @Test
        void excess_sharpe() {
            assertThat(ReturnStatistics.excessSharpe(EMPTY, EMPTY)).isNaN();
            assertThat(ReturnStatistics.excessSharpe(ONE, new double[] {0})).isNaN();
            double[] posLine = linspace(0, 1, 1000);
            assertThat(ReturnStatistics.excessSharpe(posLine, posLine)).isNaN();
            assertThat(ReturnStatistics.excessSharpe(MIXED, new double[9])).isCloseTo(0.10859306069076737, DECIMAL_8);
            assertThat(ReturnStatistics.excessSharpe(MIXED, FLAT_LINE_1)).isCloseTo(-0.06515583641446039, DECIMAL_8);
            assertThat(ReturnStatistics.informationRatio(MIXED, new double[9], 252))
                    .isCloseTo(0.10859306069076737 * Math.sqrt(252), DECIMAL_7);
        }

        @Test
        void alpha_beta() {
            // negative_returns[1:] aligned on mixed_returns' dates leaves the first benchmark date missing
            double[] negativeTail = NEGATIVE.clone();
            negativeTail[0] = NAN;
            AlphaBeta ab = ReturnStatistics.alphaBeta(MIXED, negativeTail, 0, 252);
            assertThat(ab.alpha()).isCloseTo(-8.306666666666668, DECIMAL_8);
            assertThat(ab.beta()).isCloseTo(-0.71296296296296313, DECIMAL_8);

            AlphaBeta self = ReturnStatistics.alphaBeta(MIXED, MIXED, 0, 252);
            assertThat(self.alpha()).isCloseTo(0.0, DECIMAL_8);
            assertThat(self.beta()).isCloseTo(1.0, DECIMAL_8);
            AlphaBeta inverse = ReturnStatistics.alphaBeta(MIXED, negate(MIXED), 0, 252);
            assertThat(inverse.alpha()).isCloseTo(0.0, DECIMAL_8);
            assertThat(inverse.beta()).isCloseTo(-1.0, DECIMAL_8);

            AlphaBeta empty = ReturnStatistics.alphaBeta(EMPTY, EMPTY, 0, 252);
            assertThat(empty.alpha()).isNaN();
            assertThat(empty.beta()).isNaN();
            AlphaBeta one = ReturnStatistics.alphaBeta(ONE, ONE, 0, 252);
            assertThat(one.alpha()).isNaN();
            assertThat(one.beta()).isNaN();
            // test_alpha / test_beta: a flat benchmark has no variance
            AlphaBeta flat = ReturnStatistics.alphaBeta(MIXED, FLAT_LINE_1, 0, 252);
            assertThat(flat.alpha()).isNaN();
            assertThat(flat.beta()).isNaN();
        }
    }
}
