package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.store.BacktestStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Saves backtest results in a workspace and reads them back (as their RESULT.json text). */
public final class BacktestArchive {
    private BacktestArchive() {}

    /** Saves {@code result}, stamped {@code at}; returns its id in the workspace. */
    public static long save(BacktestStore store, BacktestResult result, Instant at) {
        BacktestStore.Summary summary = new BacktestStore.Summary(
                0,
                at,
                result.config().strategy(),
                result.config().source(),
                String.join(", ", result.config().instruments()),
                result.metrics().totalReturn(),
                result.metrics().trades());
        return store.save(summary, BacktestFiles.toJson(result));
    }

    /** The saved runs, newest first. */
    public static List<BacktestStore.Summary> list(BacktestStore store) {
        return store.list();
    }

    /** Run {@code id}, parsed. */
    public static Optional<BacktestResult> load(BacktestStore store, long id) {
        return store.resultJson(id).map(BacktestFiles::fromJson);
    }
}
