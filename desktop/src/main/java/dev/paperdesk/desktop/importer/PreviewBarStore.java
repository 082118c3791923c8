package dev.paperdesk.desktop.importer;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.store.BarStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A bar store that writes nothing: it counts the bars of an insert and keeps the first few, so the
 * engine's importer can check a whole file and show its first parsed bars before anything is
 * stored. Every insert "succeeds"; overlap with stored series is checked separately.
 */
final class PreviewBarStore implements BarStore {
    private final int keep;
    private final List<Bar> first = new ArrayList<>();
    private long rows;

    PreviewBarStore(int keep) {
        this.keep = keep;
    }

    @Override
    public InsertResult insert(SeriesKey key, Iterator<Bar> bars, WriteMode mode) {
        first.clear();
        rows = 0;
        while (bars.hasNext()) {
            Bar b = bars.next();
            if (first.size() < keep) {
                first.add(b);
            }
            rows++;
        }
        return new InsertResult.Inserted(key, rows, 0);
    }

    /** The first bars of the last insert, oldest first. */
    List<Bar> firstBars() {
        return List.copyOf(first);
    }

    @Override
    public List<SeriesInfo> series() {
        return List.of();
    }

    @Override
    public Optional<SeriesInfo> info(SeriesKey key) {
        return Optional.empty();
    }

    @Override
    public List<Bar> read(SeriesKey key, Instant fromInclusive, Instant toExclusive, int limit) {
        return first.stream()
                .filter(b -> b.openTime().compareTo(fromInclusive) >= 0
                        && b.openTime().isBefore(toExclusive))
                .limit(limit)
                .toList();
    }
}
