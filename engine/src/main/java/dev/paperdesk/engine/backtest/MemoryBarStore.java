package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.InsertResult;
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
 * are replaced or appended whole; reads are binary searches on open time.
 */
public final class MemoryBarStore implements BarStore {
    private final Map<SeriesKey, List<Bar>> series = new ConcurrentSkipListMap<>();

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
        List<Bar> existing = series.getOrDefault(key, List.of());
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
        series.put(key, List.copyOf(merged.values()));
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
        List<Bar> bars = series.get(key);
        if (bars == null || bars.isEmpty()) {
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
        List<Bar> bars = series.getOrDefault(key, List.of());
        int lo = firstAtOrAfter(bars, fromInclusive);
        int hi = Math.max(lo, firstAtOrAfter(bars, toExclusive));
        // one exactly sized copy of the page
        return new ArrayList<>(bars.subList(lo, (int) Math.max(lo, Math.min(hi, (long) lo + limit))));
    }

    /** How many bars of the series open in {@code [fromInclusive, toExclusive)}, without reading them. */
    public long count(SeriesKey key, Instant fromInclusive, Instant toExclusive) {
        List<Bar> bars = series.getOrDefault(key, List.of());
        int lo = firstAtOrAfter(bars, fromInclusive);
        return Math.max(0, firstAtOrAfter(bars, toExclusive) - lo);
    }

    private static int firstAtOrAfter(List<Bar> bars, Instant t) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).openTime().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
