package dev.paperdesk.engine.indicator;

import java.util.Arrays;

/**
 * Simple moving average of the last {@code period} values, kept as a running sum (add the new value,
 * divide, subtract the value leaving the window, as TA-Lib does) — exactly, whenever it can.
 *
 * <p>Prices are decimals: a close of 11.375 or 2.370370 read from a file is the double nearest to
 * that decimal. Each value that is the nearest double to a decimal with at most {@value #DECIMALS}
 * places is also kept as an exact count of 10<sup>−8</sup> units, and while every value in the window
 * is such a decimal the sum is exact ({@code long}) and the average is that sum divided once, with one
 * correct rounding. So two averages that are equal in exact decimal arithmetic — SMA(10) = SMA(30) =
 * 11.375 — are equal doubles, and a crossover test ({@code fast > slow} after {@code fast <= slow})
 * sees the tie instead of a last-bit difference left by a drifting floating-point sum. A window
 * holding any other value (a computed ratio, NaN, a magnitude of 10<sup>7</sup> or more) uses the
 * running double sum, as before. The exact path holds while the window's sum stays below
 * 2<sup>53</sup> units (about 90 million, e.g. a price of 225,000 over 400 bars). Lookback {@code
 * period - 1}.
 */
public final class Sma implements StreamingIndicator {
    /** Decimal places the exact path keeps. */
    public static final int DECIMALS = 8;

    private static final double SCALE = 1e8;
    private static final double HALF_SCALE = SCALE / 2;
    private static final long MANTISSA = 0x000F_FFFF_FFFF_FFFFL;
    private static final long EXPONENT = 0x7FF0_0000_0000_0000L;
    private static final long ULP_SHIFT = 52L << 52;
    /** Below this magnitude only zero is a decimal of 8 places (and the exponent trick needs normals). */
    private static final double TINY = 0x1p-900;
    /**
     * Values of this magnitude or more take the double path: below it, {@code x · 10⁸} is within 0.2
     * of the integer it stands for, so rounding it finds that integer.
     */
    private static final double EXACT_LIMIT = 1e7;
    /** Marks a value that is not a short decimal in {@link #units}. */
    private static final long INEXACT = Long.MIN_VALUE;

    private final int period;
    private final double divisor;
    private final double[] window;
    private final long[] units;
    private int pos;
    private int count;
    private double sum;
    private long exactSum;
    private int inexact;
    private double value = Double.NaN;

    public Sma(int period) {
        this.period = PeriodChecks.period("SMA period", period);
        this.divisor = period * SCALE;
        this.window = new double[period];
        this.units = new long[period];
    }

    /**
     * {@code x} as a count of 10<sup>−8</sup>, when {@code x} is the double nearest to such a decimal;
     * {@link #INEXACT} otherwise.
     */
    static long units(double x) {
        double ax = Math.abs(x);
        if (!(ax < EXACT_LIMIT && ax >= TINY)) {
            return x == 0 ? 0L : INEXACT;
        }
        double r = Math.rint(x * SCALE);
        // (x − r·10⁻⁸)·10⁸ with one rounding. x is the double nearest to r·10⁻⁸ when that decimal lies
        // within half the gap to x's neighbour on its side (a decimal of ≤ 8 places is never exactly
        // half-way between two doubles in this range, so the test is strict and rounding-safe).
        double e = Math.fma(x, SCALE, -r);
        long bits = Double.doubleToRawLongBits(x);
        // ulp(x)·10⁸/2 from the exponent bits alone: 2^(exponent − 52), no library call in the hot loop.
        double limit = Double.longBitsToDouble((bits & EXPONENT) - ULP_SHIFT) * HALF_SCALE;
        if ((bits & MANTISSA) == 0 && (e > 0) == (x > 0)) {
            limit *= 0.5; // at a power of two the neighbour towards zero is half as far
        }
        return Math.abs(e) < limit ? (long) r : INEXACT;
    }

    /** Feeds the next value. */
    public void update(double x) {
        long u = units(x);
        sum += x;
        window[pos] = x;
        units[pos] = u;
        if (u == INEXACT) {
            inexact++;
        } else {
            exactSum += u;
        }
        pos = pos + 1 == period ? 0 : pos + 1;
        if (count < period) {
            count++;
            if (count < period) {
                return;
            }
        }
        value = inexact == 0 ? exactSum / divisor : sum / period;
        // The slot after the newest holds the oldest value of the current window: it leaves next.
        sum -= window[pos];
        long leaving = units[pos];
        if (leaving == INEXACT) {
            inexact--;
        } else {
            exactSum -= leaving;
        }
    }

    /** The average, NaN until {@code period} values have been fed. */
    public double value() {
        return value;
    }

    public int period() {
        return period;
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
        return count == period;
    }

    @Override
    public int lookback(int output) {
        return period - 1;
    }

    @Override
    public void reset() {
        Arrays.fill(window, 0.0);
        Arrays.fill(units, 0L);
        pos = 0;
        count = 0;
        sum = 0.0;
        exactSum = 0L;
        inexact = 0;
        value = Double.NaN;
    }

    /**
     * The SMA of {@code values}: NaN for the first {@code period - 1} entries; the same numbers as
     * feeding them one by one to {@link #update(double)}.
     */
    public static double[] batch(double[] values, int period) {
        PeriodChecks.period("SMA period", period);
        int n = values.length;
        double[] out = new double[n];
        int warm = Math.min(period - 1, n);
        Arrays.fill(out, 0, warm, Double.NaN);
        long[] u = new long[n];
        int inexactValues = 0;
        for (int i = 0; i < n; i++) {
            long v = units(values[i]);
            u[i] = v;
            inexactValues += v == INEXACT ? 1 : 0;
        }
        if (inexactValues == 0) {
            exact(u, period, warm, out);
        } else if (inexactValues == n) {
            drifting(values, period, warm, out);
        } else {
            mixed(values, u, period, warm, out);
        }
        return out;
    }

    /** Every value a short decimal: the exact sum only. */
    private static void exact(long[] u, int period, int warm, double[] out) {
        double divisor = period * SCALE;
        long sum = 0L;
        int i = 0;
        for (; i < warm; i++) {
            sum += u[i];
        }
        for (int trailing = 0; i < u.length; i++, trailing++) {
            sum += u[i];
            out[i] = sum / divisor;
            sum -= u[trailing];
        }
    }

    /** No value a short decimal: TA-Lib's running double sum only. */
    private static void drifting(double[] values, int period, int warm, double[] out) {
        double sum = 0.0;
        int i = 0;
        for (; i < warm; i++) {
            sum += values[i];
        }
        for (int trailing = 0; i < values.length; i++, trailing++) {
            sum += values[i];
            out[i] = sum / period;
            sum -= values[trailing];
        }
    }

    /** Both kinds: window by window, as {@link #update(double)} does. */
    private static void mixed(double[] values, long[] u, int period, int warm, double[] out) {
        double divisor = period * SCALE;
        double sum = 0.0;
        long exactSum = 0L;
        int inexact = 0;
        int i = 0;
        for (; i < warm; i++) {
            sum += values[i];
            if (u[i] == INEXACT) {
                inexact++;
            } else {
                exactSum += u[i];
            }
        }
        for (int trailing = 0; i < values.length; i++, trailing++) {
            sum += values[i];
            if (u[i] == INEXACT) {
                inexact++;
            } else {
                exactSum += u[i];
            }
            out[i] = inexact == 0 ? exactSum / divisor : sum / period;
            sum -= values[trailing];
            if (u[trailing] == INEXACT) {
                inexact--;
            } else {
                exactSum -= u[trailing];
            }
        }
    }
}
