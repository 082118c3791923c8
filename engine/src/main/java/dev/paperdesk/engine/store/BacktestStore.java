package dev.paperdesk.engine.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Saved backtest results of a workspace: each run's RESULT.json text with a few listing columns. */
public interface BacktestStore {
    /** What a list of runs shows, without the result text. */
    record Summary(
            long id,
            Instant createdAt,
            String strategy,
            String source,
            String instruments,
            Double totalReturn,
            int trades) {
        public Summary {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(instruments, "instruments");
        }
    }

    /** Saves a run; {@code draft.id()} is ignored. Returns the id assigned. */
    long save(Summary draft, String resultJson);

    /** Every saved run, newest first. */
    List<Summary> list();

    /** The RESULT.json text of run {@code id}. */
    Optional<String> resultJson(long id);

    /** Deletes run {@code id}; false when there was none. */
    boolean delete(long id);
}
