package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.store.BarStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A backtest's bars: the data's store, read-only, with series built from it for the run (longer
 * timeframes a strategy reads) held beside it in memory, so the data itself stays as it was and runs
 * that share it (an optimization's) do not see each other's.
 */
final class DerivedBarStore implements BarStore {
    private final BarStore base;
    private final MemoryBarStore derived;

    DerivedBarStore(BarStore base, MemoryBarStore derived) {
        this.base = base;
        this.derived = derived;
    }

    @Override
    public InsertResult insert(SeriesKey key, Iterator<Bar> bars, WriteMode mode) {
        throw new UnsupportedOperationException("a backtest's bars are read-only");
    }

    @Override
    public List<SeriesInfo> series() {
        List<SeriesInfo> out = new ArrayList<>(base.series());
        out.addAll(derived.series());
        return out;
    }

    @Override
    public Optional<SeriesInfo> info(SeriesKey key) {
        Optional<SeriesInfo> own = derived.info(key);
        return own.isPresent() ? own : base.info(key);
    }

    @Override
    public List<Bar> read(SeriesKey key, Instant fromInclusive, Instant toExclusive, int limit) {
        return derived.info(key).isPresent()
                ? derived.read(key, fromInclusive, toExclusive, limit)
                : base.read(key, fromInclusive, toExclusive, limit);
    }
}
