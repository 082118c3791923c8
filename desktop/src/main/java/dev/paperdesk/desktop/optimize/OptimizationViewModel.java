package dev.paperdesk.desktop.optimize;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.desktop.golive.GoLiveCriteriaForm;
import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.backtest.Backtester;
import dev.paperdesk.engine.backtest.StrategySource;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.market.history.replay.BarReplayFeed.ReplaySeries;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.montecarlo.CancellationToken;
import dev.paperdesk.engine.optimize.GoLiveChecklist;
import dev.paperdesk.engine.optimize.GoLiveFigures;
import dev.paperdesk.engine.optimize.Heatmap;
import dev.paperdesk.engine.optimize.Objective;
import dev.paperdesk.engine.optimize.OptimizationConfig;
import dev.paperdesk.engine.optimize.OptimizationResult;
import dev.paperdesk.engine.optimize.Optimizer;
import dev.paperdesk.engine.optimize.ParameterRange;
import dev.paperdesk.engine.optimize.SearchMethod;
import dev.paperdesk.engine.optimize.Trial;
import dev.paperdesk.engine.optimize.WalkForward;
import dev.paperdesk.engine.optimize.WalkForwardResult;
import dev.paperdesk.engine.optimize.WalkForwardSpec;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.BacktestStore;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.strategy.api.ParameterSpec;
import dev.paperdesk.engine.strategy.builtin.Templates;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
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
 * State and commands of the optimisation view: strategy and bars (a CSV file or a workspace series,
 * as in the backtest view, optionally prefilled from a saved backtest), one editable range per
 * parameter, the objective, grid or random search and an optional walk-forward analysis. The search
 * runs on a background thread with progress and cancellation; the best parameters are then run once
 * more for the go-live checklist, which is checked again whenever the workspace's criteria are edited.
 */
public final class OptimizationViewModel {
    /** The data choice meaning "read the CSV file given in the path field". */
    public static final String CSV_SOURCE = "CSV file";
    /** Objectives offered in the editable list; anything else is parsed as an expression. */
    public static final List<String> OBJECTIVES =
            List.of("sharpe", "net_profit", "profit_factor", "total_return / -max_drawdown");

    /** Grid or random search. */
    public enum Method {
        GRID("Grid (every combination)"),
        RANDOM("Random sample");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One editable parameter range: {@code from == to} (or an empty step) holds the parameter fixed. */
    public static final class RangeRow {
        private final String name;
        private final StringProperty from;
        private final StringProperty to;
        private final StringProperty step;
        private final String declared;

        public RangeRow(String name, String from, String to, String step, String declared) {
            this.name = name;
            this.from = new SimpleStringProperty(from);
            this.to = new SimpleStringProperty(to);
            this.step = new SimpleStringProperty(step);
            this.declared = declared;
        }

        public String name() {
            return name;
        }

        public StringProperty fromProperty() {
            return from;
        }

        public StringProperty toProperty() {
            return to;
        }

        public StringProperty stepProperty() {
            return step;
        }

        /** The strategy's declared range and default, for reference. */
        public String declared() {
            return declared;
        }

        ParameterRange range() {
            String text = name + "=" + from.get().strip()
                    + (to.get().isBlank() || to.get().strip().equals(from.get().strip())
                            ? ""
                            : ":" + to.get().strip() + ":" + step.get().strip());
            return ParameterRange.parse(text);
        }
    }

    /** What a finished search shows; {@code figures} (of the best run) is null when no run was defined. */
    public record Outcome(
            OptimizationResult result,
            Heatmap heatmap,
            BacktestResult best,
            GoLiveFigures figures,
            WalkForwardResult walkForward) {}

    private final TradingSession session;
    private final UiExecutor ui;
    private final ExecutorService worker;

    private final ObservableList<String> strategies = FXCollections.observableArrayList();
    private final StringProperty strategy = new SimpleStringProperty("builtin:sma-cross");
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final StringProperty source = new SimpleStringProperty(CSV_SOURCE);
    private final StringProperty csvPath = new SimpleStringProperty("");
    private final StringProperty symbol = new SimpleStringProperty("ACME");
    private final ObjectProperty<BarFormat> format = new SimpleObjectProperty<>(BarFormat.YAHOO);
    private final StringProperty capital = new SimpleStringProperty("100000");
    private final StringProperty seed = new SimpleStringProperty("42");
    /** The trading unit of a CSV file's instrument, as in the backtest view. */
    private final StringProperty lot = new SimpleStringProperty("1");

    private final ObservableList<BacktestStore.Summary> saved = FXCollections.observableArrayList();
    private final ObservableList<RangeRow> ranges = FXCollections.observableArrayList();
    private final StringProperty objective = new SimpleStringProperty("sharpe");
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.GRID);
    private final StringProperty samples = new SimpleStringProperty("50");
    private final BooleanProperty walkForward = new SimpleBooleanProperty(false);
    private final StringProperty walkForwardSpec = new SimpleStringProperty("250:60");

    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final ObservableList<Trial> trials = FXCollections.observableArrayList();
    private final ObservableList<GoLiveChecklist.Item> checklist = FXCollections.observableArrayList();
    private final StringProperty verdict = new SimpleStringProperty("");
    private final ObjectProperty<GoLiveChecklist> goLiveChecklist = new SimpleObjectProperty<>();
    private final GoLiveCriteriaForm goLive;
    private volatile CancellationToken token;

    public OptimizationViewModel(TradingSession session, UiExecutor ui) {
        this(session, ui, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "paperdesk-optimize");
            t.setDaemon(true);
            return t;
        }));
    }

    public OptimizationViewModel(TradingSession session, UiExecutor ui, ExecutorService worker) {
        this.session = session;
        this.ui = ui;
        this.worker = worker;
        Templates.list().forEach(t -> strategies.add(t.reference()));
        sources.add(CSV_SOURCE);
        session.bars().ifPresent(b -> b.series().forEach(s -> sources.add(describe(s.key()))));
        session.backtests().ifPresent(store -> saved.setAll(BacktestArchive.list(store)));
        goLive = new GoLiveCriteriaForm(session);
        goLive.criteriaProperty().addListener((o, a, b) -> checkGoLive());
        loadParameters();
    }

    private static String describe(BarStore.SeriesKey key) {
        return key.instrument() + " " + key.timeframe().label();
    }

    /** Fills the ranges table with the chosen strategy's declared parameters and ranges. */
    public void loadParameters() {
        try {
            String ref = strategy.get().strip();
            var definition = StrategySource.load(
                    ref, StrategySource.text(ref), List.of(InstrumentId.parse("DATA@hist")), Timeframe.D1);
            List<RangeRow> rows = new ArrayList<>();
            for (ParameterSpec p : definition.parameters()) {
                String def = plain(p.defaultValue());
                String declared = (p.min() == null
                                ? ""
                                : plain(p.min()) + " \u2026 " + plain(p.max()) + " by " + plain(p.step()) + ", ")
                        + "default " + def;
                rows.add(new RangeRow(p.name(), def, def, p.step() == null ? "" : plain(p.step()), declared));
            }
            ranges.setAll(rows);
            status.set("");
        } catch (RuntimeException e) {
            ranges.clear();
            status.set(message(e));
        }
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    /** Copies strategy, parameters, capital and seed of a saved backtest; picks its workspace series if any. */
    public void prefillFrom(BacktestStore.Summary summary) {
        BacktestStore store = session.backtests().orElse(null);
        if (store == null || summary == null) {
            return;
        }
        BacktestArchive.load(store, summary.id()).ifPresent(r -> {
            strategy.set(r.config().source());
            loadParameters();
            for (RangeRow row : ranges) {
                String value = r.config().parameters().get(row.name());
                if (value != null) {
                    row.fromProperty().set(value);
                    row.toProperty().set(value);
                }
            }
            capital.set(r.config().capital().stripTrailingZeros().toPlainString());
            seed.set(Long.toString(r.config().seed()));
            if (!r.config().instruments().isEmpty()) {
                java.math.BigDecimal runLot =
                        r.config().lots().get(r.config().instruments().get(0));
                lot.set(runLot == null ? "1" : runLot.stripTrailingZeros().toPlainString());
            }
            String series = r.config().instruments().isEmpty()
                    ? ""
                    : r.config().instruments().get(0) + " " + r.config().timeframe();
            sources.stream().filter(s -> s.equals(series)).findFirst().ifPresent(source::set);
            status.set("Prefilled from backtest #" + summary.id() + "; choose the bars to search on.");
        });
    }

    /** Starts the search with the form's values; problems are shown in {@link #statusProperty()}. */
    public void run() {
        if (running.get()) {
            return;
        }
        OptimizationConfig config;
        Supplier<BacktestConfig> base;
        WalkForwardSpec spec;
        try {
            List<ParameterRange> list = new ArrayList<>();
            for (RangeRow row : ranges) {
                list.add(row.range());
            }
            SearchMethod search = method.get() == Method.GRID
                    ? new SearchMethod.Grid()
                    : new SearchMethod.Random(
                            Integer.parseInt(samples.get().strip()),
                            Long.parseLong(seed.get().strip()));
            config = OptimizationConfig.of(list, Objective.parse(objective.get()), search)
                    .withParallelism(
                            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
            spec = walkForward.get() ? WalkForwardSpec.parse(walkForwardSpec.get()) : null;
            base = baseConfig();
        } catch (RuntimeException e) {
            status.set(message(e));
            return;
        }
        CancellationToken t = new CancellationToken();
        token = t;
        running.set(true);
        progress.set(0);
        status.set("Loading bars\u2026");
        OptimizationConfig cfg = config;
        worker.execute(() -> {
            try {
                BacktestConfig b = base.get();
                ui.post(() ->
                        status.set("Searching " + Optimizer.candidates(cfg).size() + " candidates\u2026"));
                double share = spec == null ? 1.0 : 0.4;
                OptimizationResult result = Optimizer.run(
                        b,
                        cfg,
                        (done, total) -> ui.coalesce("optimize-progress", () -> progress.set(share * done / total)),
                        t);
                BacktestResult best = result.best()
                        .map(trial -> Backtester.run(
                                b.withParameters(trial.parameters().asText())))
                        .orElse(null);
                GoLiveFigures figures = best == null ? null : GoLiveFigures.of(best);
                WalkForwardResult wf = null;
                if (spec != null) {
                    ui.post(() -> status.set("Walk-forward " + spec + "\u2026"));
                    wf = WalkForward.run(
                            b,
                            cfg,
                            spec,
                            (done, total) -> ui.coalesce(
                                    "optimize-progress", () -> progress.set(share + (1 - share) * done / total)),
                            t);
                }
                Outcome o = new Outcome(result, heatmap(result), best, figures, wf);
                ui.post(() -> finished(o));
            } catch (CancellationException e) {
                ui.post(() -> {
                    running.set(false);
                    status.set("Cancelled.");
                });
            } catch (RuntimeException e) {
                ui.post(() -> {
                    running.set(false);
                    status.set(message(e));
                });
            }
        });
    }

    /** The objective over the two searched parameters (ranges of more than one value), if exactly two. */
    static Heatmap heatmap(OptimizationResult result) {
        List<ParameterRange> searched =
                result.config().ranges().stream().filter(r -> r.size() > 1).toList();
        return searched.size() == 2
                ? result.heatmap(searched.get(0).name(), searched.get(1).name())
                : null;
    }

    private Supplier<BacktestConfig> baseConfig() {
        String src = source.get();
        String path = csvPath.get().strip();
        String sym = symbol.get().strip();
        BarFormat fmt = format.get();
        String strat = strategy.get().strip();
        BigDecimal cap = new BigDecimal(capital.get().strip());
        long sd = Long.parseLong(seed.get().strip());
        String lotText = lot.get() == null ? "" : lot.get().strip();
        if (CSV_SOURCE.equals(src) && path.isEmpty()) {
            throw new IllegalArgumentException("Choose a CSV file or a series of the workspace.");
        }
        return () -> {
            BacktestData data;
            if (CSV_SOURCE.equals(src)) {
                data = dev.paperdesk.desktop.backtest.BacktestViewModel.withLot(
                        BacktestData.fromCsv(sym.isEmpty() ? "DATA" : sym, Path.of(path), fmt), src, lotText);
            } else {
                BarStore store = session.bars().orElseThrow(() -> new IllegalArgumentException("no workspace bars"));
                BarStore.SeriesKey key = store.series().stream()
                        .map(BarStore.SeriesInfo::key)
                        .filter(k -> describe(k).equals(src))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no series " + src + " in the workspace"));
                var instrument =
                        session.instrument(key.instrument()).orElse(BacktestData.csvInstrument(key.instrument()));
                data = BacktestData.all(store, List.of(new ReplaySeries(instrument, key.timeframe())));
            }
            List<InstrumentId> ids =
                    data.series().stream().map(s -> s.instrument().id()).toList();
            var definition = StrategySource.load(
                    strat, StrategySource.text(strat), ids, data.primary().timeframe());
            return BacktestConfig.of(strat, definition, data).withCapital(cap).withSeed(sd);
        };
    }

    private void finished(Outcome o) {
        running.set(false);
        progress.set(1);
        // the trials first: the view reacts to the outcome by sorting them
        trials.setAll(o.result().trials());
        outcome.set(o);
        checkGoLive();
        Trial best = o.result().best().orElse(null);
        status.set(String.format(
                Locale.US,
                "Done: %d trials in %.1f s. Best %s = %s at %s.",
                o.result().trials().size(),
                o.result().elapsedMs() / 1000.0,
                o.result().config().objective().name(),
                best == null ? "\u2013" : String.format(Locale.US, "%.4f", best.objective()),
                best == null ? "\u2013" : best.parameters()));
    }

    /** Checks the best run of the last search against the criteria in force. */
    private void checkGoLive() {
        Outcome o = outcome.get();
        if (o == null) {
            return;
        }
        GoLiveChecklist list = o.figures() == null ? null : goLive.evaluate(o.figures());
        checklist.setAll(list == null ? List.of() : list.items());
        verdict.set(
                list == null
                        ? "No run had a defined objective: nothing to check."
                        : list.passed()
                                ? "Ready for paper trading with real-money scrutiny: every criterion passed."
                                : "Not ready: " + list.failures().size() + " criterion(s) failed.");
        goLiveChecklist.set(list);
    }

    /** Asks the running search to stop after the trials under way. */
    public void cancel() {
        CancellationToken t = token;
        if (t != null) {
            t.cancel();
        }
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    public void close() {
        cancel();
        worker.shutdownNow();
    }

    public ObservableList<String> strategies() {
        return strategies;
    }

    public StringProperty strategyProperty() {
        return strategy;
    }

    public ObservableList<String> sources() {
        return sources;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty csvPathProperty() {
        return csvPath;
    }

    public StringProperty symbolProperty() {
        return symbol;
    }

    public ObjectProperty<BarFormat> formatProperty() {
        return format;
    }

    public StringProperty capitalProperty() {
        return capital;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty lotProperty() {
        return lot;
    }

    public ObservableList<BacktestStore.Summary> saved() {
        return saved;
    }

    public ObservableList<RangeRow> ranges() {
        return ranges;
    }

    public StringProperty objectiveProperty() {
        return objective;
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    public StringProperty samplesProperty() {
        return samples;
    }

    public BooleanProperty walkForwardProperty() {
        return walkForward;
    }

    /** {@code IS:OOS} in bars ({@code 250:60}) or days ({@code 365d:90d}). */
    public StringProperty walkForwardSpecProperty() {
        return walkForwardSpec;
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

    public ObservableList<Trial> trials() {
        return trials;
    }

    public ObservableList<GoLiveChecklist.Item> checklist() {
        return checklist;
    }

    public StringProperty verdictProperty() {
        return verdict;
    }

    /** The best run checked against the criteria in force; null before a search or without a defined run. */
    public ObjectProperty<GoLiveChecklist> goLiveChecklistProperty() {
        return goLiveChecklist;
    }

    /** The workspace's go-live criteria, editable. */
    public GoLiveCriteriaForm goLiveCriteria() {
        return goLive;
    }
}
