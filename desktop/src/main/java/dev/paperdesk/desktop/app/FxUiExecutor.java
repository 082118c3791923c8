package dev.paperdesk.desktop.app;

import dev.paperdesk.desktop.common.UiExecutor;
import java.util.LinkedHashMap;
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

    private final Map<Object, Runnable> pending = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paperdesk-ui-coalescer");
        t.setDaemon(true);
        return t;
    });
    private boolean scheduled;
    private long lastFlushNanos;
    private volatile long flushes;
    private volatile long maxFlushNanos;

    @Override
    public void coalesce(String key, Runnable task) {
        enqueue(key, task);
    }

    @Override
    public void post(Runnable task) {
        // A fresh key object per task: never merged with another.
        enqueue(new Object(), task);
    }

    private void enqueue(Object key, Runnable task) {
        synchronized (pending) {
            pending.put(key, task);
            if (scheduled) {
                return;
            }
            scheduled = true;
            long sinceLast = System.nanoTime() - lastFlushNanos;
            long delay = Math.max(0, TimeUnit.MILLISECONDS.toNanos(FRAME_MILLIS) - sinceLast);
            timer.schedule(() -> Platform.runLater(this::flush), delay, TimeUnit.NANOSECONDS);
        }
    }

    private void flush() {
        Runnable[] tasks;
        synchronized (pending) {
            tasks = pending.values().toArray(Runnable[]::new);
            pending.clear();
            scheduled = false;
            lastFlushNanos = System.nanoTime();
        }
        long start = System.nanoTime();
        for (Runnable t : tasks) {
            t.run();
        }
        long took = System.nanoTime() - start;
        flushes++;
        if (took > maxFlushNanos) {
            maxFlushNanos = took;
        }
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
