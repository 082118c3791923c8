package dev.paperdesk.engine.backtest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A backtest's equity curve held in columns: per point the close time, the equity as an exact
 * scaled long (a {@code BigDecimal} only when it has more than 18 digits), the running peak it is
 * measured against and the benchmark's close. An {@link EquityPoint} is made when it is read; its
 * drawdown and buy-and-hold value are worked out then, from the same numbers and with the same
 * arithmetic as when they were computed at every bar. A million points hold no million objects
 * (their retention made the garbage collector copy them over and over during a run).
 *
 * <p>Built on the engine thread by {@link Builder}, immutable once {@link Builder#build() built}.
 */
final class EquityCurve extends AbstractList<EquityPoint> implements RandomAccess {
    private static final MathContext MC = MathContext.DECIMAL64;

    private final int size;
    private final long[] seconds;
    private final int[] nanos;
    private final long[] unscaled;
    private final int[] scales;
    /** Equity of more than 18 digits, by point; null while there is none. */
    private final BigDecimal[] wide;

    private final int[] peakIndex;
    private final BigDecimal[] peaks;
    /** The benchmark's latest close at each point; null before its first bar (the value is the capital). */
    private final BigDecimal[] benchmarkCloses;

    private final BigDecimal benchmarkUnits;
    private final BigDecimal capital;

    private EquityCurve(Builder b) {
        // the builder's arrays are handed over, not copied: it takes no more points after build()
        this.size = b.size;
        this.seconds = b.seconds;
        this.nanos = b.nanos;
        this.unscaled = b.unscaled;
        this.scales = b.scales;
        this.wide = b.wide;
        this.peakIndex = b.peakIndex;
        this.peaks = b.peaks;
        this.benchmarkCloses = b.benchmarkCloses;
        this.benchmarkUnits = b.benchmarkUnits;
        this.capital = b.capital;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public EquityPoint get(int index) {
        return new EquityPoint(time(index), equity(index), drawdown(index), benchmark(index));
    }

    Instant time(int index) {
        checkIndex(index);
        return Instant.ofEpochSecond(seconds[index], nanos[index]);
    }

    /** The UTC day the point's bar belongs to: the day of the instant just before its close. */
    long epochDay(int index) {
        checkIndex(index);
        long s = nanos[index] == 0 ? seconds[index] - 1 : seconds[index];
        return Math.floorDiv(s, 86_400L);
    }

    BigDecimal equity(int index) {
        checkIndex(index);
        if (wide != null && wide[index] != null) {
            return wide[index];
        }
        return BigDecimal.valueOf(unscaled[index], scales[index]);
    }

    /** {@code equity / peak − 1}, exactly 0 at the peak. */
    double drawdown(int index) {
        BigDecimal eq = equity(index);
        BigDecimal peak = peaks[peakIndex[index]];
        return eq.compareTo(peak) == 0 ? 0.0 : eq.divide(peak, MC).doubleValue() - 1;
    }

    BigDecimal benchmark(int index) {
        checkIndex(index);
        BigDecimal close = benchmarkCloses[index];
        return close == null ? capital : Backtester.cents(benchmarkUnits, close);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("point " + index + " of " + size);
        }
    }

    /** Appends points at bar closes, on the engine thread; points of the same instant replace each other. */
    static final class Builder {
        private final BigDecimal capital;
        private int size;
        private long[] seconds;
        private int[] nanos;
        private long[] unscaled;
        private int[] scales;
        private BigDecimal[] wide;
        private int[] peakIndex;
        private BigDecimal[] peaks = new BigDecimal[16];
        private int peakCount;
        private BigDecimal[] benchmarkCloses;
        private BigDecimal benchmarkUnits;
        private BigDecimal lastEquity;
        /** {@code lastEquity} when the last figure came as a scaled long: never a figure itself. */
        private static final BigDecimal IN_LONGS = new BigDecimal("0");

        private long lastUnscaled;
        private int lastScale;
        /** The latest peak as a scaled long when it is one (a peak of more than 18 digits is not). */
        private boolean peakInLongs;

        private long peakUnscaled;
        private int peakScale;
        private boolean built;

        Builder(BigDecimal capital, int expectedPoints) {
            this.capital = capital;
            int n = Math.max(16, expectedPoints);
            seconds = new long[n];
            nanos = new int[n];
            unscaled = new long[n];
            scales = new int[n];
            peakIndex = new int[n];
            benchmarkCloses = new BigDecimal[n];
        }

        int size() {
            return size;
        }

        /** The buy-and-hold units, fixed at the benchmark's first close. */
        void benchmarkUnits(BigDecimal units) {
            benchmarkUnits = units;
        }

        /**
         * Records the equity at a close (epoch seconds and nanoseconds) with the benchmark's latest
         * close (null before its first); the running peak rises with it.
         */
        void add(long closeSeconds, int closeNanos, BigDecimal equity, BigDecimal benchmarkClose) {
            if (built) {
                throw new IllegalStateException("the curve is built");
            }
            // a flat portfolio repeats the same figure bar after bar: the same object, already counted
            if (equity != lastEquity) {
                newFigure(equity);
            }
            int i;
            if (size > 0 && seconds[size - 1] == closeSeconds && nanos[size - 1] == closeNanos) {
                i = size - 1; // bars of several series closing together: one point
            } else {
                if (size == seconds.length) {
                    grow();
                }
                i = size++;
                seconds[i] = closeSeconds;
                nanos[i] = closeNanos;
            }
            if (equity != lastEquity) {
                // more than 18 digits
                if (wide == null) {
                    wide = new BigDecimal[seconds.length];
                }
                wide[i] = equity;
            } else {
                unscaled[i] = lastUnscaled;
                scales[i] = lastScale;
                if (wide != null) {
                    wide[i] = null;
                }
            }
            peakIndex[i] = peakCount - 1;
            benchmarkCloses[i] = benchmarkClose;
        }

        /**
         * {@link #add(long, int, BigDecimal, BigDecimal)} of the equity {@code unscaledEquity ×
         * 10^-equityScale} (a BigDecimal of that scale): the same point, with no object made unless
         * the figure is a new peak.
         */
        void add(long closeSeconds, int closeNanos, long unscaledEquity, int equityScale, BigDecimal benchmarkClose) {
            if (built) {
                throw new IllegalStateException("the curve is built");
            }
            if (lastEquity == null || lastUnscaled != unscaledEquity || lastScale != equityScale) {
                newFigure(unscaledEquity, equityScale);
            }
            int i;
            if (size > 0 && seconds[size - 1] == closeSeconds && nanos[size - 1] == closeNanos) {
                i = size - 1; // bars of several series closing together: one point
            } else {
                if (size == seconds.length) {
                    grow();
                }
                i = size++;
                seconds[i] = closeSeconds;
                nanos[i] = closeNanos;
            }
            unscaled[i] = unscaledEquity;
            scales[i] = equityScale;
            if (wide != null) {
                wide[i] = null;
            }
            peakIndex[i] = peakCount - 1;
            benchmarkCloses[i] = benchmarkClose;
        }

        /**
         * {@link #newFigure(BigDecimal)} of a figure given as a scaled long: compared with the peak in
         * longs when that is one at the same scale; its BigDecimal made only when it is a new peak or
         * the peak is not comparable in longs. {@code lastEquity} becomes a marker that the last figure
         * is in longs (a BigDecimal figure is never that very object, so it is taken anew).
         */
        private void newFigure(long figure, int scale) {
            lastUnscaled = figure;
            lastScale = scale;
            lastEquity = IN_LONGS;
            BigDecimal equity = null;
            boolean above;
            if (peakCount == 0) {
                above = true;
            } else if (peakInLongs && scale == peakScale) {
                above = figure > peakUnscaled; // the same comparison at one scale
            } else {
                equity = BigDecimal.valueOf(figure, scale);
                above = equity.compareTo(peaks[peakCount - 1]) > 0;
            }
            if (above) {
                if (peakCount == peaks.length) {
                    peaks = Arrays.copyOf(peaks, peakCount * 2);
                }
                peaks[peakCount++] = equity != null ? equity : BigDecimal.valueOf(figure, scale);
                peakInLongs = true;
                peakUnscaled = figure;
                peakScale = scale;
            }
        }

        /**
         * Takes a figure other than the last one: its scaled long when it has one, and the running
         * peak. Apart from {@link #add} so that add, run at every bar, stays small enough to inline.
         */
        private void newFigure(BigDecimal equity) {
            if (equity.precision() > 18) {
                lastEquity = null;
            } else {
                // the unscaled digits without a BigInteger: at scale 0 a compact value is its own long
                lastUnscaled = equity.scaleByPowerOfTen(equity.scale()).longValue();
                lastScale = equity.scale();
                lastEquity = equity;
            }
            boolean inLongs = lastEquity == equity;
            boolean above;
            if (peakCount == 0) {
                above = true;
            } else if (inLongs && peakInLongs && lastScale == peakScale) {
                above = lastUnscaled > peakUnscaled; // the same comparison at one scale
            } else {
                above = equity.compareTo(peaks[peakCount - 1]) > 0;
            }
            if (above) {
                if (peakCount == peaks.length) {
                    peaks = Arrays.copyOf(peaks, peakCount * 2);
                }
                peaks[peakCount++] = equity;
                peakInLongs = inLongs;
                peakUnscaled = lastUnscaled;
                peakScale = lastScale;
            }
        }

        private void grow() {
            int n = seconds.length + (seconds.length >> 1);
            seconds = Arrays.copyOf(seconds, n);
            nanos = Arrays.copyOf(nanos, n);
            unscaled = Arrays.copyOf(unscaled, n);
            scales = Arrays.copyOf(scales, n);
            peakIndex = Arrays.copyOf(peakIndex, n);
            benchmarkCloses = Arrays.copyOf(benchmarkCloses, n);
            if (wide != null) {
                wide = Arrays.copyOf(wide, n);
            }
        }

        EquityCurve build() {
            built = true;
            return new EquityCurve(this);
        }
    }

    /** The curve itself when it is one (it is immutable), else an unmodifiable copy. */
    static List<EquityPoint> copyOf(List<EquityPoint> points) {
        return points instanceof EquityCurve c ? c : List.copyOf(points);
    }
}
