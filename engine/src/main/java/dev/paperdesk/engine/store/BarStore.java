package dev.paperdesk.engine.store;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The persistence port for historical bars: series of OHLCV candles, one per instrument and
 * timeframe, each written in one transaction or not at all.
 */
public interface BarStore {

    /** Identifies one stored series: an instrument's bars of one timeframe. */
    record SeriesKey(InstrumentId instrument, Timeframe timeframe) implements Comparable<SeriesKey> {
        public SeriesKey {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(timeframe, "timeframe");
        }

        @Override
        public int compareTo(SeriesKey o) {
            int c = instrument.compareTo(o.instrument);
            return c != 0 ? c : timeframe.compareTo(o.timeframe);
        }

        @Override
        public String toString() {
            return instrument + " " + timeframe;
        }
    }

    /** A stored series with its number of bars and the open times of its first and last bar. */
    record SeriesInfo(SeriesKey key, long rows, Instant first, Instant last) {
        public SeriesInfo {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            if (rows <= 0) {
                throw new IllegalArgumentException(key + ": a stored series has at least one bar");
            }
        }
    }

    /** What an insert does when the series already holds bars. */
    enum WriteMode {
        /**
         * Adds the bars when their time range lies wholly before or after the stored range; refuses
         * the whole batch when the ranges overlap (touching or interleaving stamps).
         */
        REFUSE_OVERLAP,
        /** Deletes the stored series and writes the new bars in the same transaction. */
        REPLACE
    }

    /** The result of an insert: written, or refused because of stored bars. */
    sealed interface InsertResult {
        /** The bars were committed; {@code replacedRows} stored bars were deleted first (REPLACE). */
        record Inserted(SeriesKey key, long rows, long replacedRows) implements InsertResult {}

        /** Nothing was written: the batch overlaps the stored range and the mode was REFUSE_OVERLAP. */
        record Refused(SeriesKey key, Instant storedFirst, Instant storedLast, Instant newFirst, Instant newLast)
                implements InsertResult {
            /** A sentence for the user naming both ranges. */
            public String message() {
                return "series " + key + " already holds bars from " + storedFirst + " to " + storedLast
                        + "; the new bars from " + newFirst + " to " + newLast
                        + " overlap them (replace the series to overwrite it)";
            }
        }
    }

    /**
     * Writes {@code bars} (strictly increasing open times, all of {@code key}) in one transaction.
     * The iterator is always drained, even when the batch is going to be refused. If it throws, the
     * transaction is rolled back, nothing is written and the exception propagates: a streaming
     * importer aborts this way after finding a bad row. An empty batch writes nothing.
     *
     * @throws IllegalArgumentException when a bar belongs to another series or is out of order (nothing is written)
     */
    InsertResult insert(SeriesKey key, Iterator<Bar> bars, WriteMode mode);

    /** Writes a batch held in memory; see {@link #insert(SeriesKey, Iterator, WriteMode)}. */
    default InsertResult insert(SeriesKey key, List<Bar> bars, WriteMode mode) {
        return insert(key, bars.iterator(), mode);
    }

    /** Every stored series, ordered by instrument then timeframe. */
    List<SeriesInfo> series();

    /**
     * Appends live bars of several series (in one transaction where the store has them). A series whose new bars would overlap
     * its stored range is left unchanged and reported as {@link InsertResult.Refused}; the others
     * are written.
     */
    default List<InsertResult> appendAll(java.util.Map<SeriesKey, List<Bar>> batches) {
        List<InsertResult> results = new java.util.ArrayList<>();
        batches.forEach((key, bars) -> results.add(insert(key, bars, WriteMode.REFUSE_OVERLAP)));
        return results;
    }

    /** One series' counts, if it exists. */
    Optional<SeriesInfo> info(SeriesKey key);

    /**
     * Up to {@code limit} bars of a series with open time in {@code [fromInclusive, toExclusive)},
     * oldest first. Page through a long series by starting the next call just after the last bar.
     */
    List<Bar> read(SeriesKey key, Instant fromInclusive, Instant toExclusive, int limit);
}
