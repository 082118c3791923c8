package dev.paperdesk.engine.indicator;

/**
 * Wilder's average true range, TA-Lib style: the true range exists from the second bar on, the
 * first ATR (bar {@code period}) is the simple mean of the first {@code period} true ranges, later
 * ones use Wilder smoothing {@code atr = (atr (period - 1) + tr) / period}. Lookback {@code period}.
 */
public final class Atr implements StreamingIndicator {
    private final int period;
    private int count;
    private double previousClose;
    private double atr;
    private double value = Double.NaN;

    public Atr(int period) {
        this.period = PeriodChecks.period("ATR period", period);
    }

    /**
     * The true range of a bar: the greatest of {@code high - low}, {@code |high - previousClose|}
     * and {@code |low - previousClose|}.
     */
    public static double trueRange(double high, double low, double previousClose) {
        double range = high - low;
        double up = Math.abs(high - previousClose);
        if (up > range) {
            range = up;
        }
        double down = Math.abs(low - previousClose);
        if (down > range) {
            range = down;
        }
        return range;
    }

    /** Feeds the next bar. */
    public void update(double high, double low, double close) {
        if (count == 0) {
            previousClose = close;
            count = 1;
            return;
        }
        double tr = trueRange(high, low, previousClose);
        previousClose = close;
        if (count <= period) {
            atr += tr;
            if (++count <= period) {
                return;
            }
            atr /= period;
        } else {
            atr *= period - 1;
            atr += tr;
            atr /= period;
        }
        value = atr;
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
        return count > period;
    }

    @Override
    public int lookback(int output) {
        return period;
    }

    @Override
    public void reset() {
        count = 0;
        previousClose = 0.0;
        atr = 0.0;
        value = Double.NaN;
    }

    /** The ATR of the bars: NaN for the first {@code period} entries. */
    public static double[] batch(double[] high, double[] low, double[] close, int period) {
        return OhlcvArrays.ofHlc(high, low, close).run(new Atr(period))[0];
    }
}
