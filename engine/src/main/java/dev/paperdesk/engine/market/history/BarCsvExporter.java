package dev.paperdesk.engine.market.history;

import dev.paperdesk.engine.io.AtomicFiles;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Writes a stored series as CSV: {@code timestamp,open,high,low,close,volume}, the timestamp being
 * the bar's open time in ISO-8601 UTC and numbers exact with '.' decimals. The file appears whole
 * or not at all: it is written beside the target and moved into place.
 */
public final class BarCsvExporter {
    /** The header line of exported files. */
    public static final String HEADER = "timestamp,open,high,low,close,volume";

    private static final int PAGE = 10_000;

    private final BarStore store;

    public BarCsvExporter(BarStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Exports {@code key} to {@code out}, replacing it; returns the number of bars written.
     *
     * @throws IllegalArgumentException when the series does not exist
     * @throws UncheckedIOException when the file cannot be written (the target is left untouched)
     */
    public long export(SeriesKey key, Path out) {
        if (store.info(key).isEmpty()) {
            throw new IllegalArgumentException("no series " + key + " in the workspace");
        }
        long[] rows = {0};
        try {
            AtomicFiles.writeText(out, w -> {
                w.write(HEADER);
                w.write('\n');
                Instant from = Instant.MIN;
                while (true) {
                    List<Bar> page = store.read(key, from, Instant.MAX, PAGE);
                    for (Bar b : page) {
                        writeBar(w, b);
                    }
                    rows[0] += page.size();
                    if (page.size() < PAGE) {
                        break;
                    }
                    from = page.get(page.size() - 1).openTime().plusNanos(1);
                }
            });
            return rows[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** One CSV line: ISO-8601 UTC open time and the exact decimals, '.' as decimal point. */
    public static void writeBar(java.io.Writer w, Bar b) throws IOException {
        w.write(b.openTime().toString());
        w.write(',');
        w.write(b.open().toPlainString());
        w.write(',');
        w.write(b.high().toPlainString());
        w.write(',');
        w.write(b.low().toPlainString());
        w.write(',');
        w.write(b.close().toPlainString());
        w.write(',');
        w.write(b.volume().toPlainString());
        w.write('\n');
    }
}
