package dev.paperdesk.engine.indicator;

/**
 * Double exponential moving average {@code 2 EMA(x) - EMA(EMA(x))}; the second EMA starts on the
 * first defined value of the first, as in TA-Lib. Lookback {@code 2 (period - 1)}.
 */
public final class Dema implements StreamingIndicator {
    private final int period;
    private final Ema first;
    private final Ema second;
    private double value = Double.NaN;

    public Dema(int period) {
        this.period = PeriodChecks.period("DEMA period", period);
        this.first = new Ema(period);
        this.second = new Ema(period);
    }

    /** Feeds the next value. */
    public void update(double x) {
        first.update(x);
        if (!first.isReady()) {
            return;
        }
        double e1 = first.value();
        second.update(e1);
        if (second.isReady()) {
            value = 2.0 * e1 - second.value();
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
        return second.isReady();
    }

    @Override
    public int lookback(int output) {
        return 2 * (period - 1);
    }

    @Override
    public void reset() {
        first.reset();
        second.reset();
        value = Double.NaN;
    }

    /** The DEMA of {@code values}: NaN for the first {@code 2 (period - 1)} entries. */
    public static double[] batch(double[] values, int period) {
        return OhlcvArrays.ofCloses(values).run(new Dema(period))[0];
    }
}
