package dev.paperdesk.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.analytics.EquityCurve;
import dev.paperdesk.engine.analytics.MetricsConfig;
import dev.paperdesk.engine.analytics.ReturnSeries;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.InstrumentId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoLiveFiguresTest {
    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    private static ClosedTrade trade(double pnl) {
        Instant t = Instant.parse("2026-03-03T15:00:00Z");
        return new ClosedTrade(InstrumentId.parse("ACME@sim"), AssetClass.EQUITY, "LONG", t, t, 10, pnl, 0, 0);
    }

    @Test
    void aTopUpDoesNotCountAsProfit() {
        // day 1 opens with 100,000; day 2 earns 1%; day 3 a 50,000 top-up arrives and the book is flat;
        // day 4 loses 1% of 151,000
        double[] equity = {100_000, 101_000, 151_000, 149_490};
        List<LocalDate> days = ReturnSeries.consecutiveDays(START, 4);
        ReturnSeries returns = ReturnSeries.of(days.subList(1, 4), new double[] {0.01, 0.0, -0.01});
        List<ClosedTrade> trades = List.of(trade(1000), trade(-1510));

        GoLiveFigures f = GoLiveFigures.fromReturns(trades, returns, equity, MetricsConfig.DAILY, 1);

        assertThat(f.pnl()).isCloseTo(-510, within(1e-6));
        assertThat(f.maxDrawdown()).isCloseTo(1.01 * 0.99 / 1.01 - 1, within(1e-12));
        assertThat(f.winRate()).isEqualTo(0.5);
        assertThat(f.trades()).isEqualTo(2);
        assertThat(f.errors()).isEqualTo(1);
        // +1%, 0, -1%: the mean daily return is nil
        assertThat(f.sharpe()).isCloseTo(0, within(1e-9));
        // the same days read as a plain equity curve take the top-up for a 49,490 profit
        GoLiveFigures naive = GoLiveFigures.of(trades, EquityCurve.of(days, equity), MetricsConfig.DAILY, 1);
        assertThat(naive.pnl()).isCloseTo(49_490, within(1e-6));
        assertThat(naive.sharpe()).isGreaterThan(1);
        assertThat(GoLiveChecklist.evaluate(f, GoLiveCriteria.defaults()).items())
                .filteredOn(i -> i.key().equals("net_profit"))
                .singleElement()
                .satisfies(i -> assertThat(i.passed()).isFalse());
    }

    @Test
    void aMissingReturnAddsNothingAndTooFewReturnsLeaveRatiosUndefined() {
        double[] equity = {1_000, 1_100};
        ReturnSeries returns = ReturnSeries.of(List.of(START.plusDays(1)), new double[] {0.10});
        GoLiveFigures f = GoLiveFigures.fromReturns(List.of(), returns, equity, MetricsConfig.DAILY, 0);
        assertThat(f.pnl()).isCloseTo(100, within(1e-9));
        assertThat(f.sharpe()).isNaN();
        assertThat(f.maxDrawdown()).isNaN();
        assertThat(f.winRate()).isNaN();

        ReturnSeries gap = ReturnSeries.of(
                ReturnSeries.consecutiveDays(START.plusDays(1), 3), new double[] {0.10, Double.NaN, 0.05});
        GoLiveFigures g =
                GoLiveFigures.fromReturns(List.of(), gap, new double[] {1_000, 1_100, 0, 50}, MetricsConfig.DAILY, 0);
        assertThat(g.pnl()).isCloseTo(100, within(1e-9));

        GoLiveFigures empty = GoLiveFigures.fromReturns(
                List.of(), ReturnSeries.of(List.of(), new double[0]), new double[0], MetricsConfig.DAILY, 0);
        assertThat(empty.pnl()).isNaN();
    }

    @Test
    void equityMustHaveOneMoreValueThanReturns() {
        ReturnSeries returns = ReturnSeries.of(List.of(START), new double[] {0.01});
        assertThatThrownBy(
                        () -> GoLiveFigures.fromReturns(List.of(), returns, new double[] {1}, MetricsConfig.DAILY, 0))
                .hasMessageContaining("one more equity value");
    }
}
