package dev.paperdesk.engine.indicator;

/**
 * Wilder's relative strength index {@code 100 avgGain / (avgGain + avgLoss)}, TA-Lib style: the
 * first averages are simple means of the first {@code period} changes, later ones use Wilder
 * smoothing {@code avg = (avg (period - 1) + x) / period}. A window with no movement reads 0, as in
 * TA-Lib. Lookback {@code period}; the early values depend on the seed ("unstable period").
 */
public final class Rsi implements StreamingIndicator {
    private final int period;
    private int count;
    private double previous;
    private double avgGain;
    private double avgLoss;
    private double value = Double.NaN;

    public Rsi(int period) {
        this.period = PeriodChecks.period("RSI period", period);
    }

    /** Feeds the next value. */
    public void update(double x) {
        if (count == 0) {
            previous = x;
            count = 1;
            return;
        }
        double change = x - previous;
        previous = x;
        if (count <= period) {
            if (change < 0) {
                avgLoss -= change;
            } else {
                avgGain += change;
            }
            if (++count <= period) {
                return;
            }
            avgLoss /= period;
            avgGain /= period;
        } else {
            avgLoss *= period - 1;
            avgGain *= period - 1;
            if (change < 0) {
                avgLoss -= change;
            } else {
                avgGain += change;
            }
            avgLoss /= period;
            avgGain /= period;
        }
        double total = avgGain + avgLoss;
        value = total != 0.0 ? 100.0 * (avgGain / total) : 0.0;
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
        return count > period;
    }

    @Override
    public int lookback(int output) {
        return period;
    }

    @Override
    public void reset() {
        count = 0;
        previous = 0.0;
        avgGain = 0.0;
        avgLoss = 0.0;
        value = Double.NaN;
    }

    /** The RSI of {@code values}: NaN for the first {@code period} entries. */
    public static double[] batch(double[] values, int period) {
        return OhlcvArrays.ofCloses(values).run(new Rsi(period))[0];
    }
}
