package dev.paperdesk.desktop.chart;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Timeframe;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.financial.CandleStickRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.financial.OhlcvDataSet;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * The candlestick chart (ChartFX): timeframe buttons, overlays, volume under the candles, zoom and
 * pan (drag or scroll to zoom, middle-drag to pan, right-click to zoom out), an OHLCV readout that follows
 * the mouse, and the portfolio's fills as buy/sell markers.
 */
public final class CandleChartView extends BorderPane {
    private final CandleChartViewModel vm;
    private final CandleStickRenderer candleRenderer = new CandleStickRenderer(true);
    private final ErrorDataSetRenderer overlays = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer markers = new ErrorDataSetRenderer();
    private final Label caption = new Label();
    private final Label readout = new Label();
    private final DefaultNumericAxis timeAxis = new EdgeSafeTimeAxis("time", "UTC");
    private final DefaultNumericAxis priceAxis = new DefaultNumericAxis("price", null);
    private boolean redrawQueued;
    private long lastRedrawNanos = System.nanoTime() - MIN_REDRAW_INTERVAL.toNanos();
    private final PauseTransition redrawDelay = new PauseTransition();

    /** The shortest time between two redraws of the chart. */
    static final java.time.Duration MIN_REDRAW_INTERVAL = java.time.Duration.ofMillis(100);

    public CandleChartView(CandleChartViewModel vm) {
        this.vm = vm;
        setId("priceChart");
        getStyleClass().add("candle-chart");
        timeAxis.setTimeAxis(true);
        timeAxis.setAutoRangeRounding(false);
        priceAxis.setForceZeroInRange(false);
        priceAxis.setAutoRangeRounding(false);
        // Candles extend from low to high, beyond what auto-ranging sees: both ranges are set per redraw.
        priceAxis.setAutoRanging(false);
        // Room for "65,000.00" whatever the first layout measured: ChartFX sizes the axis for the
        // labels of the empty chart and keeps that width while a lone first candle is drawn.
        priceAxis.setMinWidth(84);
        priceAxis.setPrefWidth(84);
        timeAxis.setAutoRanging(false);
        priceAxis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                if (n == null || !Double.isFinite(n.doubleValue())) {
                    return "";
                }
                return Formats.price(
                        java.math.BigDecimal.valueOf(n.doubleValue()).round(new java.math.MathContext(8)));
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s.replace(",", ""));
            }
        });
        priceAxis.setSide(io.fair_acc.chartfx.ui.geometry.Side.RIGHT);
        XYChart chart = new XYChart(timeAxis, priceAxis);
        chart.setLegendVisible(false);
        chart.getRenderers().clear();
        overlays.setErrorStyle(ErrorStyle.NONE);
        overlays.setDrawMarker(false);
        markers.setErrorStyle(ErrorStyle.NONE);
        markers.setPolyLineStyle(LineStyle.NONE);
        markers.setDrawMarker(true);
        chart.getRenderers().addAll(candleRenderer, overlays, markers);
        Zoomer zoomer = new Zoomer();
        zoomer.setSliderVisible(false);
        // Drag to zoom a box, scroll to zoom, middle-drag (or Ctrl+drag) to pan, right-click to zoom out.
        zoomer.setPannerEnabled(true);
        chart.getPlugins().add(zoomer);
        // Crosshair lines follow the mouse; the OHLCV readout above the chart replaces its raw label.
        chart.getPlugins().add(new io.fair_acc.chartfx.plugins.CrosshairIndicator());

        chart.setOnMouseMoved(e -> {
            var local = chart.getCanvas().sceneToLocal(e.getSceneX(), e.getSceneY());
            double t = timeAxis.getValueForDisplay(local.getX());
            Bar b = vm.barAt(t);
            readout.setText(b == null ? "" : describe(b));
        });
        chart.setOnMouseExited(e -> readout.setText(""));

        // wraps onto a second row when the chart pane is narrow (a 1366-pixel screen), so that its
        // buttons never set a minimum width the window cannot give
        javafx.scene.layout.FlowPane toolbar = new javafx.scene.layout.FlowPane(6, 4);
        toolbar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 8, 2, 8));
        toolbar.getStyleClass().add("chart-toolbar");
        caption.getStyleClass().add("chart-caption");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        toolbar.getChildren().add(caption);
        ToggleGroup timeframes = new ToggleGroup();
        for (Timeframe tf : Timeframe.values()) {
            ToggleButton b = new ToggleButton(tf.label());
            b.setId("timeframe-" + tf.label());
            b.setToggleGroup(timeframes);
            b.getStyleClass().add("small");
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setSelected(tf == vm.timeframeProperty().get());
            b.setOnAction(e -> {
                vm.timeframeProperty().set(tf);
                b.setSelected(true);
            });
            toolbar.getChildren().add(b);
        }
        Region gap = new Region();
        gap.setPrefWidth(12); // the overlays apart from the timeframes
        toolbar.getChildren()
                .addAll(
                        gap,
                        overlay("SMA " + CandleChartViewModel.SMA_PERIOD, "overlaySma", vm.showSmaProperty()),
                        overlay("EMA " + CandleChartViewModel.EMA_PERIOD, "overlayEma", vm.showEmaProperty()),
                        overlay("Bollinger", "overlayBollinger", vm.showBollingerProperty()));
        readout.setId("chartReadout");
        readout.getStyleClass().add("chart-readout");
        readout.setPadding(new Insets(0, 8, 0, 8));
        setTop(new javafx.scene.layout.VBox(toolbar, readout));
        setCenter(chart);

        vm.versionProperty().addListener((o, a, b) -> queueRedraw());
        queueRedraw();
    }

    private static CheckBox overlay(String text, String id, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    private static String describe(Bar b) {
        return Formats.time(b.openTime()) + "   O " + Formats.price(b.open()) + "   H " + Formats.price(b.high())
                + "   L " + Formats.price(b.low()) + "   C " + Formats.price(b.close()) + "   V "
                + Formats.quantity(b.volume());
    }

    /**
     * ChartFX read-locks the data sets of a chart from one pulse's pre-layout to its drawing; writing
     * into a data set from the FX thread can wait on such a lock forever. So the chart never writes
     * into a data set it has shown: every redraw hands the renderers fresh data sets (cheap at
     * 10 redraws a second), and several updates in a frame become one redraw.
     *
     * <p>Each fresh data set gets new scene-graph nodes that must be styled, so live updates are
     * paced at least {@link #MIN_REDRAW_INTERVAL} apart: a live candle redrawn ten times a second
     * looks the same to a trader and leaves the JavaFX thread free at ×1000.
     */
    private void queueRedraw() {
        if (redrawQueued) {
            return;
        }
        redrawQueued = true;
        Platform.runLater(() -> {
            long waitNanos = lastRedrawNanos + MIN_REDRAW_INTERVAL.toNanos() - System.nanoTime();
            if (waitNanos <= 0) {
                redrawNow();
            } else {
                redrawDelay.setDuration(javafx.util.Duration.millis(waitNanos / 1e6));
                redrawDelay.setOnFinished(e -> redrawNow());
                redrawDelay.playFromStart();
            }
        });
    }

    private void redrawNow() {
        redrawQueued = false;
        lastRedrawNanos = System.nanoTime();
        redraw();
    }

    private void redraw() {
        CandleChartViewModel.Series s = vm.seriesProperty().get();
        caption.setText(s.instrument() == null ? "" : s.instrument() + "  " + s.timeframe());
        OhlcvDataSet candles = new OhlcvDataSet("candles");
        candles.setData(new BarsOhlcv(s.bars(), s.timeframe().duration()));
        candleRenderer.getDatasets().setAll(candles);
        overlays.getDatasets()
                .setAll(
                        line("SMA " + CandleChartViewModel.SMA_PERIOD, s.time(), s.sma()),
                        line("EMA " + CandleChartViewModel.EMA_PERIOD, s.time(), s.ema()),
                        line("BB upper", s.time(), s.upper()),
                        line("BB lower", s.time(), s.lower()));
        markers.getDatasets()
                .setAll(
                        new DoubleDataSet("buys", s.buyTime(), s.buyPrice(), s.buyTime().length, true),
                        new DoubleDataSet("sells", s.sellTime(), s.sellPrice(), s.sellTime().length, true));
        setRanges(s);
        if (s.bars().isEmpty()) {
            readout.setText("No candles yet for this instrument and timeframe (the market may be closed).");
        } else if (readout.getText().startsWith("No candles")) {
            readout.setText("");
        }
    }

    /** Fits the axes to the candles' lows and highs (and overlays), with a little room on each side. */
    private void setRanges(CandleChartViewModel.Series s) {
        if (s.bars().isEmpty()) {
            return;
        }
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (Bar b : s.bars()) {
            low = Math.min(low, b.low().doubleValue());
            high = Math.max(high, b.high().doubleValue());
        }
        for (double[] line : new double[][] {s.sma(), s.ema(), s.upper(), s.lower()}) {
            for (double v : line) {
                if (!Double.isNaN(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        double pad = Math.max((high - low) * 0.08, Math.abs(high) * 1e-5);
        priceAxis.set(low - pad, high + pad);
        double step = s.timeframe().duration().toSeconds();
        double first = s.time()[0];
        double last = s.time()[s.time().length - 1];
        timeAxis.set(first - step, last + 2 * step);
    }

    /** The defined part of an indicator series (TA-Lib style: undefined values are NaN). */
    private static DoubleDataSet line(String name, double[] x, double[] y) {
        int first = 0;
        while (first < y.length && Double.isNaN(y[first])) {
            first++;
        }
        int n = y.length - first;
        double[] xs = new double[n];
        double[] ys = new double[n];
        System.arraycopy(x, first, xs, 0, n);
        System.arraycopy(y, first, ys, 0, n);
        return new DoubleDataSet(name, xs, ys, n, false);
    }
}
