package dev.paperdesk.engine.montecarlo;

/** Lets a caller stop a running simulation; the runner checks it between chunks of paths. */
public final class CancellationToken {
    private volatile boolean cancelled;

    /** Requests cancellation; paths already under way finish their chunk. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** A token that is never cancelled. */
    public static CancellationToken none() {
        return new CancellationToken();
    }
}
