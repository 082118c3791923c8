package dev.paperdesk.engine.indicator;

import java.util.Arrays;

/**
 * Rate of change in percent, {@code 100 (x / x[−period] − 1)} as TA-Lib's ROC (0 when the old value
 * is 0), or with {@link #momentum(int)} the plain difference {@code x − x[−period]} (TA-Lib's MOM).
 * Lookback {@code period}.
 */
public final class RateOfChange implements StreamingIndicator {
    private final int period;
    private final boolean percent;
    private final double[] window;
    private int pos;
    private int count;
    private boolean ready;
    private double value = Double.NaN;

    private RateOfChange(int period, boolean percent) {
        this.period = PeriodChecks.period(percent ? "ROC period" : "momentum period", period);
        this.percent = percent;
        this.window = new double[period];
    }

    /** Rate of change in percent over {@code period} bars. */
    public static RateOfChange percent(int period) {
        return new RateOfChange(period, true);
    }

    /** Momentum, the price difference over {@code period} bars. */
    public static RateOfChange momentum(int period) {
        return new RateOfChange(period, false);
    }

    /** Feeds the next value. */
    public void update(double x) {
        double old = window[pos];
        window[pos] = x;
        pos = pos + 1 == period ? 0 : pos + 1;
        if (count < period) {
            count++;
            return;
        }
        ready = true;
        if (percent) {
            value = old != 0.0 ? (x / old - 1.0) * 100.0 : 0.0;
        } else {
            value = x - old;
        }
    }

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
        return ready;
    }

    @Override
    public int lookback(int output) {
        return period;
    }

    @Override
    public void reset() {
        Arrays.fill(window, 0.0);
        pos = 0;
        count = 0;
        ready = false;
        value = Double.NaN;
    }

    /** ROC in percent of {@code values}: NaN for the first {@code period} entries. */
    public static double[] batchPercent(double[] values, int period) {
        return OhlcvArrays.ofCloses(values).run(percent(period))[0];
    }

    /** Momentum of {@code values}: NaN for the first {@code period} entries. */
    public static double[] batchMomentum(double[] values, int period) {
        return OhlcvArrays.ofCloses(values).run(momentum(period))[0];
    }
}
