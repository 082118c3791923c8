package dev.paperdesk.desktop.importer;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.desktop.importer.CsvPreview.RawRow;
import dev.paperdesk.engine.market.history.BarField;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.market.history.BarImporter;
import dev.paperdesk.engine.market.history.ColumnRef;
import dev.paperdesk.engine.market.history.CsvBarMapping;
import dev.paperdesk.engine.market.history.HeaderMode;
import dev.paperdesk.engine.market.history.HistoricalInstruments;
import dev.paperdesk.engine.market.history.ImportOutcome;
import dev.paperdesk.engine.market.history.ImportProblem;
import dev.paperdesk.engine.market.history.ImportRequest;
import dev.paperdesk.engine.market.history.StampPosition;
import dev.paperdesk.engine.market.history.TimestampFormat;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.SeriesInfo;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import dev.paperdesk.engine.store.BarStore.WriteMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The import dialog's state and work: the file, the format preset and its mapping (editable, and
 * applied over the preset like the command line's options), the symbol and timeframe; a preview of
 * the raw rows and the parsed bars with every problem the engine finds, recomputed off the UI
 * thread whenever an input changes; and the import itself, run off the UI thread with progress and
 * cancel, all or nothing, into the workspace's bar store through the engine's {@link BarImporter}.
 */
public final class ImportViewModel implements AutoCloseable {
    /** Raw rows and parsed bars shown in the preview. */
    public static final int PREVIEW_ROWS = 20;

    /** How a message reads: neutral, fine, worth a look, or blocking. */
    public enum Severity {
        NONE,
        OK,
        WARNING,
        ERROR
    }

    private final TradingSession session;
    private final UiExecutor ui;
    private final Executor background;
    private final ExecutorService ownedExecutor;
    private final Optional<BarStore> bars;

    private final StringProperty path = new SimpleStringProperty("");
    private final ObjectProperty<BarFormat> format = new SimpleObjectProperty<>(BarFormat.GENERIC);
    private final StringProperty symbol = new SimpleStringProperty("");
    private final ObjectProperty<Timeframe> timeframe = new SimpleObjectProperty<>();
    private final BooleanProperty replace = new SimpleBooleanProperty();
    private final StringProperty columns = new SimpleStringProperty("");
    private final StringProperty dateColumn = new SimpleStringProperty("");
    private final StringProperty timeColumn = new SimpleStringProperty("");
    private final StringProperty delimiter = new SimpleStringProperty(",");
    private final ObjectProperty<HeaderMode> header = new SimpleObjectProperty<>(HeaderMode.PRESENT);
    private final StringProperty timestampFormat = new SimpleStringProperty("iso");
    private final StringProperty zone = new SimpleStringProperty("UTC");
    private final ObjectProperty<StampPosition> stamp = new SimpleObjectProperty<>(StampPosition.OPEN);
    private final BooleanProperty zeroMissingVolume = new SimpleBooleanProperty();

    private final ObservableList<String> previewColumns = FXCollections.observableArrayList();
    private final ObservableList<RawRow> previewRows = FXCollections.observableArrayList();
    private final ObservableList<Bar> previewBars = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper("Choose a CSV file");
    private final ReadOnlyObjectWrapper<Severity> validationSeverity = new ReadOnlyObjectWrapper<>(Severity.NONE);
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Severity> resultSeverity = new ReadOnlyObjectWrapper<>(Severity.NONE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper inputsReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyObjectWrapper<ImportOutcome> lastOutcome = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canImport;

    private long generation;
    private AtomicBoolean previewCancel = new AtomicBoolean();
    private AtomicBoolean importCancel = new AtomicBoolean();
    private boolean loadingPreset;
    private String derivedSymbol = "";

    /** Runs previews and imports on a background thread of its own. */
    public ImportViewModel(TradingSession session, UiExecutor ui) {
        this(session, ui, null);
    }

    /**
     * Runs previews and imports on {@code background}; tests pass {@code Runnable::run} to make
     * them synchronous. With {@code null}, a daemon thread of this view-model does the work.
     */
    public ImportViewModel(TradingSession session, UiExecutor ui, Executor background) {
        this.session = Objects.requireNonNull(session, "session");
        this.ui = Objects.requireNonNull(ui, "ui");
        if (background == null) {
            ownedExecutor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "paperdesk-import");
                t.setDaemon(true);
                return t;
            });
            this.background = ownedExecutor;
        } else {
            ownedExecutor = null;
            this.background = background;
        }
        this.bars = session.bars();
        canImport = Bindings.createBooleanBinding(
                () -> !running.get() && inputsReady.get() && bars.isPresent(), running, inputsReady);

        loadPreset(format.get());
        format.addListener((o, a, b) -> {
            if (b != null) {
                loadPreset(b);
                preview();
            }
        });
        path.addListener((o, a, b) -> deriveSymbol(b));
        ObservableValue<?>[] inputs = {
            path,
            symbol,
            timeframe,
            replace,
            columns,
            dateColumn,
            timeColumn,
            delimiter,
            header,
            timestampFormat,
            zone,
            stamp,
            zeroMissingVolume
        };
        for (ObservableValue<?> input : inputs) {
            input.addListener((o, a, b) -> {
                if (!loadingPreset) {
                    preview();
                }
            });
        }
    }

    // ------------------------------------------------------------------------------- mapping

    /** Puts a preset's mapping into the mapping fields, where the user may override it. */
    private void loadPreset(BarFormat f) {
        CsvBarMapping m = f.mapping();
        loadingPreset = true;
        try {
            delimiter.set(delimiterText(m.delimiter()));
            header.set(m.header());
            timestampFormat.set(m.timestampFormat().toString());
            zone.set(m.zone().equals(ZoneOffset.UTC) ? "UTC" : m.zone().getId());
            stamp.set(m.stamp());
            zeroMissingVolume.set(m.zeroMissingVolume());
            List<String> named = new ArrayList<>();
            m.columns().forEach((field, ref) -> {
                if (field != BarField.DATE && field != BarField.TIME) {
                    named.add(field.key() + "=" + ref);
                }
            });
            columns.set(String.join(", ", named));
            dateColumn.set(
                    m.columns().containsKey(BarField.DATE)
                            ? m.columns().get(BarField.DATE).toString()
                            : "");
            timeColumn.set(
                    m.columns().containsKey(BarField.TIME)
                            ? m.columns().get(BarField.TIME).toString()
                            : "");
        } finally {
            loadingPreset = false;
        }
    }

    private static String delimiterText(char c) {
        return switch (c) {
            case '\t' -> "tab";
            case ' ' -> "space";
            default -> Character.toString(c);
        };
    }

    /**
     * Proposes a symbol from a file name ({@code orcl.csv} → {@code ORCL}, {@code backtrader_nvda-1999-2014.txt} →
     * {@code NVDA}; see {@link FileNameSymbol}) while the user has not typed one.
     */
    private void deriveSymbol(String text) {
        String current = symbol.get() == null ? "" : symbol.get().trim();
        if (!current.isEmpty() && !current.equals(derivedSymbol)) {
            return;
        }
        String name = "";
        try {
            Path p = Path.of(text.trim());
            name = p.getFileName() == null ? "" : p.getFileName().toString();
        } catch (InvalidPathException e) {
            // No proposal for a path that cannot be a file.
        }
        String stem = FileNameSymbol.of(name).orElse("");
        try {
            HistoricalInstruments.parse(stem);
        } catch (IllegalArgumentException e) {
            stem = "";
        }
        derivedSymbol = stem;
        symbol.set(stem);
    }

    /** The inputs of one preview or import, read on the UI thread; {@code error} says what is missing or wrong. */
    private record Inputs(
            Path file,
            char delimiter,
            HeaderMode header,
            CsvBarMapping mapping,
            InstrumentId instrument,
            Timeframe timeframe,
            WriteMode mode,
            String error) {}

    private Inputs inputs() {
        String pathText = path.get() == null ? "" : path.get().trim();
        if (pathText.isEmpty()) {
            return new Inputs(
                    null, ',', HeaderMode.PRESENT, null, null, null, WriteMode.REFUSE_OVERLAP, "Choose a CSV file");
        }
        Path file;
        try {
            file = Path.of(pathText);
        } catch (InvalidPathException e) {
            return new Inputs(
                    null,
                    ',',
                    HeaderMode.PRESENT,
                    null,
                    null,
                    null,
                    WriteMode.REFUSE_OVERLAP,
                    "Not a path: " + pathText);
        }
        WriteMode mode = replace.get() ? WriteMode.REPLACE : WriteMode.REFUSE_OVERLAP;
        char delim;
        try {
            delim = parseDelimiter(delimiter.get());
        } catch (IllegalArgumentException e) {
            return new Inputs(file, ',', header.get(), null, null, timeframe.get(), mode, e.getMessage());
        }
        CsvBarMapping mapping;
        try {
            mapping = mapping(delim);
        } catch (IllegalArgumentException e) {
            return new Inputs(
                    file, delim, header.get(), null, null, timeframe.get(), mode, "Mapping: " + e.getMessage());
        }
        InstrumentId instrument = null;
        String error = null;
        String sym = symbol.get() == null ? "" : symbol.get().trim();
        if (sym.isEmpty()) {
            error = "Enter a symbol";
        } else {
            try {
                instrument = HistoricalInstruments.parse(sym);
            } catch (IllegalArgumentException e) {
                error = "Symbol: " + e.getMessage();
            }
        }
        return new Inputs(file, delim, header.get(), mapping, instrument, timeframe.get(), mode, error);
    }

    private CsvBarMapping mapping(char delim) {
        CsvBarMapping preset = format.get().mapping();
        Map<BarField, ColumnRef> cols = new EnumMap<>(BarField.class);
        String text = columns.get() == null ? "" : columns.get().trim();
        if (!text.isEmpty()) {
            for (String part : text.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0 || eq == part.length() - 1) {
                    throw new IllegalArgumentException(
                            "write columns as FIELD=COLUMN, e.g. timestamp=Date, close=5 (not '" + part.trim() + "')");
                }
                cols.put(BarField.parse(part.substring(0, eq)), ColumnRef.parse(part.substring(eq + 1)));
            }
        }
        String date = dateColumn.get() == null ? "" : dateColumn.get().trim();
        String time = timeColumn.get() == null ? "" : timeColumn.get().trim();
        if (!date.isEmpty()) {
            cols.remove(BarField.TIMESTAMP);
            cols.put(BarField.DATE, ColumnRef.parse(date));
        }
        if (!time.isEmpty()) {
            cols.put(BarField.TIME, ColumnRef.parse(time));
        }
        String tsText =
                timestampFormat.get() == null ? "" : timestampFormat.get().trim();
        TimestampFormat ts = tsText.isEmpty() ? new TimestampFormat.Iso() : TimestampFormat.parse(tsText);
        return new CsvBarMapping(
                delim,
                Objects.requireNonNull(header.get(), "header"),
                cols,
                ts,
                parseZone(zone.get()),
                Objects.requireNonNull(stamp.get(), "stamp"),
                zeroMissingVolume.get(),
                preset.fallbackTimeframe());
    }

    static char parseDelimiter(String text) {
        String t = text == null ? "" : text;
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "tab", "\\t", "\t" -> '\t';
            case "space", " " -> ' ';
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "pipe" -> '|';
            default -> {
                if (t.trim().length() != 1) {
                    throw new IllegalArgumentException(
                            "The delimiter is one character, or tab, space, comma, semicolon or pipe");
                }
                yield t.trim().charAt(0);
            }
        };
    }

    private static ZoneId parseZone(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(t).normalized();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + t + "' (e.g. UTC, America/New_York, +01:00)");
        }
    }

    // ------------------------------------------------------------------------------- preview

    /** What one background preview found. */
    private record PreviewResult(
            CsvPreview raw, List<Bar> bars, List<String> problems, String message, Severity severity) {}

    /**
     * Recomputes the preview and the validation for the current inputs, off the UI thread. Called
     * by every input change; a newer preview cancels an older one, whose result is then dropped.
     */
    public void preview() {
        long gen = ++generation;
        if (!running.get()) {
            // The last import's result described other inputs.
            result.set("");
            resultSeverity.set(Severity.NONE);
        }
        previewCancel.set(true);
        AtomicBoolean cancel = new AtomicBoolean();
        previewCancel = cancel;
        Inputs in = inputs();
        inputsReady.set(in.error() == null && in.file() != null);
        if (in.file() == null) {
            apply(gen, new PreviewResult(CsvPreview.EMPTY, List.of(), List.of(), in.error(), Severity.NONE));
            return;
        }
        background.execute(() -> {
            PreviewResult r;
            try {
                r = computePreview(in, cancel);
            } catch (CancellationException e) {
                return;
            } catch (RuntimeException e) {
                r = new PreviewResult(
                        CsvPreview.EMPTY, List.of(), List.of(), "Cannot preview: " + e.getMessage(), Severity.ERROR);
            }
            PreviewResult done = r;
            ui.post(() -> apply(gen, done));
        });
    }

    private PreviewResult computePreview(Inputs in, AtomicBoolean cancel) {
        if (!Files.isRegularFile(in.file())) {
            return new PreviewResult(
                    CsvPreview.EMPTY, List.of(), List.of(), "No such file: " + in.file(), Severity.ERROR);
        }
        CsvPreview raw;
        try {
            raw = CsvPreview.read(in.file(), in.delimiter(), in.header(), PREVIEW_ROWS);
        } catch (IOException | UncheckedIOException e) {
            return new PreviewResult(
                    CsvPreview.EMPTY,
                    List.of(),
                    List.of(),
                    "Cannot read " + in.file() + ": " + e.getMessage(),
                    Severity.ERROR);
        }
        if (in.mapping() == null) {
            return new PreviewResult(raw, List.of(), List.of(), in.error(), Severity.ERROR);
        }
        PreviewBarStore dry = new PreviewBarStore(PREVIEW_ROWS);
        InstrumentId id = in.instrument() != null
                ? in.instrument()
                : new InstrumentId("PREVIEW", HistoricalInstruments.DEFAULT_VENUE);
        ImportOutcome outcome = runImporter(dry, in, id, cancel, p -> {});
        return switch (outcome) {
            case ImportOutcome.Rejected r -> new PreviewResult(
                    raw,
                    List.of(),
                    problemLines(r),
                    count(r.total(), "problem") + ": the file cannot be imported as it is",
                    Severity.ERROR);
            case ImportOutcome.Conflict c -> new PreviewResult(
                    raw, dry.firstBars(), List.of(), c.message(), Severity.WARNING);
            case ImportOutcome.Imported i -> {
                String found = count(i.rows(), "bar") + " of " + i.key().timeframe() + " from "
                        + Formats.time(i.first()) + " to " + Formats.time(i.last()) + " UTC";
                Severity severity = Severity.OK;
                String next;
                if (in.error() != null) {
                    next = in.error();
                    severity = Severity.WARNING;
                } else if (bars.isEmpty()) {
                    next = "this workspace is in memory and cannot keep bars";
                    severity = Severity.WARNING;
                } else {
                    SeriesKey key = new SeriesKey(in.instrument(), i.key().timeframe());
                    Optional<SeriesInfo> stored = bars.get().info(key);
                    if (stored.isPresent()
                            && in.mode() == WriteMode.REFUSE_OVERLAP
                            && overlaps(stored.get(), i.first(), i.last())) {
                        next = key + " already holds bars from "
                                + Formats.time(stored.get().first()) + " to "
                                + Formats.time(stored.get().last()) + " that overlap; tick Replace to overwrite them";
                        severity = Severity.WARNING;
                    } else if (stored.isPresent() && in.mode() == WriteMode.REPLACE) {
                        next = "ready to replace the " + count(stored.get().rows(), "bar") + " of " + key;
                    } else {
                        next = "ready to import into " + key;
                    }
                }
                yield new PreviewResult(raw, dry.firstBars(), List.of(), found + "; " + next, severity);
            }
        };
    }

    private static boolean overlaps(SeriesInfo stored, Instant first, Instant last) {
        return !(last.isBefore(stored.first()) || first.isAfter(stored.last()));
    }

    private void apply(long gen, PreviewResult r) {
        if (gen != generation) {
            return; // a newer preview or an import has started since
        }
        previewColumns.setAll(r.raw().columns());
        previewRows.setAll(r.raw().rows());
        previewBars.setAll(r.bars());
        problems.setAll(r.problems());
        validation.set(r.message());
        validationSeverity.set(r.severity());
    }

    // -------------------------------------------------------------------------------- import

    /** Everything one import can end with, including the ways the engine's outcome does not cover. */
    private sealed interface Finished {
        record Done(ImportOutcome outcome) implements Finished {}

        record Cancelled() implements Finished {}

        record Failed(String message) implements Finished {}
    }

    /**
     * Imports the file off the UI thread, all or nothing, with {@link #progressProperty()} moving
     * as it is read; ends with "N rows imported …" in {@link #resultProperty()} or with the problems
     * in {@link #problems()}. Does nothing while {@link #canImportBinding()} is false.
     */
    public void runImport() {
        if (!canImport.get()) {
            return;
        }
        Inputs in = inputs();
        if (in.error() != null || in.file() == null) {
            result.set(in.error());
            resultSeverity.set(Severity.ERROR);
            return;
        }
        generation++; // previews still under way no longer report
        previewCancel.set(true);
        AtomicBoolean cancel = new AtomicBoolean();
        importCancel = cancel;
        running.set(true);
        progress.set(0);
        result.set("Importing " + in.file().getFileName() + " \u2026");
        resultSeverity.set(Severity.NONE);
        String progressKey = "import-progress@" + System.identityHashCode(this);
        background.execute(() -> {
            Finished f;
            try {
                f = new Finished.Done(runImporter(
                        bars.orElseThrow(),
                        in,
                        in.instrument(),
                        cancel,
                        p -> ui.coalesce(progressKey, () -> progress.set(p))));
            } catch (CancellationException e) {
                f = new Finished.Cancelled();
            } catch (RuntimeException e) {
                f = new Finished.Failed(e.getMessage());
            }
            Finished done = f;
            ui.post(() -> finish(in, done));
        });
    }

    private void finish(Inputs in, Finished f) {
        running.set(false);
        switch (f) {
            case Finished.Done d -> show(d.outcome());
            case Finished.Cancelled c -> {
                result.set("Import cancelled; nothing was imported");
                resultSeverity.set(Severity.WARNING);
            }
            case Finished.Failed failed -> {
                result.set("Import of " + in.file().getFileName() + " failed: " + failed.message()
                        + "; nothing was imported");
                resultSeverity.set(Severity.ERROR);
            }
        }
    }

    private void show(ImportOutcome outcome) {
        switch (outcome) {
            case ImportOutcome.Imported i -> {
                progress.set(1);
                problems.clear();
                result.set(
                        count(i.rows(), "row") + " imported into " + i.key() + " (" + Formats.time(i.first()) + " to "
                                + Formats.time(i.last()) + " UTC)"
                                + (i.replacedRows() > 0 ? ", replacing " + count(i.replacedRows(), "row") : ""));
                resultSeverity.set(Severity.OK);
                lastOutcome.set(i);
            }
            case ImportOutcome.Rejected r -> {
                problems.setAll(problemLines(r));
                result.set("Not imported: " + count(r.total(), "problem") + "; the workspace is unchanged");
                resultSeverity.set(Severity.ERROR);
                lastOutcome.set(r);
            }
            case ImportOutcome.Conflict c -> {
                result.set("Not imported: " + c.message().replace("replace the series", "tick Replace"));
                resultSeverity.set(Severity.ERROR);
                lastOutcome.set(c);
            }
        }
    }

    /** Stops a running import (rolled back: nothing is imported) or a preview under way. */
    public void cancel() {
        importCancel.set(true);
        previewCancel.set(true);
    }

    private static ImportOutcome runImporter(
            BarStore store, Inputs in, InstrumentId instrument, AtomicBoolean cancel, DoubleConsumer progress) {
        ImportRequest request = new ImportRequest(in.mapping(), instrument, in.timeframe(), in.mode());
        String label = in.file().getFileName().toString();
        try {
            long size = Files.size(in.file());
            try (Reader reader = new BufferedReader(new InputStreamReader(
                    new ProgressInputStream(Files.newInputStream(in.file()), size, cancel::get, progress),
                    StandardCharsets.UTF_8))) {
                return new BarImporter(store).importCsv(reader, label, request);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + in.file() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> problemLines(ImportOutcome.Rejected r) {
        List<String> lines = new ArrayList<>(r.problems().size() + 1);
        for (ImportProblem p : r.problems()) {
            lines.add(p.toString());
        }
        if (r.omitted() > 0) {
            lines.add("\u2026 and " + count(r.omitted(), "more problem"));
        }
        return lines;
    }

    private static String count(long n, String noun) {
        return String.format(Locale.US, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    // ---------------------------------------------------------------------------- properties

    /** The CSV file, as typed or chosen. */
    public StringProperty pathProperty() {
        return path;
    }

    /** The format preset; choosing one loads its mapping into the mapping fields. */
    public ObjectProperty<BarFormat> formatProperty() {
        return format;
    }

    /** {@code SYMBOL@venue}, or a bare {@code SYMBOL} for the venue {@value HistoricalInstruments#DEFAULT_VENUE}. */
    public StringProperty symbolProperty() {
        return symbol;
    }

    /** The bars' timeframe; null infers it from the stamps. */
    public ObjectProperty<Timeframe> timeframeProperty() {
        return timeframe;
    }

    /** Replace a stored series instead of refusing to overlap it. */
    public BooleanProperty replaceProperty() {
        return replace;
    }

    /** Column mapping {@code FIELD=COLUMN, …}; a column is a header name or a 1-based position. */
    public StringProperty columnsProperty() {
        return columns;
    }

    /** The date column when date and time are split (replaces the timestamp column). */
    public StringProperty dateColumnProperty() {
        return dateColumn;
    }

    /** The time column when date and time are split. */
    public StringProperty timeColumnProperty() {
        return timeColumn;
    }

    public StringProperty delimiterProperty() {
        return delimiter;
    }

    public ObjectProperty<HeaderMode> headerProperty() {
        return header;
    }

    /** {@code iso}, {@code epoch}, {@code epoch-s|ms|us|ns} or a java.time pattern. */
    public StringProperty timestampFormatProperty() {
        return timestampFormat;
    }

    /** The zone of stamps written without an offset. */
    public StringProperty zoneProperty() {
        return zone;
    }

    /** Whether stamps name the bar's open or its close. */
    public ObjectProperty<StampPosition> stampProperty() {
        return stamp;
    }

    /** An absent volume column or empty volume cell reads as 0 instead of a problem. */
    public BooleanProperty zeroMissingVolumeProperty() {
        return zeroMissingVolume;
    }

    /** Titles of the raw preview's columns. */
    public ObservableList<String> previewColumns() {
        return previewColumns;
    }

    /** The first {@value #PREVIEW_ROWS} data rows as written. */
    public ObservableList<RawRow> previewRows() {
        return previewRows;
    }

    /** The first {@value #PREVIEW_ROWS} bars as the importer parses them (empty when the file has problems). */
    public ObservableList<Bar> previewBars() {
        return previewBars;
    }

    /** Every problem of the file as {@code file:line:column: what}, from the preview or the last import. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** What the preview found: the bars and their range, or what stands in the way. */
    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Severity> validationSeverityProperty() {
        return validationSeverity.getReadOnlyProperty();
    }

    /** How the last import ended, e.g. {@code 250 rows imported into ORCL@hist 1d (…)}. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Severity> resultSeverityProperty() {
        return resultSeverity.getReadOnlyProperty();
    }

    /** The engine's outcome of the last import that ran to its end; watch it to refresh series lists. */
    public ReadOnlyObjectProperty<ImportOutcome> lastOutcomeProperty() {
        return lastOutcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Share of the file read by the running import, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True when the inputs are complete, the workspace can keep bars and no import is running. */
    public BooleanBinding canImportBinding() {
        return canImport;
    }

    /** True when the workspace is a file that can keep bars (an in-memory session cannot). */
    public boolean workspaceKeepsBars() {
        return bars.isPresent();
    }

    public TradingSession session() {
        return session;
    }

    /** Cancels any work under way and stops the background thread this view-model owns. */
    @Override
    public void close() {
        cancel();
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }
}
