package dev.paperdesk.engine.indicator;

/**
 * Wilder's average directional index with its +DI and −DI, following TA-Lib's algorithm exactly.
 *
 * <p>Directional movement of a bar: {@code up = high - prevHigh}, {@code down = prevLow - low};
 * +DM is {@code up} when {@code up > 0 && up > down}, −DM is {@code down} when {@code down > 0 &&
 * up < down}. TA-Lib sums the first {@code period - 1} values of TR, +DM and −DM and then applies
 * Wilder's running sum {@code s = s - s / period + x} from bar {@code period} on (note: one value
 * fewer in the first sum than StockCharts' worked example, so early values differ from it and
 * converge later). {@code ±DI = 100 ±DM / TR} (0 when TR is 0) is defined from bar {@code period};
 * {@code DX = 100 |+DI − −DI| / (+DI + −DI)}; the first ADX (bar {@code 2 period − 1}) is the mean
 * of the DX of bars {@code period .. 2 period − 1}, later ones {@code (adx (period − 1) + dx) /
 * period}; a bar whose DX is undefined leaves the ADX unchanged.
 *
 * <p>Outputs: 0 = ADX (lookback {@code 2 period − 1}), 1 = +DI, 2 = −DI (lookback {@code period}).
 */
public final class Adx implements StreamingIndicator {
    /** Output index of the ADX. */
    public static final int ADX = 0;
    /** Output index of +DI. */
    public static final int PLUS_DI = 1;
    /** Output index of −DI. */
    public static final int MINUS_DI = 2;

    private final int period;
    private int count;
    private double prevHigh;
    private double prevLow;
    private double prevClose;
    private double plusDm;
    private double minusDm;
    private double tr;
    private double sumDx;
    private double adx;
    private double plusDi = Double.NaN;
    private double minusDi = Double.NaN;
    private double value = Double.NaN;

    public Adx(int period) {
        this.period = PeriodChecks.period("ADX period", period);
    }

    /** Feeds the next bar. */
    public void update(double high, double low, double close) {
        if (count == 0) {
            prevHigh = high;
            prevLow = low;
            prevClose = close;
            count = 1;
            return;
        }
        double up = high - prevHigh;
        double down = prevLow - low;
        prevHigh = high;
        prevLow = low;
        double range = Atr.trueRange(high, low, prevClose);
        prevClose = close;
        if (count < period) {
            if (down > 0 && up < down) {
                minusDm += down;
            } else if (up > 0 && up > down) {
                plusDm += up;
            }
            tr += range;
            count++;
            return;
        }
        minusDm -= minusDm / period;
        plusDm -= plusDm / period;
        if (down > 0 && up < down) {
            minusDm += down;
        } else if (up > 0 && up > down) {
            plusDm += up;
        }
        tr = tr - tr / period + range;
        double dx = Double.NaN;
        if (tr != 0.0) {
            minusDi = 100.0 * (minusDm / tr);
            plusDi = 100.0 * (plusDm / tr);
            double sum = minusDi + plusDi;
            if (sum != 0.0) {
                dx = 100.0 * (Math.abs(minusDi - plusDi) / sum);
            }
        } else {
            minusDi = 0.0;
            plusDi = 0.0;
        }
        // Bars period .. 2 period - 1 seed the first ADX; count is the index of the current bar.
        if (count < 2 * period - 1) {
            if (dx == dx) {
                sumDx += dx;
            }
            count++;
            return;
        }
        if (count == 2 * period - 1) {
            if (dx == dx) {
                sumDx += dx;
            }
            adx = sumDx / period;
            count++;
        } else if (dx == dx) {
            adx = (adx * (period - 1) + dx) / period;
        }
        value = adx;
    }

    /** The ADX, NaN until bar {@code 2 period - 1}. */
    public double value() {
        return value;
    }

    /** +DI, NaN until bar {@code period}. */
    public double plusDi() {
        return plusDi;
    }

    /** −DI, NaN until bar {@code period}. */
    public double minusDi() {
        return minusDi;
    }

    @Override
    public void update(long epochMillis, double open, double high, double low, double close, double volume) {
        update(high, low, close);
    }

    @Override
    public int outputs() {
        return 3;
    }

    @Override
    public double value(int output) {
        return switch (output) {
            case ADX -> value;
            case PLUS_DI -> plusDi;
            case MINUS_DI -> minusDi;
            default -> throw new IndexOutOfBoundsException(output);
        };
    }

    @Override
    public boolean isReady() {
        return count >= 2 * period;
    }

    @Override
    public int lookback(int output) {
        return output == ADX ? 2 * period - 1 : period;
    }

    @Override
    public void reset() {
        count = 0;
        prevHigh = 0.0;
        prevLow = 0.0;
        prevClose = 0.0;
        plusDm = 0.0;
        minusDm = 0.0;
        tr = 0.0;
        sumDx = 0.0;
        adx = 0.0;
        plusDi = Double.NaN;
        minusDi = Double.NaN;
        value = Double.NaN;
    }

    /** ADX, +DI and −DI of the bars, indexed by {@link #ADX}, {@link #PLUS_DI}, {@link #MINUS_DI}. */
    public static double[][] batch(double[] high, double[] low, double[] close, int period) {
        return OhlcvArrays.ofHlc(high, low, close).run(new Adx(period));
    }
}
