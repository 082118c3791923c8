package dev.paperdesk.engine.indicator;

import java.util.Objects;

/**
 * A bar series as parallel primitive arrays, the input of the batch functions; {@code
 * epochMillis[i]} is the time of bar {@code i}.
 *
 * <p>The arrays are shared, not copied: callers must not modify them while a computation runs.
 */
public record OhlcvArrays(
        long[] epochMillis, double[] open, double[] high, double[] low, double[] close, double[] volume) {
    public OhlcvArrays {
        Objects.requireNonNull(epochMillis, "epochMillis");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        int n = close.length;
        if (epochMillis.length != n || open.length != n || high.length != n || low.length != n || volume.length != n) {
            throw new IllegalArgumentException("OHLCV arrays must have the same length: time " + epochMillis.length
                    + ", open " + open.length + ", high " + high.length + ", low " + low.length + ", close " + n
                    + ", volume " + volume.length);
        }
    }

    /** The number of bars. */
    public int size() {
        return close.length;
    }

    /**
     * Runs a fresh (or reset) streaming indicator over every bar and returns one array per output,
     * NaN where the output is undefined. This is the batch form of every indicator that has no
     * dedicated array loop, so streaming and batch agree by construction.
     */
    public double[][] run(StreamingIndicator indicator) {
        indicator.reset();
        int outputs = indicator.outputs();
        int n = size();
        double[][] out = new double[outputs][n];
        for (int i = 0; i < n; i++) {
            indicator.update(epochMillis[i], open[i], high[i], low[i], close[i], volume[i]);
            for (int k = 0; k < outputs; k++) {
                out[k][i] = indicator.value(k);
            }
        }
        return out;
    }

    /** A series of close prices only, with every other field equal to the close and zero volume. */
    public static OhlcvArrays ofCloses(double[] close) {
        return new OhlcvArrays(new long[close.length], close, close, close, close, new double[close.length]);
    }

    /** A series of high, low and close, with open equal to close and zero volume. */
    public static OhlcvArrays ofHlc(double[] high, double[] low, double[] close) {
        return new OhlcvArrays(new long[close.length], close, high, low, close, new double[close.length]);
    }
}
