package dev.paperdesk.engine.indicator;

/**
 * A technical indicator fed one bar at a time, in time order, with O(1) work and no allocation per
 * update.
 *
 * <p>An indicator has one or more output series (MACD has three). {@link #value(int)} returns NaN
 * while an output is undefined; the first bar at which output {@code i} is defined is the bar
 * with index {@link #lookback(int)} (0-based, counting from the first bar fed after construction
 * or {@link #reset()}). Driving an indicator over a series bar by bar and collecting {@code
 * value(i)} after every bar yields exactly the arrays the batch functions return.
 */
public interface StreamingIndicator {
    /**
     * Feeds the next bar. Indicators read only the fields they need; all values must be finite.
     *
     * @param epochMillis the bar's time (only session-anchored indicators such as VWAP read it)
     */
    void update(long epochMillis, double open, double high, double low, double close, double volume);

    /** {@link #inputs()}: the bar's time. */
    int TIME = 1;

    /** {@link #inputs()}: the open. */
    int OPEN = 1 << 1;

    /** {@link #inputs()}: the high. */
    int HIGH = 1 << 2;

    /** {@link #inputs()}: the low. */
    int LOW = 1 << 3;

    /** {@link #inputs()}: the close. */
    int CLOSE = 1 << 4;

    /** {@link #inputs()}: the volume. */
    int VOLUME = 1 << 5;

    /** {@link #inputs()}: every field of the bar. */
    int ALL = TIME | OPEN | HIGH | LOW | CLOSE | VOLUME;

    /**
     * The arguments of {@link #update} this indicator reads, as a mask of {@link #TIME}, {@link
     * #OPEN}, ... ({@link #ALL} unless it says otherwise): a host may pass any finite value, or NaN,
     * for the others, and need not convert them from the bar's decimals.
     */
    default int inputs() {
        return ALL;
    }

    /** The number of output series. */
    int outputs();

    /** The latest value of output {@code output} (0-based), or NaN while it is undefined. */
    double value(int output);

    /** Whether every output is defined at the latest bar. */
    boolean isReady();

    /**
     * The index of the first bar at which output {@code output} is defined, or -1 when that depends
     * on the data (VWAP waits for volume).
     */
    int lookback(int output);

    /** The index of the first bar at which every output is defined ({@link #isReady()} turns true). */
    default int lookback() {
        int max = 0;
        for (int i = 0; i < outputs(); i++) {
            int l = lookback(i);
            if (l < 0) {
                return -1;
            }
            max = Math.max(max, l);
        }
        return max;
    }

    /** Forgets every bar fed so far, as if newly constructed. */
    void reset();
}
