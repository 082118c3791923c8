package dev.paperdesk.engine.indicator;

import java.util.Arrays;

/**
 * Simple moving average of the last {@code period} values, kept as a running sum exactly as
 * TA-Lib does (add the new value, divide, subtract the value leaving the window). Lookback {@code
 * period - 1}.
 */
public final class Sma implements StreamingIndicator {
    private final int period;
    private final double[] window;
    private int pos;
    private int count;
    private double sum;
    private double value = Double.NaN;

    public Sma(int period) {
        this.period = PeriodChecks.period("SMA period", period);
        this.window = new double[period];
    }

    /** Feeds the next value. */
    public void update(double x) {
        sum += x;
        window[pos] = x;
        pos = pos + 1 == period ? 0 : pos + 1;
        if (count < period) {
            count++;
            if (count < period) {
                return;
            }
        }
        value = sum / period;
        // The slot after the newest holds the oldest value of the current window: it leaves next.
        sum -= window[pos];
    }

    /** The average, NaN until {@code period} values have been fed. */
    public double value() {
        return value;
    }

    public int period() {
        return period;
    }

    @Override
    public void update(long epochMillis, double open, double high, double low, double close, double volume) {
        update(close);
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
        sum = 0.0;
        value = Double.NaN;
    }

    /** The SMA of {@code values}: NaN for the first {@code period - 1} entries. */
    public static double[] batch(double[] values, int period) {
        PeriodChecks.period("SMA period", period);
        int n = values.length;
        double[] out = new double[n];
        int warm = Math.min(period - 1, n);
        Arrays.fill(out, 0, warm, Double.NaN);
        double sum = 0.0;
        int i = 0;
        for (; i < warm; i++) {
            sum += values[i];
        }
        for (int trailing = 0; i < n; i++, trailing++) {
            sum += values[i];
            out[i] = sum / period;
            sum -= values[trailing];
        }
        return out;
    }
}
