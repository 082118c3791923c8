package dev.paperdesk.engine.market.history;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.InsertResult;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Imports a CSV file of bars into a {@link BarStore}, all or nothing. The file is read once: rows
 * stream into the store's transaction while they are clean; after the first problem nothing more
 * is written but reading goes on to report every problem, and at the end the transaction is rolled
 * back. Memory stays flat however long the file is.
 *
 * <p>Without an explicit timeframe, the most frequent gap between the first
 * {@value #INFERENCE_ROWS} stamps decides it (daily data with weekends still gives one day).
 */
public final class BarImporter {
    /** Problems listed in full; further ones are only counted. */
    public static final int DEFAULT_PROBLEM_CAP = 100;

    static final int INFERENCE_ROWS = 1000;

    private final BarStore store;
    private final int problemCap;

    public BarImporter(BarStore store) {
        this(store, DEFAULT_PROBLEM_CAP);
    }

    public BarImporter(BarStore store, int problemCap) {
        this.store = Objects.requireNonNull(store, "store");
        if (problemCap < 1) {
            throw new IllegalArgumentException("problem cap must be positive");
        }
        this.problemCap = problemCap;
    }

    /**
     * Imports {@code file} (UTF-8); problems name it as written in {@code file.toString()}.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public ImportOutcome importFile(Path file, ImportRequest request) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importCsv(in, file.toString(), request);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Imports CSV text from {@code in}; {@code fileLabel} is the file name used in problems. */
    public ImportOutcome importCsv(Reader in, String fileLabel, ImportRequest request) {
        ImportProblems problems = new ImportProblems(fileLabel, problemCap);
        try (CsvBarReader reader = new CsvBarReader(in, request.mapping(), problems)) {
            if (!reader.start()) {
                return rejected(problems); // without the columns, rows cannot be checked
            }
            Deque<CsvBarReader.Row> head = new ArrayDeque<>();
            Timeframe timeframe = request.timeframe();
            if (timeframe == null) {
                CsvBarReader.Row r;
                while (head.size() < INFERENCE_ROWS && (r = reader.next()) != null) {
                    head.add(r);
                }
                timeframe = infer(head, request.mapping().fallbackTimeframe());
                if (timeframe == null) {
                    long line = head.isEmpty()
                            ? reader.firstDataLine()
                            : head.peekFirst().line();
                    problems.add(line, 1, inferenceProblem(head));
                    drain(reader);
                    return rejected(problems);
                }
            }
            SeriesKey key = new SeriesKey(request.instrument(), timeframe);
            BarStream stream = new BarStream(key, request.mapping().stamp(), head, reader, problems);
            InsertResult result;
            try {
                result = store.insert(key, stream, request.mode());
            } catch (Abort abort) {
                return rejected(problems);
            }
            return switch (result) {
                case InsertResult.Refused refused -> new ImportOutcome.Conflict(refused);
                case InsertResult.Inserted inserted -> new ImportOutcome.Imported(
                        key, inserted.rows(), stream.first, stream.last, inserted.replacedRows());
            };
        }
    }

    private static void drain(CsvBarReader reader) {
        while (reader.next() != null) {
            // reading on only to report the problems of the remaining rows
        }
    }

    private static ImportOutcome.Rejected rejected(ImportProblems problems) {
        return new ImportOutcome.Rejected(problems.kept(), problems.omitted());
    }

    /** The timeframe whose duration is the most frequent gap between consecutive stamps, else {@code fallback}. */
    static Timeframe infer(Iterable<CsvBarReader.Row> rows, Timeframe fallback) {
        Duration gap = modalGap(rows);
        if (gap != null) {
            for (Timeframe tf : Timeframe.values()) {
                if (tf.duration().equals(gap)) {
                    return tf;
                }
            }
        }
        return fallback;
    }

    private static Duration modalGap(Iterable<CsvBarReader.Row> rows) {
        Map<Duration, Integer> counts = new HashMap<>();
        Instant previous = null;
        for (CsvBarReader.Row r : rows) {
            if (previous != null) {
                counts.merge(Duration.between(previous, r.stamp()), 1, Integer::sum);
            }
            previous = r.stamp();
        }
        // Ties go to the shorter gap: a gap longer than the bar is a hole in the data, not the bar size.
        return counts.entrySet().stream()
                .max(Map.Entry.<Duration, Integer>comparingByValue()
                        .thenComparing(
                                Map.Entry.<Duration, Integer>comparingByKey().reversed()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private static String inferenceProblem(Deque<CsvBarReader.Row> head) {
        String supported =
                Arrays.stream(Timeframe.values()).map(Timeframe::label).toList().toString();
        Duration gap = modalGap(head);
        if (gap == null) {
            return "cannot tell the timeframe from fewer than two bars; name it explicitly (one of " + supported + ")";
        }
        return "cannot tell the timeframe: the most frequent gap between bars is " + gap
                + ", which is not a supported timeframe " + supported + "; name it explicitly";
    }

    /** Thrown through the store's insert to roll the transaction back once the file proved bad. */
    private static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort() {
            super("import rejected", null, false, false);
        }
    }

    /** Feeds clean rows to the store as bars while the file has no problems; aborts at the end if it has. */
    private static final class BarStream implements Iterator<Bar> {
        private final SeriesKey key;
        private final StampPosition position;
        private final Deque<CsvBarReader.Row> head;
        private final CsvBarReader reader;
        private final ImportProblems problems;
        private Bar next;
        private long yielded;
        private boolean finished;
        Instant first;
        Instant last;

        BarStream(
                SeriesKey key,
                StampPosition position,
                Deque<CsvBarReader.Row> head,
                CsvBarReader reader,
                ImportProblems problems) {
            this.key = key;
            this.position = position;
            this.head = head;
            this.reader = reader;
            this.problems = problems;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (finished) {
                return false;
            }
            CsvBarReader.Row row;
            while ((row = head.isEmpty() ? reader.next() : head.poll()) != null) {
                if (problems.isEmpty()) {
                    next = toBar(row);
                    yielded++;
                    if (first == null) {
                        first = next.openTime();
                    }
                    last = next.openTime();
                    return true;
                }
            }
            finished = true;
            if (problems.isEmpty() && yielded == 0) {
                problems.add(reader.firstDataLine(), 1, "the file holds no bars");
            }
            if (!problems.isEmpty()) {
                throw new Abort();
            }
            return false;
        }

        @Override
        public Bar next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Bar b = next;
            next = null;
            return b;
        }

        private Bar toBar(CsvBarReader.Row r) {
            Instant open = position == StampPosition.CLOSE && !r.dateOnly()
                    ? r.stamp().minus(key.timeframe().duration())
                    : r.stamp();
            return new Bar(key.instrument(), key.timeframe(), open, r.open(), r.high(), r.low(), r.close(), r.volume());
        }
    }
}
