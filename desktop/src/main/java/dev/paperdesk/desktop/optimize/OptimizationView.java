package dev.paperdesk.desktop.optimize;

import dev.paperdesk.desktop.analytics.MetricText;
import dev.paperdesk.desktop.analytics.QuantCharts;
import dev.paperdesk.desktop.analytics.QuantWindowContent;
import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.desktop.golive.GoLiveChecklistGrid;
import dev.paperdesk.desktop.golive.GoLiveCriteriaEditor;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.optimize.GoLiveChecklist;
import dev.paperdesk.engine.optimize.Heatmap;
import dev.paperdesk.engine.optimize.ParameterRange;
import dev.paperdesk.engine.optimize.Trial;
import dev.paperdesk.engine.optimize.WalkForwardResult;
import dev.paperdesk.engine.store.BacktestStore;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The optimisation view: strategy, bars, parameter ranges, objective and method on the left with Run,
 * Cancel and progress; on the right the sortable trials, the heatmap of the objective over two
 * parameters, the walk-forward equity with its efficiency, and the go-live checklist of the best run.
 */
public final class OptimizationView extends SplitPane implements QuantWindowContent {
    private static final String CSS = OptimizationView.class
            .getResource("/dev/paperdesk/desktop/analytics/analytics.css")
            .toExternalForm();

    private final OptimizationViewModel vm;
    private final TableView<Trial> trials = new TableView<>();
    private final GridPane heatmap = new GridPane();
    private final Label heatmapNote = new Label("Search exactly two parameters to see the heatmap.");
    private final ErrorDataSetRenderer wfRenderer = new ErrorDataSetRenderer();
    private final Label wfSummary = new Label("Tick walk-forward before running to test out of sample.");
    private final TableView<WalkForwardResult.WindowResult> wfWindows = new TableView<>();
    private final VBox checklist = new VBox(6);

    public OptimizationView(OptimizationViewModel vm) {
        this.vm = vm;
        setId("optimizationView");
        getStylesheets().add(CSS);
        getItems().setAll(form(), results());
        setDividerPositions(0.32);
        vm.outcomeProperty().addListener((o, a, b) -> {
            if (b != null) {
                show(b);
            }
        });
    }

    private ScrollPane form() {
        ComboBox<BacktestStore.Summary> from = new ComboBox<>(vm.saved());
        from.setId("optimizationFromBacktest");
        from.setPromptText("Prefill from a saved backtest");
        from.setMaxWidth(Double.MAX_VALUE);
        from.setCellFactory(l -> new SavedCell());
        from.setButtonCell(new SavedCell());
        from.valueProperty().addListener((o, a, b) -> vm.prefillFrom(b));
        ComboBox<String> strategy = new ComboBox<>(vm.strategies());
        strategy.setId("optimizationStrategy");
        strategy.setEditable(true);
        strategy.valueProperty().bindBidirectional(vm.strategyProperty());
        strategy.valueProperty().addListener((o, a, b) -> vm.loadParameters());
        ComboBox<String> source = new ComboBox<>(vm.sources());
        source.setId("optimizationSource");
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        TextField path = field("optimizationCsvPath", vm.csvPathProperty());
        path.setPromptText("/path/to/bars.csv");
        ComboBox<BarFormat> format = new ComboBox<>();
        format.getItems().setAll(BarFormat.values());
        format.setId("optimizationFormat");
        format.valueProperty().bindBidirectional(vm.formatProperty());
        ComboBox<String> objective = new ComboBox<>();
        objective.getItems().setAll(OptimizationViewModel.OBJECTIVES);
        objective.setEditable(true);
        objective.setId("optimizationObjective");
        objective.valueProperty().bindBidirectional(vm.objectiveProperty());
        ComboBox<OptimizationViewModel.Method> method = new ComboBox<>();
        method.getItems().setAll(OptimizationViewModel.Method.values());
        method.setId("optimizationMethod");
        method.valueProperty().bindBidirectional(vm.methodProperty());
        TextField lot = field("optimizationLot", vm.lotProperty());
        lot.setTooltip(new javafx.scene.control.Tooltip("The trading unit of the CSV file's instrument: 1 trades"
                + " whole units (a stock), 0.001 a coin in thousandths. A workspace series trades in its"
                + " instrument's own lot."));
        lot.disableProperty().bind(vm.sourceProperty().isNotEqualTo(OptimizationViewModel.CSV_SOURCE));
        TextField samples = field("optimizationSamples", vm.samplesProperty());
        samples.disableProperty().bind(vm.methodProperty().isNotEqualTo(OptimizationViewModel.Method.RANDOM));
        CheckBox wf = new CheckBox("_Walk-forward");
        wf.setMnemonicParsing(true);
        wf.setId("optimizationWalkForward");
        wf.selectedProperty().bindBidirectional(vm.walkForwardProperty());
        TextField wfSpec = field("optimizationWalkForwardSpec", vm.walkForwardSpecProperty());
        wfSpec.setPromptText("250:60 bars or 365d:90d");
        wfSpec.disableProperty().bind(vm.walkForwardProperty().not());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        String[] labels = {
            "From backtest",
            "Strategy",
            "Data",
            "CSV file",
            "Symbol",
            "Format",
            "Lot size",
            "Capital (USD)",
            "Seed",
            "Objective (maximised)",
            "Method",
            "Random samples",
            "",
            "In:out of sample"
        };
        Node[] nodes = {
            from,
            strategy,
            source,
            path,
            field("optimizationSymbol", vm.symbolProperty()),
            format,
            lot,
            field("optimizationCapital", vm.capitalProperty()),
            field("optimizationSeed", vm.seedProperty()),
            objective,
            method,
            samples,
            wf,
            wfSpec
        };
        for (int i = 0; i < labels.length; i++) {
            grid.addRow(i, new Label(labels[i]), nodes[i]);
        }

        QuantCharts.labelColumn(grid);
        TableView<OptimizationViewModel.RangeRow> ranges = new TableView<>(vm.ranges());
        ranges.setId("optimizationRanges");
        ranges.setEditable(true);
        ranges.setPrefHeight(150);
        ranges.getColumns()
                .setAll(List.of(
                        Columns.text("Parameter", OptimizationViewModel.RangeRow::name, s -> s),
                        editable("From", OptimizationViewModel.RangeRow::fromProperty),
                        editable("To", OptimizationViewModel.RangeRow::toProperty),
                        editable("Step", OptimizationViewModel.RangeRow::stepProperty),
                        Columns.text("Declared", OptimizationViewModel.RangeRow::declared, s -> s)));
        ranges.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // "Parameter", "From", "Step" in full; the declared range, last, takes what is left
        Columns.headersWhole(ranges, 56);
        ranges.setPlaceholder(new Label("The strategy declares no parameters."));
        TableExport.install(ranges, "parameter-ranges");

        Button run = new Button("_Run search");
        run.setId("optimizationRun");
        run.setMnemonicParsing(true);
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("_Cancel");
        cancel.setId("optimizationCancel");
        cancel.setMnemonicParsing(true);
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("optimizationProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("optimizationStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label rangesTitle = new Label("Parameter ranges (from = to holds a parameter fixed; double-click to edit)");
        rangesTitle.setWrapText(true);
        VBox box = new VBox(8, grid, rangesTitle, ranges, new HBox(8, run, cancel), bar, status);
        box.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static TableColumn<OptimizationViewModel.RangeRow, String> editable(
            String title, Function<OptimizationViewModel.RangeRow, javafx.beans.property.StringProperty> property) {
        TableColumn<OptimizationViewModel.RangeRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> property.apply(cd.getValue()));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> property.apply(e.getRowValue()).set(e.getNewValue()));
        c.setEditable(true);
        return c;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private static final class SavedCell extends ListCell<BacktestStore.Summary> {
        @Override
        protected void updateItem(BacktestStore.Summary s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : "#" + s.id() + " " + s.strategy() + " on " + s.instruments());
        }
    }

    private TabPane results() {
        trials.setId("optimizationResults");
        trials.setItems(vm.trials());
        trials.setPlaceholder(new Label("Run a search to see every trial."));
        TableExport.install(trials, "optimization-trials");

        heatmap.setId("optimizationHeatmap");
        heatmap.setHgap(2);
        heatmap.setVgap(2);
        heatmapNote.getStyleClass().add("analytics-note");
        heatmapNote.setWrapText(true);
        VBox heat = new VBox(8, heatmapNote, new ScrollPane(heatmap));
        heat.setPadding(new Insets(10));

        XYChart wfChart = QuantCharts.dated("out-of-sample equity", "USD", wfRenderer);
        wfChart.setId("walkForwardChart");
        wfSummary.setId("walkForwardEfficiency");
        wfSummary.setWrapText(true);
        wfWindows.setId("walkForwardWindows");
        wfWindows
                .getColumns()
                .setAll(List.of(
                        Columns.number("Window", w -> w.window().index() + 1, String::valueOf),
                        Columns.text(
                                "In sample",
                                w -> w.window().inSampleFrom() + " \u2026 "
                                        + w.window().inSampleTo(),
                                s -> s),
                        Columns.text(
                                "Best parameters",
                                w -> w.best() == null
                                        ? "\u2013"
                                        : w.best().parameters().toString(),
                                s -> s),
                        Columns.styled(
                                "IS return",
                                w -> w.inSampleReturn(),
                                MetricText::signedPercent,
                                OptimizationView::sign),
                        Columns.styled(
                                "OOS return",
                                w -> w.outOfSampleReturn(),
                                MetricText::signedPercent,
                                OptimizationView::sign),
                        Columns.number("Efficiency", w -> w.efficiency(), MetricText::ratio),
                        Columns.number("OOS trades", w -> w.outOfSampleTrades(), String::valueOf)));
        wfWindows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        wfWindows.setPrefHeight(180);
        TableExport.install(wfWindows, "walk-forward-windows");
        VBox wf = new VBox(6, wfSummary, wfChart, wfWindows);
        VBox.setVgrow(wfChart, Priority.ALWAYS);
        wf.setPadding(new Insets(8));

        checklist.setId("goLiveChecklist");
        checklist.getChildren().setAll(new Label("Run a search: the best parameters are checked here."));
        vm.goLiveChecklistProperty().addListener((o, a, b) -> showChecklist(b));
        VBox goLive = new VBox(16, checklist, new Separator(), new GoLiveCriteriaEditor(vm.goLiveCriteria()));
        goLive.setPadding(new Insets(12));

        TabPane tabs = new TabPane(
                tab("Results", "optimizationResultsTab", trials),
                tab("Heatmap", "optimizationHeatmapTab", heat),
                tab("Walk-forward", "walkForwardTab", wf),
                tab("Go-live checklist", "goLiveTab", new ScrollPane(goLive)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static Tab tab(String name, String id, Node content) {
        Tab t = new Tab(name, content);
        t.setId(id);
        return t;
    }

    private static String sign(Double v) {
        return v == null || !Double.isFinite(v) || v == 0 ? "pnl-zero" : v > 0 ? "pnl-positive" : "pnl-negative";
    }

    private void show(OptimizationViewModel.Outcome o) {
        showTrials(o);
        showHeatmap(o.heatmap(), o.result().config().objective().name());
        showWalkForward(o.walkForward());
    }

    private void showTrials(OptimizationViewModel.Outcome o) {
        List<TableColumn<Trial, ?>> columns = new ArrayList<>();
        columns.add(Columns.number("#", t -> t.index() + 1, String::valueOf));
        for (ParameterRange r : o.result().config().ranges()) {
            String name = r.name();
            columns.add(Columns.number(name, t -> t.parameters().get(name), v -> v.stripTrailingZeros()
                    .toPlainString()));
        }
        columns.add(Columns.styled(
                "Objective (" + o.result().config().objective().name() + ")",
                Trial::objective,
                v -> String.format(Locale.US, "%.4f", v),
                OptimizationView::sign));
        columns.add(Columns.styled(
                "Net profit", t -> t.metric("net_profit"), MetricText::signedMoney, OptimizationView::sign));
        columns.add(Columns.styled(
                "Total return", t -> t.metric("total_return"), MetricText::signedPercent, OptimizationView::sign));
        columns.add(Columns.styled("Sharpe", t -> t.metric("sharpe"), MetricText::ratio, OptimizationView::sign));
        columns.add(Columns.styled(
                "Max DD", t -> t.metric("max_drawdown"), MetricText::signedPercent, OptimizationView::sign));
        columns.add(Columns.number(
                "Trades",
                t -> t.metric("trades"),
                v -> Double.isFinite(v) ? String.valueOf(v.intValue()) : MetricText.NONE));
        columns.add(Columns.number("Win rate", t -> t.metric("win_rate"), MetricText::percent));
        columns.add(Columns.number("Profit factor", t -> t.metric("profit_factor"), MetricText::ratio));
        columns.add(Columns.longText("Error", Trial::error, s -> s));
        trials.getColumns().setAll(columns);
        // best first: sort by the objective, descending
        TableColumn<Trial, ?> objective =
                columns.get(1 + o.result().config().ranges().size());
        objective.setSortType(TableColumn.SortType.DESCENDING);
        trials.getSortOrder().setAll(List.of(objective));
        trials.sort();
    }

    /** Sorts an undefined (NaN) figure below every number, so a descending sort puts it last. */
    @SuppressWarnings("unchecked")
    private static void undefinedLowest(TableColumn<Trial, ?> column) {
        ((TableColumn<Trial, Object>) column).setComparator((a, b) -> {
            if (a instanceof Double x && b instanceof Double y) {
                return Double.compare(
                        Double.isNaN(x) ? Double.NEGATIVE_INFINITY : x, Double.isNaN(y) ? Double.NEGATIVE_INFINITY : y);
            }
            if (a instanceof Comparable<?> && b != null && a.getClass() == b.getClass()) {
                return ((Comparable<Object>) a).compareTo(b);
            }
            return a == null
                    ? (b == null ? 0 : -1)
                    : b == null ? 1 : a.toString().compareTo(b.toString());
        });
    }

    private void showHeatmap(Heatmap h, String objectiveName) {
        heatmap.getChildren().clear();
        if (h == null) {
            heatmapNote.setText("Search exactly two parameters to see the heatmap.");
            return;
        }
        heatmapNote.setText(objectiveName + " by " + h.xName() + " (columns) and " + h.yName()
                + " (rows); green is better, red worse; blank cells were not run.");
        double maxAbs = 0;
        for (double[] row : h.values()) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
            }
        }
        heatmap.add(header(h.yName() + " \\ " + h.xName()), 0, 0);
        for (int i = 0; i < h.x().size(); i++) {
            heatmap.add(header(plain(h.x().get(i))), i + 1, 0);
        }
        for (int j = 0; j < h.y().size(); j++) {
            heatmap.add(header(plain(h.y().get(j))), 0, j + 1);
            for (int i = 0; i < h.x().size(); i++) {
                double v = h.value(i, j);
                Label cell = new Label(Double.isFinite(v) ? String.format(Locale.US, "%.2f", v) : "");
                cell.setId("opt-heat-" + i + "-" + j);
                cell.getStyleClass().addAll("heat-cell", heatClass(v, maxAbs));
                heatmap.add(cell, i + 1, j + 1);
            }
        }
    }

    static String heatClass(double v, double maxAbs) {
        if (!Double.isFinite(v)) {
            return "heat-empty";
        }
        if (maxAbs == 0 || v == 0) {
            return "heat-zero";
        }
        int level = Math.max(1, Math.min(4, (int) Math.ceil(4 * Math.abs(v) / maxAbs)));
        return (v > 0 ? "heat-pos-" : "heat-neg-") + level;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heat-header");
        return l;
    }

    private void showWalkForward(WalkForwardResult wf) {
        if (wf == null) {
            wfRenderer.getDatasets().clear();
            wfWindows.getItems().clear();
            wfSummary.setText("Tick walk-forward before running to test out of sample.");
            return;
        }
        var eq = wf.oosEquity();
        double[] x = new double[eq.size()];
        double[] y = new double[eq.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = eq.get(i).time().getEpochSecond();
            y[i] = eq.get(i).equity();
        }
        wfRenderer.getDatasets().setAll(QuantCharts.line("stitched out-of-sample equity", x, y, QuantCharts.BLUE, 1.6));
        wfWindows.getItems().setAll(wf.windows());
        wfSummary.setText(String.format(
                Locale.US,
                "%d windows (%s). In-sample annual return %s, out-of-sample %s: walk-forward efficiency %s"
                        + " (above 0.5 is usually read as robust).",
                wf.windows().size(),
                wf.spec(),
                MetricText.signedPercent(wf.inSampleAnnualReturn()),
                MetricText.signedPercent(wf.outOfSampleAnnualReturn()),
                MetricText.ratio(wf.efficiency())));
    }

    private void showChecklist(GoLiveChecklist list) {
        List<Node> rows = new ArrayList<>();
        Label verdict = new Label();
        verdict.setId("goLiveVerdict");
        verdict.textProperty().bind(vm.verdictProperty());
        verdict.setWrapText(true);
        rows.add(verdict);
        if (list != null) {
            rows.add(new GoLiveChecklistGrid(list, "Best run", "goLive"));
        }
        checklist.getChildren().setAll(rows);
    }

    @Override
    public Parent node() {
        return this;
    }

    @Override
    public void dispose() {
        vm.close();
    }
}
