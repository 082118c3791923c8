package dev.paperdesk.engine.indicator;

/**
 * Stochastic RSI: the stochastic formula applied to RSI({@code rsiPeriod}) over {@code
 * stochPeriod} RSI values, then %K = SMA({@code kSmoothing}) of it and %D = SMA({@code dSmoothing})
 * of %K, scaled 0..100. With {@code kSmoothing = 1} this is TA-Lib's STOCHRSI(rsiPeriod,
 * stochPeriod, dSmoothing) with SMA. Both outputs are defined from bar {@code rsiPeriod +
 * (stochPeriod − 1) + (kSmoothing − 1) + (dSmoothing − 1)}.
 *
 * <p>Outputs: 0 = %K, 1 = %D.
 */
public final class StochasticRsi implements StreamingIndicator {
    /** Output index of %K. */
    public static final int K = 0;
    /** Output index of %D. */
    public static final int D = 1;

    private final int rsiPeriod;
    private final int stochPeriod;
    private final int kSmoothing;
    private final int dSmoothing;
    private final Rsi rsi;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;
    private final Sma kAverage;
    private final Sma dAverage;
    private double k = Double.NaN;
    private double d = Double.NaN;

    public StochasticRsi(int rsiPeriod, int stochPeriod, int kSmoothing, int dSmoothing) {
        this.rsiPeriod = PeriodChecks.period("stochastic RSI, RSI period", rsiPeriod);
        this.stochPeriod = PeriodChecks.period("stochastic RSI, stochastic period", stochPeriod);
        this.kSmoothing = PeriodChecks.period("stochastic RSI, %K smoothing", kSmoothing);
        this.dSmoothing = PeriodChecks.period("stochastic RSI, %D smoothing", dSmoothing);
        this.rsi = new Rsi(rsiPeriod);
        this.highest = RollingExtreme.max(stochPeriod);
        this.lowest = RollingExtreme.min(stochPeriod);
        this.kAverage = new Sma(kSmoothing);
        this.dAverage = new Sma(dSmoothing);
    }

    /** Feeds the next value. */
    public void update(double x) {
        rsi.update(x);
        if (!rsi.isReady()) {
            return;
        }
        double r = rsi.value();
        double hh = highest.update(r);
        double ll = lowest.update(r);
        if (!highest.full()) {
            return;
        }
        kAverage.update(Stochastic.fastK(r, hh, ll));
        if (!kAverage.isReady()) {
            return;
        }
        dAverage.update(kAverage.value());
        if (dAverage.isReady()) {
            k = kAverage.value();
            d = dAverage.value();
        }
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
        return 2;
    }

    @Override
    public double value(int output) {
        return switch (output) {
            case K -> k;
            case D -> d;
            default -> throw new IndexOutOfBoundsException(output);
        };
    }

    @Override
    public boolean isReady() {
        return dAverage.isReady();
    }

    @Override
    public int lookback(int output) {
        return rsiPeriod + stochPeriod + kSmoothing + dSmoothing - 3;
    }

    @Override
    public void reset() {
        rsi.reset();
        highest.reset();
        lowest.reset();
        kAverage.reset();
        dAverage.reset();
        k = Double.NaN;
        d = Double.NaN;
    }

    /** %K and %D of {@code values}, indexed by {@link #K} and {@link #D}. */
    public static double[][] batch(double[] values, int rsiPeriod, int stochPeriod, int kSmoothing, int dSmoothing) {
        return OhlcvArrays.ofCloses(values).run(new StochasticRsi(rsiPeriod, stochPeriod, kSmoothing, dSmoothing));
    }
}
