package dev.paperdesk.desktop.analytics;

import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.desktop.golive.GoLiveChecklistGrid;
import dev.paperdesk.desktop.golive.GoLiveCriteriaEditor;
import dev.paperdesk.engine.analytics.DatedValue;
import dev.paperdesk.engine.analytics.DrawdownPeriod;
import dev.paperdesk.engine.analytics.MonthlyReturnsTable;
import dev.paperdesk.engine.optimize.GoLiveChecklist;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The analytics view: a source chooser, metric tiles, and tabs with equity against the benchmark over
 * the underwater curve, the monthly returns heatmap, the rolling Sharpe ratio, P&amp;L attribution,
 * the deepest drawdowns, every metric in an exportable table and, for a portfolio, the go-live
 * checklist of its paper-trading period with the editable criteria.
 */
public final class AnalyticsView extends BorderPane implements QuantWindowContent {
    private static final String CSS = AnalyticsView.class
            .getResource("/dev/paperdesk/desktop/analytics/analytics.css")
            .toExternalForm();

    private final AnalyticsViewModel vm;
    private final FlowPane tiles = new FlowPane(8, 8);
    private final ErrorDataSetRenderer equityRenderer = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer underwaterRenderer = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer rollingRenderer = new ErrorDataSetRenderer();
    private final GridPane heatmap = new GridPane();
    private final GridPane attributionBars = new GridPane();
    private final Label rollingNote = new Label();
    private final VBox goLiveChecklist = new VBox(8);

    public AnalyticsView(AnalyticsViewModel vm) {
        this.vm = vm;
        setId("analyticsView");
        getStylesheets().add(CSS);
        getStyleClass().add("analytics-view");
        setTop(header());
        Label empty = new Label();
        empty.setId("analyticsEmpty");
        empty.getStyleClass().add("analytics-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(vm.emptyMessageProperty());
        empty.visibleProperty().bind(vm.emptyMessageProperty().isNotEmpty());
        empty.managedProperty().bind(empty.visibleProperty());
        tiles.setId("analyticsTiles");
        tiles.setPadding(new Insets(0, 10, 0, 10));
        VBox center = new VBox(8, empty, tiles, tabs());
        center.setPadding(new Insets(0, 0, 10, 0));
        VBox.setVgrow(center.getChildren().get(2), Priority.ALWAYS);
        setCenter(center);
        vm.tiles().addListener((ListChangeListener<AnalyticsViewModel.Tile>) c -> showTiles());
        vm.dataProperty().addListener((o, a, b) -> show(b));
        showTiles();
        show(vm.dataProperty().get());
    }

    private HBox header() {
        ComboBox<AnalyticsSource> source = new ComboBox<>(vm.sources());
        source.setId("analyticsSource");
        source.setPromptText("Portfolio or saved backtest");
        source.setPrefWidth(460);
        source.setCellFactory(l -> new SourceCell());
        source.setButtonCell(new SourceCell());
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        Button refresh = new Button("_Refresh");
        refresh.setId("analyticsRefresh");
        refresh.setMnemonicParsing(true);
        refresh.setOnAction(e -> {
            vm.refreshSources();
            vm.load();
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty());
        Label status = new Label();
        status.setId("analyticsStatus");
        status.textProperty().bind(vm.statusProperty());
        Label title = new Label("Analyse");
        HBox box = new HBox(8, title, source, refresh, busy, status);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(10));
        return box;
    }

    private static final class SourceCell extends ListCell<AnalyticsSource> {
        @Override
        protected void updateItem(AnalyticsSource item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
        }
    }

    private TabPane tabs() {
        XYChart equity = QuantCharts.dated("equity", "USD", equityRenderer);
        equity.setId("analyticsEquityChart");
        XYChart underwater = QuantCharts.dated("drawdown", "%", underwaterRenderer);
        underwater.setId("analyticsUnderwaterChart");
        underwaterRenderer.setPolyLineStyle(LineStyle.AREA);
        SplitPane equityPane = new SplitPane(equity, underwater);
        equityPane.setOrientation(Orientation.VERTICAL);
        equityPane.setDividerPositions(0.65);

        heatmap.setId("monthlyHeatmap");
        heatmap.getStyleClass().add("heatmap");
        heatmap.setHgap(2);
        heatmap.setVgap(2);
        TableView<MonthlyReturnsTable.YearRow> monthlyTable = monthlyTable();
        VBox monthly = new VBox(10, new ScrollPane(heatmap), monthlyTable);
        monthly.setPadding(new Insets(10));
        VBox.setVgrow(monthlyTable, Priority.ALWAYS);

        XYChart rolling =
                QuantCharts.dated("Sharpe, " + AnalyticsData.ROLLING_WINDOW + " trading days", null, rollingRenderer);
        rolling.setId("rollingSharpeChart");
        rollingNote.setId("rollingSharpeNote");
        rollingNote.getStyleClass().add("analytics-note");
        VBox rollingPane = new VBox(4, rollingNote, rolling);
        VBox.setVgrow(rolling, Priority.ALWAYS);
        rollingPane.setPadding(new Insets(6));

        attributionBars.setId("attributionBars");
        attributionBars.setHgap(8);
        attributionBars.setVgap(4);
        TableView<AnalyticsViewModel.AttributionRow> attributionTable = attributionTable();
        VBox attribution = new VBox(10, new ScrollPane(attributionBars), attributionTable);
        attribution.setPadding(new Insets(10));
        VBox.setVgrow(attributionTable, Priority.ALWAYS);

        TabPane tabs = new TabPane(
                tab("Equity and drawdown", "analyticsEquityTab", equityPane),
                tab("Monthly returns", "analyticsMonthlyTab", monthly),
                tab("Rolling Sharpe", "analyticsRollingTab", rollingPane),
                tab("Attribution", "analyticsAttributionTab", attribution),
                tab("Drawdowns", "analyticsDrawdownsTab", drawdownTable()),
                tab("All metrics", "analyticsMetricsTab", metricsTable()),
                tab("Go-live checklist", "analyticsGoLiveTab", goLivePane()));
        tabs.setId("analyticsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private Node goLivePane() {
        Label none = new Label("The go-live checklist covers a portfolio's paper-trading period: choose a portfolio.");
        none.setId("portfolioGoLiveNone");
        none.setWrapText(true);
        none.visibleProperty().bind(vm.goLiveChecklistProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());
        goLiveChecklist.setId("portfolioGoLiveChecklist");
        goLiveChecklist.visibleProperty().bind(vm.goLiveChecklistProperty().isNotNull());
        goLiveChecklist.managedProperty().bind(goLiveChecklist.visibleProperty());
        vm.goLiveChecklistProperty().addListener((o, a, b) -> showGoLive(b));
        showGoLive(vm.goLiveChecklistProperty().get());
        VBox box = new VBox(16, none, goLiveChecklist, new Separator(), new GoLiveCriteriaEditor(vm.goLiveCriteria()));
        box.setPadding(new Insets(12));
        return new ScrollPane(box);
    }

    private void showGoLive(GoLiveChecklist list) {
        if (list == null) {
            goLiveChecklist.getChildren().clear();
            return;
        }
        Label verdict = new Label();
        verdict.setId("portfolioGoLiveVerdict");
        verdict.textProperty().bind(vm.goLiveVerdictProperty());
        verdict.setWrapText(true);
        Label note = new Label("Figures from the portfolio's time-weighted daily returns (deposits and top-ups"
                + " are not performance); errors are orders the engine rejected.");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        goLiveChecklist
                .getChildren()
                .setAll(verdict, new GoLiveChecklistGrid(list, "Portfolio", "portfolioGoLive"), note);
    }

    private static Tab tab(String name, String id, Node content) {
        Tab t = new Tab(name, content);
        t.setId(id);
        return t;
    }

    private TableView<MonthlyReturnsTable.YearRow> monthlyTable() {
        TableView<MonthlyReturnsTable.YearRow> table = new TableView<>(vm.monthly());
        table.setId("monthlyReturnsTable");
        List<TableColumn<MonthlyReturnsTable.YearRow, ?>> columns = new ArrayList<>();
        columns.add(Columns.text("Year", MonthlyReturnsTable.YearRow::year, String::valueOf));
        for (int m = 1; m <= 12; m++) {
            int month = m;
            columns.add(Columns.styled(
                    monthName(month), r -> r.month(month), MetricText::signedPercent, AnalyticsView::signClass));
        }
        columns.add(Columns.styled(
                "Total", MonthlyReturnsTable.YearRow::total, MetricText::signedPercent, AnalyticsView::signClass));
        table.getColumns().setAll(columns);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableExport.install(table, "monthly-returns");
        return table;
    }

    private TableView<AnalyticsViewModel.AttributionRow> attributionTable() {
        TableView<AnalyticsViewModel.AttributionRow> table = new TableView<>(vm.attribution());
        table.setId("attributionTable");
        table.getColumns()
                .setAll(List.of(
                        Columns.text("Breakdown", AnalyticsViewModel.AttributionRow::breakdown, s -> s),
                        Columns.text("Bucket", r -> r.bucket().key(), s -> s),
                        Columns.number("Trades", r -> r.bucket().trades(), String::valueOf),
                        Columns.number("Win rate", r -> r.bucket().winRate(), MetricText::percent),
                        Columns.styled("P&L", r -> r.bucket().pnl(), MetricText::signedMoney, AnalyticsView::signClass),
                        Columns.number("Fees", r -> r.bucket().fees(), MetricText::money),
                        Columns.styled(
                                "Share",
                                r -> r.bucket().share(),
                                MetricText::signedPercent,
                                AnalyticsView::signClass)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableExport.install(table, "pnl-attribution");
        return table;
    }

    private TableView<DrawdownPeriod> drawdownTable() {
        TableView<DrawdownPeriod> table = new TableView<>(vm.drawdownPeriods());
        table.setId("drawdownTable");
        table.getColumns()
                .setAll(List.of(
                        Columns.styled(
                                "Depth", DrawdownPeriod::depth, MetricText::signedPercent, AnalyticsView::signClass),
                        Columns.text("Peak", DrawdownPeriod::peak, LocalDate::toString),
                        Columns.text("Valley", DrawdownPeriod::valley, LocalDate::toString),
                        Columns.text(
                                "Recovery",
                                p -> p.recoveryDate().map(LocalDate::toString).orElse("not recovered"),
                                s -> s),
                        Columns.number("Days to valley", DrawdownPeriod::daysToValley, String::valueOf),
                        Columns.number(
                                "Days to recover",
                                p -> p.daysToRecover().map(String::valueOf).orElse(MetricText.NONE),
                                s -> s)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No drawdown: equity never fell below a previous high."));
        TableExport.install(table, "drawdowns");
        return table;
    }

    private TableView<AnalyticsViewModel.MetricRow> metricsTable() {
        TableView<AnalyticsViewModel.MetricRow> table = new TableView<>(vm.metrics());
        table.setId("metricsTable");
        table.getColumns()
                .setAll(List.of(
                        Columns.text("Metric", AnalyticsViewModel.MetricRow::name, s -> s),
                        Columns.number("Value", AnalyticsViewModel.MetricRow::value, s -> s)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableExport.install(table, "metrics");
        return table;
    }

    static String monthName(int month) {
        return Month.of(month).getDisplayName(TextStyle.SHORT, Locale.US);
    }

    static String signClass(Double v) {
        if (v == null || !Double.isFinite(v) || Math.abs(v) < 5e-5) {
            return "pnl-zero";
        }
        return v > 0 ? "pnl-positive" : "pnl-negative";
    }

    private void showTiles() {
        List<Node> nodes = new ArrayList<>();
        for (AnalyticsViewModel.Tile t : vm.tiles()) {
            Label value = new Label(t.value());
            value.getStyleClass().add("tile-value");
            switch (t.tone()) {
                case POSITIVE -> value.getStyleClass().add("pnl-positive");
                case NEGATIVE -> value.getStyleClass().add("pnl-negative");
                case NEUTRAL -> {}
            }
            Label name = new Label(t.name());
            name.getStyleClass().add("tile-name");
            VBox box = new VBox(2, value, name);
            box.getStyleClass().add("metric-tile");
            box.setId("analyticsTile-" + t.key());
            nodes.add(box);
        }
        tiles.getChildren().setAll(nodes);
    }

    private void show(AnalyticsData d) {
        if (d == null) {
            equityRenderer.getDatasets().clear();
            underwaterRenderer.getDatasets().clear();
            rollingRenderer.getDatasets().clear();
            heatmap.getChildren().clear();
            attributionBars.getChildren().clear();
            rollingNote.setText("");
            return;
        }
        double[] t = QuantCharts.epochSeconds(d.dates());
        List<DoubleDataSet> eq = new ArrayList<>();
        eq.add(QuantCharts.line("equity", t, d.equity(), QuantCharts.BLUE, 1.6));
        if (d.benchmark() != null) {
            eq.add(QuantCharts.line("buy and hold " + d.benchmarkName(), t, d.benchmark(), QuantCharts.GREY, 1.2));
        }
        equityRenderer.getDatasets().setAll(eq);
        double[] rt = QuantCharts.epochSeconds(d.returns().dates());
        underwaterRenderer
                .getDatasets()
                .setAll(QuantCharts.line(
                        "drawdown (%)", rt, QuantCharts.scaled(d.underwater(), 100), QuantCharts.RED, 1.2));
        showRolling(d);
        showHeatmap(d.monthly());
        showAttribution(d);
    }

    private void showRolling(AnalyticsData d) {
        List<DatedValue> rolling = d.rollingSharpe();
        if (rolling.isEmpty()) {
            rollingRenderer.getDatasets().clear();
            rollingNote.setText("The rolling Sharpe ratio needs at least " + AnalyticsData.ROLLING_WINDOW
                    + " daily returns; this history has " + d.returns().size() + ".");
            return;
        }
        double[] x = new double[rolling.size()];
        double[] y = new double[rolling.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rolling.get(i).date().atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
            y[i] = rolling.get(i).value();
        }
        double[] zero = new double[] {0, 0};
        rollingRenderer
                .getDatasets()
                .setAll(
                        QuantCharts.line(
                                "rolling Sharpe (" + AnalyticsData.ROLLING_WINDOW + " d, annualised)",
                                x,
                                y,
                                QuantCharts.BLUE,
                                1.4),
                        QuantCharts.line("zero", new double[] {x[0], x[x.length - 1]}, zero, QuantCharts.GREY, 0.8));
        rollingNote.setText("Annualised Sharpe ratio of the trailing " + AnalyticsData.ROLLING_WINDOW
                + " daily returns (\u2248 3 months), no risk-free rate.");
    }

    private void showHeatmap(MonthlyReturnsTable table) {
        heatmap.getChildren().clear();
        heatmap.add(headerCell("Year"), 0, 0);
        for (int m = 1; m <= 12; m++) {
            heatmap.add(headerCell(monthName(m)), m, 0);
        }
        heatmap.add(headerCell("YTD"), 13, 0);
        int row = 1;
        for (MonthlyReturnsTable.YearRow y : table.years()) {
            heatmap.add(headerCell(Integer.toString(y.year())), 0, row);
            for (int m = 1; m <= 12; m++) {
                heatmap.add(heatCell(y.month(m), "heat-" + y.year() + "-" + m), m, row);
            }
            Label ytd = heatCell(y.total(), "heat-" + y.year() + "-ytd");
            ytd.getStyleClass().add("heat-total");
            heatmap.add(ytd, 13, row);
            row++;
        }
    }

    private static Label headerCell(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heat-header");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A cell coloured by sign, deeper with magnitude (under 1%, 3%, 6%, then beyond). */
    static Label heatCell(double value, String id) {
        Label l = new Label(Double.isNaN(value) ? "" : MetricText.signedPercent(value));
        l.setId(id);
        l.getStyleClass().addAll("heat-cell", heatClass(value));
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    static String heatClass(double value) {
        if (Double.isNaN(value)) {
            return "heat-empty";
        }
        double a = Math.abs(value);
        if (a < 5e-5) {
            return "heat-zero";
        }
        int level = a < 0.01 ? 1 : a < 0.03 ? 2 : a < 0.06 ? 3 : 4;
        return (value > 0 ? "heat-pos-" : "heat-neg-") + level;
    }

    private void showAttribution(AnalyticsData d) {
        attributionBars.getChildren().clear();
        var buckets = new ArrayList<>(d.attribution().byInstrument());
        if (buckets.isEmpty()) {
            Label none = new Label("No closed trades: nothing to attribute yet.");
            none.getStyleClass().add("analytics-note");
            attributionBars.add(none, 0, 0);
            return;
        }
        double max = buckets.stream().mapToDouble(b -> Math.abs(b.pnl())).max().orElse(1);
        int row = 0;
        attributionBars.add(headerCell("Closed-trade P&L by instrument (USD)"), 0, row++, 3, 1);
        for (var b : buckets) {
            Region bar = new Region();
            double width = max == 0 ? 0 : 320 * Math.abs(b.pnl()) / max;
            bar.setPrefSize(width, 14);
            bar.setMinWidth(width);
            bar.getStyleClass().addAll("attribution-bar", b.pnl() >= 0 ? "bar-positive" : "bar-negative");
            StackPane barBox = new StackPane(bar);
            barBox.setAlignment(Pos.CENTER_LEFT);
            barBox.setPrefWidth(330);
            Label value = new Label(MetricText.signedMoney(b.pnl()));
            value.getStyleClass().add(b.pnl() >= 0 ? "pnl-positive" : "pnl-negative");
            attributionBars.addRow(row++, new Label(b.key()), barBox, value);
        }
        attributionBars.add(headerCell("Closed-trade P&L by asset class (USD)"), 0, row++, 3, 1);
        for (var b : d.attribution().byAssetClass()) {
            Label value = new Label(MetricText.signedMoney(b.pnl()));
            value.getStyleClass().add(b.pnl() >= 0 ? "pnl-positive" : "pnl-negative");
            attributionBars.addRow(row++, new Label(b.key()), new Label(b.trades() + " trades"), value);
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
