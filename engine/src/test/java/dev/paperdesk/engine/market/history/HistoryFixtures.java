package dev.paperdesk.engine.market.history;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.SeriesInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared helpers of the history tests: copying bundled sample files and snapshotting a store. */
final class HistoryFixtures {
    private HistoryFixtures() {}

    /** Copies a bundled sample file into {@code dir} so problems name a real path. */
    static Path sample(Path dir, String name) {
        try (InputStream in = HistoryFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every series and every bar of a store, for before/after comparisons. */
    static Map<SeriesInfo, List<Bar>> snapshot(BarStore store) {
        Map<SeriesInfo, List<Bar>> out = new LinkedHashMap<>();
        for (SeriesInfo s : store.series()) {
            out.put(s, new ArrayList<>(store.read(s.key(), Instant.MIN, Instant.MAX, Integer.MAX_VALUE)));
        }
        return out;
    }
}
