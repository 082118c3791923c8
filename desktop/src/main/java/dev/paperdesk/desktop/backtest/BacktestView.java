package dev.paperdesk.desktop.backtest;

import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.engine.backtest.BacktestComparison;
import dev.paperdesk.engine.backtest.BacktestMetrics;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.backtest.BacktestTrade;
import dev.paperdesk.engine.backtest.EquityPoint;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.store.BacktestStore;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The backtest view: the form on the left, the result on the right (summary tiles, equity with the
 * buy-and-hold overlay, drawdown, trades, model assumptions).
 */
public final class BacktestView extends SplitPane {
    private final BacktestViewModel vm;
    private final ErrorDataSetRenderer equityRenderer = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer drawdownRenderer = new ErrorDataSetRenderer();
    private final FlowPane tiles = new FlowPane(8, 8);
    private final BacktestPriceChart prices;
    private java.util.function.BiConsumer<String, Long> openSaved = (what, id) -> {};

    public BacktestView(BacktestViewModel vm) {
        this.vm = vm;
        this.prices = new BacktestPriceChart(vm);
        setId("backtestView");
        getItems().setAll(form(), results());
        setDividerPositions(0.3);
        vm.resultProperty().addListener((o, a, b) -> {
            if (b != null) {
                show(b);
            }
        });
        vm.comparisonProperty().addListener((o, a, b) -> {
            if (b != null) {
                showComparison(b);
            }
        });
    }

    private VBox form() {
        ComboBox<String> strategy = new ComboBox<>(vm.strategies());
        strategy.setId("backtestStrategy");
        strategy.setEditable(true);
        strategy.valueProperty().bindBidirectional(vm.strategyProperty());
        strategy.setPromptText("builtin:NAME or a .yaml file");
        ComboBox<String> source = new ComboBox<>(vm.sources());
        source.setId("backtestSource");
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        TextField path = field("backtestCsvPath", vm.csvPathProperty());
        path.setPromptText("/path/to/bars.csv");
        TextField symbol = field("backtestSymbol", vm.symbolProperty());
        ComboBox<BarFormat> format = new ComboBox<>();
        format.getItems().setAll(BarFormat.values());
        format.setId("backtestFormat");
        format.valueProperty().bindBidirectional(vm.formatProperty());
        TextField lot = field("backtestLot", vm.lotProperty());
        lot.setTooltip(new Tooltip("The trading unit of the CSV file's instrument: sizes are rounded down to"
                + " multiples of it. 1 trades whole units (a stock); 0.001 a coin in thousandths."
                + " A workspace series trades in its instrument's own lot."));
        lot.disableProperty().bind(vm.sourceProperty().isNotEqualTo(BacktestViewModel.CSV_SOURCE));
        TextField params = field("backtestParameters", vm.parametersProperty());
        params.setPromptText("fast=20 slow=50");
        DatePicker from = datePicker("backtestFrom", vm.fromProperty());
        from.setTooltip(new Tooltip("First date traded (00:00 UTC). Earlier bars of the data only warm up"
                + " the indicators: no orders, not in the equity curve or the metrics."));
        DatePicker to = datePicker("backtestTo", vm.toProperty());
        to.setTooltip(new Tooltip("Last date traded, inclusive (UTC)."));
        Label rangeProblem = new Label();
        rangeProblem.setId("backtestRangeProblem");
        rangeProblem.setWrapText(true);
        rangeProblem.getStyleClass().add("ticket-validation");
        rangeProblem.textProperty().bind(vm.rangeProblemProperty());
        rangeProblem.visibleProperty().bind(rangeProblem.textProperty().isNotEmpty());
        rangeProblem.managedProperty().bind(rangeProblem.visibleProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        String[] labels = {
            "Strategy",
            "Data",
            "CSV file",
            "Symbol",
            "Format",
            "Lot size",
            "From (UTC)",
            "To (UTC)",
            "Parameters",
            "Capital (USD)",
            "Commission / order",
            "Slippage",
            "Seed"
        };
        javafx.scene.Node[] nodes = {
            strategy,
            source,
            path,
            symbol,
            format,
            lot,
            from,
            to,
            params,
            field("backtestCapital", vm.capitalProperty()),
            field("backtestCommission", vm.commissionProperty()),
            field("backtestSlippage", vm.slippageProperty()),
            field("backtestSeed", vm.seedProperty())
        };
        for (int i = 0; i < labels.length; i++) {
            grid.addRow(i, new Label(labels[i]), nodes[i]);
        }
        // the labels keep their full text however narrow the form is made; the fields give way
        javafx.scene.layout.ColumnConstraints labelColumn = new javafx.scene.layout.ColumnConstraints();
        labelColumn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fieldColumn = new javafx.scene.layout.ColumnConstraints();
        fieldColumn.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labelColumn, fieldColumn);

        Button run = new Button("Run backtest");
        run.setId("backtestRun");
        run.setDefaultButton(true);
        run.disableProperty()
                .bind(vm.runningProperty().or(rangeProblem.textProperty().isNotEmpty()));
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("Cancel");
        cancel.setId("backtestCancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("backtestProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label eta = new Label();
        eta.setId("backtestEta");
        eta.textProperty().bind(vm.etaProperty());
        Label status = new Label();
        status.setId("backtestStatus");
        status.setWrapText(true);
        // a refused strategy's reason names file:line:column and what is wrong: read whole, on as many lines as it
        // takes
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.statusProperty());

        ListView<String> assumptions = new ListView<>(vm.assumptions());
        assumptions.setId("backtestAssumptions");
        assumptions.setPrefHeight(160);
        Button analytics = new Button("_Analytics\u2026");
        analytics.setId("backtestOpenAnalytics");
        analytics.setMnemonicParsing(true);
        analytics.disableProperty().bind(vm.savedIdProperty().isNull().or(vm.runningProperty()));
        analytics.setOnAction(
                e -> openSaved.accept("analytics", vm.savedIdProperty().get()));
        Button monteCarlo = new Button("_Monte Carlo\u2026");
        monteCarlo.setId("backtestOpenMonteCarlo");
        monteCarlo.setMnemonicParsing(true);
        monteCarlo.disableProperty().bind(analytics.disableProperty());
        monteCarlo.setOnAction(
                e -> openSaved.accept("montecarlo", vm.savedIdProperty().get()));
        VBox box = new VBox(
                8,
                grid,
                rangeProblem,
                new HBox(8, run, cancel),
                bar,
                eta,
                status,
                new HBox(8, analytics, monteCarlo),
                new Label("Model assumptions"),
                assumptions);
        box.setPadding(new Insets(10));
        VBox.setVgrow(assumptions, Priority.ALWAYS);
        return box;
    }

    /**
     * What the Analytics… and Monte Carlo… buttons do with the saved run: {@code what} is {@code
     * analytics} or {@code montecarlo}, {@code id} the run's workspace id.
     */
    public void onOpenSaved(java.util.function.BiConsumer<String, Long> action) {
        openSaved = action;
    }

    /**
     * An ISO date field ({@code 2021-03-01}, as the CLI's --from/--to) whose calendar greys out the
     * days outside the chosen data.
     */
    private DatePicker datePicker(String id, javafx.beans.property.ObjectProperty<java.time.LocalDate> property) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText("YYYY-MM-DD");
        picker.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(java.time.LocalDate date) {
                return date == null ? "" : date.toString();
            }

            @Override
            public java.time.LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return java.time.LocalDate.parse(text.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    return picker.getValue(); // a mistyped date leaves the range as it was
                }
            }
        });
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.valueProperty().bindBidirectional(property);
        picker.setDayCellFactory(p -> new DateCell() {
            @Override
            public void updateItem(java.time.LocalDate day, boolean empty) {
                super.updateItem(day, empty);
                java.time.LocalDate first = vm.dataFirstProperty().get();
                java.time.LocalDate last = vm.dataLastProperty().get();
                setDisable(empty
                        || day == null
                        || (first != null && day.isBefore(first))
                        || (last != null && day.isAfter(last)));
            }
        });
        return picker;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private VBox results() {
        tiles.setId("backtestTiles");
        XYChart equity = chart("equity (USD)", equityRenderer);
        equity.setId("backtestEquityChart");
        XYChart drawdown = chart("drawdown", drawdownRenderer);
        drawdown.setId("backtestDrawdownChart");
        SplitPane charts = new SplitPane(equity, drawdown);
        charts.setOrientation(javafx.geometry.Orientation.VERTICAL);
        charts.setDividerPositions(0.7);
        // empty axes say nothing: until a run, the pane says what will appear in it
        Label noRun =
                new Label("Run a backtest: its equity curve, the buy-and-hold line and the drawdown appear here.");
        noRun.setId("backtestNoRun");
        noRun.getStyleClass().add("text-muted");
        noRun.setMouseTransparent(true);
        noRun.visibleProperty().bind(vm.resultProperty().isNull());
        javafx.scene.layout.StackPane chartPane = new javafx.scene.layout.StackPane(charts, noRun);

        TableView<BacktestTrade> trades = new TableView<>(vm.trades());
        trades.setId("backtestTrades");
        trades.getColumns()
                .setAll(List.of(
                        Columns.text("Instrument", BacktestTrade::instrument, s -> s),
                        Columns.text("Side", BacktestTrade::side, s -> s),
                        Columns.text("Entry (UTC)", BacktestTrade::entryTime, Formats::time),
                        Columns.text("Exit (UTC)", BacktestTrade::exitTime, Formats::time),
                        Columns.number("Quantity", BacktestTrade::quantity, Formats::quantity),
                        Columns.number("Entry price", BacktestTrade::entryPrice, BacktestView::price),
                        Columns.number("Exit price", BacktestTrade::exitPrice, BacktestView::price),
                        Columns.styled("P&L", BacktestTrade::pnl, Formats::signedMoney, Formats::pnlStyleClass),
                        Columns.number("Fees", BacktestTrade::fees, Formats::money),
                        Columns.number("Held", BacktestTrade::holding, Formats::duration),
                        Columns.number("MAE", BacktestTrade::mae, BacktestView::price),
                        Columns.number("MFE", BacktestTrade::mfe, BacktestView::price)));
        // wide enough for their headers and values (a full date and time, a six-figure P&L)
        double[] widths = {130, 60, 150, 150, 90, 115, 115, 110, 80, 80, 90, 90};
        for (int i = 0; i < widths.length; i++) {
            trades.getColumns().get(i).setPrefWidth(widths[i]);
        }
        trades.setPlaceholder(new Label("No trades yet: run a backtest, or the strategy did not trade."));
        TableExport.install(trades, "backtest-trades");
        TabPane tabs = new TabPane(
                new Tab("Equity and drawdown", chartPane),
                new Tab("Trades", trades),
                new Tab("Price", prices.node()),
                new Tab("Saved runs", runs()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().get(1).setId("backtestTradesTab");
        tabs.getTabs().get(2).setId("backtestPriceTab");
        tabs.getTabs().get(3).setId("backtestRunsTab");
        VBox box = new VBox(8, tiles, tabs);
        box.setPadding(new Insets(10));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return box;
    }

    /** The runs saved in the workspace; select two (Ctrl+click) and compare them. */
    private VBox runs() {
        TableView<BacktestStore.Summary> runs = new TableView<>(vm.runs());
        runs.setId("backtestRuns");
        runs.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runs.getColumns()
                .setAll(List.of(
                        Columns.number("Run", BacktestStore.Summary::id, Object::toString),
                        Columns.text("Saved (UTC)", BacktestStore.Summary::createdAt, Formats::time),
                        Columns.text("Strategy", BacktestStore.Summary::strategy, s -> s),
                        Columns.text("Instruments", BacktestStore.Summary::instruments, s -> s),
                        Columns.number("Total return", BacktestStore.Summary::totalReturn, BacktestView::pct),
                        Columns.number("Trades", BacktestStore.Summary::trades, Object::toString)));
        runs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Columns.headersWhole(runs, 60);
        double[] widths = {60, 170, 160, 200, 120, 80};
        for (int i = 0; i < widths.length; i++) {
            runs.getColumns().get(i).setPrefWidth(widths[i]);
        }
        runs.setPlaceholder(new Label("No saved runs: every backtest run here is saved in the workspace."));
        TableExport.install(runs, "backtest-runs");
        Button compare = new Button("_Compare\u2026");
        compare.setMnemonicParsing(true);
        compare.setId("backtestCompare");
        compare.disableProperty()
                .bind(javafx.beans.binding.Bindings.size(
                                runs.getSelectionModel().getSelectedItems())
                        .isNotEqualTo(2));
        compare.setOnAction(e -> {
            List<BacktestStore.Summary> two =
                    List.copyOf(runs.getSelectionModel().getSelectedItems());
            vm.compare(two.get(0), two.get(1));
        });
        Label hint = new Label("Select two runs (Ctrl+click) to compare them.");
        hint.getStyleClass().add("text-muted");
        VBox box = new VBox(8, runs, new HBox(8, compare, hint));
        box.setPadding(new Insets(6));
        VBox.setVgrow(runs, Priority.ALWAYS);
        return box;
    }

    private void showComparison(BacktestComparison c) {
        Stage stage = new Stage();
        stage.setTitle("Compare backtests " + c.labelA() + " / " + c.labelB() + " \u2014 Paperdesk");
        Scene scene = new Scene(new BacktestComparisonView(c), 1100, 820);
        if (getScene() != null) {
            scene.getStylesheets().setAll(getScene().getStylesheets());
            scene.getRoot()
                    .getStyleClass()
                    .addAll(getScene().getRoot().getStyleClass().stream()
                            .filter(s -> s.startsWith("theme-"))
                            .toList());
            stage.initOwner(getScene().getWindow());
        }
        stage.setScene(scene);
        dev.paperdesk.desktop.common.WindowFit.onScreen(stage);
        stage.show();
    }

    private static XYChart chart(String yName, ErrorDataSetRenderer renderer) {
        // one-line UTC labels as precise as the tick spacing (2004-11-28), like the price charts'
        DefaultNumericAxis x = new dev.paperdesk.desktop.chart.EdgeSafeTimeAxis("time", "UTC");
        x.setTimeAxis(true);
        x.setAutoRangeRounding(false);
        DefaultNumericAxis y = new DefaultNumericAxis(yName, null);
        y.setAutoRanging(true);
        y.setForceZeroInRange(false);
        dev.paperdesk.desktop.analytics.QuantCharts.plainTicks(y);
        XYChart chart = new XYChart(x, y);
        chart.getRenderers().clear();
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        chart.getRenderers().add(renderer);
        return chart;
    }

    private void show(BacktestResult r) {
        List<EquityPoint> points = r.equity();
        int n = points.size();
        double[] t = new double[n];
        double[] eq = new double[n];
        double[] bh = new double[n];
        double[] dd = new double[n];
        for (int i = 0; i < n; i++) {
            EquityPoint p = points.get(i);
            t[i] = p.time().getEpochSecond();
            eq[i] = p.equity().doubleValue();
            bh[i] = p.benchmark().doubleValue();
            dd[i] = p.drawdown() * 100;
        }
        // fresh data sets each time: a displayed ChartFX data set must not be written to
        equityRenderer
                .getDatasets()
                .setAll(
                        new DoubleDataSet("strategy", t, eq, n, true),
                        new DoubleDataSet("buy and hold " + r.benchmark().instrument(), t, bh, n, true));
        drawdownRenderer.getDatasets().setAll(new DoubleDataSet("drawdown %", t, dd, n, true));

        BacktestMetrics m = r.metrics();
        tiles.getChildren()
                .setAll(
                        signedPct("Total return", m.totalReturn()),
                        signedPct("CAGR", m.cagr()),
                        tile("Sharpe", ratio(m.sharpe())),
                        tile("Sortino", ratio(m.sortino())),
                        signedPct("Max drawdown", m.maxDrawdown()),
                        tile("Trades", Integer.toString(m.trades())),
                        tile("Win rate", pct(m.winRate())),
                        tile("Profit factor", ratio(m.profitFactor())),
                        tile(
                                "Expectancy",
                                m.expectancy() == null
                                        ? "\u2013"
                                        : Formats.signedMoney(BigDecimal.valueOf(m.expectancy())) + " USD",
                                m.expectancy()),
                        tile("Exposure", pct(m.exposure())),
                        signedPct("Buy and hold", r.benchmark().totalReturn()));
    }

    private static VBox tile(String name, String value) {
        return tile(name, value, null);
    }

    /** A percentage tile coloured by the sign of the figure as shown (−0.00 % is neither). */
    private static VBox signedPct(String name, Double fraction) {
        return tile(name, pct(fraction), fraction == null ? null : fraction * 100);
    }

    /** A tile whose value is coloured by the sign of {@code signed} (a return, a drawdown, a P&amp;L). */
    private static VBox tile(String name, String value, Double signed) {
        Label v = new Label(value);
        v.getStyleClass().add("tile-value");
        if (signed != null && Double.isFinite(signed)) {
            v.getStyleClass().add(Formats.pnlStyleClass(BigDecimal.valueOf(signed)));
        }
        v.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        Label k = new Label(name);
        VBox box = new VBox(2, v, k);
        box.getStyleClass().add("summary-tile");
        box.setId("tile-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        box.setPadding(new Insets(6, 10, 6, 10));
        box.setStyle("-fx-border-color: -fx-box-border; -fx-border-radius: 4;");
        return box;
    }

    private static String pct(Double v) {
        return v == null ? "\u2013" : String.format(Locale.ROOT, "%,.2f %%", v * 100);
    }

    private static String ratio(Double v) {
        return v == null ? "\u2013" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String price(BigDecimal v) {
        return v.round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
    }
}
