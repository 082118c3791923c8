package dev.paperdesk.engine.loop;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.clock.SimulatedClock;
import dev.paperdesk.engine.clock.WallClock;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs every engine task on one thread, in time order. Timed tasks run when the clock reaches
 * their time (ties in scheduling order); commands posted from other threads run at the current
 * time before the next timed task.
 *
 * <p>With a {@link SimulatedClock} the loop jumps straight to the next task's time, so a backtest
 * runs as fast as possible; with a {@link WallClock} it waits for real time. Tasks cannot tell
 * the difference: this is the one code path for replay, backtest and paper trading.
 */
public final class EventLoop {
    private final Clock clock;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final java.util.List<Runnable> idleHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private volatile Thread loopThread;
    private volatile boolean running;
    private long sequence;
    private long processed;
    private Consumer<Throwable> errorHandler = e -> {
        throw (e instanceof RuntimeException r) ? r : new IllegalStateException(e);
    };

    public EventLoop(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public long nowNanos() {
        return clock.nowNanos();
    }

    /** Receives exceptions thrown by tasks; the loop goes on with the next task. */
    public void onError(Consumer<Throwable> handler) {
        this.errorHandler = handler;
    }

    /** Number of tasks run so far. */
    public long processed() {
        return processed;
    }

    /** Schedules a task at an absolute engine time; call from the loop thread (or before it starts). */
    public Timer schedule(long atNanos, Runnable task) {
        checkThread();
        Timer t = new Timer(Math.max(atNanos, clock.nowNanos()), sequence++, task);
        t.queued = true;
        timers.add(t);
        return t;
    }

    /**
     * Schedules {@code timer}'s task again at {@code atNanos}, exactly as {@link #schedule} would a new
     * timer (it takes the next place among tasks due at the same time). The timer must not be pending:
     * call it from the timer's own task, or after it has run or been cancelled. A replay re-arms one
     * timer per event instead of allocating one; call from the loop thread.
     */
    public Timer reschedule(Timer timer, long atNanos) {
        checkThread();
        if (timer.queued) {
            throw new IllegalStateException("the timer is still pending");
        }
        timer.at = Math.max(atNanos, clock.nowNanos());
        timer.seq = sequence++;
        if (timer.cancelled) {
            timer.cancelled = false; // a volatile write only when it changes: each one is a full fence
        }
        timer.queued = true;
        timers.add(timer);
        return timer;
    }

    /** Schedules a task {@code delayNanos} after now. */
    public Timer scheduleAfter(long delayNanos, Runnable task) {
        return schedule(clock.nowNanos() + delayNanos, task);
    }

    /** Runs {@code task} every {@code periodNanos}, first at {@code firstAt}, until the returned timer is cancelled. */
    public Timer scheduleEvery(long firstAt, long periodNanos, Runnable task) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period must be positive");
        }
        Timer handle = new Timer(firstAt, -1, null);
        Runnable[] repeat = new Runnable[1];
        repeat[0] = () -> {
            if (handle.cancelled) {
                return;
            }
            task.run();
            if (!handle.cancelled) {
                schedule(clock.nowNanos() + periodNanos, repeat[0]);
            }
        };
        schedule(firstAt, repeat[0]);
        return handle;
    }

    /**
     * Runs {@code hook} on the loop thread each time the loop has caught up: at the end of {@link
     * #runUntil}, and on a loop thread before it waits for the next task. For work deferred while
     * tasks keep coming, such as publishing state other threads read.
     */
    public void whenIdle(Runnable hook) {
        idleHooks.add(java.util.Objects.requireNonNull(hook, "hook"));
    }

    private void idle() {
        for (Runnable hook : idleHooks) {
            try {
                hook.run();
            } catch (Throwable e) {
                errorHandler.accept(e);
            }
        }
    }

    /** Posts a command from any thread; it runs on the loop thread at the current engine time. */
    public void execute(Runnable command) {
        inbox.add(command);
        signal();
    }

    /** Runs {@code work} on the loop thread and completes the future with its result. */
    public <T> CompletableFuture<T> call(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    public boolean inLoop() {
        return Thread.currentThread() == loopThread;
    }

    /**
     * Drives the loop on the calling thread until no task is due at or before {@code endNanos},
     * then sets a simulated clock to {@code endNanos}. For replays, backtests and tests.
     */
    public void runUntil(long endNanos) {
        if (!(clock instanceof SimulatedClock sim)) {
            throw new IllegalStateException("runUntil needs a simulated clock");
        }
        Thread previous = loopThread;
        loopThread = Thread.currentThread();
        try {
            while (true) {
                drainInbox();
                Timer next = timers.peek();
                if (next == null || next.at > endNanos) {
                    break;
                }
                timers.poll();
                sim.advanceTo(next.at);
                runTask(next);
            }
            drainInbox();
            idle();
            sim.advanceTo(endNanos);
        } finally {
            loopThread = previous;
        }
    }

    /** Runs everything that is scheduled, however far in the future; for finite simulations. */
    public void runUntilIdle() {
        runUntil(Long.MAX_VALUE - 1);
    }

    /** Starts a dedicated loop thread that runs until {@link #stop}. */
    public synchronized void start(String threadName) {
        if (running) {
            throw new IllegalStateException("event loop already running");
        }
        running = true;
        Thread t = new Thread(this::runForever, threadName);
        t.setDaemon(true);
        loopThread = t;
        t.start();
    }

    /** Stops the loop thread after the task in progress and waits for it. */
    public void stop() {
        Thread t = loopThread;
        running = false;
        signal();
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void runForever() {
        while (running) {
            drainInbox();
            Timer next = timers.peek();
            long waitNanos;
            if (next == null) {
                waitNanos = Long.MAX_VALUE;
            } else if (clock instanceof SimulatedClock sim) {
                timers.poll();
                sim.advanceTo(next.at);
                runTask(next);
                continue;
            } else {
                waitNanos = ((WallClock) clock).realNanosUntil(next.at);
                if (waitNanos == 0) {
                    timers.poll();
                    runTask(next);
                    continue;
                }
            }
            idle();
            awaitSignal(Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(250)));
        }
    }

    private void awaitSignal(long nanos) {
        lock.lock();
        try {
            if (inbox.isEmpty() && running) {
                wakeUp.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void drainInbox() {
        Runnable command;
        while ((command = inbox.poll()) != null) {
            runSafely(command);
        }
    }

    private void runTask(Timer timer) {
        timer.queued = false;
        if (!timer.cancelled) {
            runSafely(timer.task);
        }
    }

    private void runSafely(Runnable task) {
        processed++;
        try {
            task.run();
        } catch (Throwable e) {
            errorHandler.accept(e);
        }
    }

    private void checkThread() {
        Thread t = loopThread;
        if (t != null && t != Thread.currentThread()) {
            throw new IllegalStateException("schedule() must be called on the event loop thread");
        }
    }

    /** A scheduled task; cancel it to stop it from running. */
    public static final class Timer implements Comparable<Timer> {
        long at;
        long seq;
        final Runnable task;
        volatile boolean cancelled;
        /** In the queue (loop thread only): a pending timer must not be re-armed. */
        boolean queued;

        Timer(long at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        public void cancel() {
            cancelled = true;
        }

        public long at() {
            return at;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
