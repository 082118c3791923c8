package dev.paperdesk.engine.arbitrage;

import dev.paperdesk.engine.clock.SimulatedClock;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.sim.ListingKind;
import dev.paperdesk.engine.market.sim.ListingSpec;
import dev.paperdesk.engine.market.sim.MarketUniverse;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.market.sim.SimulationConfig;
import dev.paperdesk.engine.market.sim.VenueProfile;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.store.ArbitrageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A headless run of the strategy on the simulated multi-venue perpetual market, on its own event
 * loop with a simulated clock, as fast as the machine allows.
 */
public final class ArbitrageSimulation {
    /** Where simulated runs start unless told otherwise: a fixed midnight, so funding settles on the hour. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");

    private static final long SLICE_NANOS = 3_600_000_000_000L;

    private ArbitrageSimulation() {}

    /** The simulated market the strategy trades: every crypto perpetual on the eight venues. */
    public static SimulatedMarket market(long seed) {
        return market(seed, l -> true);
    }

    /** The perpetuals that pass {@code filter} (e.g. a few symbols for a quick test). */
    public static SimulatedMarket market(long seed, Predicate<ListingSpec> filter) {
        MarketUniverse perps = MarketUniverse.standard()
                .select(l -> l.kind() == ListingKind.PERPETUAL)
                .select(filter);
        return new SimulatedMarket(perps, SimulationConfig.DEFAULT, seed);
    }

    /**
     * Runs {@code strategy} (started) on {@code feed} for {@code duration} from {@code start};
     * {@code progress} hears the engine time after each simulated hour.
     */
    public static ArbitrageResult run(
            ArbitrageStrategy strategy,
            MarketDataFeed feed,
            long seed,
            Instant start,
            Duration duration,
            Consumer<Instant> progress) {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(feed, "feed");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        EventLoop loop = new EventLoop(new SimulatedClock(start));
        loop.onError(e -> {
            throw new IllegalStateException("arbitrage run failed: " + e.getMessage(), e);
        });
        MarketDataFeed wrapped = strategy.wrap(feed);
        strategy.setRunning(true);
        loop.execute(() -> wrapped.start(loop, NoSink.INSTANCE));
        long startNanos = loop.nowNanos();
        long end = startNanos + duration.toNanos();
        for (long t = startNanos; t < end; ) {
            t = Math.min(end, t + SLICE_NANOS);
            loop.runUntil(t);
            progress.accept(loop.clock().now());
        }
        wrapped.stop();
        strategy.flushStore();
        return result(strategy, feed, seed, start, loop.clock().now());
    }

    /** Runs the default market (every perpetual, all eight venues) with default settings and {@code capital}. */
    public static ArbitrageResult simulate(
            ArbitrageSettings settings, Duration duration, ArbitrageStore store, Consumer<Instant> progress) {
        ArbitrageStrategy strategy = new ArbitrageStrategy(settings, VenueProfile.cryptoVenues(), store);
        return run(strategy, market(settings.seed()), settings.seed(), DEFAULT_START, duration, progress);
    }

    /** The result of a strategy's run so far. */
    public static ArbitrageResult result(
            ArbitrageStrategy strategy, MarketDataFeed feed, long seed, Instant start, Instant end) {
        List<String> symbols = feed.instruments().stream()
                .filter(i -> i instanceof Instrument.Perpetual)
                .map(i -> i.id().symbol())
                .distinct()
                .toList();
        List<String> venues = feed.instruments().stream()
                .filter(i -> i instanceof Instrument.Perpetual)
                .map(i -> i.id().venue())
                .distinct()
                .toList();
        long endNanos = dev.paperdesk.engine.clock.Clock.toNanos(end);
        return new ArbitrageResult(
                seed,
                start,
                end,
                Duration.between(start, end),
                symbols,
                venues,
                strategy.settings(),
                strategy.metrics(endNanos),
                strategy.trades(),
                strategy.rejectionsByReason(),
                strategy.legOutEvents(),
                strategy.latencyViolations(),
                strategy.topOpportunities(),
                strategy.decisionCount());
    }

    private enum NoSink implements MarketDataSink {
        INSTANCE;

        @Override
        public void onQuote(Quote quote) {}
    }
}
