package dev.paperdesk.engine.optimize;

import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.backtest.BacktestTrade;
import dev.paperdesk.engine.backtest.EquityPoint;
import dev.paperdesk.engine.market.history.replay.BarReplayFeed.ReplaySeries;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.montecarlo.CancellationToken;
import dev.paperdesk.engine.montecarlo.ProgressListener;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Walk-forward analysis: optimize on a rolling in-sample window, test the chosen parameters on the
 * out-of-sample window that follows, roll forward by the out-of-sample length, and stitch the
 * out-of-sample equity together.
 *
 * <p>The out-of-sample test runs the chosen parameters from the start of the in-sample window to the
 * end of the out-of-sample window, and only the out-of-sample part of its equity counts (rebased to
 * the equity at the last in-sample close): indicators are warmed up and a position the parameters
 * held at the boundary is carried, as it would be if the strategy had been running; nothing of the
 * out-of-sample bars was seen by the optimization.
 *
 * <p>Walk-forward efficiency is the annualized out-of-sample return over the annualized in-sample
 * return (R. Pardo, <i>The Evaluation and Optimization of Trading Strategies</i>, 2008), both
 * annualized over calendar time: {@code (1 + R)^(365.25 days / span) - 1}.
 */
public final class WalkForward {
    private WalkForward() {}

    /** The windows of {@code spec} over the first series of {@code data}. */
    public static List<WalkForwardWindow> plan(BacktestData data, WalkForwardSpec spec) {
        ReplaySeries s = data.primary();
        List<Bar> bars = data.store()
                .read(new SeriesKey(s.instrument().id(), s.timeframe()), data.from(), data.to(), Integer.MAX_VALUE);
        return plan(bars.stream().map(Bar::openTime).toList(), s.timeframe().duration(), spec);
    }

    /**
     * The windows of {@code spec} over bars opening at {@code opens} (increasing), each lasting {@code
     * barDuration}. Window {@code k} starts {@code k} out-of-sample lengths after the first bar; the
     * last out-of-sample range may be shorter (cut at the data's end) but has at least one bar.
     *
     * @throws IllegalArgumentException when the data cannot hold one window
     */
    public static List<WalkForwardWindow> plan(List<Instant> opens, Duration barDuration, WalkForwardSpec spec) {
        Objects.requireNonNull(opens, "opens");
        int n = opens.size();
        List<WalkForwardWindow> out = new ArrayList<>();
        Instant end = n == 0 ? null : opens.get(n - 1).plus(barDuration);
        if (spec.unit() == WalkForwardSpec.Unit.BARS) {
            for (int k = 0; ; k++) {
                int isStart = k * spec.outOfSample();
                int oosStart = isStart + spec.inSample();
                if (oosStart >= n) {
                    break;
                }
                int oosEnd = Math.min(n, oosStart + spec.outOfSample());
                out.add(new WalkForwardWindow(
                        k,
                        opens.get(isStart),
                        opens.get(oosStart),
                        opens.get(oosStart),
                        oosEnd < n ? opens.get(oosEnd) : end,
                        spec.inSample(),
                        oosEnd - oosStart));
            }
        } else if (n > 0) {
            Instant first = opens.get(0);
            Duration is = Duration.ofDays(spec.inSample());
            Duration oos = Duration.ofDays(spec.outOfSample());
            for (int k = 0; ; k++) {
                Instant isFrom = first.plus(oos.multipliedBy(k));
                Instant oosFrom = isFrom.plus(is);
                if (!oosFrom.isBefore(end)) {
                    break;
                }
                Instant oosTo = oosFrom.plus(oos).isBefore(end) ? oosFrom.plus(oos) : end;
                int isBars = count(opens, isFrom, oosFrom);
                int oosBars = count(opens, oosFrom, oosTo);
                if (oosBars == 0) {
                    break; // only the data's last close lies beyond
                }
                if (isBars > 0) {
                    out.add(new WalkForwardWindow(out.size(), isFrom, oosFrom, oosFrom, oosTo, isBars, oosBars));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("walk-forward " + spec + " needs more data than the " + n
                    + " bars given (at least the in-sample length and one bar)");
        }
        return out;
    }

    private static int count(List<Instant> opens, Instant from, Instant to) {
        int c = 0;
        for (Instant t : opens) {
            if (!t.isBefore(from) && t.isBefore(to)) {
                c++;
            }
        }
        return c;
    }

    /**
     * Runs the analysis with backtests on {@code base}.
     *
     * @throws IllegalArgumentException when the ranges do not fit the strategy or the data is too short
     * @throws CancellationException when cancelled
     */
    public static WalkForwardResult run(
            BacktestConfig base,
            OptimizationConfig config,
            WalkForwardSpec spec,
            ProgressListener progress,
            CancellationToken cancel) {
        Objects.requireNonNull(progress, "progress");
        List<String> problems = config.problemsWith(base.strategy().parameters());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        List<WalkForwardWindow> windows = plan(base.data(), spec);
        int perWindow = Optimizer.candidates(config).size() + 1;
        int total = windows.size() * perWindow;
        double capital = base.capital().doubleValue();
        List<WalkForwardResult.WindowResult> results = new ArrayList<>();
        List<WalkForwardResult.EquitySample> stitched = new ArrayList<>();
        double running = capital;
        double oosYears = 0;
        double isAnnualSum = 0;
        int isAnnualCount = 0;
        for (WalkForwardWindow w : windows) {
            int offset = w.index() * perWindow;
            BacktestConfig inSample = base.withData(base.data().between(w.inSampleFrom(), w.inSampleTo()));
            OptimizationResult opt = Optimizer.run(
                    config,
                    TrialEvaluator.backtest(inSample),
                    (done, all) -> progress.onProgress(offset + done, total),
                    cancel);
            Trial best = opt.best().orElse(null);
            double isReturn = Double.NaN;
            double isAnnual = Double.NaN;
            double oosReturn = 0;
            int oosTrades = 0;
            boolean marked = false;
            if (best != null) {
                isReturn = best.metric("total_return");
                isAnnual = WalkForwardResult.annualize(isReturn, w.inSampleYears());
                if (cancel.isCancelled()) {
                    throw new CancellationException("walk-forward cancelled in window " + w.index());
                }
                BacktestConfig test = base.withData(base.data().between(w.inSampleFrom(), w.outOfSampleTo()));
                BacktestResult r = TrialEvaluator.backtest(test, best.parameters(), cancel);
                double baseEquity = capital;
                double last = capital;
                boolean started = false;
                for (EquityPoint p : r.equity()) {
                    double e = p.equity().doubleValue();
                    if (!p.time().isAfter(w.outOfSampleFrom())) {
                        baseEquity = e;
                        last = e;
                    } else {
                        started = true;
                        marked = true;
                        last = e;
                        stitched.add(new WalkForwardResult.EquitySample(p.time(), running * e / baseEquity));
                    }
                }
                oosReturn = started ? last / baseEquity - 1 : 0;
                for (BacktestTrade t : r.trades()) {
                    if (t.exitTime().isAfter(w.outOfSampleFrom())) {
                        oosTrades++;
                    }
                }
            }
            if (!marked) {
                // the window's range held in cash still marks the curve at its end
                stitched.add(new WalkForwardResult.EquitySample(w.outOfSampleTo(), running * (1 + oosReturn)));
            }
            progress.onProgress(offset + perWindow, total);
            running *= 1 + oosReturn;
            oosYears += w.outOfSampleYears();
            double oosAnnual = WalkForwardResult.annualize(oosReturn, w.outOfSampleYears());
            if (!Double.isNaN(isAnnual)) {
                isAnnualSum += isAnnual;
                isAnnualCount++;
            }
            results.add(new WalkForwardResult.WindowResult(
                    w,
                    best,
                    opt.trials().size(),
                    isReturn,
                    isAnnual,
                    oosReturn,
                    oosAnnual,
                    WalkForwardResult.efficiency(oosAnnual, isAnnual),
                    oosTrades));
        }
        double isAnnual = isAnnualCount == 0 ? Double.NaN : isAnnualSum / isAnnualCount;
        double oosAnnual = WalkForwardResult.annualize(running / capital - 1, oosYears);
        List<WalkForwardResult.EquitySample> curve = new ArrayList<>();
        curve.add(new WalkForwardResult.EquitySample(windows.get(0).outOfSampleFrom(), capital));
        curve.addAll(stitched);
        return new WalkForwardResult(
                spec, results, curve, isAnnual, oosAnnual, WalkForwardResult.efficiency(oosAnnual, isAnnual));
    }
}
