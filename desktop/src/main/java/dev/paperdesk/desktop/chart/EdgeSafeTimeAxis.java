package dev.paperdesk.desktop.chart;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ObservableList;
import javafx.scene.canvas.GraphicsContext;
import javafx.util.StringConverter;

/**
 * A horizontal axis that leaves out a tick label that would not fit inside the axis.
 *
 * <p>ChartFX hides labels that leave the chart, but a label centred on a tick near the plot's left
 * edge reaches under the price axis, where the axis canvas cuts it ("0:43:00" for "10:43:00" on a
 * brand-new workspace's first candles). Half a label is worse than none.
 */
final class EdgeSafeTimeAxis extends DefaultNumericAxis {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(UTC);
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("HH:mm").withZone(UTC);
    private static final DateTimeFormatter DAY_MINUTES =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(UTC);
    private static final DateTimeFormatter DAYS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(UTC);

    EdgeSafeTimeAxis(String name, String unit) {
        super(name, unit);
        // one line per label, as precise as the spacing of the ticks: ChartFX's own time labels
        // change form with the range and add a second line such as "+0000us" at some of them
        setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return seconds == null ? "" : label(seconds.doubleValue(), getTickUnit(), getMax() - getMin());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("time labels are not parsed");
            }
        });
    }

    /** Tick spacings in seconds a trader reads at a glance: whole seconds, minutes, hours, days, weeks. */
    private static final double[] UNITS = {
        1,
        2,
        5,
        10,
        15,
        30,
        60,
        120,
        300,
        600,
        900,
        1_800,
        3_600,
        7_200,
        10_800,
        14_400,
        21_600,
        43_200,
        86_400,
        172_800,
        604_800,
        1_209_600,
        2_592_000,
        7_776_000,
        15_552_000,
        31_536_000
    };

    /**
     * The smallest of {@link #UNITS} at least {@code raw}, or whole years beyond them. ChartFX's own
     * time units jump from one minute to fifteen (its table runs 60, 900, 180, 3600...), so a
     * quarter-hour of one-minute candles got a single tick label.
     */
    static double niceTimeUnit(double raw) {
        for (double u : UNITS) {
            if (raw <= u) {
                return u;
            }
        }
        double years = Math.ceil(raw / UNITS[UNITS.length - 1]);
        return years * UNITS[UNITS.length - 1];
    }

    @Override
    protected double computeTickUnit(double rawTickUnit) {
        return isTimeAxis() ? niceTimeUnit(rawTickUnit) : super.computeTickUnit(rawTickUnit);
    }

    /**
     * The label of a tick at epoch second {@code seconds} on an axis whose ticks are {@code tickUnit}
     * seconds apart over a span of {@code span} seconds (UTC): {@code 14:05:30} for ticks under a
     * minute apart, {@code 14:05} for a span within a day, {@code 11-22 14:00} beyond it and
     * {@code 2026-11-22} for ticks a day or more apart.
     */
    static String label(double seconds, double tickUnit, double span) {
        if (!Double.isFinite(seconds)) {
            return "";
        }
        Instant t = Instant.ofEpochSecond(Math.round(seconds));
        if (tickUnit >= 86_400) {
            return DAYS.format(t);
        }
        if (span > 86_400) {
            return DAY_MINUTES.format(t);
        }
        return (tickUnit >= 60 ? MINUTES : SECONDS).format(t);
    }

    @Override
    protected void drawTickLabels(
            GraphicsContext gc,
            double axisWidth,
            double axisHeight,
            ObservableList<TickMark> tickMarks,
            double tickLength) {
        if (getSide() != null && getSide().isHorizontal()) {
            for (TickMark mark : tickMarks) {
                if (!fits(mark.getPosition(), mark.getWidth(), axisWidth)) {
                    mark.setVisible(false);
                }
            }
        }
        super.drawTickLabels(gc, axisWidth, axisHeight, tickMarks, tickLength);
    }

    /** Whether a label {@code width} wide centred at {@code position} lies within {@code [0, axisWidth]}. */
    static boolean fits(double position, double width, double axisWidth) {
        double half = width / 2;
        return position - half >= 0 && position + half <= axisWidth;
    }
}
