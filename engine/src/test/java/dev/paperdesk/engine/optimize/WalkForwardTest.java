package dev.paperdesk.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.backtest.EquityPoint;
import dev.paperdesk.engine.backtest.StrategySource;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.montecarlo.CancellationToken;
import dev.paperdesk.engine.montecarlo.ProgressListener;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Optimization and walk-forward analysis through real backtests of the sma-cross template. */
class WalkForwardTest {
    private static final InstrumentId ID = InstrumentId.parse("ACME@hist");
    private static final Instant START = Instant.parse("2022-01-03T00:00:00Z");

    private static BacktestConfig config(int bars, IntToDoubleFunction close) {
        List<Bar> out = new ArrayList<>();
        double prev = close.applyAsDouble(0);
        for (int i = 0; i < bars; i++) {
            double c = close.applyAsDouble(i);
            out.add(new Bar(
                    ID,
                    Timeframe.D1,
                    START.plus(Timeframe.D1.duration().multipliedBy(i)),
                    cents(prev),
                    cents(Math.max(prev, c) + 0.1),
                    cents(Math.min(prev, c) - 0.1),
                    cents(c),
                    BigDecimal.valueOf(1000)));
            prev = c;
        }
        BacktestData data = BacktestData.ofBars(BacktestData.csvInstrument(ID), out);
        var strategy = StrategySource.load(
                "builtin:sma-cross", StrategySource.text("builtin:sma-cross"), List.of(ID), Timeframe.D1);
        return BacktestConfig.of("builtin:sma-cross", strategy, data);
    }

    private static BigDecimal cents(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BacktestConfig wave(int bars) {
        Random random = new Random(5);
        double[] noise = new double[bars];
        for (int i = 0; i < bars; i++) {
            noise[i] = random.nextGaussian() * 0.4;
        }
        return config(bars, i -> 60 + 10 * Math.sin(i / 25.0) + 3 * Math.sin(i / 6.0) + noise[i]);
    }

    @Test
    void onANoiselessTriangleWaveTheShortestAveragesWin() {
        // up 40 bars, down 40 bars: every crossover lags the turn by a time that grows with both
        // periods, and a long-only crossover keeps the part of each rise after its lag
        BacktestConfig base = config(400, i -> {
            int phase = i % 80;
            return 50 + (phase < 40 ? phase : 80 - phase) * 0.5;
        });
        OptimizationConfig grid = new OptimizationConfig(
                List.of(ParameterRange.parse("fast=2:10:4"), ParameterRange.parse("slow=15:35:10")),
                new Objective.NetProfit(),
                new SearchMethod.Grid(),
                2);
        OptimizationResult r = Optimizer.run(base, grid, ProgressListener.none(), CancellationToken.none());

        Trial best = r.best().orElseThrow();
        assertThat(best.parameters().toString()).isEqualTo("fast=2, slow=15");
        assertThat(best.objective()).isPositive();
        // and it is the clear winner: the runner-up makes less by a visible margin
        assertThat(r.ranked().get(1).objective()).isLessThan(best.objective() * 0.95);
        assertThat(r.trials()).allSatisfy(t -> assertThat(t.error()).isEmpty());
    }

    @Test
    void windowsAreOptimizedInSampleAndTestedOutOfSample() {
        BacktestConfig base = wave(300);
        OptimizationConfig grid = new OptimizationConfig(
                List.of(ParameterRange.parse("fast=5:10:5"), ParameterRange.parse("slow=20:30:10")),
                new Objective.NetProfit(),
                new SearchMethod.Grid(),
                2);
        AtomicInteger last = new AtomicInteger();
        WalkForwardResult wf = WalkForward.run(
                base,
                grid,
                WalkForwardSpec.parse("120:40"),
                (done, total) -> {
                    assertThat(total).isEqualTo(5 * 5);
                    last.set(done);
                },
                CancellationToken.none());
        assertThat(last.get()).isEqualTo(25);

        // bars 0..299: windows start every 40 bars; the last out-of-sample range has 20 bars
        assertThat(wf.windows()).hasSize(5);
        assertThat(wf.windows().get(4).window().outOfSampleBars()).isEqualTo(20);
        double compounded = 1;
        double isSum = 0;
        for (WalkForwardResult.WindowResult w : wf.windows()) {
            WalkForwardWindow win = w.window();
            assertThat(win.inSampleFrom())
                    .isEqualTo(START.plus(Timeframe.D1.duration().multipliedBy(40L * win.index())));
            // the chosen parameters are the in-sample optimum
            OptimizationResult alone = Optimizer.run(
                    base.withData(base.data().between(win.inSampleFrom(), win.inSampleTo())),
                    grid,
                    ProgressListener.none(),
                    CancellationToken.none());
            assertThat(w.best()).isEqualTo(alone.best().orElseThrow());
            assertThat(w.inSampleReturn()).isEqualTo(alone.best().orElseThrow().metric("total_return"));
            // the out-of-sample return is the chosen run's equity over the out-of-sample bars
            BacktestResult test = TrialEvaluator.backtest(
                    base.withData(base.data().between(win.inSampleFrom(), win.outOfSampleTo())),
                    w.best().parameters(),
                    CancellationToken.none());
            double atBoundary = base.capital().doubleValue();
            for (EquityPoint p : test.equity()) {
                if (!p.time().isAfter(win.outOfSampleFrom())) {
                    atBoundary = p.equity().doubleValue();
                }
            }
            double end = test.equity().get(test.equity().size() - 1).equity().doubleValue();
            assertThat(w.outOfSampleReturn()).isCloseTo(end / atBoundary - 1, within(1e-12));
            assertThat(w.outOfSampleAnnualReturn())
                    .isCloseTo(
                            Math.pow(1 + w.outOfSampleReturn(), 365.25 * 86400 / (win.outOfSampleBars() * 86400.0)) - 1,
                            within(1e-9));
            compounded *= 1 + w.outOfSampleReturn();
            isSum += w.inSampleAnnualReturn();
        }
        List<WalkForwardResult.EquitySample> eq = wf.oosEquity();
        assertThat(eq.get(0).equity()).isEqualTo(100000);
        assertThat(eq.get(0).time()).isEqualTo(wf.windows().get(0).window().outOfSampleFrom());
        for (int i = 1; i < eq.size(); i++) {
            assertThat(eq.get(i).time()).isAfter(eq.get(i - 1).time());
        }
        assertThat(eq.get(eq.size() - 1).equity()).isCloseTo(100000 * compounded, within(1e-6));
        // 180 out-of-sample days in all
        assertThat(wf.outOfSampleAnnualReturn()).isCloseTo(Math.pow(compounded, 365.25 / 180) - 1, within(1e-9));
        assertThat(wf.inSampleAnnualReturn()).isCloseTo(isSum / 5, within(1e-12));
        assertThat(wf.efficiency())
                .isEqualTo(WalkForwardResult.efficiency(wf.outOfSampleAnnualReturn(), wf.inSampleAnnualReturn()));
    }

    @Test
    void cancellingAWalkForwardStopsIt() {
        BacktestConfig base = wave(200);
        OptimizationConfig grid = new OptimizationConfig(
                List.of(ParameterRange.parse("fast=5:10:5"), ParameterRange.parse("slow=20:30:10")),
                new Objective.Sharpe(),
                new SearchMethod.Grid(),
                1);
        CancellationToken cancel = new CancellationToken();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WalkForward.run(
                        base,
                        grid,
                        WalkForwardSpec.parse("100:50"),
                        (done, total) -> {
                            if (done == 2) {
                                cancel.cancel();
                            }
                        },
                        cancel))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }
}
