package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.InsertResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Bars held in memory, for backtests on a CSV file or generated data without a workspace. Series
 * are replaced or appended whole; reads are binary searches on open time and return views of the
 * stored (immutable) series, not copies. Beside each series its open times and its highs and lows
 * are kept in primitive columns, so that the price range of a stretch of bars ({@link #range}) is
 * a scan of two {@code long} arrays rather than of a million bars' {@code BigDecimal}s.
 */
public final class MemoryBarStore implements BarStore {
    private final Map<SeriesKey, Columns> series = new ConcurrentSkipListMap<>();

    @Override
    public synchronized InsertResult insert(SeriesKey key, Iterator<Bar> bars, WriteMode mode) {
        List<Bar> incoming = new ArrayList<>();
        Instant last = null;
        while (bars.hasNext()) {
            Bar b = bars.next();
            if (!b.instrumentId().equals(key.instrument()) || b.timeframe() != key.timeframe()) {
                throw new IllegalArgumentException("bar " + b + " does not belong to series " + key);
            }
            if (last != null && !b.openTime().isAfter(last)) {
                throw new IllegalArgumentException("bars of " + key + " out of order at " + b.openTime());
            }
            last = b.openTime();
            incoming.add(b);
        }
        if (incoming.isEmpty()) {
            return new InsertResult.Inserted(key, 0, 0);
        }
        TreeMap<Instant, Bar> merged = new TreeMap<>();
        Columns old = series.get(key);
        List<Bar> existing = old == null ? List.of() : old.bars;
        long replaced = 0;
        if (mode == WriteMode.REFUSE_OVERLAP) {
            existing.forEach(b -> merged.put(b.openTime(), b));
        } else {
            replaced = existing.size();
        }
        if (!existing.isEmpty() && mode == WriteMode.REFUSE_OVERLAP) {
            Instant storedFirst = existing.get(0).openTime();
            Instant storedLast = existing.get(existing.size() - 1).openTime();
            Instant newFirst = incoming.get(0).openTime();
            Instant newLast = incoming.get(incoming.size() - 1).openTime();
            if (!newFirst.isAfter(storedLast) && !newLast.isBefore(storedFirst)) {
                return new InsertResult.Refused(key, storedFirst, storedLast, newFirst, newLast);
            }
        }
        for (Bar b : incoming) {
            merged.put(b.openTime(), b);
        }
        series.put(key, new Columns(List.copyOf(merged.values())));
        return new InsertResult.Inserted(key, incoming.size(), replaced);
    }

    @Override
    public List<SeriesInfo> series() {
        List<SeriesInfo> out = new ArrayList<>();
        for (SeriesKey k : series.keySet()) {
            info(k).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<SeriesInfo> info(SeriesKey key) {
        Columns c = series.get(key);
        List<Bar> bars = c == null ? List.of() : c.bars;
        if (bars.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SeriesInfo(
                key,
                bars.size(),
                bars.get(0).openTime(),
                bars.get(bars.size() - 1).openTime()));
    }

    @Override
    public List<Bar> read(SeriesKey key, Instant fromInclusive, Instant toExclusive, int limit) {
        Columns c = series.getOrDefault(key, Columns.NONE);
        List<Bar> bars = c.bars;
        int lo = c.firstAtOrAfter(fromInclusive);
        int hi = Math.max(lo, c.firstAtOrAfter(toExclusive));
        // a view of the immutable series: a replay pages through it without copying
        return bars.subList(lo, (int) Math.max(lo, Math.min(hi, (long) lo + limit)));
    }

    /** The highest high and the lowest low of a stretch of bars: each the first bar's value where several are equal. */
    public record Range(BigDecimal high, BigDecimal low) {}

    /**
     * The price range of the bars of a series opening in {@code [fromInclusive, toExclusive)}, or
     * null when none does. The same numbers (value and scale) as folding {@code high.max(b.high())}
     * and {@code low.min(b.low())} over the bars read in that range.
     */
    public Range range(SeriesKey key, Instant fromInclusive, Instant toExclusive) {
        return ranges(key).range(fromInclusive, toExclusive);
    }

    /** A reader of price ranges of the series as it is now, for many stretches (a backtest's trades). */
    public Ranges ranges(SeriesKey key) {
        return new Ranges(series.getOrDefault(key, Columns.NONE));
    }

    /**
     * Reads price ranges of one series. Each search starts from where the previous one ended, so
     * stretches that move forward in time (trades in order) find their bars in a few steps instead
     * of a binary search over the whole series; any order gives the same answers.
     */
    public static final class Ranges {
        private final Columns c;
        private int hint;

        private Ranges(Columns c) {
            this.c = c;
        }

        /** As {@link MemoryBarStore#range}. */
        public Range range(Instant fromInclusive, Instant toExclusive) {
            List<Bar> bars = c.bars;
            int lo = c.firstAtOrAfter(fromInclusive, hint);
            int hi = c.firstAtOrAfter(toExclusive, lo);
            hint = Math.max(lo, hi);
            if (hi <= lo) {
                return null;
            }
            if (c.highs == null) {
                BigDecimal high = null;
                BigDecimal low = null;
                for (int i = lo; i < hi; i++) {
                    Bar b = bars.get(i);
                    high = high == null ? b.high() : high.max(b.high());
                    low = low == null ? b.low() : low.min(b.low());
                }
                return new Range(high, low);
            }
            long[] highs = c.highs;
            long[] lows = c.lows;
            int top = lo;
            int bottom = lo;
            for (int i = lo + 1; i < hi; i++) {
                // strictly beyond: on a tie the first bar's number stays, as BigDecimal.max/min keep theirs
                if (highs[i] > highs[top]) {
                    top = i;
                }
                if (lows[i] < lows[bottom]) {
                    bottom = i;
                }
            }
            return new Range(bars.get(top).high(), bars.get(bottom).low());
        }
    }

    /** How many bars of the series open in {@code [fromInclusive, toExclusive)}, without reading them. */
    public long count(SeriesKey key, Instant fromInclusive, Instant toExclusive) {
        Columns c = series.getOrDefault(key, Columns.NONE);
        int lo = c.firstAtOrAfter(fromInclusive);
        return Math.max(0, c.firstAtOrAfter(toExclusive) - lo);
    }

    /**
     * A stored series: its bars, their open times (epoch seconds and nanoseconds, for binary searches
     * that touch no bar), and their highs and lows as unscaled longs at one common scale (the largest
     * of the series), so that comparing two longs is comparing the two numbers; no highs and lows
     * (null) when a number would not fit in a long at that scale.
     */
    private static final class Columns {
        static final Columns NONE = new Columns(List.of());

        final List<Bar> bars;
        final long[] openSeconds;
        final int[] openNanos;
        final long[] highs;
        final long[] lows;

        Columns(List<Bar> bars) {
            this.bars = bars;
            openSeconds = new long[bars.size()];
            openNanos = new int[bars.size()];
            for (int i = 0; i < openSeconds.length; i++) {
                Instant t = bars.get(i).openTime();
                openSeconds[i] = t.getEpochSecond();
                openNanos[i] = t.getNano();
            }
            int scale = 0;
            for (Bar b : bars) {
                scale = Math.max(scale, Math.max(b.high().scale(), b.low().scale()));
            }
            long[] h = null;
            long[] l = null;
            if (scale <= 18) {
                h = new long[bars.size()];
                l = new long[bars.size()];
                try {
                    for (int i = 0; i < h.length; i++) {
                        Bar b = bars.get(i);
                        // exact: the scale is at least the number's own, and longValueExact refuses an overflow
                        h[i] = b.high().movePointRight(scale).longValueExact();
                        l[i] = b.low().movePointRight(scale).longValueExact();
                    }
                } catch (ArithmeticException tooWide) {
                    h = null;
                    l = null;
                }
            }
            this.highs = h;
            this.lows = l;
        }

        /** The index of the first bar opening at or after {@code t}. */
        int firstAtOrAfter(Instant t) {
            return search(0, openSeconds.length, t.getEpochSecond(), t.getNano());
        }

        /**
         * The same, searched from index {@code hint} in steps that double (backwards when the bar
         * there is not before {@code t}, else forwards), then by a binary search between the last two
         * steps.
         */
        int firstAtOrAfter(Instant t, int hint) {
            long seconds = t.getEpochSecond();
            int nanos = t.getNano();
            int n = openSeconds.length;
            if (hint < 0 || hint >= n) {
                return search(0, n, seconds, nanos);
            }
            if (!before(hint, seconds, nanos)) {
                // the bar at hi qualifies; every bar up to lo (when there is one) is before t
                int hi = hint;
                int lo = hint - 1;
                int step = 1;
                while (lo >= 0 && !before(lo, seconds, nanos)) {
                    hi = lo;
                    lo = step > hi ? -1 : hi - step;
                    step <<= 1;
                }
                return search(lo + 1, hi, seconds, nanos);
            }
            // every bar up to hint is before t
            int lo = hint + 1;
            int hi = lo;
            int step = 1;
            while (hi < n && before(hi, seconds, nanos)) {
                lo = hi + 1;
                hi = (int) Math.min((long) lo + step, n);
                step <<= 1;
            }
            return search(lo, Math.min(hi, n), seconds, nanos);
        }

        private boolean before(int i, long seconds, int nanos) {
            return openSeconds[i] < seconds || (openSeconds[i] == seconds && openNanos[i] < nanos);
        }

        /** The first index in {@code [lo, hi)} of a bar not before the time, or {@code hi}. */
        private int search(int lo, int hi, long seconds, int nanos) {
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (before(mid, seconds, nanos)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
