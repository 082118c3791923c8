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
public final class EdgeSafeTimeAxis extends DefaultNumericAxis {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(UTC);
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("HH:mm").withZone(UTC);
    private static final DateTimeFormatter DAY_MINUTES =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(UTC);
    private static final DateTimeFormatter DAYS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(UTC);
    private static final DateTimeFormatter MONTHS =
            DateTimeFormatter.ofPattern("yyyy-MM").withZone(UTC);
    private static final DateTimeFormatter YEARS =
            DateTimeFormatter.ofPattern("yyyy").withZone(UTC);
    /** Spacings of a month or more fall on calendar months: this many months apart. */
    private static final int[] MONTH_STEPS = {1, 2, 3, 6, 12, 24, 60, 120};
    /** Seconds of an average month (the table's 2,592,000 is 30 days). */
    private static final double MONTH = 2_592_000;

    public EdgeSafeTimeAxis(String name, String unit) {
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
        if (tickUnit >= 12 * MONTH) {
            return YEARS.format(t);
        }
        if (tickUnit >= MONTH) {
            return MONTHS.format(t);
        }
        if (tickUnit >= 86_400) {
            return DAYS.format(t);
        }
        if (span > 86_400) {
            return DAY_MINUTES.format(t);
        }
        return (tickUnit >= 60 ? MINUTES : SECONDS).format(t);
    }

    /**
     * Ticks a month or more apart sit on the first of a month (of January for years), so their labels
     * ({@code 2004}, {@code 2004-07}) name the instant they mark; closer ticks are ChartFX's.
     */
    @Override
    protected void calculateMajorTickValues(
            io.fair_acc.chartfx.axes.spi.AxisRange range, io.fair_acc.dataset.spi.fastutil.DoubleArrayList ticks) {
        if (!isTimeAxis() || range.getTickUnit() < MONTH) {
            super.calculateMajorTickValues(range, ticks);
            return;
        }
        ticks.clear();
        for (double t : calendarTicks(range.getLowerBound(), range.getUpperBound(), range.getTickUnit())) {
            ticks.add(t);
        }
    }

    /**
     * The first instants of months in {@code [min, max]}, about {@code tickUnit} (a month or more)
     * apart: 1, 2, 3 or 6 months, or 1, 2, 5 or 10 years, aligned on the calendar.
     */
    static double[] calendarTicks(double min, double max, double tickUnit) {
        // the calendar step nearest the spacing asked for (in ratio): 36 months asked gives 24
        int step = MONTH_STEPS[0];
        for (int m : MONTH_STEPS) {
            if (Math.abs(Math.log(m * MONTH / tickUnit)) < Math.abs(Math.log(step * MONTH / tickUnit))) {
                step = m;
            }
        }
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            return new double[0];
        }
        java.time.YearMonth first = java.time.YearMonth.from(
                Instant.ofEpochSecond((long) Math.floor(min)).atZone(UTC));
        // aligned on the calendar: quarters start in January, April…; years of 5 on 2000, 2005…
        int index = first.getYear() * 12 + first.getMonthValue() - 1;
        index = Math.floorDiv(index + step - 1, step) * step;
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (int guard = 0; guard < 1_000; guard++, index += step) {
            double t = java.time.YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1)
                    .atDay(1)
                    .atStartOfDay(UTC)
                    .toEpochSecond();
            if (t > max) {
                break;
            }
            if (t >= min) {
                out.add(t);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
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
