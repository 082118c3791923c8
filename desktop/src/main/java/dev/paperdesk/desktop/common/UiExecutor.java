package dev.paperdesk.desktop.common;

/**
 * Carries work from engine threads to the UI thread. {@link #coalesce} keeps only the latest task
 * per key until the next frame, so a burst of engine events becomes one UI update; {@link #post}
 * runs every task it is given, in order, with the next frame.
 */
public interface UiExecutor {
    /** Runs {@code task} on the UI thread; tasks with the same key posted before the next frame run once. */
    void coalesce(String key, Runnable task);

    /** Runs {@code task} on the UI thread with the next frame. */
    void post(Runnable task);

    /** Runs every task on the calling thread at once; for view-model tests. */
    UiExecutor DIRECT = new UiExecutor() {
        @Override
        public void coalesce(String key, Runnable task) {
            task.run();
        }

        @Override
        public void post(Runnable task) {
            task.run();
        }
    };
}
