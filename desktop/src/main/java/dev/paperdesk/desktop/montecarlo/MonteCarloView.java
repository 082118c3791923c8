package dev.paperdesk.desktop.montecarlo;

import dev.paperdesk.desktop.analytics.MetricText;
import dev.paperdesk.desktop.analytics.QuantCharts;
import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.engine.montecarlo.Distribution;
import dev.paperdesk.engine.montecarlo.EquityBands;
import dev.paperdesk.engine.montecarlo.Histogram;
import dev.paperdesk.engine.store.BacktestStore;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Monte Carlo view: the form on the left (backtest, method, paths, seed, ruin floor, block length,
 * slippage) with Run, Cancel and progress; on the right the percentile fan over the original path,
 * the histograms of final equity and maximum drawdown with their 5th, 50th and 95th percentiles, and
 * the statistics tables.
 */
public final class MonteCarloView extends SplitPane implements dev.paperdesk.desktop.analytics.QuantWindowContent {
    private static final String CSS = MonteCarloView.class
            .getResource("/dev/paperdesk/desktop/analytics/analytics.css")
            .toExternalForm();

    private final MonteCarloViewModel vm;
    private final ErrorDataSetRenderer fanRenderer = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer finalRenderer = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer drawdownRenderer = new ErrorDataSetRenderer();
    private final XYChart fan;
    private final XYChart finalHistogram;
    private final XYChart drawdownHistogram;

    public MonteCarloView(MonteCarloViewModel vm) {
        this.vm = vm;
        setId("monteCarloView");
        getStylesheets().add(CSS);
        fan = QuantCharts.numeric("step", "trade", "equity", "USD", fanRenderer);
        fan.setId("mcFanChart");
        ((io.fair_acc.chartfx.axes.spi.DefaultNumericAxis) fan.getXAxis()).setTickLabelFormatter(QuantCharts.WHOLE);
        finalHistogram = QuantCharts.numeric("final equity", "USD", "paths", null, finalRenderer);
        finalHistogram.setId("mcFinalEquityHistogram");
        drawdownHistogram = QuantCharts.numeric("max drawdown", "%", "paths", null, drawdownRenderer);
        drawdownHistogram.setId("mcDrawdownHistogram");
        // path counts are whole numbers: "4", not "4.00"
        for (XYChart histogram : List.of(finalHistogram, drawdownHistogram)) {
            ((io.fair_acc.chartfx.axes.spi.DefaultNumericAxis) histogram.getYAxis())
                    .setTickLabelFormatter(QuantCharts.WHOLE);
        }
        finalRenderer.setPolyLineStyle(LineStyle.HISTOGRAM_FILLED);
        drawdownRenderer.setPolyLineStyle(LineStyle.HISTOGRAM_FILLED);
        // a histogram's bars stand on zero: an axis starting at 9,500 paths would make one bin of
        // 10,000 look like a sliver above nothing
        ((io.fair_acc.chartfx.axes.spi.DefaultNumericAxis) finalHistogram.getYAxis()).setForceZeroInRange(true);
        ((io.fair_acc.chartfx.axes.spi.DefaultNumericAxis) drawdownHistogram.getYAxis()).setForceZeroInRange(true);
        getItems().setAll(form(), results());
        setDividerPositions(0.3);
        vm.outcomeProperty().addListener((o, a, b) -> {
            if (b != null) {
                show(b);
            }
        });
    }

    private VBox form() {
        ComboBox<BacktestStore.Summary> backtest = new ComboBox<>(vm.backtests());
        backtest.setId("mcBacktest");
        backtest.setPromptText("Saved backtest");
        backtest.setMaxWidth(Double.MAX_VALUE);
        backtest.setCellFactory(l -> new SummaryCell());
        backtest.setButtonCell(new SummaryCell());
        backtest.valueProperty().bindBidirectional(vm.backtestProperty());
        ComboBox<MonteCarloViewModel.Method> method = new ComboBox<>();
        method.getItems().setAll(MonteCarloViewModel.Method.values());
        method.setId("mcMethod");
        method.setMaxWidth(Double.MAX_VALUE);
        method.valueProperty().bindBidirectional(vm.methodProperty());
        TextField block = field("mcBlockLength", vm.blockLengthProperty());
        block.disableProperty().bind(vm.methodProperty().isNotEqualTo(MonteCarloViewModel.Method.BLOCK));
        var notPerturb = vm.methodProperty().isNotEqualTo(MonteCarloViewModel.Method.PERTURB);
        TextField jitter = field("mcJitter", vm.jitterProperty());
        jitter.disableProperty().bind(notPerturb);
        jitter.setTooltip(new javafx.scene.control.Tooltip("perturb: each parameter is multiplied by 1 + u, u"
                + " uniform in [-J, J], then rounded for int parameters and kept within the declared bounds"));
        TextField data = field("mcDataPath", vm.dataPathProperty());
        data.setPromptText("the workspace's bars, or bars.csv");
        data.disableProperty().bind(notPerturb);
        data.setTooltip(new javafx.scene.control.Tooltip("perturb: the bars the backtest is re-run on. Empty:"
                + " the workspace's stored series of its instrument and timeframe; else the CSV file it ran on."));
        ComboBox<dev.paperdesk.engine.market.history.BarFormat> format = new ComboBox<>();
        format.getItems().setAll(dev.paperdesk.engine.market.history.BarFormat.values());
        format.setId("mcDataFormat");
        format.setMaxWidth(Double.MAX_VALUE);
        format.valueProperty().bindBidirectional(vm.dataFormatProperty());
        format.disableProperty().bind(notPerturb.or(vm.dataPathProperty().isEmpty()));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        String[] labels = {
            "Backtest", "Method", "Paths", "Seed", "Ruin floor (%)", "Block (days)", "Jitter (\u00b1)", "Bars", "Format"
        };
        Node[] nodes = {
            backtest,
            method,
            field("mcPaths", vm.pathsProperty()),
            field("mcSeed", vm.seedProperty()),
            field("mcRuinFloor", vm.ruinFloorProperty()),
            block,
            jitter,
            data,
            format
        };
        for (int i = 0; i < labels.length; i++) {
            grid.addRow(i, new Label(labels[i]), nodes[i]);
        }
        GridPane.setHgrow(backtest, Priority.ALWAYS);
        QuantCharts.labelColumn(grid);

        Button run = new Button("_Run simulation");
        run.setId("mcRun");
        run.setMnemonicParsing(true);
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("_Cancel");
        cancel.setId("mcCancel");
        cancel.setMnemonicParsing(true);
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button refresh = new Button("Re_fresh list");
        refresh.setMnemonicParsing(true);
        refresh.setOnAction(e -> vm.refresh());
        ProgressBar bar = new ProgressBar();
        bar.setId("mcProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("mcStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label help = new Label("Shuffle reorders the trades (same final equity, different path); the "
                + "bootstrap draws trades with replacement; the block bootstrap resamples runs of daily "
                + "returns; perturb re-runs the backtest for each path with every "
                + "parameter jittered by up to \u00b1 J and the execution models reseeded (it needs the bars: the "
                + "workspace's series or the CSV file). "
                + "Trade methods resample closed trades only: a position still open when the backtest "
                + "ended is not part of the original path.");
        help.setWrapText(true);
        help.getStyleClass().add("analytics-note");
        VBox box = new VBox(8, grid, new HBox(8, run, cancel, refresh), bar, status, help);
        box.setPadding(new Insets(10));
        return box;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private static final class SummaryCell extends ListCell<BacktestStore.Summary> {
        @Override
        protected void updateItem(BacktestStore.Summary s, boolean empty) {
            super.updateItem(s, empty);
            setText(
                    empty || s == null
                            ? null
                            : "#" + s.id() + " " + s.strategy() + " on " + s.instruments() + " ("
                                    + (s.totalReturn() == null
                                            ? MetricText.NONE
                                            : MetricText.signedPercent(s.totalReturn()))
                                    + ", " + s.trades() + " trades)");
        }
    }

    private TabPane results() {
        SplitPane histograms = new SplitPane(finalHistogram, drawdownHistogram);
        SplitPane charts = new SplitPane(fan, histograms);
        charts.setOrientation(Orientation.VERTICAL);
        charts.setDividerPositions(0.58);

        TableView<MonteCarloViewModel.StatRow> stats = new TableView<>(vm.stats());
        stats.setId("mcStatsTable");
        stats.getColumns()
                .setAll(List.of(
                        Columns.text("Metric", MonteCarloViewModel.StatRow::metric, s -> s),
                        Columns.number("5%", MonteCarloViewModel.StatRow::p5, s -> s),
                        Columns.number("25%", MonteCarloViewModel.StatRow::p25, s -> s),
                        Columns.number("Median", MonteCarloViewModel.StatRow::p50, s -> s),
                        Columns.number("75%", MonteCarloViewModel.StatRow::p75, s -> s),
                        Columns.number("95%", MonteCarloViewModel.StatRow::p95, s -> s),
                        Columns.number("Mean", MonteCarloViewModel.StatRow::mean, s -> s),
                        Columns.number("90% interval", MonteCarloViewModel.StatRow::interval, s -> s),
                        Columns.number("Original", MonteCarloViewModel.StatRow::original, s -> s)));
        stats.getColumns().get(0).setPrefWidth(150);
        stats.getColumns().get(7).setPrefWidth(190);
        stats.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        stats.setPlaceholder(new Label("Run a simulation to see the percentiles."));
        TableExport.install(stats, "monte-carlo-percentiles");
        TableView<MonteCarloViewModel.SummaryRow> summary = new TableView<>(vm.summary());
        summary.setId("mcSummaryTable");
        summary.getColumns()
                .setAll(List.of(
                        Columns.text("Figure", MonteCarloViewModel.SummaryRow::name, s -> s),
                        Columns.number("Value", MonteCarloViewModel.SummaryRow::value, s -> s)));
        summary.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        summary.setPlaceholder(new Label("No run yet."));
        TableExport.install(summary, "monte-carlo-summary");
        VBox tables = new VBox(8, stats, summary);
        tables.setPadding(new Insets(8));
        VBox.setVgrow(stats, Priority.ALWAYS);
        VBox.setVgrow(summary, Priority.ALWAYS);

        Tab chartsTab = new Tab("Fan and distributions", charts);
        chartsTab.setId("mcChartsTab");
        Tab statsTab = new Tab("Statistics", tables);
        statsTab.setId("mcStatsTab");
        TabPane tabs = new TabPane(chartsTab, statsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private void show(MonteCarloViewModel.Outcome o) {
        EquityBands b = o.result().bands();
        int[] steps = b.steps();
        double[] x = new double[steps.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = steps[i];
        }
        double[] ox = new double[o.original().length];
        for (int i = 0; i < ox.length; i++) {
            ox[i] = i;
        }
        fan.getXAxis().setUnit(o.step());
        fanRenderer
                .getDatasets()
                .setAll(
                        QuantCharts.line("5th percentile", x, b.p5(), "#f85149", 1.0),
                        QuantCharts.line("25th percentile", x, b.p25(), "#6cb6ff", 1.0),
                        QuantCharts.line("median", x, b.p50(), QuantCharts.BLUE, 2.0),
                        QuantCharts.line("75th percentile", x, b.p75(), "#6cb6ff", 1.0),
                        QuantCharts.line("95th percentile", x, b.p95(), QuantCharts.GREEN, 1.0),
                        QuantCharts.line("original backtest", ox, o.original(), QuantCharts.ORANGE, 2.0));
        histogram(finalHistogram, finalRenderer, o.result().finalEquity(), v -> v, "final equity", QuantCharts.BLUE);
        histogram(
                drawdownHistogram,
                drawdownRenderer,
                o.result().maxDrawdown(),
                v -> v * 100,
                "max drawdown",
                QuantCharts.RED);
    }

    private static void histogram(
            XYChart chart,
            ErrorDataSetRenderer renderer,
            Distribution d,
            DoubleUnaryOperator unit,
            String name,
            String color) {
        Histogram h = d.histogram();
        double[] edges = h.edges();
        long[] counts = h.counts();
        double[] x = new double[counts.length];
        double[] y = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            x[i] = unit.applyAsDouble((edges[i] + edges[i + 1]) / 2);
            y[i] = counts[i];
        }
        renderer.getDatasets().setAll(QuantCharts.line(name + " (paths per bin)", x, y, color, 1.0));
        // Every path at one value (a shuffle keeps the final equity): a range around it instead of an
        // axis squeezed onto a single point with its labels cut off.
        if (chart.getXAxis() instanceof io.fair_acc.chartfx.axes.spi.DefaultNumericAxis axis) {
            if (counts.length == 1) {
                double pad = Math.max(Math.abs(x[0]) * 0.05, 1.0);
                axis.setAutoRanging(false);
                axis.set(x[0] - pad, x[0] + pad);
            } else {
                axis.setAutoRanging(true);
            }
        }
        chart.getPlugins().removeIf(p -> p instanceof XValueIndicator);
        double[] marks = {d.p5(), d.p50(), d.p95()};
        String[] names = {"5%", "median", "95%"};
        for (int i = 0; i < marks.length; i++) {
            if (Double.isFinite(marks[i])) {
                XValueIndicator mark = new XValueIndicator(chart.getXAxis(), unit.applyAsDouble(marks[i]), names[i]);
                // staggered heights: the median and a percentile can be a few pixels apart on a skewed histogram
                mark.setLabelPosition(0.95 - 0.1 * i);
                chart.getPlugins().add(mark);
            }
        }
    }

    @Override
    public javafx.scene.Parent node() {
        return this;
    }

    @Override
    public void dispose() {
        vm.close();
    }
}
