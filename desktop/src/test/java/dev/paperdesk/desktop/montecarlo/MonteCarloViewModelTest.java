package dev.paperdesk.desktop.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.desktop.analytics.InlineExecutor;
import dev.paperdesk.desktop.analytics.QuantFixtures;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.montecarlo.RunPerturbation;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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

    @Test
    void fillPerturbationNeverBeatsTheOriginalTrades() {
        vm.methodProperty().set(MonteCarloViewModel.Method.PERTURB);
        vm.pathsProperty().set("200");
        vm.slippageBpsProperty().set("20");

        vm.run();

        var o = vm.outcomeProperty().get();
        assertThat(vm.statusProperty().get()).startsWith("Done: 200 paths");
        double original = o.original()[o.original().length - 1];
        assertThat(o.result().finalEquity().p95()).isLessThan(original);
        assertThat(o.result().finalEquity().p5()).isGreaterThan(original * 0.5);
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
    void fillJitterOnlyEverCostsMoneyAndAveragesTheRequestedSlippage() {
        InstrumentId id = InstrumentId.parse("ACME@hist");
        ClosedTrade t = new ClosedTrade(
                id,
                AssetClass.EQUITY,
                "",
                Instant.parse("2026-01-05T15:00:00Z"),
                Instant.parse("2026-01-06T15:00:00Z"),
                100,
                500,
                0.05,
                0);
        FillJitter jitter = new FillJitter(List.of(t), new double[] {10_000}, new double[] {10_500}, 10);
        double total = 0;
        int runs = 4000;
        for (int i = 0; i < runs; i++) {
            double pnl = jitter.run(new RunPerturbation(i, 1000L + i)).get(0).pnl();
            assertThat(pnl).isLessThanOrEqualTo(500);
            total += 500 - pnl;
        }
        // 10 bp on 10,000 and on 10,500: 20.5 on average
        assertThat(total / runs).isCloseTo(20.5, within(1.0));
        assertThat(jitter.run(new RunPerturbation(7, 99))).isEqualTo(jitter.run(new RunPerturbation(7, 99)));
    }
}
