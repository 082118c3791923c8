package dev.paperdesk.engine.market.history;

import dev.paperdesk.engine.store.BarStore.InsertResult;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import java.time.Instant;
import java.util.List;

/** The result of importing one file: everything was written, or nothing was. */
public sealed interface ImportOutcome {

    /** All rows were committed to {@code key}; {@code first}/{@code last} are bar open times. */
    record Imported(SeriesKey key, long rows, Instant first, Instant last, long replacedRows)
            implements ImportOutcome {}

    /** The file has problems; nothing was written. {@code omitted} problems beyond the list were counted only. */
    record Rejected(List<ImportProblem> problems, long omitted) implements ImportOutcome {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one problem");
            }
        }

        public long total() {
            return problems.size() + omitted;
        }
    }

    /** The file is fine but overlaps bars already stored; nothing was written. */
    record Conflict(InsertResult.Refused refusal) implements ImportOutcome {
        public String message() {
            return refusal.message();
        }
    }
}
