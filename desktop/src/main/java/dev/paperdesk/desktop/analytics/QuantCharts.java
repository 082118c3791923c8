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
        // one-line UTC dates, on calendar months and years once the ticks are a month apart
        DefaultNumericAxis x = new dev.paperdesk.desktop.chart.EdgeSafeTimeAxis("date", null);
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
        y.setAutoRangeRounding(false);
        y.setAutoRangePadding(0.05);
        y.setAutoUnitScaling(false);
        // grouped digits instead of ChartFX's default 1.25E5 for money and percent axes
        y.setTickLabelFormatter(new Plain(y));
        if (!x.isTimeAxis()) {
            x.setTickLabelFormatter(new Plain(x));
        }
        XYChart chart = new XYChart(x, y);
        chart.getRenderers().clear();
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        // a few thousand points at most: draw them all, so a one-day spike (the worst drawdown) shows
        renderer.setPointReduction(false);
        chart.getRenderers().add(renderer);
        chart.setLegendVisible(true);
        chart.setAnimated(false);
        // let split panes shrink a chart instead of pushing their other side out of the window
        chart.setMinSize(160, 120);
        // room on the right so the last point and tick are not flush with the window edge
        chart.setPadding(new javafx.geometry.Insets(6, 18, 4, 4));
        return chart;
    }

    /**
     * Gives a value axis grouped digits and only the decimals its tick spacing needs (130,000 rather
     * than ChartFX's default 1.3E5), for charts built outside this class.
     */
    public static void plainTicks(DefaultNumericAxis axis) {
        axis.setAutoUnitScaling(false);
        axis.setTickLabelFormatter(new Plain(axis));
    }

    /** Tick labels for a count of steps (trades, days): whole numbers only, nothing between them. */
    public static final javafx.util.StringConverter<Number> WHOLE = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(java.util.Locale.US, "%,.0f", v) : "";
        }

        @Override
        public Number fromString(String s) {
            return Double.parseDouble(s.replace(",", ""));
        }
    };

    /** Keeps a form's label column as wide as its longest label. */
    public static void labelColumn(javafx.scene.layout.GridPane grid) {
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);
    }

    /** Tick labels with thousands separators and no more decimals than the tick spacing needs. */
    private static final class Plain extends javafx.util.StringConverter<Number> {
        private final DefaultNumericAxis axis;

        Plain(DefaultNumericAxis axis) {
            this.axis = axis;
        }

        @Override
        public String toString(Number n) {
            return label(n.doubleValue(), axis.getTickUnit());
        }

        @Override
        public Number fromString(String s) {
            return Double.parseDouble(s.replace(",", ""));
        }
    }

    /**
     * A tick label: no decimals from 100, one from 10, else two; ticks spaced finer than 0.01 (tiny
     * drawdowns in percent) get the spacing's decimals, so that -0.0025 does not read 0.00 or lose its
     * sign. Only a value that rounds to zero drops the sign.
     */
    static String label(double v, double tickUnit) {
        double a = Math.abs(v);
        int decimals = a >= 100 || a == 0 ? 0 : a >= 10 ? 1 : 2;
        if (a != 0 && tickUnit > 0 && tickUnit < 0.01 && Double.isFinite(tickUnit)) {
            int scale = new java.math.BigDecimal(Double.toString(tickUnit))
                    .round(new java.math.MathContext(3))
                    .stripTrailingZeros()
                    .scale();
            decimals = Math.max(decimals, Math.min(scale, 8));
        }
        String text = String.format(java.util.Locale.US, "%,." + decimals + "f", v);
        return text.matches("-0(\\.0+)?") ? text.substring(1) : text;
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
