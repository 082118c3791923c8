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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
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
    /** The trading unit of a CSV file's instrument (1: whole units, as for a stock; 0.001 for a coin). */
    private final StringProperty lot = new SimpleStringProperty("1");

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> dataFirst = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> dataLast = new SimpleObjectProperty<>();
    private final ObservableStringValue rangeProblem = Bindings.createStringBinding(
            () -> rangeProblem(from.get(), to.get(), dataFirst.get(), dataLast.get()), from, to, dataFirst, dataLast);
    /** Which data choice the last probe answers: a newer choice makes older answers stale. */
    private final AtomicLong dataChoice = new AtomicLong();
    /** The bars last read, kept so that a run right after choosing the data does not read them again. */
    private volatile Loaded loaded;

    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<BacktestResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<PriceMarks> priceMarks = new SimpleObjectProperty<>();
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
        source.addListener((o, a, b) -> probeData());
        csvPath.addListener((o, a, b) -> probeData());
        format.addListener((o, a, b) -> probeData());
        refreshRuns();
    }

    /** The bars of one data choice of the form. */
    private record Loaded(String key, BacktestData data) {}

    /** Names a CSV data choice and the file's state, so that an edited file is read again. */
    private static String dataKey(String path, String sym, BarFormat fmt) {
        try {
            Path file = Path.of(path);
            return path + "|" + sym + "|" + fmt + "|" + java.nio.file.Files.size(file) + "|"
                    + java.nio.file.Files.getLastModifiedTime(file);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads the chosen data off the FX thread and sets the date range to its first and last bar's
     * dates (UTC). A CSV path that is not (yet) a file clears the range instead of complaining while
     * the user types.
     */
    private void probeData() {
        long choice = dataChoice.incrementAndGet();
        String src = source.get();
        String path = csvPath.get() == null ? "" : csvPath.get().strip();
        String sym = symbol.get() == null ? "" : symbol.get().strip();
        BarFormat fmt = format.get();
        worker.execute(() -> {
            if (choice != dataChoice.get()) {
                return;
            }
            LocalDate first = null;
            LocalDate last = null;
            if (!CSV_SOURCE.equals(src) || (!path.isEmpty() && java.nio.file.Files.isRegularFile(Path.of(path)))) {
                try {
                    BacktestData data = data(src, path, sym, fmt);
                    first = firstDate(data);
                    last = lastDate(data);
                } catch (RuntimeException e) {
                    // the run reports the file's problems in full; the range just stays open
                }
            }
            LocalDate f = first;
            LocalDate l = last;
            ui.post(() -> {
                if (choice == dataChoice.get()) {
                    dataFirst.set(f);
                    dataLast.set(l);
                    from.set(f);
                    to.set(l);
                }
            });
        });
    }

    /** The UTC date of the data's first bar. */
    static LocalDate firstDate(BacktestData data) {
        return LocalDate.ofInstant(data.from(), ZoneOffset.UTC);
    }

    /** The UTC date the data's last bar opens on (across all series). */
    static LocalDate lastDate(BacktestData data) {
        Instant last = data.from();
        for (ReplaySeries s : data.series()) {
            Instant open = data.store()
                    .info(new BarStore.SeriesKey(s.instrument().id(), s.timeframe()))
                    .map(BarStore.SeriesInfo::last)
                    .orElse(last);
            last = open.isAfter(last) ? open : last;
        }
        return LocalDate.ofInstant(last, ZoneOffset.UTC);
    }

    /**
     * What is wrong with the date range {@code from}–{@code to} (inclusive, either may be open) for data
     * covering {@code first}–{@code last} (either unknown while no data is chosen), or "" when nothing.
     */
    static String rangeProblem(LocalDate from, LocalDate to, LocalDate first, LocalDate last) {
        if (from != null && to != null && from.isAfter(to)) {
            return "From " + from + " is after To " + to + ".";
        }
        if (from != null && last != null && from.isAfter(last)) {
            return "From " + from + " is after the data's last bar (" + last + ").";
        }
        if (to != null && first != null && to.isBefore(first)) {
            return "To " + to + " is before the data's first bar (" + first + ").";
        }
        if (from != null && first != null && from.isBefore(first)) {
            return "From " + from + " is before the data's first bar (" + first + ").";
        }
        if (to != null && last != null && to.isAfter(last)) {
            return "To " + to + " is after the data's last bar (" + last + ").";
        }
        return "";
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
        if (!rangeProblem.get().isEmpty()) {
            status.set(rangeProblem.get());
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
        String lotText = lot.get() == null ? "" : lot.get().strip();
        LocalDate rangeFrom = from.get();
        LocalDate rangeTo = to.get();
        worker.execute(() -> {
            try {
                BacktestData data = withLot(window(data(src, path, sym, fmt), rangeFrom, rangeTo), src, lotText);
                BacktestConfig config = config(data, strat, params, cap, com, slip, sd);
                long warmUp = data.warmUpBarCount();
                ui.post(() -> status.set("Running\u2026"));
                BacktestResult r =
                        Backtester.run(config, p -> ui.coalesce("backtest-progress", () -> show(p, warmUp)), t);
                Long id = session.backtests()
                        .map(store -> BacktestArchive.save(store, r, Instant.now()))
                        .orElse(null);
                List<BacktestStore.Summary> saved =
                        session.backtests().map(BacktestArchive::list).orElse(List.of());
                PriceMarks marks = PriceMarks.of(data, r);
                CsvData ranOn = CSV_SOURCE.equals(src) ? new CsvData(path, fmt) : null;
                ui.post(() -> {
                    runs.setAll(saved);
                    lastCsv = ranOn;
                    savedId.set(id);
                    priceMarks.set(marks);
                    finished(r, warmUp);
                });
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                String shown =
                        e instanceof dev.paperdesk.engine.backtest.BacktestDataException ? message + CSV_HINT : message;
                ui.post(() -> {
                    running.set(false);
                    status.set(shown);
                });
            }
        });
    }

    /**
     * Said after a CSV file's problems: the form reads the presets only, the import dialog reads any
     * layout (columns, delimiter, zone, a missing volume as 0) into the workspace.
     */
    static final String CSV_HINT =
            "\nA file the formats do not fit (other columns, no volume, another time zone) can be"
                    + " imported with File \u2192 Import historical data\u2026 and backtested as a workspace series.";

    /** A CSV file and its layout. */
    public record CsvData(String path, BarFormat format) {}

    /** The CSV file the last finished run read, null when it ran on a workspace series or none ran. */
    private CsvData lastCsv;

    /**
     * The CSV file the last finished run read (what a Monte Carlo perturbation of that run re-runs
     * on), whatever the form says now; empty when it ran on a workspace series.
     */
    public java.util.Optional<CsvData> lastRunCsv() {
        return java.util.Optional.ofNullable(lastCsv);
    }

    /** Asks the running backtest to stop after its current slice. */
    public void cancel() {
        CancellationToken t = token;
        if (t != null) {
            t.cancel();
        }
    }

    private void show(BacktestProgress p, long warmUp) {
        progress.set(p.fraction());
        eta.set(progressLine(p, warmUp));
    }

    /**
     * The progress counts every bar replayed, the warm-up before the range included, so the line says
     * how many of them are warm-up: "260 of 260 bars (63 warm-up)" then reads as the "197 bars" traded.
     */
    static String progressLine(BacktestProgress p, long warmUp) {
        Duration d = p.eta();
        return String.format(
                Locale.ROOT,
                "%d of %d bars%s, ETA %d.%01d s",
                p.barsDone(),
                p.barsTotal(),
                warmUp > 0 ? " (" + warmUp + " warm-up)" : "",
                d.toSeconds(),
                d.toMillisPart() / 100);
    }

    /** The closing status: bars traded in the range, the warm-up replayed before them, the run's time. */
    static String doneLine(BacktestResult r, long warmUp) {
        return (r.cancelled() ? "Cancelled: partial result. " : "Done. ")
                + r.timing().bars()
                + " bars"
                + (warmUp > 0 ? " after " + warmUp + " warm-up" : "")
                + " in "
                + r.timing().runMs()
                + " ms";
    }

    private void finished(BacktestResult r, long warmUp) {
        running.set(false);
        progress.set(1);
        result.set(r);
        trades.setAll(r.trades());
        List<String> lines = new java.util.ArrayList<>(rangeLines(r, warmUp));
        lines.addAll(r.assumptions().render().lines().toList());
        assumptions.setAll(lines);
        status.set(doneLine(r, warmUp)
                + (r.rejections().isEmpty()
                        ? ""
                        : ". " + r.rejections().size() + " order(s) refused, first: "
                                + r.rejections().get(0))
                + warningLine(r.warnings())
                + (r.failure().isEmpty() ? "" : ". " + r.failure()));
    }

    /** The strategy's warnings for the status line: the latest in full (the time dropped), and how many. */
    static String warningLine(List<String> warnings) {
        if (warnings.isEmpty()) {
            return "";
        }
        String last = warnings.get(warnings.size() - 1);
        String[] parts = last.split(" ", 3);
        String message = parts.length == 3 ? parts[2] : last;
        return warnings.size() == 1
                ? ". Strategy warning: " + message
                : ". " + warnings.size() + " strategy warnings, the last: " + message;
    }

    /**
     * The traded range as the run saved it (UTC dates, the last inclusive) and the warm-up before it,
     * first in the assumptions list.
     */
    static List<String> rangeLines(BacktestResult r, long warmUp) {
        LocalDate first = LocalDate.ofInstant(r.config().from(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(r.config().to().minusNanos(1), ZoneOffset.UTC);
        String range = "Range: " + first + " to " + last + " (UTC)";
        List<String> lines = new java.util.ArrayList<>(List.of(range));
        if (warmUp > 0) {
            lines.add("Warm-up: " + warmUp + " earlier bars, indicators only");
        }
        // a lot other than whole units (a coin traded in thousandths) changes every size: say so
        String lots = r.config().lots().entrySet().stream()
                .filter(e -> e.getValue().compareTo(BigDecimal.ONE) != 0)
                .map(e -> e.getKey() + " in lots of "
                        + e.getValue().stripTrailingZeros().toPlainString())
                .collect(java.util.stream.Collectors.joining(", "));
        if (!lots.isEmpty()) {
            lines.add("Traded: " + lots);
        }
        return List.copyOf(lines);
    }

    /**
     * Trades only the bars opening from {@code first} 00:00 UTC up to the end of {@code last} (either
     * may be null: that end of the data), earlier bars warming up the indicators, as {@code paperdesk
     * backtest --from/--to} does.
     */
    static BacktestData window(BacktestData data, LocalDate first, LocalDate last) {
        String problem = rangeProblem(first, last, firstDate(data), lastDate(data));
        if (!problem.isEmpty()) {
            throw new IllegalArgumentException(problem);
        }
        if (first == null && last == null) {
            return data;
        }
        return data.trading(
                first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last == null
                        ? null
                        : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The bars of a data choice. A CSV file is parsed again only when the choice or the file changed
     * since it was last read; workspace series are read lazily by the run anyway.
     */
    private BacktestData data(String src, String path, String sym, BarFormat fmt) {
        String key = CSV_SOURCE.equals(src) && !path.isEmpty() ? dataKey(path, sym, fmt) : null;
        Loaded l = loaded;
        if (key != null && l != null && l.key().equals(key)) {
            return l.data();
        }
        BacktestData data = read(src, path, sym, fmt);
        if (key != null) {
            loaded = new Loaded(key, data);
        }
        return data;
    }

    private BacktestData read(String src, String path, String sym, BarFormat fmt) {
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
        return data;
    }

    /**
     * A CSV file's instrument trading in lots of {@code lotText} units; the data as it is for a lot of 1
     * (or none given) and for workspace series, whose instruments carry their own lot.
     */
    public static BacktestData withLot(BacktestData data, String src, String lotText) {
        if (!CSV_SOURCE.equals(src) || lotText.isEmpty()) {
            return data;
        }
        BigDecimal lotSize;
        try {
            lotSize = new BigDecimal(lotText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lot size: not a number: '" + lotText + "'");
        }
        if (lotSize.signum() <= 0) {
            throw new IllegalArgumentException("lot size: must be positive, not " + lotText);
        }
        if (lotSize.compareTo(BigDecimal.ONE) == 0) {
            return data;
        }
        return data.withLot(data.primary().instrument().id(), lotSize);
    }

    private BacktestConfig config(
            BacktestData data, String strat, String params, String cap, String com, String slip, String sd) {
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

    public StringProperty lotProperty() {
        return lot;
    }

    /** The first date traded (UTC); null: the data's first bar. Set to it whenever data is chosen. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** The last date traded, inclusive (UTC); null: the data's last bar. Set to it whenever data is chosen. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The date of the chosen data's first bar, or null while no readable data is chosen. */
    public ObjectProperty<LocalDate> dataFirstProperty() {
        return dataFirst;
    }

    /** The date of the chosen data's last bar, or null while no readable data is chosen. */
    public ObjectProperty<LocalDate> dataLastProperty() {
        return dataLast;
    }

    /** Why the date range cannot be run, or "" when it can. */
    public ObservableStringValue rangeProblemProperty() {
        return rangeProblem;
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

    /** The price chart's closes and fill markers of the last run made here (null before one). */
    public ObjectProperty<PriceMarks> priceMarksProperty() {
        return priceMarks;
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
