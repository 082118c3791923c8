package dev.paperdesk.engine.indicator;

/**
 * Moving average convergence/divergence aligned as TA-Lib: the slow EMA is seeded on bars {@code 0
 * .. slow - 1}, the fast EMA on bars {@code slow - fast .. slow - 1} so that both start at bar
 * {@code slow - 1}; the line is {@code fast - slow}, the signal an EMA of the line seeded by the
 * mean of its first {@code signal} values, the histogram {@code line - signal}. All three outputs
 * are defined from bar {@code slow + signal - 2}, as in TA-Lib.
 *
 * <p>Outputs: 0 = MACD line, 1 = signal, 2 = histogram.
 */
public final class Macd implements StreamingIndicator {
    /** Output index of the MACD line. */
    public static final int LINE = 0;
    /** Output index of the signal line. */
    public static final int SIGNAL = 1;
    /** Output index of the histogram. */
    public static final int HISTOGRAM = 2;

    private final int fastPeriod;
    private final int slowPeriod;
    private final int signalPeriod;
    private final Ema fast;
    private final Ema slow;
    private final Ema signal;
    private int count;
    private double line = Double.NaN;
    private double signalValue = Double.NaN;
    private double histogram = Double.NaN;

    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        this.fastPeriod = PeriodChecks.period("MACD fast period", fastPeriod);
        this.slowPeriod = PeriodChecks.period("MACD slow period", slowPeriod);
        this.signalPeriod = PeriodChecks.period("MACD signal period", signalPeriod);
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException(
                    "MACD fast period must be less than the slow period, was " + fastPeriod + " >= " + slowPeriod);
        }
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.signal = new Ema(signalPeriod);
    }

    /** Feeds the next value. */
    public void update(double x) {
        int index = count;
        if (count < slowPeriod + signalPeriod) {
            count++;
        }
        slow.update(x);
        if (index >= slowPeriod - fastPeriod) {
            fast.update(x);
        }
        if (!slow.isReady()) {
            return;
        }
        double l = fast.value() - slow.value();
        signal.update(l);
        if (signal.isReady()) {
            line = l;
            signalValue = signal.value();
            histogram = l - signalValue;
        }
    }

    public double line() {
        return line;
    }

    public double signal() {
        return signalValue;
    }

    public double histogram() {
        return histogram;
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
            case LINE -> line;
            case SIGNAL -> signalValue;
            case HISTOGRAM -> histogram;
            default -> throw new IndexOutOfBoundsException(output);
        };
    }

    @Override
    public boolean isReady() {
        return signal.isReady();
    }

    @Override
    public int lookback(int output) {
        return slowPeriod + signalPeriod - 2;
    }

    @Override
    public void reset() {
        fast.reset();
        slow.reset();
        signal.reset();
        count = 0;
        line = Double.NaN;
        signalValue = Double.NaN;
        histogram = Double.NaN;
    }

    /** Line, signal and histogram, indexed by {@link #LINE}, {@link #SIGNAL}, {@link #HISTOGRAM}. */
    public static double[][] batch(double[] values, int fastPeriod, int slowPeriod, int signalPeriod) {
        return OhlcvArrays.ofCloses(values).run(new Macd(fastPeriod, slowPeriod, signalPeriod));
    }
}
