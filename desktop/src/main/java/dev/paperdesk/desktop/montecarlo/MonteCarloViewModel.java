package dev.paperdesk.desktop.montecarlo;

import dev.paperdesk.desktop.analytics.MetricText;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.analytics.MetricsConfig;
import dev.paperdesk.engine.analytics.ReturnSeries;
import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.backtest.BacktestMonteCarlo;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.backtest.BacktestSettings;
import dev.paperdesk.engine.backtest.MemoryBarStore;
import dev.paperdesk.engine.backtest.StrategySource;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.market.history.replay.BarReplayFeed.ReplaySeries;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.montecarlo.CancellationToken;
import dev.paperdesk.engine.montecarlo.Distribution;
import dev.paperdesk.engine.montecarlo.MonteCarloConfig;
import dev.paperdesk.engine.montecarlo.MonteCarloResult;
import dev.paperdesk.engine.montecarlo.MonteCarloRunner;
import dev.paperdesk.engine.montecarlo.ParameterPerturbation;
import dev.paperdesk.engine.montecarlo.PerturbedRun;
import dev.paperdesk.engine.montecarlo.ProgressListener;
import dev.paperdesk.engine.montecarlo.ResamplingMethod;
import dev.paperdesk.engine.montecarlo.StationaryBlockBootstrap;
import dev.paperdesk.engine.montecarlo.TradeBootstrap;
import dev.paperdesk.engine.montecarlo.TradeSample;
import dev.paperdesk.engine.montecarlo.TradeSequenceShuffle;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.BacktestStore;
import dev.paperdesk.engine.store.BarStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the Monte Carlo view: which saved backtest, which resampling method and its
 * settings; the run happens on a background thread with progress and cancellation, and its result
 * comes back as the percentile fan, the original path and formatted statistics.
 */
public final class MonteCarloViewModel {
    /** The resampling methods offered, with what they vary. */
    public enum Method {
        SHUFFLE("Trade shuffle (order only)", "trade"),
        BOOTSTRAP("Trade bootstrap (with replacement)", "trade"),
        BLOCK("Block bootstrap of daily returns", "day"),
        PERTURB("Perturb (re-run per path, parameters jittered)", "trade");

        private final String label;
        private final String step;

        Method(String label, String step) {
            this.label = label;
            this.step = step;
        }

        /** The unit of the fan chart's x axis: one trade or one day per step. */
        public String step() {
            return step;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Percentiles of one simulated metric, formatted. */
    public record StatRow(
            String metric,
            String p5,
            String p25,
            String p50,
            String p75,
            String p95,
            String mean,
            String interval,
            String original) {}

    /** One headline figure of the run. */
    public record SummaryRow(String name, String value) {}

    /** What a finished run shows: the engine's result, the original path and the step unit. */
    public record Outcome(
            MonteCarloResult result, double[] original, String step, double start, double backtestFinal) {}

    private final TradingSession session;
    private final UiExecutor ui;
    private final ExecutorService worker;

    private final ObservableList<BacktestStore.Summary> backtests = FXCollections.observableArrayList();
    private final ObjectProperty<BacktestStore.Summary> backtest = new SimpleObjectProperty<>();
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.SHUFFLE);
    private final StringProperty paths = new SimpleStringProperty(Integer.toString(MonteCarloConfig.DEFAULT_PATHS));
    private final StringProperty seed = new SimpleStringProperty("42");
    private final StringProperty ruinFloor = new SimpleStringProperty("50");
    private final StringProperty blockLength = new SimpleStringProperty("5");
    private final StringProperty jitter = new SimpleStringProperty("0.1");
    private final StringProperty dataPath = new SimpleStringProperty("");
    private final ObjectProperty<BarFormat> dataFormat = new SimpleObjectProperty<>(BarFormat.YAHOO);

    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final ObservableList<StatRow> stats = FXCollections.observableArrayList();
    private final ObservableList<SummaryRow> summary = FXCollections.observableArrayList();
    private volatile CancellationToken token;

    public MonteCarloViewModel(TradingSession session, UiExecutor ui) {
        this(session, ui, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "paperdesk-montecarlo");
            t.setDaemon(true);
            return t;
        }));
    }

    public MonteCarloViewModel(TradingSession session, UiExecutor ui, ExecutorService worker) {
        this.session = session;
        this.ui = ui;
        this.worker = worker;
        refresh();
    }

    /** Lists the workspace's saved backtests, newest first. */
    public void refresh() {
        BacktestStore.Summary current = backtest.get();
        backtests.setAll(session.backtests().map(BacktestArchive::list).orElse(List.of()));
        backtest.set(
                current == null
                        ? (backtests.isEmpty() ? null : backtests.get(0))
                        : backtests.stream()
                                .filter(s -> s.id() == current.id())
                                .findFirst()
                                .orElse(null));
    }

    /** Chooses saved backtest {@code id}. */
    public void selectBacktest(long id) {
        if (backtests.stream().noneMatch(s -> s.id() == id)) {
            refresh();
        }
        backtests.stream().filter(s -> s.id() == id).findFirst().ifPresent(backtest::set);
    }

    /** Starts a run with the form's values; problems are shown in {@link #statusProperty()}. */
    public void run() {
        if (running.get()) {
            return;
        }
        BacktestStore.Summary chosen = backtest.get();
        Method m = method.get();
        int n;
        long sd;
        double floor;
        double block;
        double jit;
        try {
            if (chosen == null) {
                throw new IllegalArgumentException("Choose a saved backtest (run one in the Backtest view first).");
            }
            n = (int) whole("paths", paths.get(), 1, 10_000_000);
            sd = whole("seed", seed.get(), Long.MIN_VALUE, Long.MAX_VALUE);
            floor = number("ruin floor", ruinFloor.get(), 0, 100) / 100;
            if (floor == 0) {
                throw new IllegalArgumentException("ruin floor: must be above 0%");
            }
            block = number("block length", blockLength.get(), 1, 10_000);
            jit = number("jitter", jitter.get(), 0, 1);
            if (jit >= 1) {
                throw new IllegalArgumentException("jitter: must be below 1, not " + jitter.get());
            }
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        String barsPath = dataPath.get() == null ? "" : dataPath.get().strip();
        BarFormat barsFormat = dataFormat.get();
        CancellationToken t = new CancellationToken();
        token = t;
        running.set(true);
        progress.set(0);
        status.set("Loading backtest #" + chosen.id() + "\u2026");
        worker.execute(() -> {
            try {
                BacktestResult r = BacktestArchive.load(session.backtests().orElseThrow(), chosen.id())
                        .orElseThrow(() -> new IllegalStateException("backtest #" + chosen.id() + " is gone"));
                double start = r.config().capital().doubleValue();
                Prepared p = m == Method.PERTURB
                        ? perturb(r, rerun(r, bars(r.config(), barsPath, barsFormat)), jit, n, t)
                        : prepare(r, m, block);
                checkMemory(n, p.original().length, Runtime.getRuntime().maxMemory());
                MonteCarloConfig config = MonteCarloConfig.defaults(start, sd)
                        .withPaths(n)
                        .withRuinFloor(floor)
                        .withParallelism(
                                Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
                String doing = m == Method.PERTURB ? "Re-running the backtest on " : "Simulating ";
                ui.post(() -> status.set(doing + String.format(Locale.US, "%,d", n) + " paths\u2026"));
                // a re-run reports each path itself (see perturb): the runner's chunks are too coarse
                ProgressListener listener = m == Method.PERTURB
                        ? ProgressListener.none()
                        : (done, total) ->
                                ui.coalesce("montecarlo-progress", () -> progress.set((double) done / total));
                MonteCarloResult result = MonteCarloRunner.run(p.method(), config, listener, t);
                Outcome o = new Outcome(
                        result, p.original(), m.step(), start, r.metrics().finalEquity());
                ui.post(() -> finished(o));
            } catch (CancellationException e) {
                ui.post(() -> {
                    running.set(false);
                    status.set("Cancelled.");
                });
            } catch (RuntimeException e) {
                ui.post(() -> {
                    running.set(false);
                    status.set(e.getMessage() == null ? e.toString() : e.getMessage());
                });
            }
        });
    }

    private record Prepared(ResamplingMethod method, double[] original) {}

    /** The engine's resampling method for {@code r}, and the original path it resamples. */
    static Prepared prepare(BacktestResult r, Method m, double blockLength) {
        if (m == Method.BLOCK) {
            ReturnSeries returns = BacktestMonteCarlo.dailyReturns(r);
            return new Prepared(
                    new StationaryBlockBootstrap(
                            returns,
                            blockLength,
                            MetricsConfig.daily(returns.dates()).periodsPerYear()),
                    BacktestMonteCarlo.dailyEquity(r));
        }
        if (r.trades().isEmpty()) {
            throw new IllegalArgumentException(
                    "this backtest has no closed trades to resample; try the block bootstrap");
        }
        TradeSample sample = BacktestMonteCarlo.trades(r);
        double[] original = BacktestMonteCarlo.tradeEquity(r, sample);
        ResamplingMethod method =
                switch (m) {
                    case SHUFFLE -> new TradeSequenceShuffle(sample);
                    case BOOTSTRAP -> new TradeBootstrap(sample);
                    case PERTURB, BLOCK -> throw new IllegalStateException("handled elsewhere");
                };
        return new Prepared(method, original);
    }

    /**
     * The engine's perturbation, as {@code paperdesk montecarlo --method perturb} runs it: {@code config}
     * re-run once per path by {@link BacktestMonteCarlo#perturbed} with every parameter jittered by up
     * to {@code jitter} and the execution models reseeded. Each re-run checks {@code cancel} first and
     * reports its own progress, since the runner only counts whole chunks of 256 paths, which are
     * minutes of re-runs. The original path is the saved run's closed trades.
     */
    private Prepared perturb(
            BacktestResult r, BacktestConfig config, double jitter, int paths, CancellationToken cancel) {
        PerturbedRun engine = BacktestMonteCarlo.perturbed(config, jitter);
        AtomicInteger done = new AtomicInteger();
        PerturbedRun watched = perturbation -> {
            if (cancel.isCancelled()) {
                throw new CancellationException("Monte Carlo cancelled");
            }
            List<ClosedTrade> trades = engine.run(perturbation);
            int d = done.incrementAndGet();
            ui.coalesce("montecarlo-progress", () -> progress.set((double) d / paths));
            return trades;
        };
        double[] original = r.trades().isEmpty()
                ? new double[] {r.config().capital().doubleValue()}
                : BacktestMonteCarlo.tradeEquity(r, BacktestMonteCarlo.trades(r));
        return new Prepared(new ParameterPerturbation(watched), original);
    }

    /**
     * The saved run's configuration over {@code bars}: its strategy source, parameters, capital,
     * models, seed, benchmark and date range, the bars before the range replayed as warm-up as in the
     * original run.
     */
    static BacktestConfig rerun(BacktestResult r, BacktestData bars) {
        BacktestSettings c = r.config();
        List<String> loaded =
                bars.series().stream().map(s -> s.instrument().id().toString()).toList();
        if (!loaded.equals(c.instruments())) {
            throw new IllegalArgumentException("the bars are of " + String.join(", ", loaded)
                    + " but the backtest ran on " + String.join(", ", c.instruments()));
        }
        ModelSet models;
        try {
            models = ModelSet.parse(c.models());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the saved run's models cannot be read: " + e.getMessage(), e);
        }
        BacktestData range = bars.trading(c.from(), c.to());
        List<InstrumentId> ids =
                range.series().stream().map(s -> s.instrument().id()).toList();
        var definition = StrategySource.load(
                c.source(),
                StrategySource.text(c.source()),
                ids,
                range.primary().timeframe());
        return new BacktestConfig(
                c.source(),
                definition,
                c.parameters(),
                range,
                c.capital(),
                models,
                c.seed(),
                InstrumentId.parse(c.benchmark()));
    }

    /**
     * The bars to re-run {@code c} on: a CSV file when {@code path} is given (one instrument), else the
     * workspace's stored series of its instruments and timeframe, copied into memory so that parallel
     * re-runs do not queue on the workspace file.
     */
    BacktestData bars(BacktestSettings c, String path, BarFormat format) {
        if (!path.isEmpty()) {
            if (c.instruments().size() != 1) {
                throw new IllegalArgumentException("a CSV file holds one instrument but the backtest ran on "
                        + String.join(", ", c.instruments()) + ": leave the file empty to use the workspace's bars");
            }
            // in the lots the run traded (a coin in thousandths, say), so the re-runs trade as it did
            return BacktestData.fromCsv(c.instruments().get(0), Path.of(path), format)
                    .withLots(c.lots());
        }
        Timeframe tf = Timeframe.parse(c.timeframe());
        BarStore store = session.bars()
                .orElseThrow(() -> new IllegalArgumentException(
                        "perturb re-runs the backtest and needs its bars:" + " choose the CSV file it ran on"));
        MemoryBarStore memory = new MemoryBarStore();
        List<ReplaySeries> series = new ArrayList<>();
        for (String name : c.instruments()) {
            InstrumentId id = InstrumentId.parse(name);
            BarStore.SeriesKey key = new BarStore.SeriesKey(id, tf);
            BarStore.SeriesInfo info = store.info(key)
                    .orElseThrow(() -> new IllegalArgumentException("perturb re-runs the backtest and needs its"
                            + " bars: the workspace has no " + tf + " bars of " + name
                            + "; choose the CSV file it ran on"));
            memory.insert(
                    key,
                    store.read(key, info.first(), info.last().plus(tf.duration()), Integer.MAX_VALUE)
                            .iterator(),
                    BarStore.WriteMode.REPLACE);
            series.add(new ReplaySeries(session.instrument(id).orElse(BacktestData.csvInstrument(id)), tf));
        }
        return BacktestData.all(memory, series);
    }

    /**
     * Refuses a run whose per-path results would not fit: the runner keeps the equity of every path at
     * up to 200 sampled steps plus four metrics per path, all in memory at once.
     */
    static void checkMemory(int paths, int steps, long maxMemory) {
        long bytes = (long) paths * (Math.min(steps, 200) + 4) * Double.BYTES;
        if (bytes > maxMemory / 2) {
            throw new IllegalArgumentException(String.format(
                    Locale.US,
                    "%,d paths of %,d steps need about %,d MB, more than half of the %,d MB this window may use: "
                            + "lower the paths.",
                    paths,
                    steps,
                    bytes >> 20,
                    maxMemory >> 20));
        }
    }

    /** Asks the running simulation to stop after its current chunk of paths. */
    public void cancel() {
        CancellationToken t = token;
        if (t != null) {
            t.cancel();
        }
    }

    private void finished(Outcome o) {
        running.set(false);
        progress.set(1);
        outcome.set(o);
        stats.setAll(statRows(o));
        summary.setAll(summaryRows(o));
        MonteCarloResult r = o.result();
        // a drawdown of 100 % or more means the path's equity reached zero or went below it
        double belowZero = 1.0 - r.maxDrawdown().fractionAbove(-1.0);
        status.set(statusLine(r.paths(), r.probabilityOfProfit(), r.probabilityOfRuin(), belowZero));
    }

    /**
     * The line shown when a simulation ends; it warns when paths went through zero, which happens when
     * trades sized on a growing account are resampled as dollar amounts.
     */
    static String statusLine(long paths, double probabilityOfProfit, double probabilityOfRuin, double belowZero) {
        String line = String.format(
                Locale.US,
                "Done: %,d paths. P(profit) %s, P(ruin) %s.",
                paths,
                MetricText.percent(probabilityOfProfit),
                MetricText.percent(probabilityOfRuin));
        if (belowZero > 0) {
            line += String.format(
                    Locale.US,
                    " %s of the paths fall to zero or below: the trades' dollar P&L came from sizing on a"
                            + " growing account; for such runs prefer the block bootstrap of daily returns, or"
                            + " fixed sizing.",
                    MetricText.percent(belowZero));
        }
        return line;
    }

    static List<StatRow> statRows(Outcome o) {
        MonteCarloResult r = o.result();
        double start = o.start();
        List<StatRow> out = new ArrayList<>();
        var original = r.original();
        out.add(row(
                "Final equity (USD)",
                r.finalEquity(),
                MetricText::money,
                original == null ? Double.NaN : original.finalEquity()));
        out.add(row(
                "Total return",
                r.finalEquity(),
                v -> MetricText.signedPercent(v / start - 1),
                original == null ? Double.NaN : original.finalEquity()));
        out.add(row("CAGR", r.cagr(), MetricText::signedPercent, original == null ? Double.NaN : original.cagr()));
        out.add(row(
                "Max drawdown",
                r.maxDrawdown(),
                MonteCarloViewModel::drawdown,
                original == null ? Double.NaN : original.maxDrawdown()));
        out.add(row("Sharpe", r.sharpe(), MetricText::ratio, original == null ? Double.NaN : original.sharpe()));
        return out;
    }

    /**
     * A drawdown in percent: two decimals, and two significant digits when smaller than that shows
     * ({@code -0.0042%}), so a small strategy's drawdowns keep their size and sign instead of 0.00%.
     */
    static String drawdown(double fraction) {
        double pct = fraction * 100;
        if (!Double.isFinite(pct) || pct == 0 || Math.abs(pct) >= 0.005) {
            return MetricText.signedPercent(fraction);
        }
        return new java.math.BigDecimal(pct).round(new java.math.MathContext(2)).toPlainString() + "%";
    }

    private static StatRow row(String name, Distribution d, DoubleFunction<String> f, double original) {
        var ci = d.interval();
        return new StatRow(
                name,
                f.apply(d.p5()),
                f.apply(d.p25()),
                f.apply(d.p50()),
                f.apply(d.p75()),
                f.apply(d.p95()),
                f.apply(d.mean()),
                f.apply(ci.lower()) + " \u2026 " + f.apply(ci.upper()),
                Double.isNaN(original) ? MetricText.NONE : f.apply(original));
    }

    static List<SummaryRow> summaryRows(Outcome o) {
        MonteCarloResult r = o.result();
        MonteCarloConfig c = r.config();
        List<SummaryRow> out = new ArrayList<>();
        out.add(new SummaryRow("Method", r.method()));
        out.add(new SummaryRow("Paths", String.format(Locale.US, "%,d", r.paths())));
        out.add(new SummaryRow("Seed", Long.toString(c.seed())));
        out.add(new SummaryRow("Starting equity (USD)", MetricText.money(c.startingEquity())));
        out.add(new SummaryRow("Probability of profit", MetricText.percent(r.probabilityOfProfit())));
        out.add(new SummaryRow(
                "Probability of ruin (below " + MetricText.percent(c.ruinFloor()) + " of start)",
                MetricText.percent(r.probabilityOfRuin())));
        out.add(new SummaryRow("Confidence level of intervals", MetricText.percent(c.confidenceLevel())));
        out.add(new SummaryRow(
                "Median final equity (USD)", MetricText.money(r.finalEquity().p50())));
        double[] original = o.original();
        out.add(new SummaryRow("Original path's final equity (USD)", MetricText.money(original[original.length - 1])));
        out.add(new SummaryRow(
                "Backtest's final equity, open position included (USD)", MetricText.money(o.backtestFinal())));
        out.add(new SummaryRow(
                "5th percentile max drawdown", drawdown(r.maxDrawdown().p5())));
        return out;
    }

    private static long whole(String what, String text, long min, long max) {
        long v;
        try {
            v = Long.parseLong(text.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not a whole number: '" + text + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + ": must be between " + min + " and " + max + ", not " + v);
        }
        return v;
    }

    private static double number(String what, String text, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not a number: '" + text + "'");
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(what + ": must be between " + min + " and " + max + ", not " + text);
        }
        return v;
    }

    public void close() {
        cancel();
        worker.shutdownNow();
    }

    public ObservableList<BacktestStore.Summary> backtests() {
        return backtests;
    }

    public ObjectProperty<BacktestStore.Summary> backtestProperty() {
        return backtest;
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    public StringProperty pathsProperty() {
        return paths;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** The ruin floor in percent of the starting equity. */
    public StringProperty ruinFloorProperty() {
        return ruinFloor;
    }

    /** The block bootstrap's mean block length, in days. */
    public StringProperty blockLengthProperty() {
        return blockLength;
    }

    /** The perturbation's jitter: each parameter is multiplied by 1 + u, u uniform in [-jitter, jitter]. */
    public StringProperty jitterProperty() {
        return jitter;
    }

    /** The bars a perturbation re-runs on: a CSV file, or empty for the workspace's stored series. */
    public StringProperty dataPathProperty() {
        return dataPath;
    }

    /** The importer preset of {@link #dataPathProperty()}. */
    public ObjectProperty<BarFormat> dataFormatProperty() {
        return dataFormat;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public ObservableList<StatRow> stats() {
        return stats;
    }

    public ObservableList<SummaryRow> summary() {
        return summary;
    }
}
