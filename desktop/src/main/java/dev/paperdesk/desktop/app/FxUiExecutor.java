package dev.paperdesk.desktop.app;

import dev.paperdesk.desktop.common.UiExecutor;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Delivers engine updates to the JavaFX thread at most ~30 times a second: tasks are collected per
 * key (the latest wins) and flushed together in one {@code Platform.runLater} per frame.
 */
public final class FxUiExecutor implements UiExecutor, AutoCloseable {
    /** Minimum time between two flushes: 33 ms ≈ 30 frames per second. */
    public static final long FRAME_MILLIS = 33;

    private final Map<Object, Runnable> pending = new java.util.concurrent.ConcurrentHashMap<>();
    /** Tasks posted with {@link #post}, in order. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> posted =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private final java.util.concurrent.atomic.AtomicBoolean scheduled = new java.util.concurrent.atomic.AtomicBoolean();
    private final Map<String, Long> slowestByKey = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paperdesk-ui-coalescer");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastFlushNanos;
    private volatile long flushes;
    private volatile long maxFlushNanos;

    @Override
    public void coalesce(String key, Runnable task) {
        // Lock-free: a burst of engine events only replaces the pending task of its key.
        pending.put(key, task);
        schedule();
    }

    @Override
    public void post(Runnable task) {
        posted.add(task);
        schedule();
    }

    private void schedule() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        long sinceLast = System.nanoTime() - lastFlushNanos;
        long delay = Math.max(0, TimeUnit.MILLISECONDS.toNanos(FRAME_MILLIS) - sinceLast);
        timer.schedule(() -> Platform.runLater(this::flush), delay, TimeUnit.NANOSECONDS);
    }

    private void flush() {
        // Cleared before running, so events arriving meanwhile schedule the next frame.
        scheduled.set(false);
        lastFlushNanos = System.nanoTime();
        long start = System.nanoTime();
        Runnable p;
        while ((p = posted.poll()) != null) {
            p.run();
        }
        for (Object key : pending.keySet().toArray()) {
            Runnable task = pending.remove(key);
            if (task != null) {
                long t0 = System.nanoTime();
                task.run();
                slowestByKey.merge(String.valueOf(key), System.nanoTime() - t0, Math::max);
            }
        }
        long took = System.nanoTime() - start;
        flushes++;
        if (took > maxFlushNanos) {
            maxFlushNanos = took;
        }
    }

    /** The longest run of each coalesced task, by key, in nanoseconds (for diagnostics). */
    public Map<String, Long> slowestByKey() {
        return Map.copyOf(slowestByKey);
    }

    /** Number of frames flushed so far (for diagnostics). */
    public long flushes() {
        return flushes;
    }

    /** The longest time one flush kept the JavaFX thread busy, in nanoseconds. */
    public long maxFlushNanos() {
        return maxFlushNanos;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
