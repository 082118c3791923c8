package dev.paperdesk.engine.market.history;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
        Path target = out.toAbsolutePath().normalize();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // Not Files.createTempFile: its owner-only permissions would stick to the exported file.
            tmp = dir.resolve("." + target.getFileName() + "." + System.nanoTime() + ".tmp");
            long rows = 0;
            try (BufferedWriter w = Files.newBufferedWriter(
                    tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                w.write(HEADER);
                w.write('\n');
                Instant from = Instant.MIN;
                while (true) {
                    List<Bar> page = store.read(key, from, Instant.MAX, PAGE);
                    for (Bar b : page) {
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
                    rows += page.size();
                    if (page.size() < PAGE) {
                        break;
                    }
                    from = page.get(page.size() - 1).openTime().plusNanos(1);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The export already failed; a stray temporary file is the lesser problem.
                }
            }
        }
    }
}
