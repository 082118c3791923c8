package dev.paperdesk.desktop.book;

import dev.paperdesk.desktop.common.UiExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A UI executor that holds tasks until {@link #flush()}, like one frame of the real one. */
final class RecordingUiExecutor implements UiExecutor {
    private final Map<Object, Runnable> pending = new LinkedHashMap<>();
    int coalesceCalls;

    @Override
    public void coalesce(String key, Runnable task) {
        coalesceCalls++;
        pending.put(key, task);
    }

    @Override
    public void post(Runnable task) {
        pending.put(new Object(), task);
    }

    int pending() {
        return pending.size();
    }

    /** Runs what a frame would run. */
    void flush() {
        List<Runnable> tasks = new ArrayList<>(pending.values());
        pending.clear();
        tasks.forEach(Runnable::run);
    }
}
