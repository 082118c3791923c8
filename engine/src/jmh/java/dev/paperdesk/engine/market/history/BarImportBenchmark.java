package dev.paperdesk.engine.market.history;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.WriteMode;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to import one million one-minute bars: end to end into a fresh SQLite workspace, and
 * parsing plus validation alone (a store that only drains the bars). One shot per iteration,
 * since an import is a one-off job whose cold-ish cost is what users wait for.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class BarImportBenchmark {
    static final int ROWS = 1_000_000;

    @Param({"binance", "generic"})
    public String format;

    private Path dir;
    private Path file;
    private Path workspace;
    private ImportRequest request;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        dir = Files.createTempDirectory("bar-import-bench");
        file = dir.resolve(format + ".csv");
        SplittableRandom random = new SplittableRandom(7);
        long t = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
        double price = 30_000;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            if (format.equals("generic")) {
                w.write("timestamp,open,high,low,close,volume\n");
            }
            for (int i = 0; i < ROWS; i++, t += 60_000) {
                double open = price;
                double close = Math.max(1, open + random.nextDouble(-10, 10));
                double high = Math.max(open, close) + random.nextDouble(0, 3);
                double low = Math.min(open, close) - random.nextDouble(0, 3);
                double volume = random.nextDouble(0, 100);
                String ohlcv = String.format(Locale.ROOT, "%.2f,%.2f,%.2f,%.2f,%.5f", open, high, low, close, volume);
                if (format.equals("generic")) {
                    w.write(Instant.ofEpochMilli(t) + "," + ohlcv + "\n");
                } else {
                    w.write(t + "," + ohlcv + "," + (t + 59_999) + ",0,0,0,0,0\n");
                }
                price = close;
            }
        }
        CsvBarMapping mapping = format.equals("generic") ? BarFormat.GENERIC.mapping() : BarFormat.BINANCE.mapping();
        request = new ImportRequest(mapping, new InstrumentId("BTCUSDT", "binance"), null, WriteMode.REFUSE_OVERLAP);
    }

    @Setup(Level.Invocation)
    public void freshWorkspace() throws IOException {
        workspace = Files.createTempFile(dir, "w", ".paperdesk");
        Files.delete(workspace);
    }

    @TearDown(Level.Invocation)
    public void dropWorkspace() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("w"))
                    .toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Parse, validate, insert in one transaction, commit and close (checkpoint) the workspace. */
    @Benchmark
    public long importIntoSqlite() {
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(workspace)) {
            ImportOutcome outcome = new BarImporter(store.bars()).importFile(file, request);
            if (!(outcome instanceof ImportOutcome.Imported i) || i.rows() != ROWS) {
                throw new IllegalStateException("unexpected outcome " + outcome);
            }
            return i.rows();
        }
    }

    /** Parse and validate only: the importer's share of the end-to-end time. */
    @Benchmark
    public long parseAndValidateOnly() {
        ImportOutcome outcome = new BarImporter(new DrainingStore()).importFile(file, request);
        if (!(outcome instanceof ImportOutcome.Imported i) || i.rows() != ROWS) {
            throw new IllegalStateException("unexpected outcome " + outcome);
        }
        return i.rows();
    }

    /** Consumes the bars without storing them. */
    private static final class DrainingStore implements BarStore {
        @Override
        public InsertResult insert(SeriesKey key, Iterator<Bar> bars, WriteMode mode) {
            long n = 0;
            while (bars.hasNext()) {
                bars.next();
                n++;
            }
            return new InsertResult.Inserted(key, n, 0);
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
            return List.of();
        }
    }
}
