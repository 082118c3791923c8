package dev.paperdesk.engine.indicator;

import java.util.Arrays;

/**
 * Commodity channel index {@code (tp − mean) / (0.015 · meanDeviation)} of the typical price {@code
 * tp = (high + low + close) / 3} over {@code period} bars, as TA-Lib's CCI (0 when either factor is
 * 0). Lookback {@code period − 1}.
 *
 * <p>The mean absolute deviation has no exact O(1) update, so each bar costs O(period) (20
 * subtractions for the usual period): the one indicator here that is not O(1) per bar. The mean is
 * recomputed in the same pass, so no rounding accumulates.
 */
public final class Cci implements StreamingIndicator {
    private final int period;
    private final double[] window;
    private int pos;
    private int count;
    private double value = Double.NaN;

    public Cci(int period) {
        this.period = PeriodChecks.period("CCI period", period);
        this.window = new double[period];
    }

    /** Feeds the next bar. */
    public void update(double high, double low, double close) {
        double tp = (high + low + close) / 3.0;
        window[pos] = tp;
        pos = pos + 1 == period ? 0 : pos + 1;
        if (count < period) {
            count++;
            if (count < period) {
                return;
            }
        }
        double mean = 0.0;
        for (double v : window) {
            mean += v;
        }
        mean /= period;
        double deviation = 0.0;
        for (double v : window) {
            deviation += Math.abs(v - mean);
        }
        double diff = tp - mean;
        value = diff != 0.0 && deviation != 0.0 ? diff / (0.015 * (deviation / period)) : 0.0;
    }

    public double value() {
        return value;
    }

    @Override
    public void update(long epochMillis, double open, double high, double low, double close, double volume) {
        update(high, low, close);
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
        value = Double.NaN;
    }

    /** CCI of the bars: NaN for the first {@code period - 1} entries. */
    public static double[] batch(double[] high, double[] low, double[] close, int period) {
        return OhlcvArrays.ofHlc(high, low, close).run(new Cci(period))[0];
    }
}
