package dev.paperdesk.engine.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Account equity over strictly increasing dates, all values finite and positive.
 *
 * <p>{@link #returns()} turns it into the simple returns between consecutive points; {@link
 * #fromReturns} goes the other way, dating the starting value one day before the first return so that
 * a loss on the first day is a drawdown from the start.
 */
public final class EquityCurve {
    private final List<LocalDate> dates;
    private final double[] values;

    private EquityCurve(List<LocalDate> dates, double[] values) {
        this.dates = List.copyOf(dates);
        this.values = values.clone();
        if (this.dates.size() != this.values.length) {
            throw new IllegalArgumentException(
                    "dates and values differ in length: " + this.dates.size() + " and " + this.values.length);
        }
        for (int i = 0; i < this.values.length; i++) {
            if (i > 0 && !this.dates.get(i).isAfter(this.dates.get(i - 1))) {
                throw new IllegalArgumentException("dates must be strictly increasing: " + this.dates.get(i)
                        + " follows " + this.dates.get(i - 1));
            }
            if (!(this.values[i] > 0) || Double.isInfinite(this.values[i])) {
                throw new IllegalArgumentException(
                        "equity on " + this.dates.get(i) + " must be finite and positive, not " + this.values[i]);
            }
        }
    }

    /** An equity curve from dated values. */
    public static EquityCurve of(List<LocalDate> dates, double[] values) {
        return new EquityCurve(dates, values);
    }

    /**
     * The equity of an account starting at {@code startValue} and compounding {@code series}; a missing
     * return leaves equity unchanged. A return of -100% or worse cannot be represented and is rejected.
     */
    public static EquityCurve fromReturns(ReturnSeries series, double startValue) {
        List<LocalDate> dates = new ArrayList<>(series.size() + 1);
        double[] values = new double[series.size() + 1];
        if (series.isEmpty()) {
            return new EquityCurve(List.of(), new double[0]);
        }
        dates.add(series.date(0).minusDays(1));
        values[0] = startValue;
        for (int i = 0; i < series.size(); i++) {
            dates.add(series.date(i));
            values[i + 1] = values[i] * (1 + ReturnAggregation.nanToZero(series.returnAt(i)));
        }
        return new EquityCurve(dates, values);
    }

    /** The simple returns between consecutive points, dated at the later point. */
    public ReturnSeries returns() {
        if (values.length < 2) {
            return ReturnSeries.of(List.of(), new double[0]);
        }
        double[] r = new double[values.length - 1];
        for (int i = 1; i < values.length; i++) {
            r[i - 1] = values[i] / values[i - 1] - 1;
        }
        return ReturnSeries.of(dates.subList(1, dates.size()), r);
    }

    public int size() {
        return values.length;
    }

    public List<LocalDate> dates() {
        return dates;
    }

    public LocalDate date(int i) {
        return dates.get(i);
    }

    public double value(int i) {
        return values[i];
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EquityCurve c && dates.equals(c.dates) && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dates, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "EquityCurve[" + values.length + " points]";
    }
}
