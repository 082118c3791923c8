package dev.paperdesk.desktop.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.desktop.analytics.InlineExecutor;
import dev.paperdesk.desktop.analytics.MetricText;
import dev.paperdesk.desktop.analytics.QuantFixtures;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.BarStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonteCarloViewModelTest {
    @TempDir
    Path dir;

    private TradingSession session;
    private MonteCarloViewModel vm;
    private BacktestResult saved;

    @BeforeEach
    void open() {
        session = TradingSession.open(
                SessionConfig.simulated(dir.resolve("mc.paperdesk"), Instant.parse("2026-03-02T15:00:00Z"), 3));
        long id = QuantFixtures.saveBacktest(session, 400);
        saved = BacktestArchive.load(session.backtests().orElseThrow(), id).orElseThrow();
        vm = new MonteCarloViewModel(session, UiExecutor.DIRECT, new InlineExecutor());
    }

    @AfterEach
    void close() {
        vm.close();
        session.close();
    }

    @Test
    void defaultsAreTenThousandPathsOnTheNewestBacktest() {
        assertThat(vm.pathsProperty().get()).isEqualTo("10000");
        assertThat(vm.backtestProperty().get()).isNotNull();
        assertThat(vm.methodProperty().get()).isEqualTo(MonteCarloViewModel.Method.SHUFFLE);
    }

    @Test
    void theBlockBootstrapResamplesDailyReturnsFromTheOriginalCurve() {
        vm.methodProperty().set(MonteCarloViewModel.Method.BLOCK);
        vm.pathsProperty().set("300");
        vm.blockLengthProperty().set("10");

        vm.run();

        var o = vm.outcomeProperty().get();
        assertThat(o).isNotNull();
        assertThat(o.step()).isEqualTo("day");
        assertThat(o.original()[0]).isEqualTo(100_000.0);
        assertThat(o.original()[o.original().length - 1])
                .isEqualTo(saved.metrics().finalEquity());
        assertThat(o.result().method()).isEqualTo("stationary-block-bootstrap");
        assertThat(o.result().bands().steps()[o.result().bands().steps().length - 1])
                .isEqualTo(o.original().length - 1);
        assertThat(vm.stats())
                .extracting(MonteCarloViewModel.StatRow::metric)
                .containsExactly("Final equity (USD)", "Total return", "CAGR", "Max drawdown", "Sharpe");
        assertThat(vm.summary()).isNotEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
    }

    /** Stores the fixture's bars in the workspace, where a perturbation finds them by default. */
    private void storeBars() {
        session.bars()
                .orElseThrow()
                .insert(
                        new BarStore.SeriesKey(QuantFixtures.ACME, Timeframe.D1),
                        QuantFixtures.bars(400, 5).iterator(),
                        BarStore.WriteMode.REPLACE);
    }

    @Test
    void perturbationWithoutJitterReRunsTheSavedBacktestExactly() {
        storeBars();
        vm.methodProperty().set(MonteCarloViewModel.Method.PERTURB);
        vm.pathsProperty().set("12");
        vm.jitterProperty().set("0");

        vm.run();

        var o = vm.outcomeProperty().get();
        assertThat(vm.statusProperty().get()).startsWith("Done: 12 paths");
        assertThat(o.result().method()).isEqualTo("parameter-perturbation");
        // every path is the backtest again: the same trades, so the same final equity as the original path
        double original = o.original()[o.original().length - 1];
        assertThat(o.original()).hasSize(saved.trades().size() + 1);
        assertThat(o.result().finalEquity().p5()).isCloseTo(original, within(1e-6));
        assertThat(o.result().finalEquity().p95()).isCloseTo(original, within(1e-6));
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void jitteredParametersChangeTheTradesAndSpreadTheOutcomes() {
        storeBars();
        vm.methodProperty().set(MonteCarloViewModel.Method.PERTURB);
        vm.pathsProperty().set("24");
        vm.jitterProperty().set("0.4");

        vm.run();

        var r = vm.outcomeProperty().get().result();
        assertThat(vm.statusProperty().get()).startsWith("Done: 24 paths");
        assertThat(r.finalEquity().p95()).isGreaterThan(r.finalEquity().p5());
        vm.run();
        assertThat(vm.outcomeProperty().get().result().finalEquity().p50())
                .isEqualTo(r.finalEquity().p50());
    }

    @Test
    void perturbationReRunsOnTheCsvFileTheBacktestRanOn() throws Exception {
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        for (var b : QuantFixtures.bars(400, 5)) {
            csv.append(LocalDate.ofInstant(b.openTime(), ZoneOffset.UTC))
                    .append(',')
                    .append(b.open())
                    .append(',')
                    .append(b.high())
                    .append(',')
                    .append(b.low())
                    .append(',')
                    .append(b.close())
                    .append(',')
                    .append(b.close())
                    .append(',')
                    .append(b.volume())
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("acme.csv"), csv);
        vm.methodProperty().set(MonteCarloViewModel.Method.PERTURB);
        vm.pathsProperty().set("6");
        vm.jitterProperty().set("0");
        vm.dataPathProperty().set(file.toString());

        vm.run();

        var o = vm.outcomeProperty().get();
        assertThat(vm.statusProperty().get()).startsWith("Done: 6 paths");
        assertThat(o.result().finalEquity().p50()).isCloseTo(o.original()[o.original().length - 1], within(1e-6));
    }

    @Test
    void aRunInThousandthsIsReRunOnItsCsvFileInThousandths() throws Exception {
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        for (var b : QuantFixtures.bars(60, 5)) {
            LocalDate day = LocalDate.ofInstant(b.openTime(), ZoneOffset.UTC);
            csv.append(day + "," + b.open() + "," + b.high() + "," + b.low() + "," + b.close() + "," + b.close() + ","
                    + b.volume() + "\n");
        }
        Path file = Files.writeString(dir.resolve("lots.csv"), csv);
        var c = QuantFixtures.run(60, java.util.Map.of()).config();
        var inThousandths = new dev.paperdesk.engine.backtest.BacktestSettings(
                c.strategy(),
                c.source(),
                c.parameters(),
                c.instruments(),
                c.timeframe(),
                c.from(),
                c.to(),
                c.capital(),
                c.seed(),
                c.models(),
                c.benchmark(),
                java.util.Map.of("ACME@hist", new java.math.BigDecimal("0.001")));

        assertThat(vm.bars(inThousandths, file.toString(), dev.paperdesk.engine.market.history.BarFormat.YAHOO)
                        .primary()
                        .instrument()
                        .lotSize())
                .isEqualByComparingTo("0.001");
        assertThat(c.lots()).containsEntry("ACME@hist", java.math.BigDecimal.ONE);
        assertThat(vm.bars(c, file.toString(), dev.paperdesk.engine.market.history.BarFormat.YAHOO)
                        .primary()
                        .instrument()
                        .lotSize())
                .isEqualByComparingTo("1");
    }

    @Test
    void perturbationWithoutTheBarsSaysWhereToFindThem() {
        vm.methodProperty().set(MonteCarloViewModel.Method.PERTURB);
        vm.pathsProperty().set("5");

        vm.run();

        assertThat(vm.outcomeProperty().get()).isNull();
        assertThat(vm.statusProperty().get())
                .isEqualTo("perturb re-runs the backtest and needs its bars: the workspace has no 1d bars of"
                        + " ACME@hist; choose the CSV file it ran on");
        vm.jitterProperty().set("1");
        vm.run();
        assertThat(vm.statusProperty().get()).isEqualTo("jitter: must be below 1, not 1");
    }

    @Test
    void tinyDrawdownsKeepTheirSignAndSize() {
        assertThat(MonteCarloViewModel.drawdown(-0.2356)).isEqualTo("-23.56%");
        assertThat(MonteCarloViewModel.drawdown(-0.0001)).isEqualTo("-0.01%");
        assertThat(MonteCarloViewModel.drawdown(-0.0000423)).isEqualTo("-0.0042%");
        assertThat(MonteCarloViewModel.drawdown(0)).isEqualTo("0.00%");
        assertThat(MonteCarloViewModel.drawdown(Double.NaN)).isEqualTo(MetricText.NONE);
    }

    @Test
    void aRunTooBigForMemoryIsRefusedBeforeItAllocates() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MonteCarloViewModel.checkMemory(10_000_000, 401, 4L << 30))
                .hasMessageContaining("10,000,000 paths of 401 steps need about 15,563 MB");
        MonteCarloViewModel.checkMemory(10_000, 401, 4L << 30);
    }

    @Test
    void badSettingsAreRefusedWithTheFieldNamed() {
        vm.pathsProperty().set("ten");
        vm.run();
        assertThat(vm.statusProperty().get()).startsWith("paths: not a whole number");
        vm.pathsProperty().set("100");
        vm.ruinFloorProperty().set("0");
        vm.run();
        assertThat(vm.statusProperty().get()).startsWith("ruin floor");
        assertThat(vm.outcomeProperty().get()).isNull();
    }

    @Test
    void theSameSeedGivesTheSamePercentiles() {
        vm.methodProperty().set(MonteCarloViewModel.Method.BOOTSTRAP);
        vm.pathsProperty().set("400");
        vm.run();
        var first = vm.outcomeProperty().get().result();
        vm.run();
        var second = vm.outcomeProperty().get().result();
        assertThat(second.finalEquity().p5()).isEqualTo(first.finalEquity().p5());
        assertThat(second.probabilityOfRuin()).isEqualTo(first.probabilityOfRuin());
    }

    @Test
    void theStatusWarnsWhenPathsFallThroughZero() {
        assertThat(MonteCarloViewModel.statusLine(10_000, 0.7328, 0.0477, 0.0))
                .isEqualTo("Done: 10,000 paths. P(profit) 73.28%, P(ruin) 4.77%.");
        assertThat(MonteCarloViewModel.statusLine(10_000, 1.0, 0.7183, 0.4125))
                .startsWith("Done: 10,000 paths. P(profit) 100.00%, P(ruin) 71.83%. 41.25% of the paths fall to"
                        + " zero or below")
                .contains("block bootstrap");
    }
}
