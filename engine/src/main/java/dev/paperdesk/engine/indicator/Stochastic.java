package dev.paperdesk.engine.indicator;

/**
 * The slow stochastic oscillator as TA-Lib's STOCH with SMA smoothing: fast %K = {@code 100 (close
 * − lowest low) / (highest high − lowest low)} over {@code kPeriod} bars (0 when the range is
 * empty), slow %K = SMA({@code kSmoothing}) of fast %K, %D = SMA({@code dSmoothing}) of slow %K.
 * Both outputs are defined from bar {@code (kPeriod − 1) + (kSmoothing − 1) + (dSmoothing − 1)},
 * as in TA-Lib. With {@code kSmoothing = 1} it is the fast stochastic.
 *
 * <p>Outputs: 0 = %K, 1 = %D.
 */
public final class Stochastic implements StreamingIndicator {
    /** Output index of %K. */
    public static final int K = 0;
    /** Output index of %D. */
    public static final int D = 1;

    private final int kPeriod;
    private final int kSmoothing;
    private final int dSmoothing;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;
    private final Sma slowK;
    private final Sma slowD;
    private double k = Double.NaN;
    private double d = Double.NaN;

    public Stochastic(int kPeriod, int kSmoothing, int dSmoothing) {
        this.kPeriod = PeriodChecks.period("stochastic %K period", kPeriod);
        this.kSmoothing = PeriodChecks.period("stochastic %K smoothing", kSmoothing);
        this.dSmoothing = PeriodChecks.period("stochastic %D smoothing", dSmoothing);
        this.highest = RollingExtreme.max(kPeriod);
        this.lowest = RollingExtreme.min(kPeriod);
        this.slowK = new Sma(kSmoothing);
        this.slowD = new Sma(dSmoothing);
    }

    /** TA-Lib's fast %K formula, shared with the stochastic RSI. */
    static double fastK(double close, double highestHigh, double lowestLow) {
        double diff = (highestHigh - lowestLow) / 100.0;
        return diff != 0.0 ? (close - lowestLow) / diff : 0.0;
    }

    /** Feeds the next bar. */
    public void update(double high, double low, double close) {
        double hh = highest.update(high);
        double ll = lowest.update(low);
        if (!highest.full()) {
            return;
        }
        slowK.update(fastK(close, hh, ll));
        if (!slowK.isReady()) {
            return;
        }
        slowD.update(slowK.value());
        if (slowD.isReady()) {
            k = slowK.value();
            d = slowD.value();
        }
    }

    @Override
    public void update(long epochMillis, double open, double high, double low, double close, double volume) {
        update(high, low, close);
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
        return slowD.isReady();
    }

    @Override
    public int lookback(int output) {
        return kPeriod + kSmoothing + dSmoothing - 3;
    }

    @Override
    public void reset() {
        highest.reset();
        lowest.reset();
        slowK.reset();
        slowD.reset();
        k = Double.NaN;
        d = Double.NaN;
    }

    /** %K and %D of the bars, indexed by {@link #K} and {@link #D}. */
    public static double[][] batch(
            double[] high, double[] low, double[] close, int kPeriod, int kSmoothing, int dSmoothing) {
        return OhlcvArrays.ofHlc(high, low, close).run(new Stochastic(kPeriod, kSmoothing, dSmoothing));
    }
}
