package dev.paperdesk.engine.strategy;

import static dev.paperdesk.engine.strategy.TestBars.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.strategy.api.Strategy;
import dev.paperdesk.engine.strategy.api.StrategyCallback;
import dev.paperdesk.engine.strategy.api.StrategyContext;
import dev.paperdesk.engine.strategy.api.TimerEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failing strategy is stopped and reported; the others sharing the loop carry on. */
class SafeStrategyTest {
    /** Counts bars and throws on the bar numbered {@code failAt} (1-based), if positive. */
    private static final class Counting implements Strategy {
        final String name;
        final int failAt;
        int bars;
        int stops;

        Counting(String name, int failAt) {
            this.name = name;
            this.failAt = failAt;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void onStart(StrategyContext context) {}

        @Override
        public void onBar(Bar bar) {
            bars++;
            if (bars == failAt) {
                throw new IllegalStateException("boom on bar " + bars);
            }
        }

        @Override
        public void onStop() {
            stops++;
        }
    }

    @Test
    void oneFailingStrategyDoesNotAffectTheOthers() {
        List<StrategyFailure> failures = new ArrayList<>();
        Counting good = new Counting("good", 0);
        Counting bad = new Counting("bad", 3);
        SafeStrategy safeGood = new SafeStrategy(good, failures::add);
        SafeStrategy safeBad = new SafeStrategy(bad, failures::add);
        List<SafeStrategy> all = List.of(safeBad, safeGood);
        BarReplayContext ctx = new BarReplayContext(BigDecimal.ZERO);
        all.forEach(s -> s.onStart(ctx));
        for (Bar b : TestBars.fromCloses(BTC, Timeframe.H1, 1, 2, 3, 4, 5, 6)) {
            all.forEach(s -> s.onBar(b));
        }
        all.forEach(SafeStrategy::onStop);

        assertThat(good.bars).isEqualTo(6);
        assertThat(good.stops).isEqualTo(1);
        assertThat(safeGood.state()).isEqualTo(SafeStrategy.State.STOPPED);
        // The bad one saw three bars, was stopped once (at the failure), and nothing after.
        assertThat(bad.bars).isEqualTo(3);
        assertThat(bad.stops).isEqualTo(1);
        assertThat(safeBad.state()).isEqualTo(SafeStrategy.State.FAILED);
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.strategyName()).isEqualTo("bad");
            assertThat(f.callback()).isEqualTo(StrategyCallback.ON_BAR);
            assertThat(f.message())
                    .isEqualTo("strategy 'bad' failed in onBar: IllegalStateException: boom on bar 3; it has been"
                            + " stopped");
        });
        assertThat(safeBad.failure()).contains(failures.get(0));
    }

    @Test
    void failuresInStartTimersAndStopAreReportedWithTheirCallback() {
        List<StrategyFailure> failures = new ArrayList<>();
        Strategy badStart = new Strategy() {
            @Override
            public String name() {
                return "s";
            }

            @Override
            public void onStart(StrategyContext context) {
                throw new IllegalArgumentException("no");
            }
        };
        SafeStrategy s = new SafeStrategy(badStart, failures::add);
        s.onStart(new BarReplayContext(BigDecimal.ZERO));
        s.onBar(TestBars.fromCloses(BTC, Timeframe.H1, 1).get(0));
        assertThat(failures).extracting(StrategyFailure::callback).containsExactly(StrategyCallback.ON_START);

        int[] timerCalls = {0};
        Strategy badTimer = new Strategy() {
            @Override
            public String name() {
                return "t";
            }

            @Override
            public void onStart(StrategyContext context) {
                context.scheduleEvery("tick", Duration.ofMinutes(30));
            }

            @Override
            public void onTimer(TimerEvent timer) {
                timerCalls[0]++;
                throw new StackOverflowError();
            }

            @Override
            public void onStop() {
                throw new IllegalStateException("and stop fails too");
            }
        };
        SafeStrategy t = new SafeStrategy(badTimer, failures::add);
        BarReplayContext ctx = new BarReplayContext(BigDecimal.ZERO);
        ctx.start(t);
        TestBars.fromCloses(BTC, Timeframe.H1, 1, 2, 3).forEach(ctx::feed);
        // The timer kept firing, but the strategy saw only the first firing, which failed.
        assertThat(ctx.timerEvents()).hasSize(4);
        assertThat(timerCalls[0]).isEqualTo(1);
        assertThat(failures).hasSize(2);
        assertThat(failures.get(1).callback()).isEqualTo(StrategyCallback.ON_TIMER);
        assertThat(failures.get(1).error()).isInstanceOf(StackOverflowError.class);
        assertThat(failures.get(1).error().getSuppressed()).singleElement().satisfies(e -> assertThat(e)
                .hasMessage("and stop fails too"));
    }

    @Test
    void outOfMemoryIsNotSwallowed() {
        Strategy oom = new Strategy() {
            @Override
            public String name() {
                return "oom";
            }

            @Override
            public void onStart(StrategyContext context) {
                throw new OutOfMemoryError("simulated");
            }
        };
        SafeStrategy s = new SafeStrategy(oom, f -> {});
        assertThatThrownBy(() -> s.onStart(new BarReplayContext(BigDecimal.ZERO)))
                .isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void timersFireInTimeOrder() {
        List<String> seen = new ArrayList<>();
        Strategy timed = new Strategy() {
            @Override
            public String name() {
                return "timed";
            }

            @Override
            public void onStart(StrategyContext context) {
                context.scheduleEvery("every-90m", Duration.ofMinutes(90));
                context.scheduleAt("once", TestBars.START.plus(Duration.ofMinutes(100)));
            }

            @Override
            public void onTimer(TimerEvent timer) {
                seen.add(timer.name() + "@" + timer.dueAt());
            }
        };
        BarReplayContext ctx = new BarReplayContext(BigDecimal.ZERO);
        ctx.start(new SafeStrategy(timed, f -> {}));
        TestBars.fromCloses(BTC, Timeframe.H1, 1, 2, 3, 4).forEach(ctx::feed);
        assertThat(seen)
                .containsExactly(
                        "every-90m@2024-01-01T01:30:00Z",
                        "once@2024-01-01T01:40:00Z",
                        "every-90m@2024-01-01T03:00:00Z");
    }
}
