package dev.paperdesk.engine.indicator;

/**
 * Session volume-weighted average price {@code Σ tp·volume / Σ volume} of the typical price {@code
 * (high + low + close) / 3}, restarting at each session boundary: by default 00:00 UTC, or any
 * daily time of day given in minutes after UTC midnight (for example 14:30 = 870 for a New York
 * cash session in winter). A bar belongs to the session in which its timestamp falls. Undefined
 * (NaN) until the session has traded volume, so its lookback depends on the data.
 */
public final class Vwap implements StreamingIndicator {
    private static final long DAY_MILLIS = 86_400_000L;

    private final long boundaryMillis;
    private long session = Long.MIN_VALUE;
    private double priceVolume;
    private double volume;
    private double value = Double.NaN;

    /** A VWAP whose sessions start at 00:00 UTC. */
    public Vwap() {
        this(0);
    }

    /** A VWAP whose sessions start {@code boundaryMinuteOfDay} minutes after 00:00 UTC. */
    public Vwap(int boundaryMinuteOfDay) {
        if (boundaryMinuteOfDay < 0 || boundaryMinuteOfDay >= 24 * 60) {
            throw new IllegalArgumentException(
                    "VWAP session boundary must be a minute of the day, 0 to 1439, was " + boundaryMinuteOfDay);
        }
        this.boundaryMillis = boundaryMinuteOfDay * 60_000L;
    }

    /** Feeds the next bar. */
    public void update(long epochMillis, double high, double low, double close, double barVolume) {
        long s = Math.floorDiv(epochMillis - boundaryMillis, DAY_MILLIS);
        if (s != session) {
            session = s;
            priceVolume = 0.0;
            volume = 0.0;
        }
        priceVolume += (high + low + close) / 3.0 * barVolume;
        volume += barVolume;
        value = volume > 0.0 ? priceVolume / volume : Double.NaN;
    }

    public double value() {
        return value;
    }

    @Override
    public void update(long epochMillis, double open, double high, double low, double close, double volume) {
        update(epochMillis, high, low, close, volume);
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
        return volume > 0.0;
    }

    @Override
    public int lookback(int output) {
        return -1;
    }

    @Override
    public void reset() {
        session = Long.MIN_VALUE;
        priceVolume = 0.0;
        volume = 0.0;
        value = Double.NaN;
    }

    /** Session VWAP of the bars; NaN where the session has traded no volume yet. */
    public static double[] batch(OhlcvArrays bars, int boundaryMinuteOfDay) {
        return bars.run(new Vwap(boundaryMinuteOfDay))[0];
    }
}
