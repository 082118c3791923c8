package dev.paperdesk.engine.indicator;

import java.util.Arrays;

/**
 * Money flow index over {@code period} bars: the raw money flow {@code tp · volume} (typical price
 * {@code (high + low + close) / 3}) counts as positive when tp rose from the previous bar, negative
 * when it fell, not at all when unchanged; MFI = {@code 100 · positive / (positive + negative)}, 0
 * for a window without flow. Lookback {@code period} (the first bar has no previous tp).
 *
 * <p>Like TA-Lib 0.6 and unlike TA-Lib 0.4 (which reads 0 whenever the total flow is below 1.0, a
 * threshold in arbitrary units), any positive total counts. Running sums are reset to exact zero
 * when the window holds no flow, and the ratio is clamped to 0..100 against rounding residue.
 */
public final class Mfi implements StreamingIndicator {
    private final int period;
    private final double[] positive;
    private final double[] negative;
    private int pos;
    private int count;
    private int flowing;
    private double previousTp;
    private double positiveSum;
    private double negativeSum;
    private double value = Double.NaN;

    public Mfi(int period) {
        this.period = PeriodChecks.period("MFI period", period);
        this.positive = new double[period];
        this.negative = new double[period];
    }

    /** Feeds the next bar. */
    public void update(double high, double low, double close, double volume) {
        double tp = (high + low + close) / 3.0;
        if (count == 0) {
            previousTp = tp;
            count = 1;
            return;
        }
        double change = tp - previousTp;
        previousTp = tp;
        double flow = tp * volume;
        double up = change > 0.0 ? flow : 0.0;
        double down = change < 0.0 ? flow : 0.0;
        if (count > period) {
            if (positive[pos] != 0.0 || negative[pos] != 0.0) {
                flowing--;
            }
            positiveSum -= positive[pos];
            negativeSum -= negative[pos];
        } else {
            count++;
        }
        positive[pos] = up;
        negative[pos] = down;
        pos = pos + 1 == period ? 0 : pos + 1;
        if (up != 0.0 || down != 0.0) {
            flowing++;
        }
        positiveSum += up;
        negativeSum += down;
        if (flowing == 0) {
            positiveSum = 0.0;
            negativeSum = 0.0;
        }
        if (count <= period) {
            return;
        }
        double total = positiveSum + negativeSum;
        if (total <= 0.0) {
            value = 0.0;
        } else {
            double p = positiveSum < 0.0 ? 0.0 : Math.min(positiveSum, total);
            value = 100.0 * (p / total);
        }
    }

    public double value() {
        return value;
    }

    @Override
    public void update(long epochMillis, double open, double high, double low, double close, double volume) {
        update(high, low, close, volume);
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
        return count > period;
    }

    @Override
    public int lookback(int output) {
        return period;
    }

    @Override
    public void reset() {
        Arrays.fill(positive, 0.0);
        Arrays.fill(negative, 0.0);
        pos = 0;
        count = 0;
        flowing = 0;
        previousTp = 0.0;
        positiveSum = 0.0;
        negativeSum = 0.0;
        value = Double.NaN;
    }

    /** MFI of the bars: NaN for the first {@code period} entries. */
    public static double[] batch(double[] high, double[] low, double[] close, double[] volume, int period) {
        return new OhlcvArrays(new long[close.length], close, high, low, close, volume).run(new Mfi(period))[0];
    }
}
