package dev.paperdesk.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoLiveChecklistTest {
    @Test
    void aRunMeetingEveryDefaultPasses() {
        GoLiveChecklist c =
                GoLiveChecklist.evaluate(new GoLiveFigures(0.60, 1.8, -0.08, 2500, 25, 0), GoLiveCriteria.defaults());
        assertThat(c.passed()).isTrue();
        assertThat(c.items())
                .extracting(GoLiveChecklist.Item::key)
                .containsExactly("win_rate", "sharpe", "max_drawdown", "net_profit", "trades", "errors");
        GoLiveChecklist.Item dd = c.items().get(2);
        assertThat(dd.actual()).isEqualTo(0.08);
        assertThat(dd.threshold()).isEqualTo(0.10);
        assertThat(dd.actualText()).isEqualTo("8.0%");
        assertThat(dd.thresholdText()).isEqualTo("<= 10.0%");
        assertThat(c.items().get(0).thresholdText()).isEqualTo(">= 55.0%");
    }

    @Test
    void eachFailingCriterionIsReportedWithItsValue() {
        GoLiveChecklist c =
                GoLiveChecklist.evaluate(new GoLiveFigures(0.549, 1.5, -0.1001, 0, 19, 2), GoLiveCriteria.defaults());
        assertThat(c.passed()).isFalse();
        assertThat(c.failures())
                .extracting(GoLiveChecklist.Item::key)
                .containsExactly("win_rate", "max_drawdown", "net_profit", "trades", "errors");
        // the boundaries are inclusive where the rule says "at least" / "at most"
        assertThat(c.items().get(1).passed()).isTrue();
        assertThat(GoLiveChecklist.evaluate(new GoLiveFigures(0.55, 1.5, -0.10, 0.01, 20, 0), GoLiveCriteria.defaults())
                        .passed())
                .isTrue();
    }

    @Test
    void undefinedFiguresFailAndSwitchedOffCriteriaAreLeftOut() {
        GoLiveChecklist c = GoLiveChecklist.evaluate(
                new GoLiveFigures(Double.NaN, Double.NaN, -0.01, 10, 0, 0), GoLiveCriteria.defaults());
        assertThat(c.items().get(0).passed()).isFalse();
        assertThat(c.items().get(0).actualText()).isEqualTo("n/a");
        assertThat(c.items().get(1).passed()).isFalse();

        GoLiveCriteria relaxed = GoLiveCriteria.defaults()
                .withMinWinRate(Double.NaN)
                .withMinSharpe(Double.NaN)
                .withMinTrades(0)
                .withMaxDrawdown(0.25);
        GoLiveChecklist r =
                GoLiveChecklist.evaluate(new GoLiveFigures(Double.NaN, Double.NaN, -0.2, 10, 0, 0), relaxed);
        assertThat(r.items())
                .extracting(GoLiveChecklist.Item::key)
                .containsExactly("max_drawdown", "net_profit", "errors");
        assertThat(r.passed()).isTrue();
    }

    @Test
    void figuresComeFromRunMetricsAndBadCriteriaAreRefused() {
        var metrics = new java.util.HashMap<String, Double>();
        metrics.put("win_rate", 0.7);
        metrics.put("sharpe", 2.0);
        metrics.put("max_drawdown", -0.05);
        metrics.put("net_profit", 100.0);
        metrics.put("trades", 30.0);
        GoLiveFigures f = GoLiveFigures.of(metrics, 1);
        assertThat(f).isEqualTo(new GoLiveFigures(0.7, 2.0, -0.05, 100, 30, 1));
        assertThat(GoLiveChecklist.evaluate(f, GoLiveCriteria.defaults()).failures())
                .extracting(GoLiveChecklist.Item::key)
                .isEqualTo(List.of("errors"));
        assertThatThrownBy(() -> GoLiveCriteria.defaults().withMaxDrawdown(10)).hasMessageContaining("0.10 = 10%");
    }

    @Test
    void figuresOfAPaperTradingPeriod() {
        java.time.Instant t = java.time.Instant.parse("2026-01-05T15:00:00Z");
        var id = dev.paperdesk.engine.model.InstrumentId.parse("BTC-USDT@sim");
        List<dev.paperdesk.engine.analytics.ClosedTrade> trades = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            trades.add(new dev.paperdesk.engine.analytics.ClosedTrade(
                    id,
                    dev.paperdesk.engine.model.AssetClass.CRYPTO_SPOT,
                    "",
                    t.plusSeconds(3600L * i),
                    t.plusSeconds(3600L * i + 600),
                    1,
                    i < 6 ? 50 : -20,
                    0.001,
                    1));
        }
        var days = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> java.time.LocalDate.of(2026, 1, 5).plusDays(i))
                .toList();
        var equity = dev.paperdesk.engine.analytics.EquityCurve.of(
                days, new double[] {10_000, 10_100, 10_050, 10_200, 10_150, 10_220});
        GoLiveFigures f = GoLiveFigures.of(trades, equity, dev.paperdesk.engine.analytics.MetricsConfig.DAILY, 0);

        assertThat(f.winRate()).isEqualTo(0.6);
        assertThat(f.trades()).isEqualTo(10);
        assertThat(f.pnl()).isEqualTo(220);
        assertThat(f.maxDrawdown()).isCloseTo(10_050 / 10_100.0 - 1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(f.sharpe()).isPositive();
        GoLiveChecklist c = GoLiveChecklist.evaluate(f, GoLiveCriteria.defaults());
        assertThat(c.failures()).extracting(GoLiveChecklist.Item::key).containsExactly("trades");
    }
}
