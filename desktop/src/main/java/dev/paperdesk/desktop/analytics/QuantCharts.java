package dev.paperdesk.desktop.analytics;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The ChartFX charts of the analytics, Monte Carlo and optimisation views: a dated line chart, a
 * chart over a step index, and colour-coded data sets. Data sets are always built fresh and swapped in
 * on the FX thread, never mutated while shown.
 */
public final class QuantCharts {
    /** Strategy equity and the median path. */
    public static final String BLUE = "#4493f8";
    /** Benchmarks, originals and reference lines. */
    public static final String GREY = "#8b949e";
    /** Losses and drawdowns; the theme's negative P&amp;L colour. */
    public static final String RED = "#e5534b";
    /** Gains; the theme's positive P&amp;L colour. */
    public static final String GREEN = "#2ea043";
    /** Highlights such as the original backtest over simulated paths. */
    public static final String ORANGE = "#d29922";

    private QuantCharts() {}

    /** A line chart over calendar days (a UTC time axis) with the y axis named and united. */
    public static XYChart dated(String yName, String yUnit, ErrorDataSetRenderer renderer) {
        DefaultNumericAxis x = new DefaultNumericAxis("date", null);
        x.setTimeAxis(true);
        x.setAutoRangeRounding(false);
        return chart(x, yName, yUnit, renderer);
    }

    /** A line chart over a plain numeric x axis. */
    public static XYChart numeric(
            String xName, String xUnit, String yName, String yUnit, ErrorDataSetRenderer renderer) {
        DefaultNumericAxis x = new DefaultNumericAxis(xName, xUnit);
        x.setAutoRangeRounding(false);
        return chart(x, yName, yUnit, renderer);
    }

    private static XYChart chart(DefaultNumericAxis x, String yName, String yUnit, ErrorDataSetRenderer renderer) {
        DefaultNumericAxis y = new DefaultNumericAxis(yName, yUnit);
        y.setAutoRanging(true);
        y.setForceZeroInRange(false);
        y.setAutoRangeRounding(true);
        XYChart chart = new XYChart(x, y);
        chart.getRenderers().clear();
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        chart.getRenderers().add(renderer);
        chart.setLegendVisible(true);
        chart.setAnimated(false);
        return chart;
    }

    /** Seconds since the epoch of the start of each UTC day, for a time axis. */
    public static double[] epochSeconds(List<LocalDate> dates) {
        double[] out = new double[dates.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dates.get(i).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        }
        return out;
    }

    /** A data set drawn as a line of {@code color}. */
    public static DoubleDataSet line(String name, double[] x, double[] y, String color, double width) {
        DoubleDataSet ds = new DoubleDataSet(name, x, y, Math.min(x.length, y.length), true);
        ds.setStyle(DataSetStyleBuilder.newInstance()
                .setStroke(color)
                .setLineColor(color)
                .setStrokeWidth(width)
                .setLineWidth(width)
                .setFill(color)
                .setMarkerColor(color)
                .build());
        return ds;
    }

    /** Multiplies every value by {@code factor}: fractions to percent. */
    public static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }
}
