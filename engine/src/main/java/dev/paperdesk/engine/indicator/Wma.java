package dev.paperdesk.engine.indicator;

import java.util.Arrays;

/**
 * Linearly weighted moving average (weights 1..period, newest heaviest, divided by {@code
 * period (period + 1) / 2}), updated in O(1) with TA-Lib's running weighted sum and plain sum.
 * Lookback {@code period - 1}.
 */
public final class Wma implements StreamingIndicator {
    private final int period;
    private final double divider;
    private final double[] window;
    private int pos;
    private int count;
    private double weightedSum;
    private double plainSum;
    private double trailing;
    private double value = Double.NaN;

    public Wma(int period) {
        this.period = PeriodChecks.period("WMA period", period);
        this.divider = (period * (period + 1.0)) / 2.0;
        this.window = new double[period];
    }

    /** Feeds the next value. */
    public void update(double x) {
        window[pos] = x;
        pos = pos + 1 == period ? 0 : pos + 1;
        if (count < period - 1) {
            count++;
            plainSum += x;
            weightedSum += x * count;
            return;
        }
        count = period;
        plainSum += x;
        plainSum -= trailing;
        weightedSum += x * period;
        trailing = window[pos];
        value = weightedSum / divider;
        weightedSum -= plainSum;
    }

    /** The average, NaN until {@code period} values have been fed. */
    public double value() {
        return value;
    }

    @Override
    public void update(long epochMillis, double open, double high, double low, double close, double volume) {
        update(close);
    }

    @Override
    public int inputs() {
        return CLOSE; // a single series: the close
    }

    @Override
    public int outputs() {
        return 1;
    }

    @Override
    public double value(int output) {
        return value;
    }

    @Override
    public boolean isReady() {
        return count == period;
    }

    @Override
    public int lookback(int output) {
        return period - 1;
    }

    @Override
    public void reset() {
        Arrays.fill(window, 0.0);
        pos = 0;
        count = 0;
        weightedSum = 0.0;
        plainSum = 0.0;
        trailing = 0.0;
        value = Double.NaN;
    }

    /** The WMA of {@code values}: NaN for the first {@code period - 1} entries. */
    public static double[] batch(double[] values, int period) {
        return OhlcvArrays.ofCloses(values).run(new Wma(period))[0];
    }
}
