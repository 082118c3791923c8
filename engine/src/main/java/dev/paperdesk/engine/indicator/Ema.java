package dev.paperdesk.engine.indicator;

import java.util.Arrays;

/**
 * Exponential moving average with {@code k = 2 / (period + 1)}, seeded as TA-Lib does with the
 * simple average of the first {@code period} values; then {@code ema = (x - ema) * k + ema}.
 * Lookback {@code period - 1}.
 */
public final class Ema implements StreamingIndicator {
    private final int period;
    private final double k;
    private int count;
    private double seedSum;
    private double value = Double.NaN;

    public Ema(int period) {
        this.period = PeriodChecks.period("EMA period", period);
        this.k = 2.0 / (period + 1);
    }

    /** Feeds the next value. */
    public void update(double x) {
        if (count < period) {
            seedSum += x;
            if (++count == period) {
                value = seedSum / period;
            }
            return;
        }
        value = (x - value) * k + value;
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
        count = 0;
        seedSum = 0.0;
        value = Double.NaN;
    }

    /** The EMA of {@code values}: NaN for the first {@code period - 1} entries. */
    public static double[] batch(double[] values, int period) {
        PeriodChecks.period("EMA period", period);
        int n = values.length;
        double[] out = new double[n];
        if (n < period) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        double seedSum = 0.0;
        for (int i = 0; i < period; i++) {
            seedSum += values[i];
            out[i] = Double.NaN;
        }
        double k = 2.0 / (period + 1);
        double ema = seedSum / period;
        out[period - 1] = ema;
        for (int i = period; i < n; i++) {
            ema = (values[i] - ema) * k + ema;
            out[i] = ema;
        }
        return out;
    }
}
