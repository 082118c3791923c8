package dev.paperdesk.engine.indicator;

/**
 * Keltner channel (StockCharts' modern definition): middle = EMA({@code emaPeriod}) of the close,
 * upper/lower = middle ± {@code multiplier} · ATR({@code atrPeriod}), with the EMA and the Wilder
 * ATR seeded as TA-Lib. Defined from bar {@code max(emaPeriod − 1, atrPeriod)}.
 *
 * <p>Outputs: 0 = upper, 1 = middle, 2 = lower.
 */
public final class Keltner implements StreamingIndicator {
    /** Output index of the upper band. */
    public static final int UPPER = 0;
    /** Output index of the middle line. */
    public static final int MIDDLE = 1;
    /** Output index of the lower band. */
    public static final int LOWER = 2;

    private final double multiplier;
    private final Ema ema;
    private final Atr atr;
    private double upper = Double.NaN;
    private double middle = Double.NaN;
    private double lower = Double.NaN;

    public Keltner(int emaPeriod, double multiplier, int atrPeriod) {
        this.multiplier = PeriodChecks.positive("Keltner multiplier", multiplier);
        this.ema = new Ema(PeriodChecks.period("Keltner EMA period", emaPeriod));
        this.atr = new Atr(PeriodChecks.period("Keltner ATR period", atrPeriod));
    }

    /** Feeds the next bar. */
    public void update(double high, double low, double close) {
        ema.update(close);
        atr.update(high, low, close);
        if (ema.isReady() && atr.isReady()) {
            middle = ema.value();
            double width = multiplier * atr.value();
            upper = middle + width;
            lower = middle - width;
        }
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
            case UPPER -> upper;
            case MIDDLE -> middle;
            case LOWER -> lower;
            default -> throw new IndexOutOfBoundsException(output);
        };
    }

    @Override
    public boolean isReady() {
        return ema.isReady() && atr.isReady();
    }

    @Override
    public int lookback(int output) {
        return Math.max(ema.lookback(0), atr.lookback(0));
    }

    @Override
    public void reset() {
        ema.reset();
        atr.reset();
        upper = Double.NaN;
        middle = Double.NaN;
        lower = Double.NaN;
    }

    /** Upper, middle and lower band, indexed by {@link #UPPER}, {@link #MIDDLE}, {@link #LOWER}. */
    public static double[][] batch(
            double[] high, double[] low, double[] close, int emaPeriod, double multiplier, int atrPeriod) {
        return OhlcvArrays.ofHlc(high, low, close).run(new Keltner(emaPeriod, multiplier, atrPeriod));
    }
}
