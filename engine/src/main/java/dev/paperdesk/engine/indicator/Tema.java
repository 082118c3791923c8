package dev.paperdesk.engine.indicator;

/**
 * Triple exponential moving average {@code 3 e1 - 3 e2 + e3} with {@code e2 = EMA(e1)}, {@code e3 =
 * EMA(e2)}, each starting on the first defined value of the previous, as in TA-Lib. Lookback {@code
 * 3 (period - 1)}.
 */
public final class Tema implements StreamingIndicator {
    private final int period;
    private final Ema first;
    private final Ema second;
    private final Ema third;
    private double value = Double.NaN;

    public Tema(int period) {
        this.period = PeriodChecks.period("TEMA period", period);
        this.first = new Ema(period);
        this.second = new Ema(period);
        this.third = new Ema(period);
    }

    /** Feeds the next value. */
    public void update(double x) {
        first.update(x);
        if (!first.isReady()) {
            return;
        }
        double e1 = first.value();
        second.update(e1);
        if (!second.isReady()) {
            return;
        }
        double e2 = second.value();
        third.update(e2);
        if (third.isReady()) {
            value = 3.0 * e1 - 3.0 * e2 + third.value();
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
        return third.isReady();
    }

    @Override
    public int lookback(int output) {
        return 3 * (period - 1);
    }

    @Override
    public void reset() {
        first.reset();
        second.reset();
        third.reset();
        value = Double.NaN;
    }

    /** The TEMA of {@code values}: NaN for the first {@code 3 (period - 1)} entries. */
    public static double[] batch(double[] values, int period) {
        return OhlcvArrays.ofCloses(values).run(new Tema(period))[0];
    }
}
