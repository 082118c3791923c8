package dev.paperdesk.engine.clock;

import java.time.Instant;

/**
 * Engine time that follows the wall clock at a chosen speed (1× real time, 10×, 100×, …), and can
 * be paused. Changing speed re-anchors, so engine time stays continuous.
 */
public final class WallClock implements Clock {
    private final java.time.Clock source;
    private long anchorEngine;
    private long anchorReal;
    private double speed = 1.0;
    private boolean paused;

    public WallClock() {
        this(java.time.Clock.systemUTC());
    }

    public WallClock(java.time.Clock source) {
        this.source = source;
        this.anchorEngine = Clock.toNanos(source.instant());
        this.anchorReal = System.nanoTime();
    }

    /** Starts engine time at {@code start} instead of now (e.g. to resume a replay). */
    public WallClock(Instant start) {
        this.source = java.time.Clock.systemUTC();
        this.anchorEngine = Clock.toNanos(start);
        this.anchorReal = System.nanoTime();
    }

    @Override
    public synchronized long nowNanos() {
        if (paused) {
            return anchorEngine;
        }
        return anchorEngine + (long) ((System.nanoTime() - anchorReal) * speed);
    }

    public synchronized double speed() {
        return speed;
    }

    public synchronized boolean paused() {
        return paused;
    }

    public synchronized void setSpeed(double newSpeed) {
        if (!(newSpeed > 0) || Double.isInfinite(newSpeed)) {
            throw new IllegalArgumentException("speed must be a positive number: " + newSpeed);
        }
        reanchor();
        speed = newSpeed;
    }

    public synchronized void setPaused(boolean pause) {
        reanchor();
        paused = pause;
    }

    /** Real nanoseconds to wait until engine time reaches {@code engineNanos}; {@code Long.MAX_VALUE} while paused. */
    public synchronized long realNanosUntil(long engineNanos) {
        if (paused) {
            return Long.MAX_VALUE;
        }
        long delta = engineNanos - nowNanos();
        return delta <= 0 ? 0 : (long) Math.ceil(delta / speed);
    }

    private void reanchor() {
        anchorEngine = nowNanos();
        anchorReal = System.nanoTime();
    }

    java.time.Clock source() {
        return source;
    }
}
