package dev.paperdesk.desktop.options;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.layout.StackPane;

/**
 * The payoff diagram (ChartFX): profit against the underlying at the first expiry, today and on the
 * scenario date, with the breakevens and the current spot marked and a zero line. Every redraw builds
 * fresh data sets and swaps them in on the FX thread; a shown data set is never written to.
 *
 * <p>Drag a box to zoom into it (a narrow condor's tent in a wide range), scroll to zoom, right-click
 * to zoom back out. The zoom outlives the redraws of the same structure (the spot ticking, the scenario
 * slider moving) and is dropped when either end of the spot range moves by more than 5 % of its
 * width: a new structure, expiry or underlying.
 */
public final class PayoffChart extends StackPane {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    private final DefaultNumericAxis x = new DefaultNumericAxis("underlying", null);
    private final DefaultNumericAxis y = new DefaultNumericAxis("profit / loss", null);
    private final XYChart chart = new XYChart(x, y);
    private final ErrorDataSetRenderer curves = new ErrorDataSetRenderer();
    private final ErrorDataSetRenderer markers = new ErrorDataSetRenderer();
    private final List<ChartPlugin> indicators = new ArrayList<>();
    private final Zoomer zoomer = new Zoomer();
    /** The spot range of the data last shown: NaN before the first. */
    private double shownLow = Double.NaN;

    private double shownHigh = Double.NaN;
    /** How far (a fraction of the width) either end of the spot range may move and still be the same view. */
    static final double SAME_RANGE = 0.05;

    public PayoffChart() {
        chart.setId("payoffChart");
        x.setAutoRangeRounding(false);
        x.setForceZeroInRange(false);
        y.setForceZeroInRange(true);
        y.setAutoRangePadding(0.08);
        x.setTickLabelFormatter(new AmountFormat());
        y.setTickLabelFormatter(new AmountFormat());
        chart.getRenderers().clear();
        curves.setErrorStyle(ErrorStyle.NONE);
        curves.setDrawMarker(false);
        curves.setPolyLineStyle(LineStyle.NORMAL);
        markers.setErrorStyle(ErrorStyle.NONE);
        markers.setPolyLineStyle(LineStyle.NONE);
        markers.setDrawMarker(true);
        chart.getRenderers().addAll(curves, markers);
        chart.setLegendVisible(true);
        zoomer.setSliderVisible(false);
        chart.getPlugins().add(zoomer);
        getChildren().add(chart);
    }

    /** Draws {@code data}; null clears the chart. */
    public void show(PayoffData data) {
        chart.getPlugins().removeIf(indicators::contains);
        indicators.clear();
        if (data == null) {
            curves.getDatasets().clear();
            markers.getDatasets().clear();
            unzoom();
            shownLow = Double.NaN;
            shownHigh = Double.NaN;
            return;
        }
        int n = data.spots().length;
        double low = data.spots()[0];
        double high = data.spots()[n - 1];
        if (!sameRange(shownLow, shownHigh, low, high)) {
            unzoom();
        }
        shownLow = low;
        shownHigh = high;
        String scenarioName = "on " + DATE.format(data.scenarioDate())
                + (data.volShiftPoints() == 0 ? "" : String.format(Locale.US, ", IV %+.0f pts", data.volShiftPoints()));
        curves.getDatasets()
                .setAll(
                        new DoubleDataSet(
                                "at expiry " + DATE.format(data.expiry()), data.spots(), data.atExpiry(), n, true),
                        new DoubleDataSet("today", data.spots(), data.today(), n, true),
                        new DoubleDataSet(scenarioName, data.spots(), data.scenario(), n, true));
        double[] bx =
                data.breakevens().stream().mapToDouble(Double::doubleValue).toArray();
        markers.getDatasets().setAll(new DoubleDataSet("breakevens", bx, new double[bx.length], bx.length, true));
        for (int i = 0; i < bx.length; i++) {
            XValueIndicator ind = new XValueIndicator(x, bx[i], String.format(Locale.US, "BE %,.2f", bx[i]));
            ind.setEditable(false);
            // breakevens labelled at the top, the spot at the bottom; neighbouring breakevens (a narrow
            // condor's) on alternate rows, so that their labels do not cover each other
            ind.setLabelPosition(breakevenLabelPosition(i));
            indicators.add(ind);
        }
        XValueIndicator spot = new XValueIndicator(x, data.spot(), String.format(Locale.US, "spot %,.2f", data.spot()));
        spot.setEditable(false);
        spot.setLabelPosition(0.05);
        indicators.add(spot);
        YValueIndicator zero = new YValueIndicator(y, 0.0);
        zero.setEditable(false);
        indicators.add(zero);
        chart.getPlugins().addAll(indicators);
    }

    /** Whether a spot range {@code [low, high]} shows the same structure as the one shown before. */
    static boolean sameRange(double shownLow, double shownHigh, double low, double high) {
        double tolerance = SAME_RANGE * (shownHigh - shownLow);
        return Math.abs(low - shownLow) <= tolerance && Math.abs(high - shownHigh) <= tolerance;
    }

    private void unzoom() {
        if (!zoomer.zoomStackDeque().isEmpty()) {
            zoomer.zoomOrigin();
        }
    }

    /** Whether the user has zoomed into the chart. */
    public boolean zoomed() {
        return !zoomer.zoomStackDeque().isEmpty();
    }

    /** The height (fraction of the plot, from the bottom) of the label of the {@code i}-th breakeven. */
    static double breakevenLabelPosition(int i) {
        return i % 2 == 0 ? 0.95 : 0.86;
    }

    /** Plain amounts with thousands separators instead of the axis' scientific notation. */
    private static final class AmountFormat extends javafx.util.StringConverter<Number> {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            return Math.abs(v) >= 100 || v == Math.rint(v)
                    ? String.format(Locale.US, "%,.0f", v)
                    : String.format(Locale.US, "%,.2f", v);
        }

        @Override
        public Number fromString(String s) {
            return Double.valueOf(s.replace(",", ""));
        }
    }

    /** The chart node (id {@code payoffChart}). */
    public XYChart chart() {
        return chart;
    }

    /** The renderer of the three profit curves. */
    public ErrorDataSetRenderer curves() {
        return curves;
    }

    /** The renderer of the breakeven markers. */
    public ErrorDataSetRenderer markers() {
        return markers;
    }
}
