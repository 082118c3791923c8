package dev.paperdesk.engine.arbitrage;

import dev.paperdesk.engine.clock.SimulatedClock;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.sim.VenueProfile;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.store.ArbitrageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/** Runs a strategy on a feed with a simulated clock, for tests. */
final class Harness {
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    final EventLoop loop = new EventLoop(new SimulatedClock(START));
    final ArbitrageStrategy strategy;
    final List<Decision> decisions = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();

    Harness(MarketDataFeed feed, List<VenueProfile> venues, ArbitrageSettings settings, ArbitrageStore store) {
        strategy = new ArbitrageStrategy(settings, venues, store);
        strategy.onDecision(decisions::add);
        strategy.setRunning(true);
        loop.onError(errors::add);
        MarketDataFeed wrapped = strategy.wrap(feed);
        loop.execute(() -> wrapped.start(loop, NoSink.INSTANCE));
    }

    /** Runs for {@code d}, calling {@code check} every 50 ms of engine time. */
    Harness run(Duration d, LongConsumer check) {
        long end = loop.nowNanos() + d.toNanos();
        loop.scheduleEvery(loop.nowNanos() + 50_000_000L, 50_000_000L, () -> check.accept(loop.nowNanos()));
        loop.runUntil(end);
        if (!errors.isEmpty()) {
            throw new AssertionError("loop task failed", errors.get(0));
        }
        return this;
    }

    Harness run(Duration d) {
        return run(d, t -> {});
    }

    private enum NoSink implements MarketDataSink {
        INSTANCE;

        @Override
        public void onQuote(Quote quote) {}
    }
}
