package dev.paperdesk.engine.montecarlo;

/**
 * Receives progress of a simulation after each chunk of paths; called from worker threads, one call at
 * a time, with {@code completed} strictly increasing and ending at {@code total} when the run finishes.
 */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(int completed, int total);

    /** A listener that ignores progress. */
    static ProgressListener none() {
        return (completed, total) -> {};
    }
}
