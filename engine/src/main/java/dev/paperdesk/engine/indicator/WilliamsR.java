package dev.paperdesk.engine.indicator;

/**
 * Williams %R {@code −100 (highest high − close) / (highest high − lowest low)} over {@code period}
 * bars, in −100..0, computed as TA-Lib's WILLR (0 when the range is empty). Lookback {@code period
 * − 1}.
 */
public final class WilliamsR implements StreamingIndicator {
    private final int period;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;
    private double value = Double.NaN;

    public WilliamsR(int period) {
        this.period = PeriodChecks.period("Williams %R period", period);
        this.highest = RollingExtreme.max(period);
        this.lowest = RollingExtreme.min(period);
    }

    /** Feeds the next bar. */
    public void update(double high, double low, double close) {
        double hh = highest.update(high);
        double ll = lowest.update(low);
        if (highest.full()) {
            double diff = (hh - ll) / -100.0;
            value = diff != 0.0 ? (hh - close) / diff : 0.0;
        }
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
        return highest.full();
    }

    @Override
    public int lookback(int output) {
        return period - 1;
    }

    @Override
    public void reset() {
        highest.reset();
        lowest.reset();
        value = Double.NaN;
    }

    /** Williams %R of the bars: NaN for the first {@code period - 1} entries. */
    public static double[] batch(double[] high, double[] low, double[] close, int period) {
        return OhlcvArrays.ofHlc(high, low, close).run(new WilliamsR(period))[0];
    }
}
