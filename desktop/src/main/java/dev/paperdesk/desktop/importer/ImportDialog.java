package dev.paperdesk.desktop.importer;

import atlantafx.base.theme.Styles;
import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.desktop.importer.CsvPreview.RawRow;
import dev.paperdesk.desktop.importer.ImportViewModel.Severity;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.market.history.HeaderMode;
import dev.paperdesk.engine.market.history.StampPosition;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Timeframe;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The historical data import dialog: file, format and mapping on top, the raw rows, the parsed bars
 * and the problems in the middle, what the preview found and the Import / Cancel controls below.
 *
 * <p>Node ids: {@code #importDialog} (root), {@code #importPath}, {@code #importBrowse},
 * {@code #importFormat}, {@code #importSymbol}, {@code #importTimeframe}, {@code #importReplace},
 * the mapping fields {@code #importColumns}, {@code #importDateColumn}, {@code #importTimeColumn},
 * {@code #importDelimiter}, {@code #importHeader}, {@code #importTimestampFormat}, {@code #importZone},
 * {@code #importStamp}, {@code #importZeroVolume}; {@code #importPreview} (raw rows),
 * {@code #importBars} (parsed bars), {@code #importProblems}, {@code #importValidation},
 * {@code #importProgress}, {@code #importCancel}, {@code #importRun}, {@code #importResult}.
 */
public final class ImportDialog extends BorderPane {
    private static final String APP_CSS = "/dev/paperdesk/desktop/paperdesk.css";

    private final ImportViewModel vm;
    private final TableView<RawRow> rawTable = new TableView<>();
    private final TableView<Bar> barTable = new TableView<>();
    private int barDecimals = 2;

    public ImportDialog(ImportViewModel vm) {
        this.vm = vm;
        setId("importDialog");
        getStyleClass().add("import-dialog");
        setTop(new VBox(8, form(), mapping()));
        setCenter(previews());
        setBottom(footer());
        BorderPane.setMargin(getCenter(), new Insets(8, 0, 8, 0));
        setPadding(new Insets(12));
    }

    /**
     * Shows the dialog in a window of its own beside {@code owner}, in the owner's theme. The dialog
     * owns {@code vm} from then on: closing the window cancels any import and closes the view-model.
     */
    public static Stage open(Window owner, ImportViewModel vm) {
        ImportDialog view = new ImportDialog(vm);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Import historical data");
        Scene scene = new Scene(view, 1120, 800);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            owner.getScene().getRoot().getStyleClass().stream()
                    .filter(c -> c.startsWith("theme-"))
                    .forEach(c -> view.getStyleClass().add(c));
        }
        var css = ImportDialog.class.getResource(APP_CSS);
        if (css != null && !scene.getStylesheets().contains(css.toExternalForm())) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.close());
        dev.paperdesk.desktop.common.WindowFit.onScreen(stage);
        stage.show();
        return stage;
    }

    // ---------------------------------------------------------------------------------- form

    private GridPane form() {
        TextField path = new TextField();
        path.setId("importPath");
        path.setPromptText("Path of a CSV file");
        path.textProperty().bindBidirectional(vm.pathProperty());
        Button browse = new Button("Browse\u2026");
        browse.setId("importBrowse");
        browse.setOnAction(e -> browse());

        ComboBox<BarFormat> format = new ComboBox<>();
        format.setId("importFormat");
        format.getItems().setAll(BarFormat.values());
        format.setConverter(converter(f -> f == null ? "" : f.option()));
        format.valueProperty().bindBidirectional(vm.formatProperty());
        format.setTooltip(new Tooltip("yahoo: Date,Open,High,Low,Close,Adj Close,Volume (daily)\n"
                + "binance: 12-column kline files, open time in ms or \u00b5s\n"
                + "ninjatrader: yyyyMMdd HHmmss;open;high;low;close;volume, stamped at the close\n"
                + "generic: columns found by header name, or as mapped below"));

        TextField symbol = new TextField();
        symbol.setId("importSymbol");
        symbol.setPromptText("SYMBOL or SYMBOL@venue");
        symbol.setPrefColumnCount(14);
        symbol.textProperty().bindBidirectional(vm.symbolProperty());

        ComboBox<Timeframe> timeframe = new ComboBox<>();
        timeframe.setId("importTimeframe");
        timeframe.getItems().add(null);
        timeframe.getItems().addAll(Timeframe.values());
        timeframe.setConverter(converter(t -> t == null ? "auto" : t.label()));
        timeframe.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Timeframe item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? "auto" : item.label());
            }
        });
        timeframe.valueProperty().bindBidirectional(vm.timeframeProperty());
        timeframe.setTooltip(new Tooltip("auto: the most frequent gap between the first 1000 bars"));

        CheckBox replace = new CheckBox("Replace the stored series");
        replace.setId("importReplace");
        replace.selectedProperty().bindBidirectional(vm.replaceProperty());

        GridPane grid = formGrid();
        grid.add(caption("File"), 0, 0);
        grid.add(path, 1, 0, 6, 1);
        grid.add(browse, 7, 0);
        grid.add(caption("Format"), 0, 1);
        grid.add(format, 1, 1);
        grid.add(caption("Symbol"), 2, 1);
        grid.add(symbol, 3, 1);
        grid.add(caption("Timeframe"), 4, 1);
        grid.add(timeframe, 5, 1);
        grid.add(replace, 6, 1, 2, 1);
        GridPane.setHgrow(path, Priority.ALWAYS);
        grid.disableProperty().bind(vm.runningProperty());
        return grid;
    }

    private TitledPane mapping() {
        TextField columns = field(
                "importColumns", vm.columnsProperty(), "timestamp=Date, open=2, \u2026 (empty: found by header names)");
        TextField date = field("importDateColumn", vm.dateColumnProperty(), "name or position");
        TextField time = field("importTimeColumn", vm.timeColumnProperty(), "name or position");
        TextField delimiter = field("importDelimiter", vm.delimiterProperty(), ", ; tab \u2026");
        delimiter.setPrefColumnCount(5);
        ComboBox<HeaderMode> header = new ComboBox<>();
        header.setId("importHeader");
        header.getItems().setAll(HeaderMode.values());
        header.setConverter(converter(h -> h == null
                ? ""
                : switch (h) {
                    case PRESENT -> "yes";
                    case ABSENT -> "no";
                    case DETECT -> "detect";
                }));
        header.valueProperty().bindBidirectional(vm.headerProperty());
        header.setPrefWidth(120);

        ComboBox<String> stampFormat = new ComboBox<>();
        stampFormat.setId("importTimestampFormat");
        stampFormat.setEditable(true);
        stampFormat
                .getItems()
                .setAll(
                        "iso",
                        "epoch",
                        "epoch-s",
                        "epoch-ms",
                        "epoch-us",
                        "epoch-ns",
                        "yyyyMMdd HHmmss",
                        "dd/MM/yyyy HH:mm",
                        "MM/dd/yyyy");
        stampFormat.setPrefWidth(190);
        stampFormat.valueProperty().bindBidirectional(vm.timestampFormatProperty());
        stampFormat.setTooltip(
                new Tooltip("iso, epoch (unit from magnitude), epoch-s|ms|us|ns, or a java.time pattern"));

        TextField zone = field("importZone", vm.zoneProperty(), "UTC");
        zone.setPrefColumnCount(12);
        ComboBox<StampPosition> stamp = new ComboBox<>();
        stamp.setId("importStamp");
        stamp.getItems().setAll(StampPosition.values());
        stamp.setConverter(converter(s -> s == null ? "" : s.name().toLowerCase(Locale.ROOT)));
        stamp.valueProperty().bindBidirectional(vm.stampProperty());
        stamp.setPrefWidth(120);
        stamp.setTooltip(new Tooltip("Whether a stamp names the bar's open or its close"));
        CheckBox zeroVolume = new CheckBox("Missing volume \u2192 0");
        zeroVolume.setId("importZeroVolume");
        zeroVolume.selectedProperty().bindBidirectional(vm.zeroMissingVolumeProperty());

        GridPane grid = formGrid();
        grid.add(caption("Columns"), 0, 0);
        grid.add(columns, 1, 0, 7, 1);
        grid.add(caption("Date column"), 0, 1);
        grid.add(date, 1, 1);
        grid.add(caption("Time column"), 2, 1);
        grid.add(time, 3, 1);
        grid.add(caption("Stamp"), 4, 1);
        grid.add(stamp, 5, 1);
        grid.add(zeroVolume, 6, 1, 2, 1);
        grid.add(caption("Delimiter"), 0, 2);
        grid.add(delimiter, 1, 2);
        grid.add(caption("Header"), 2, 2);
        grid.add(header, 3, 2);
        grid.add(caption("Timestamps"), 4, 2);
        grid.add(stampFormat, 5, 2);
        grid.add(caption("Zone"), 6, 2);
        grid.add(zone, 7, 2);
        GridPane.setHgrow(columns, Priority.ALWAYS);

        TitledPane pane = new TitledPane("Mapping", grid);
        pane.setId("importMapping");
        pane.getStyleClass().add("import-mapping");
        // Presets map themselves: the fields show their values and stay editable as overrides.
        pane.setExpanded(vm.formatProperty().get() == BarFormat.GENERIC);
        vm.formatProperty().addListener((o, a, b) -> pane.setExpanded(b == BarFormat.GENERIC));
        pane.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> vm.formatProperty().get() == BarFormat.GENERIC
                                ? "Mapping"
                                : "Mapping (the " + vm.formatProperty().get().option() + " preset; edit to override)",
                        vm.formatProperty()));
        pane.disableProperty().bind(vm.runningProperty());
        return pane;
    }

    private static GridPane formGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.getStyleClass().add("import-form");
        return grid;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.setPrefColumnCount(10);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private static <T> StringConverter<T> converter(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choose from the list");
            }
        };
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a CSV file of bars");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("CSV and text files", "*.csv", "*.txt", "*.CSV", "*.TXT"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        try {
            String current = vm.pathProperty().get();
            Path dir = current == null || current.isBlank()
                    ? null
                    : Path.of(current.trim()).toAbsolutePath().getParent();
            if (dir != null && Files.isDirectory(dir)) {
                chooser.setInitialDirectory(dir.toFile());
            }
        } catch (InvalidPathException ignored) {
            // Start wherever the platform starts.
        }
        File file =
                chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.pathProperty().set(file.getAbsolutePath());
        }
    }

    // ------------------------------------------------------------------------------ previews

    private SplitPane previews() {
        rawTable.setId("importPreview");
        rawTable.getStyleClass().add(Styles.DENSE);
        rawTable.setItems(vm.previewRows());
        rawTable.setPlaceholder(new Label("The file's first rows appear here."));
        rawTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Columns are sized to their titles and cells, so either list changing rebuilds them.
        vm.previewColumns().addListener((ListChangeListener<String>) c -> rebuildRawColumns());
        vm.previewRows().addListener((ListChangeListener<RawRow>) c -> rebuildRawColumns());
        rebuildRawColumns();
        TableExport.install(rawTable, "import-raw-rows");

        barTable.setId("importBars");
        barTable.getStyleClass().add(Styles.DENSE);
        barTable.setItems(vm.previewBars());
        barTable.setPlaceholder(new Label("Parsed bars appear here when the file reads cleanly."));
        barTable.getColumns()
                .setAll(List.<TableColumn<Bar, ?>>of(
                        Columns.text("Open time (UTC)", Bar::openTime, Formats::time),
                        Columns.number("Open", Bar::open, this::barPrice),
                        Columns.number("High", Bar::high, this::barPrice),
                        Columns.number("Low", Bar::low, this::barPrice),
                        Columns.number("Close", Bar::close, this::barPrice),
                        Columns.number("Volume", Bar::volume, Formats::quantity)));
        barTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        vm.previewBars().addListener((ListChangeListener<Bar>) c -> barDecimals = decimalsOf(vm.previewBars()));
        TableExport.install(barTable, "import-parsed-bars");

        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId("importProblems");
        problems.getStyleClass().addAll("import-problems", Styles.DENSE);
        problems.setPlaceholder(new Label("No problems found."));
        MenuItem copy = new MenuItem("Copy all problems");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(String.join(System.lineSeparator(), vm.problems()));
            Clipboard.getSystemClipboard().setContent(content);
        });
        problems.setContextMenu(new ContextMenu(copy));

        SplitPane split = new SplitPane(
                titled("Raw rows (first " + ImportViewModel.PREVIEW_ROWS + ")", rawTable),
                titled("Parsed bars (first " + ImportViewModel.PREVIEW_ROWS + ")", barTable),
                titled("Problems", problems));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.40, 0.75);
        return split;
    }

    private void rebuildRawColumns() {
        List<TableColumn<RawRow, ?>> cols = new ArrayList<>();
        TableColumn<RawRow, Long> line = Columns.number("Line", RawRow::line, String::valueOf);
        line.setPrefWidth(56);
        cols.add(line);
        List<String> titles = vm.previewColumns();
        for (int i = 0; i < titles.size(); i++) {
            int at = i;
            TableColumn<RawRow, String> c = Columns.text(titles.get(i), r -> r.cell(at), s -> s);
            int widest = 0;
            for (RawRow r : vm.previewRows()) {
                widest = Math.max(widest, r.cell(at).length());
            }
            // About 8 px a character in the 12 px monospace cells, within sensible bounds.
            c.setPrefWidth(Math.min(420, Math.max(titles.get(i).length() * 9 + 28, widest * 8 + 24)));
            cols.add(c);
        }
        rawTable.getColumns().setAll(cols);
    }

    private String barPrice(BigDecimal v) {
        return Formats.fixed(v, barDecimals);
    }

    /** One number of decimals for all preview prices, so the columns line up. */
    private static int decimalsOf(List<Bar> bars) {
        int decimals = 2;
        for (Bar b : bars) {
            for (BigDecimal v : new BigDecimal[] {b.open(), b.high(), b.low(), b.close()}) {
                decimals = Math.max(decimals, Math.max(0, v.stripTrailingZeros().scale()));
            }
        }
        return Math.min(decimals, 8);
    }

    private static VBox titled(String title, Node content) {
        Label label = new Label(title);
        label.getStyleClass().add("pane-title");
        VBox box = new VBox(label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    // -------------------------------------------------------------------------------- footer

    private VBox footer() {
        Label validation = new Label();
        validation.setId("importValidation");
        validation.setWrapText(true);
        validation.textProperty().bind(vm.validationProperty());
        severityStyle(validation, vm.validationSeverityProperty());

        Label result = new Label();
        result.setId("importResult");
        result.setWrapText(true);
        result.textProperty().bind(vm.resultProperty());
        severityStyle(result, vm.resultSeverityProperty());
        result.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(result, Priority.ALWAYS);

        ProgressBar progress = new ProgressBar();
        progress.setId("importProgress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());

        Button cancel = new Button("Cancel");
        cancel.setId("importCancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());

        Button run = new Button("Import");
        run.setId("importRun");
        // Not the default button: Enter in a field (or an editable combo committing) must not import.
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.canImportBinding().not());
        run.setOnAction(e -> vm.runImport());

        Button close = new Button("Close");
        close.setId("importClose");
        close.setOnAction(e -> {
            vm.cancel();
            if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().hide();
            }
        });

        for (Region fixed : new Region[] {progress, cancel, run, close}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox actions = new HBox(8, result, progress, cancel, run, close);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox footer = new VBox(6, validation, actions);
        if (!vm.workspaceKeepsBars()) {
            Label memory = new Label("This session's workspace is in memory: open a workspace file to import bars.");
            memory.getStyleClass().add("import-warning");
            footer.getChildren().add(0, memory);
        }
        return footer;
    }

    private static void severityStyle(Label label, ReadOnlyObjectProperty<Severity> severity) {
        Runnable apply = () -> {
            label.getStyleClass().removeAll("import-ok", "import-warning", "import-error");
            switch (severity.get()) {
                case OK -> label.getStyleClass().add("import-ok");
                case WARNING -> label.getStyleClass().add("import-warning");
                case ERROR -> label.getStyleClass().add("import-error");
                case NONE -> {}
            }
        };
        severity.addListener((o, a, b) -> apply.run());
        apply.run();
    }
}
