package dev.paperdesk.desktop.backtest;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.marker.Marker;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The backtest's price chart (ChartFX, {@code #backtestPriceChart}): the closes of the run's first
 * instrument with its entries and exits marked where they filled — green ▲ for buys, red ▼ for sells,
 * at the fill's bar and price. Drag a box or scroll to zoom into a trade, right-click to zoom out.
 * Every run gets fresh data sets; until one, the pane says what it will show.
 */
final class BacktestPriceChart {
    private final DefaultNumericAxis time = new dev.paperdesk.desktop.chart.EdgeSafeTimeAxis("time", "UTC");
    private final DefaultNumericAxis price = new DefaultNumericAxis("price", null);
    private final XYChart chart = new XYChart(time, price);
    private final ErrorDataSetRenderer closes = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer buys = fills();
    private final ErrorDataSetRenderer sells = fills();
    private final Zoomer zoomer = new Zoomer();
    private final StackPane pane;

    BacktestPriceChart(BacktestViewModel vm) {
        chart.setId("backtestPriceChart");
        time.setTimeAxis(true);
        time.setAutoRangeRounding(false);
        price.setForceZeroInRange(false);
        price.setAutoRangePadding(0.05);
        dev.paperdesk.desktop.analytics.QuantCharts.plainTicks(price);
        chart.getRenderers().clear();
        closes.setErrorStyle(ErrorStyle.NONE);
        closes.setDrawMarker(false);
        chart.getRenderers().addAll(closes, buys, sells);
        chart.setLegendVisible(true);
        zoomer.setSliderVisible(false);
        chart.getPlugins().add(zoomer);

        Label empty = new Label(
                "Run a backtest: the price it traded appears here, each entry and exit marked where it" + " filled.");
        empty.setId("backtestPriceEmpty");
        empty.getStyleClass().add("text-muted");
        empty.setWrapText(true);
        empty.setMouseTransparent(true);
        empty.visibleProperty().bind(vm.priceMarksProperty().isNull());
        pane = new StackPane(chart, empty);
        vm.priceMarksProperty().addListener((o, a, b) -> show(b));
        show(vm.priceMarksProperty().get());
    }

    Node node() {
        return pane;
    }

    XYChart chart() {
        return chart;
    }

    private static ErrorDataSetRenderer fills() {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NONE);
        r.setDrawMarker(true);
        r.setPointReduction(false); // every fill is drawn, however many bars lie between
        return r;
    }

    private void show(PriceMarks m) {
        if (!zoomer.zoomStackDeque().isEmpty()) {
            zoomer.zoomOrigin();
        }
        if (m == null) {
            closes.getDatasets().clear();
            buys.getDatasets().clear();
            sells.getDatasets().clear();
            return;
        }
        // fresh data sets each time: a displayed ChartFX data set must not be written to
        closes.getDatasets()
                .setAll(new DoubleDataSet(
                        m.instrument() + " " + m.timeframe() + " close", m.time(), m.close(), m.time().length, true));
        buys.getDatasets().setAll(marked("buys", m.buyTime(), m.buyPrice(), "#2ea043"));
        sells.getDatasets().setAll(marked("sells", m.sellTime(), m.sellPrice(), "#e5534b"));
        mark(buys, Triangle.UP);
        mark(sells, Triangle.DOWN);
    }

    /** Fill markers in the gain or loss colour (the dark theme's, which reads on the light one too). */
    private static DoubleDataSet marked(String name, double[] x, double[] y, String color) {
        DoubleDataSet ds = new DoubleDataSet(name, x, y, x.length, true);
        ds.setStyle(DataSetStyleBuilder.instance()
                .setDatasetColor(color) // the legend's swatch
                .setMarkerColor(color)
                .setMarkerSize(6)
                .build());
        return ds;
    }

    private static void mark(ErrorDataSetRenderer r, Marker marker) {
        r.getDatasetNodes().forEach(n -> n.setUserMarkerType(marker));
    }

    /** A filled triangle pointing up (a buy) or down (a sell), centred on the fill. */
    enum Triangle implements Marker {
        UP(-1),
        DOWN(1);

        private final double tip;

        Triangle(double tip) {
            this.tip = tip;
        }

        @Override
        public void draw(GraphicsContext gc, double x, double y, double size) {
            gc.fillPolygon(
                    new double[] {x - size, x + size, x},
                    new double[] {y - tip * size, y - tip * size, y + tip * size},
                    3);
        }
    }
}
