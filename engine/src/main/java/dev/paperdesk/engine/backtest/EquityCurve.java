package dev.paperdesk.engine.backtest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A backtest's equity curve held in columns: per point the close time, the equity's unscaled digits
 * and the benchmark's close; the equity's scale, the running peak it is measured against and an
 * equity of more than 18 digits (held as its {@code BigDecimal}) change far less often than the
 * points, so they are kept once per run of points sharing them, and so are the digits until they
 * first move within a run (a portfolio that never trades has none per point). An {@link
 * EquityPoint} is made when it is read; its drawdown and buy-and-hold value are worked out then,
 * from the same numbers and with the same arithmetic as when they were computed at every bar. A
 * million points hold no million objects (their retention made the garbage collector copy them over
 * and over during a run), and take 8 to 16 bytes each (a point's close second is kept as an offset
 * from the first point's while they are fewer than 2^31 seconds apart, its nanoseconds only once a
 * close has any).
 *
 * <p>Built on the engine thread by {@link Builder}, immutable once {@link Builder#build() built}.
 */
final class EquityCurve extends AbstractList<EquityPoint> implements RandomAccess {
    private static final MathContext MC = MathContext.DECIMAL64;

    private final int size;
    private final long baseSecond;
    /** Close seconds after {@code baseSecond}; unused once {@code seconds} is set. */
    private final int[] secondOffsets;
    /** Close seconds, when some point lies too far from the first for an int offset; else null. */
    private final long[] seconds;
    /** Nanoseconds of the closes; null when every one is 0. */
    private final int[] nanos;

    /** The equity's unscaled digits per point; null while every point has its run's ({@code runUnscaled}). */
    private final long[] unscaled;
    /** The first point of each run of points sharing scale, peak and wide equity, ascending. */
    private final int[] runStarts;

    private final int[] runScales;
    private final int[] runPeaks;
    private final long[] runUnscaled;
    /** The run's equity when it has more than 18 digits (then {@code unscaled} is not used), else null. */
    private final BigDecimal[] runWide;

    private final int runCount;
    private final BigDecimal[] peaks;
    /** The benchmark's latest close at each point; null before its first bar (the value is the capital). */
    private final BigDecimal[] benchmarkCloses;

    private final BigDecimal benchmarkUnits;
    private final BigDecimal capital;

    private EquityCurve(Builder b) {
        // the builder's arrays are handed over, not copied: it takes no more points after build()
        this.size = b.size;
        this.baseSecond = b.baseSecond;
        this.secondOffsets = b.secondOffsets;
        this.seconds = b.seconds;
        this.nanos = b.nanos;
        this.unscaled = b.unscaled;
        this.runStarts = b.runStarts;
        this.runScales = b.runScales;
        this.runPeaks = b.runPeaks;
        this.runUnscaled = b.runUnscaled;
        this.runWide = b.runWide;
        this.runCount = b.runCount;
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
        return Instant.ofEpochSecond(second(index), nano(index));
    }

    private long second(int index) {
        return seconds != null ? seconds[index] : baseSecond + secondOffsets[index];
    }

    private int nano(int index) {
        return nanos == null ? 0 : nanos[index];
    }

    /** The UTC day the point's bar belongs to: the day of the instant just before its close. */
    long epochDay(int index) {
        return Math.floorDiv(daySecond(index), 86_400L);
    }

    /** The whole second holding the instant just before the point's close: its day is the point's. */
    long daySecond(int index) {
        checkIndex(index);
        return nano(index) == 0 ? second(index) - 1 : second(index);
    }

    BigDecimal equity(int index) {
        checkIndex(index);
        return equity(index, run(index));
    }

    private BigDecimal equity(int index, int run) {
        BigDecimal wide = runWide[run];
        if (wide != null) {
            return wide;
        }
        return BigDecimal.valueOf(unscaled != null ? unscaled[index] : runUnscaled[run], runScales[run]);
    }

    /** {@code equity / peak − 1}, exactly 0 at the peak. */
    double drawdown(int index) {
        checkIndex(index);
        int run = run(index);
        BigDecimal eq = equity(index, run);
        BigDecimal peak = peaks[runPeaks[run]];
        return eq.compareTo(peak) == 0 ? 0.0 : eq.divide(peak, MC).doubleValue() - 1;
    }

    /** The run holding point {@code index}: the last one starting at or before it. */
    private int run(int index) {
        int lo = 0;
        int hi = runCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (runStarts[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
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
        private long baseSecond;
        private int[] secondOffsets;
        private long[] seconds;
        private int[] nanos;
        private int capacity;
        private long[] unscaled;
        private int[] runStarts = new int[16];
        private long[] runUnscaled = new long[16];
        private int[] runScales = new int[16];
        private int[] runPeaks = new int[16];
        private BigDecimal[] runWide = new BigDecimal[16];
        private int runCount;
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
            capacity = n;
            secondOffsets = new int[n];
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
            int i = point(closeSeconds, closeNanos);
            if (equity != lastEquity) {
                run(i, 0, equity, 0L); // more than 18 digits
            } else {
                run(i, lastScale, null, lastUnscaled);
            }
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
            int i = point(closeSeconds, closeNanos);
            run(i, equityScale, null, unscaledEquity);
            benchmarkCloses[i] = benchmarkClose;
        }

        /** The index of the point at this close: the last one when it closed at the same instant, else a new one. */
        private int point(long closeSeconds, int closeNanos) {
            int last = size - 1;
            if (last >= 0
                    && (seconds != null ? seconds[last] : baseSecond + secondOffsets[last]) == closeSeconds
                    && (nanos == null ? 0 : nanos[last]) == closeNanos) {
                return last; // bars of several series closing together: one point
            }
            if (size == capacity) {
                grow();
            }
            int i = size++;
            if (i == 0) {
                baseSecond = closeSeconds;
            }
            long offset = closeSeconds - baseSecond; // wraps only when the seconds are ~2^63 apart: checked below
            if (seconds == null && offset == (int) offset && (closeSeconds >= baseSecond) == (offset >= 0)) {
                secondOffsets[i] = (int) offset;
            } else {
                secondsInLongs()[i] = closeSeconds;
            }
            if (nanos != null) {
                nanos[i] = closeNanos;
            } else if (closeNanos != 0) {
                nanos = new int[capacity];
                nanos[i] = closeNanos;
            }
            return i;
        }

        /** The seconds column as longs, made from the offsets the first time a close lies too far away. */
        private long[] secondsInLongs() {
            if (seconds == null) {
                seconds = new long[capacity];
                for (int k = 0; k < size - 1; k++) {
                    seconds[k] = baseSecond + secondOffsets[k];
                }
                secondOffsets = null;
            }
            return seconds;
        }

        /**
         * Puts point {@code i} (the last one) in a run with this scale, wide figure and the current
         * peak: the last run when they are its own, else a new run from {@code i}.
         */
        private void run(int i, int scale, BigDecimal wide, long digits) {
            int peak = peakCount - 1;
            int r = runCount - 1;
            if (r >= 0 && runScales[r] == scale && runPeaks[r] == peak && runWide[r] == wide) {
                if (unscaled != null) {
                    unscaled[i] = digits;
                } else if (digits != runUnscaled[r] && runStarts[r] != i) {
                    // the first figure that differs within a run: from now on the digits go per point
                    unscaledPerPoint(i)[i] = digits;
                } else {
                    runUnscaled[r] = digits; // the run's own digits (a run of this point alone may change them)
                }
                return;
            }
            if (r < 0 || runStarts[r] != i) {
                // a point of the same instant that began the last run re-sets it; else a new run begins
                if (runCount == runStarts.length) {
                    int n = runCount * 2;
                    runStarts = Arrays.copyOf(runStarts, n);
                    runUnscaled = Arrays.copyOf(runUnscaled, n);
                    runScales = Arrays.copyOf(runScales, n);
                    runPeaks = Arrays.copyOf(runPeaks, n);
                    runWide = Arrays.copyOf(runWide, n);
                }
                r = runCount++;
                runStarts[r] = i;
            }
            runScales[r] = scale;
            runPeaks[r] = peak;
            runWide[r] = wide;
            runUnscaled[r] = digits;
            if (unscaled != null) {
                unscaled[i] = digits;
            }
        }

        /** The digits column, made from the runs' digits for the points before {@code i} the first time. */
        private long[] unscaledPerPoint(int i) {
            long[] column = new long[capacity];
            for (int r = 0; r < runCount; r++) {
                int end = r + 1 < runCount ? runStarts[r + 1] : i;
                Arrays.fill(column, runStarts[r], Math.min(end, i), runUnscaled[r]);
            }
            unscaled = column;
            return column;
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
            int n = capacity + (capacity >> 1);
            capacity = n;
            if (secondOffsets != null) {
                secondOffsets = Arrays.copyOf(secondOffsets, n);
            }
            if (seconds != null) {
                seconds = Arrays.copyOf(seconds, n);
            }
            if (nanos != null) {
                nanos = Arrays.copyOf(nanos, n);
            }
            if (unscaled != null) {
                unscaled = Arrays.copyOf(unscaled, n);
            }
            benchmarkCloses = Arrays.copyOf(benchmarkCloses, n);
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
