package dev.paperdesk.desktop.backtest;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.backtest.BacktestComparison;
import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.backtest.BacktestProgress;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.backtest.BacktestTrade;
import dev.paperdesk.engine.backtest.Backtester;
import dev.paperdesk.engine.backtest.StrategySource;
import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.market.history.replay.BarReplayFeed.ReplaySeries;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.montecarlo.CancellationToken;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.BacktestStore;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.strategy.builtin.Templates;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * State and commands of the backtest view. The run happens on a background thread; progress,
 * results and errors come back through the {@link UiExecutor}. A finished run is saved in the
 * workspace when the session has one.
 */
public final class BacktestViewModel {
    /** The choice meaning "read the CSV file given in the path field". */
    public static final String CSV_SOURCE = "CSV file";

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
    private final StringProperty parameters = new SimpleStringProperty("");
    private final StringProperty capital = new SimpleStringProperty("100000");
    private final StringProperty commission = new SimpleStringProperty("0");
    private final StringProperty slippage = new SimpleStringProperty("none");
    private final StringProperty seed = new SimpleStringProperty("42");

    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<BacktestResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> savedId = new SimpleObjectProperty<>();
    private final ObservableList<BacktestTrade> trades = FXCollections.observableArrayList();
    private final ObservableList<String> assumptions = FXCollections.observableArrayList();
    private volatile CancellationToken token;
    private final ObservableList<BacktestStore.Summary> runs = FXCollections.observableArrayList();
    private final ObjectProperty<BacktestComparison> comparison = new SimpleObjectProperty<>();

    public BacktestViewModel(TradingSession session, UiExecutor ui) {
        this(session, ui, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "paperdesk-backtest");
            t.setDaemon(true);
            return t;
        }));
    }

    public BacktestViewModel(TradingSession session, UiExecutor ui, ExecutorService worker) {
        this.session = session;
        this.ui = ui;
        this.worker = worker;
        Templates.list().forEach(t -> strategies.add(t.reference()));
        sources.add(CSV_SOURCE);
        session.bars().ifPresent(b -> b.series().forEach(s -> sources.add(describe(s.key()))));
        refreshRuns();
    }

    /** Reloads the list of runs saved in the workspace (newest first), off the FX thread. */
    public void refreshRuns() {
        worker.execute(() -> {
            List<BacktestStore.Summary> saved =
                    session.backtests().map(BacktestArchive::list).orElse(List.of());
            ui.post(() -> runs.setAll(saved));
        });
    }

    /**
     * Loads two saved runs and compares them (A = the older one) off the FX thread; the result
     * arrives in {@link #comparisonProperty()}, problems in {@link #statusProperty()}.
     */
    public void compare(BacktestStore.Summary first, BacktestStore.Summary second) {
        BacktestStore.Summary a = first.id() <= second.id() ? first : second;
        BacktestStore.Summary b = a == first ? second : first;
        status.set("Comparing run " + a.id() + " with run " + b.id() + "\u2026");
        worker.execute(() -> {
            try {
                BacktestStore store = session.backtests()
                        .orElseThrow(() -> new IllegalArgumentException("this workspace keeps no backtests"));
                BacktestResult ra = BacktestArchive.load(store, a.id())
                        .orElseThrow(() -> new IllegalArgumentException("run " + a.id() + " is gone"));
                BacktestResult rb = BacktestArchive.load(store, b.id())
                        .orElseThrow(() -> new IllegalArgumentException("run " + b.id() + " is gone"));
                BacktestComparison c = BacktestComparison.of(label(a), ra, label(b), rb);
                ui.post(() -> {
                    comparison.set(c);
                    status.set("Compared run " + a.id() + " with run " + b.id() + ".");
                });
            } catch (RuntimeException e) {
                ui.post(() -> status.set(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
    }

    /** {@code #12 sma-cross}: how a saved run is named in the comparison. */
    static String label(BacktestStore.Summary s) {
        return "#" + s.id() + " " + s.strategy();
    }

    private static String describe(BarStore.SeriesKey key) {
        return key.instrument() + " " + key.timeframe().label();
    }

    /** Starts a run with the form's values; problems are shown in {@link #statusProperty()}. */
    public void run() {
        if (running.get()) {
            return;
        }
        CancellationToken t = new CancellationToken();
        token = t;
        running.set(true);
        progress.set(0);
        eta.set("");
        status.set("Loading bars\u2026");
        String src = source.get();
        String path = csvPath.get().strip();
        String sym = symbol.get().strip();
        BarFormat fmt = format.get();
        String strat = strategy.get().strip();
        String params = parameters.get();
        String cap = capital.get().strip();
        String com = commission.get().strip();
        String slip = slippage.get().strip();
        String sd = seed.get().strip();
        worker.execute(() -> {
            try {
                BacktestConfig config = config(src, path, sym, fmt, strat, params, cap, com, slip, sd);
                ui.post(() -> status.set("Running\u2026"));
                BacktestResult r = Backtester.run(config, p -> ui.coalesce("backtest-progress", () -> show(p)), t);
                Long id = session.backtests()
                        .map(store -> BacktestArchive.save(store, r, Instant.now()))
                        .orElse(null);
                List<BacktestStore.Summary> saved =
                        session.backtests().map(BacktestArchive::list).orElse(List.of());
                ui.post(() -> {
                    runs.setAll(saved);
                    savedId.set(id);
                    finished(r);
                });
            } catch (RuntimeException e) {
                ui.post(() -> {
                    running.set(false);
                    status.set(e.getMessage() == null ? e.toString() : e.getMessage());
                });
            }
        });
    }

    /** Asks the running backtest to stop after its current slice. */
    public void cancel() {
        CancellationToken t = token;
        if (t != null) {
            t.cancel();
        }
    }

    private void show(BacktestProgress p) {
        progress.set(p.fraction());
        Duration d = p.eta();
        eta.set(String.format(
                Locale.ROOT,
                "%d of %d bars, ETA %d.%01d s",
                p.barsDone(),
                p.barsTotal(),
                d.toSeconds(),
                d.toMillisPart() / 100));
    }

    private void finished(BacktestResult r) {
        running.set(false);
        progress.set(1);
        result.set(r);
        trades.setAll(r.trades());
        assumptions.setAll(r.assumptions().render().lines().toList());
        status.set((r.cancelled() ? "Cancelled: partial result. " : "Done. ")
                + r.timing().bars() + " bars in " + r.timing().runMs() + " ms"
                + (r.rejections().isEmpty()
                        ? ""
                        : ". " + r.rejections().size() + " order(s) refused, first: "
                                + r.rejections().get(0))
                + (r.failure().isEmpty() ? "" : ". " + r.failure()));
    }

    private BacktestConfig config(
            String src,
            String path,
            String sym,
            BarFormat fmt,
            String strat,
            String params,
            String cap,
            String com,
            String slip,
            String sd) {
        BacktestData data;
        if (CSV_SOURCE.equals(src)) {
            if (path.isEmpty()) {
                throw new IllegalArgumentException("Choose a CSV file or a series of the workspace.");
            }
            data = BacktestData.fromCsv(sym.isEmpty() ? "DATA" : sym, Path.of(path), fmt);
        } else {
            BarStore store = session.bars().orElseThrow(() -> new IllegalArgumentException("no workspace bars"));
            BarStore.SeriesKey key = store.series().stream()
                    .map(BarStore.SeriesInfo::key)
                    .filter(k -> describe(k).equals(src))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no series " + src + " in the workspace"));
            var instrument = session.instrument(key.instrument()).orElse(BacktestData.csvInstrument(key.instrument()));
            data = BacktestData.all(store, List.of(new ReplaySeries(instrument, key.timeframe())));
        }
        List<InstrumentId> ids =
                data.series().stream().map(s -> s.instrument().id()).toList();
        var definition = StrategySource.load(
                strat, StrategySource.text(strat), ids, data.primary().timeframe());
        BigDecimal capitalValue = decimal("capital", cap);
        BigDecimal commissionValue = decimal("commission", com);
        FeeModel fees = commissionValue.signum() == 0
                ? FeeModel.NONE
                : new StandardFeeModel(BigDecimal.ZERO, commissionValue, BigDecimal.ZERO, BigDecimal.ZERO);
        ModelSet models = BacktestConfig.barModels(fees).withSlippage(SlippageModel.parse(slip));
        long seedValue;
        try {
            seedValue = Long.parseLong(sd);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed: not a whole number: '" + sd + "'");
        }
        return new BacktestConfig(
                strat, definition, parseParameters(params), data, capitalValue, models, seedValue, null);
    }

    /** {@code fast=20, slow=50} (commas or spaces between pairs). */
    static Map<String, String> parseParameters(String text) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameters: expected name=value, not '" + part + "'");
            }
            out.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return out;
    }

    private static BigDecimal decimal(String what, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not a number: '" + text + "'");
        }
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

    public StringProperty parametersProperty() {
        return parameters;
    }

    public StringProperty capitalProperty() {
        return capital;
    }

    public StringProperty commissionProperty() {
        return commission;
    }

    public StringProperty slippageProperty() {
        return slippage;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty etaProperty() {
        return eta;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<BacktestResult> resultProperty() {
        return result;
    }

    /** The workspace id of the last finished run, or null when it was not saved. */
    public ObjectProperty<Long> savedIdProperty() {
        return savedId;
    }

    public ObservableList<BacktestTrade> trades() {
        return trades;
    }

    public ObservableList<String> assumptions() {
        return assumptions;
    }

    /** Runs saved in the workspace, newest first. */
    public ObservableList<BacktestStore.Summary> runs() {
        return runs;
    }

    /** The last comparison of two saved runs. */
    public ObjectProperty<BacktestComparison> comparisonProperty() {
        return comparison;
    }
}
