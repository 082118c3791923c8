package dev.paperdesk.engine.indicator;

/**
 * On-balance volume as TA-Lib: starts at the first bar's volume, then adds the volume of a bar
 * that closes higher than the previous one and subtracts that of a bar that closes lower. Lookback
 * 0.
 */
public final class Obv implements StreamingIndicator {
    private boolean started;
    private double previousClose;
    private double value = Double.NaN;

    /** Feeds the next bar. */
    public void update(double close, double volume) {
        if (!started) {
            started = true;
            value = volume;
        } else if (close > previousClose) {
            value += volume;
        } else if (close < previousClose) {
            value -= volume;
        }
        previousClose = close;
    }

    public double value() {
        return value;
    }

    @Override
    public void update(long epochMillis, double open, double high, double low, double close, double volume) {
        update(close, volume);
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
        return started;
    }

    @Override
    public int lookback(int output) {
        return 0;
    }

    @Override
    public void reset() {
        started = false;
        previousClose = 0.0;
        value = Double.NaN;
    }

    /** OBV of the bars, defined from the first bar. */
    public static double[] batch(double[] close, double[] volume) {
        return new OhlcvArrays(new long[close.length], close, close, close, close, volume).run(new Obv())[0];
    }
}
