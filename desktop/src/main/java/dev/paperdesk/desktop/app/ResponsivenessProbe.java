package dev.paperdesk.desktop.app;

import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.TradingSession;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how the UI copes with a fast market ({@code --measure-ui N}): the market runs at ×1000 for
 * N seconds while the probe records engine events, UI flushes, the longest flush and the longest gap
 * between two frames (a proxy for the longest time the JavaFX thread was busy), then prints them
 * and exits.
 */
final class ResponsivenessProbe {
    private final TradingSession session;
    private final FxUiExecutor ui;
    private final int seconds;
    private final AtomicLong events = new AtomicLong();

    ResponsivenessProbe(TradingSession session, FxUiExecutor ui, int seconds) {
        this.session = session;
        this.ui = ui;
        this.seconds = seconds;
    }

    private final AtomicLong layoutStart = new AtomicLong();
    private final AtomicLong maxLayout = new AtomicLong();
    private final AtomicLong slowLayouts = new AtomicLong();
    /** Passes and gaps before this instant are start-up (class loading, JIT, first layout), not counted. */
    private volatile long measureFrom = Long.MAX_VALUE;

    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long BUDGET_NANOS = 50_000_000L;

    /** Times CSS and layout of every pulse of {@code scene}. */
    void watch(javafx.scene.Scene scene) {
        scene.addPreLayoutPulseListener(() -> layoutStart.set(System.nanoTime()));
        scene.addPostLayoutPulseListener(() -> {
            long start = layoutStart.get();
            if (start != 0 && start >= measureFrom) {
                long took = System.nanoTime() - start;
                maxLayout.accumulateAndGet(took, Math::max);
                if (took > BUDGET_NANOS) {
                    slowLayouts.incrementAndGet();
                }
            }
        });
    }

    void start() {
        session.addListener(e -> {
            if (e instanceof EngineEvent.QuoteUpdated || e instanceof EngineEvent.TradePrinted) {
                events.incrementAndGet();
            }
        });
        session.setSpeed(1000);
        long startFlushes = ui.flushes();
        long startNanos = System.nanoTime();
        measureFrom = startNanos + WARM_UP_NANOS;
        new AnimationTimer() {
            private long last;
            private long maxGap;
            private long frames;
            private long counted;
            private long slowGaps;

            @Override
            public void handle(long now) {
                // The first seconds include class loading and JIT warm-up; frame gaps count after them.
                if (last != 0 && now - startNanos > WARM_UP_NANOS) {
                    maxGap = Math.max(maxGap, now - last);
                    counted++;
                    if (now - last > BUDGET_NANOS) {
                        slowGaps++;
                    }
                }
                last = now;
                frames++;
                if (now - startNanos >= seconds * 1_000_000_000L) {
                    stop();
                    double elapsed = (now - startNanos) / 1e9;
                    System.out.printf(
                            Locale.ROOT,
                            "ui-measure: %.1f s at x1000: %d market events (%.0f/s), %d UI flushes (%.1f/s),"
                                    + " %d frames (%.1f/s), longest flush %.2f ms, longest frame gap %.1f ms%n",
                            elapsed,
                            events.get(),
                            events.get() / elapsed,
                            ui.flushes() - startFlushes,
                            (ui.flushes() - startFlushes) / elapsed,
                            frames,
                            frames / elapsed,
                            ui.maxFlushNanos() / 1e6,
                            maxGap / 1e6);
                    System.out.printf(
                            Locale.ROOT,
                            "ui-measure:   after %d s of warm-up: %d of %d frame gaps over 50 ms;"
                                    + " longest CSS + layout pass %.2f ms (%d over 50 ms)%n",
                            WARM_UP_NANOS / 1_000_000_000L,
                            slowGaps,
                            counted,
                            maxLayout.get() / 1e6,
                            slowLayouts.get());
                    ui.slowestByKey().entrySet().stream()
                            .sorted(java.util.Map.Entry.<String, Long>comparingByValue()
                                    .reversed())
                            .limit(6)
                            .forEach(e -> System.out.printf(
                                    Locale.ROOT,
                                    "ui-measure:   slowest %-16s %.2f ms%n",
                                    e.getKey(),
                                    e.getValue() / 1e6));
                    Platform.exit();
                }
            }
        }.start();
    }
}
