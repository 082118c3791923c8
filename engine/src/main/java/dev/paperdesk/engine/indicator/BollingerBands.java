package dev.paperdesk.engine.indicator;

import java.util.Arrays;

/**
 * Bollinger Bands: middle = SMA(period) of the close, upper/lower = middle ± {@code multiplier}
 * population standard deviations of the same window (divisor {@code period}, as TA-Lib and
 * StockCharts). Lookback {@code period - 1}.
 *
 * <p>The variance comes from running sums of the values shifted by a recent mean, which avoids the
 * cancellation that raw sums of squares suffer at large price levels. Every {@code period} bars the
 * shift moves to the current mean and the sums are recomputed from the window, so rounding cannot
 * drift over long series: amortised O(1) per bar. A tiny negative variance from rounding reads 0.
 *
 * <p>Outputs: 0 = upper, 1 = middle, 2 = lower.
 */
public final class BollingerBands implements StreamingIndicator {
    /** Output index of the upper band. */
    public static final int UPPER = 0;
    /** Output index of the middle band. */
    public static final int MIDDLE = 1;
    /** Output index of the lower band. */
    public static final int LOWER = 2;

    private final int period;
    private final double multiplier;
    private final Sma middle;
    private final double[] window;
    private int pos;
    private int count;
    private double shift;
    private double sum;
    private double sumSquares;
    private double upper = Double.NaN;
    private double mid = Double.NaN;
    private double lower = Double.NaN;

    public BollingerBands(int period, double multiplier) {
        this.period = PeriodChecks.period("Bollinger period", period);
        this.multiplier = PeriodChecks.positive("Bollinger multiplier", multiplier);
        this.middle = new Sma(period);
        this.window = new double[period];
    }

    /** Feeds the next value. */
    public void update(double x) {
        middle.update(x);
        if (count == 0) {
            shift = x;
        }
        double d = x - shift;
        double leaving = window[pos] - shift;
        window[pos] = x;
        pos = pos + 1 == period ? 0 : pos + 1;
        sum += d;
        sumSquares += d * d;
        if (count < period) {
            count++;
        } else {
            sum -= leaving;
            sumSquares -= leaving * leaving;
        }
        if (count < period) {
            return;
        }
        if (pos == 0) {
            recentre();
        }
        double mean = sum / period;
        double variance = sumSquares / period - mean * mean;
        double deviation = variance > 0.0 ? Math.sqrt(variance) : 0.0;
        mid = middle.value();
        double width = multiplier * deviation;
        upper = mid + width;
        lower = mid - width;
    }

    private void recentre() {
        shift += sum / period;
        double s = 0.0;
        double q = 0.0;
        for (double v : window) {
            double d = v - shift;
            s += d;
            q += d * d;
        }
        sum = s;
        sumSquares = q;
    }

    /** The population standard deviation of the window times the multiplier, NaN until ready. */
    public double width() {
        return upper - mid;
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
        return 3;
    }

    @Override
    public double value(int output) {
        return switch (output) {
            case UPPER -> upper;
            case MIDDLE -> mid;
            case LOWER -> lower;
            default -> throw new IndexOutOfBoundsException(output);
        };
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
        middle.reset();
        Arrays.fill(window, 0.0);
        pos = 0;
        count = 0;
        shift = 0.0;
        sum = 0.0;
        sumSquares = 0.0;
        upper = Double.NaN;
        mid = Double.NaN;
        lower = Double.NaN;
    }

    /** Upper, middle and lower band, indexed by {@link #UPPER}, {@link #MIDDLE}, {@link #LOWER}. */
    public static double[][] batch(double[] values, int period, double multiplier) {
        return OhlcvArrays.ofCloses(values).run(new BollingerBands(period, multiplier));
    }
}
