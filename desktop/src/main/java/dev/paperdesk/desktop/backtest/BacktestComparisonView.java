package dev.paperdesk.desktop.backtest;

import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.engine.backtest.BacktestComparison;
import dev.paperdesk.engine.backtest.BacktestComparison.MetricRow;
import dev.paperdesk.engine.backtest.BacktestComparison.NormalisedPoint;
import dev.paperdesk.engine.backtest.BacktestComparison.SettingRow;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * Two saved backtest runs side by side: both equity curves normalised to 100 on one chart with a
 * legend, the key metrics with both values and the difference (B − A), and the settings and model
 * assumptions with the rows that differ highlighted. Both tables export through their context menu.
 */
public final class BacktestComparisonView extends BorderPane {
    public BacktestComparisonView(BacktestComparison c) {
        setId("backtestComparison");
        Label title = new Label("A = " + c.labelA() + "   vs   B = " + c.labelB() + "   (differences are B \u2212 A)");
        title.getStyleClass().add("pane-title");
        setTop(title);

        TableView<MetricRow> metrics = new TableView<>(FXCollections.observableArrayList(c.metrics()));
        metrics.setId("backtestComparisonMetrics");
        metrics.getColumns()
                .setAll(List.of(
                        Columns.text("Metric", MetricRow::name, s -> s),
                        Columns.number("A  " + c.labelA(), r -> r, r -> value(r.unit(), r.a())),
                        Columns.number("B  " + c.labelB(), r -> r, r -> value(r.unit(), r.b())),
                        Columns.number("B \u2212 A", r -> r, r -> difference(r.unit(), r.difference()))));
        metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        metrics.getColumns().get(0).setPrefWidth(170);
        TableExport.install(metrics, "backtest-comparison-metrics");

        TableView<SettingRow> settings = new TableView<>(FXCollections.observableArrayList(c.settings()));
        settings.setId("backtestComparisonSettings");
        settings.getColumns()
                .setAll(List.of(
                        Columns.text("Setting", SettingRow::name, s -> s),
                        Columns.text("A", SettingRow::a, s -> s),
                        Columns.text("B", SettingRow::b, s -> s),
                        Columns.text("", SettingRow::differs, d -> d ? "differs" : "")));
        settings.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SettingRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("compare-diff");
                if (!empty && item != null && item.differs()) {
                    getStyleClass().add("compare-diff");
                }
            }
        });
        TableExport.install(settings, "backtest-comparison-settings");

        settings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        settings.getColumns().get(0).setPrefWidth(175);
        settings.getColumns().get(1).setPrefWidth(240);
        settings.getColumns().get(2).setPrefWidth(240);
        settings.getColumns().get(3).setMinWidth(72);
        VBox left = new VBox(6, new Label("Key metrics"), metrics);
        VBox right = new VBox(6, new Label("Configuration and model assumptions"), settings);
        VBox.setVgrow(metrics, javafx.scene.layout.Priority.ALWAYS);
        VBox.setVgrow(settings, javafx.scene.layout.Priority.ALWAYS);
        left.setPadding(new Insets(6));
        right.setPadding(new Insets(6));
        SplitPane tables = new SplitPane(left, right);
        tables.setDividerPositions(0.48);
        SplitPane body = new SplitPane(chart(c), tables);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.42);
        setCenter(body);
    }

    private static XYChart chart(BacktestComparison c) {
        DefaultNumericAxis x = new dev.paperdesk.desktop.chart.EdgeSafeTimeAxis("time", "UTC");
        x.setTimeAxis(true);
        x.setAutoRangeRounding(false);
        DefaultNumericAxis y = new DefaultNumericAxis("equity (start = 100)", null);
        y.setAutoRanging(true);
        y.setForceZeroInRange(false);
        dev.paperdesk.desktop.analytics.QuantCharts.plainTicks(y);
        XYChart chart = new XYChart(x, y);
        chart.setId("backtestComparisonChart");
        chart.getRenderers().clear();
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        // Data sets are built once, before the chart is shown, and never written to afterwards.
        renderer.getDatasets()
                .setAll(dataSet("A " + c.labelA(), c.normalisedA()), dataSet("B " + c.labelB(), c.normalisedB()));
        chart.getRenderers().add(renderer);
        chart.setLegendVisible(true);
        return chart;
    }

    private static DoubleDataSet dataSet(String name, List<NormalisedPoint> points) {
        int n = points.size();
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = points.get(i).time().getEpochSecond();
            v[i] = points.get(i).value();
        }
        return new DoubleDataSet(name, t, v, n, true);
    }

    /** A metric as the tiles show it. */
    static String value(BacktestComparison.Unit unit, Double v) {
        if (v == null) {
            return "\u2013";
        }
        return switch (unit) {
            case PERCENT -> String.format(Locale.ROOT, "%.2f %%", v * 100);
            case RATIO -> String.format(Locale.ROOT, "%.2f", v);
            case MONEY -> String.format(Locale.ROOT, "%,.2f", v);
            case COUNT -> String.format(Locale.ROOT, "%.0f", v);
        };
    }

    /** A signed difference; percentages in percentage points. */
    static String difference(BacktestComparison.Unit unit, Double d) {
        if (d == null) {
            return "\u2013";
        }
        return switch (unit) {
            case PERCENT -> String.format(Locale.ROOT, "%+.2f pp", d * 100);
            case RATIO -> String.format(Locale.ROOT, "%+.2f", d);
            case MONEY -> String.format(Locale.ROOT, "%+,.2f", d);
            case COUNT -> String.format(Locale.ROOT, "%+.0f", d);
        };
    }
}
