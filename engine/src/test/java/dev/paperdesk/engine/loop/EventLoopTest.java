package dev.paperdesk.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.clock.SimulatedClock;
import dev.paperdesk.engine.clock.WallClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLoopTest {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void runsTimersInTimeOrderAndTiesInSchedulingOrder() {
        SimulatedClock clock = new SimulatedClock(START);
        EventLoop loop = new EventLoop(clock);
        List<String> seen = new ArrayList<>();
        long t0 = clock.nowNanos();
        loop.schedule(t0 + 300, () -> seen.add("c@" + (clock.nowNanos() - t0)));
        loop.schedule(t0 + 100, () -> seen.add("a@" + (clock.nowNanos() - t0)));
        loop.schedule(t0 + 100, () -> seen.add("b@" + (clock.nowNanos() - t0)));
        loop.runUntilIdle();
        assertThat(seen).containsExactly("a@100", "b@100", "c@300");
    }

    @Test
    void simulatedClockJumpsAndStopsAtTheHorizon() {
        SimulatedClock clock = new SimulatedClock(START);
        EventLoop loop = new EventLoop(clock);
        List<Long> ticks = new ArrayList<>();
        long t0 = clock.nowNanos();
        loop.scheduleEvery(t0 + 1_000, 1_000, () -> ticks.add(clock.nowNanos() - t0));
        loop.runUntil(t0 + 5_500);
        assertThat(ticks).containsExactly(1_000L, 2_000L, 3_000L, 4_000L, 5_000L);
        assertThat(clock.nowNanos()).isEqualTo(t0 + 5_500);
    }

    @Test
    void cancelledRepeatingTimerStops() {
        SimulatedClock clock = new SimulatedClock(START);
        EventLoop loop = new EventLoop(clock);
        List<Long> ticks = new ArrayList<>();
        long t0 = clock.nowNanos();
        EventLoop.Timer[] timer = new EventLoop.Timer[1];
        timer[0] = loop.scheduleEvery(t0 + 10, 10, () -> {
            ticks.add(clock.nowNanos());
            if (ticks.size() == 3) {
                timer[0].cancel();
            }
        });
        loop.runUntil(t0 + 1_000);
        assertThat(ticks).hasSize(3);
    }

    @Test
    void commandsRunBeforeTheNextTimer() {
        SimulatedClock clock = new SimulatedClock(START);
        EventLoop loop = new EventLoop(clock);
        List<String> seen = new ArrayList<>();
        loop.schedule(clock.nowNanos() + 10, () -> seen.add("timer"));
        loop.execute(() -> seen.add("command"));
        loop.runUntilIdle();
        assertThat(seen).containsExactly("command", "timer");
    }

    @Test
    void aFailingTaskIsReportedAndTheLoopGoesOn() {
        SimulatedClock clock = new SimulatedClock(START);
        EventLoop loop = new EventLoop(clock);
        List<Throwable> errors = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        loop.onError(errors::add);
        loop.execute(() -> {
            throw new IllegalStateException("boom");
        });
        loop.execute(() -> seen.add("after"));
        loop.runUntilIdle();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessage("boom"));
        assertThat(seen).containsExactly("after");
    }

    @Test
    void wallClockLoopRunsCommandsOnItsOwnThread() throws Exception {
        EventLoop loop = new EventLoop(new WallClock());
        loop.start("test-loop");
        try {
            String name = loop.call(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
            assertThat(name).isEqualTo("test-loop");
            long[] firedAt = new long[1];
            java.util.concurrent.CountDownLatch fired = new java.util.concurrent.CountDownLatch(1);
            loop.execute(() -> loop.scheduleAfter(TimeUnit.MILLISECONDS.toNanos(20), () -> {
                firedAt[0] = loop.nowNanos();
                fired.countDown();
            }));
            assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(firedAt[0]).isPositive();
        } finally {
            loop.stop();
        }
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void runUntilNeedsASimulatedClock() {
        EventLoop loop = new EventLoop(new WallClock());
        assertThatThrownBy(() -> loop.runUntil(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wallClockSpeedAndPause() {
        WallClock clock = new WallClock(START);
        clock.setPaused(true);
        long frozen = clock.nowNanos();
        assertThat(clock.nowNanos()).isEqualTo(frozen);
        assertThat(clock.realNanosUntil(frozen + 1)).isEqualTo(Long.MAX_VALUE);
        clock.setPaused(false);
        clock.setSpeed(1000);
        assertThat(clock.realNanosUntil(clock.nowNanos() + 1_000_000_000L)).isLessThanOrEqualTo(1_000_000L);
        assertThatThrownBy(() -> clock.setSpeed(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRescheduledTimerRunsAgainInItsNewPlaceAmongTasksOfTheSameTime() {
        dev.paperdesk.engine.clock.SimulatedClock clock =
                new dev.paperdesk.engine.clock.SimulatedClock(java.time.Instant.EPOCH);
        EventLoop loop = new EventLoop(clock);
        java.util.List<String> ran = new java.util.ArrayList<>();
        EventLoop.Timer[] timer = new EventLoop.Timer[1];
        int[] runs = {0};
        timer[0] = loop.schedule(10, () -> {
            ran.add("replay@" + loop.nowNanos());
            if (++runs[0] < 3) {
                loop.schedule(20 * runs[0], () -> ran.add("other@" + loop.nowNanos()));
                loop.reschedule(timer[0], 20 * runs[0]);
            }
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> loop.reschedule(timer[0], 5))
                .isInstanceOf(IllegalStateException.class);
        loop.runUntilIdle();
        // scheduled after the other task of the same instant, it runs after it, as a new timer would
        org.assertj.core.api.Assertions.assertThat(ran)
                .containsExactly("replay@10", "other@20", "replay@20", "other@40", "replay@40");
    }

    @Test
    void aCancelledTimerRescheduledRunsAgainAndOneNotCancelledKeepsRunning() {
        EventLoop loop = new EventLoop(new SimulatedClock(START));
        List<String> ran = new ArrayList<>();
        long t0 = loop.nowNanos();
        EventLoop.Timer timer = loop.schedule(t0 + 5, () -> ran.add("task@" + (loop.nowNanos() - t0)));
        timer.cancel();
        loop.runUntil(t0 + 10);
        assertThat(ran).isEmpty();
        loop.reschedule(timer, t0 + 15);
        loop.runUntil(t0 + 20);
        loop.reschedule(timer, t0 + 25);
        loop.runUntil(t0 + 30);
        assertThat(ran).containsExactly("task@15", "task@25");
        // cancelled while pending after a reschedule: it does not run
        loop.reschedule(timer, t0 + 35);
        timer.cancel();
        loop.runUntil(t0 + 40);
        assertThat(ran).containsExactly("task@15", "task@25");
    }

    @Test
    void idleHooksRunOnceTheLoopHasCaughtUp() {
        EventLoop loop = new EventLoop(new SimulatedClock(START));
        List<String> ran = new ArrayList<>();
        loop.whenIdle(() -> ran.add("idle@" + loop.nowNanos()));
        long t0 = loop.nowNanos();
        loop.schedule(t0 + 5, () -> ran.add("task"));
        loop.schedule(t0 + 7, () -> ran.add("task"));
        loop.runUntil(t0 + 10);
        assertThat(ran).containsExactly("task", "task", "idle@" + (t0 + 7));
    }
}
