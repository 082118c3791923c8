package dev.paperdesk.engine.indicator;

/**
 * Donchian channel over the last {@code period} bars including the current one: upper = highest
 * high, lower = lowest low, middle = their mean. Lookback {@code period − 1}.
 *
 * <p>Outputs: 0 = upper, 1 = middle, 2 = lower.
 */
public final class Donchian implements StreamingIndicator {
    /** Output index of the upper line. */
    public static final int UPPER = 0;
    /** Output index of the middle line. */
    public static final int MIDDLE = 1;
    /** Output index of the lower line. */
    public static final int LOWER = 2;

    private final int period;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;
    private double upper = Double.NaN;
    private double middle = Double.NaN;
    private double lower = Double.NaN;

    public Donchian(int period) {
        this.period = PeriodChecks.period("Donchian period", period);
        this.highest = RollingExtreme.max(period);
        this.lowest = RollingExtreme.min(period);
    }

    /** Feeds the next bar. */
    public void update(double high, double low) {
        double hh = highest.update(high);
        double ll = lowest.update(low);
        if (highest.full()) {
            upper = hh;
            lower = ll;
            middle = (hh + ll) / 2.0;
        }
    }

    @Override
    public void update(long epochMillis, double open, double high, double low, double close, double volume) {
        update(high, low);
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
        return highest.full();
    }

    @Override
    public int lookback(int output) {
        return period - 1;
    }

    @Override
    public void reset() {
        highest.reset();
        lowest.reset();
        upper = Double.NaN;
        middle = Double.NaN;
        lower = Double.NaN;
    }

    /** Upper, middle and lower line, indexed by {@link #UPPER}, {@link #MIDDLE}, {@link #LOWER}. */
    public static double[][] batch(double[] high, double[] low, int period) {
        return OhlcvArrays.ofHlc(high, low, high).run(new Donchian(period));
    }
}
