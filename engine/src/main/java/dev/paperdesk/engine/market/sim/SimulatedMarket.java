package dev.paperdesk.engine.market.sim;

import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated multi-asset, multi-venue market as a {@link MarketDataFeed}: a {@link
 * MarketSimulator} stepped by the engine's {@link EventLoop}, one loop task per step, so its events
 * interleave deterministically with orders and timers under the simulated clock and follow real
 * time (at any speed, paused or not) under the wall clock.
 *
 * <p>The simulation starts at the loop's time when {@link #start} is called; the same seed, start
 * time, universe and configuration give the same events.
 */
public final class SimulatedMarket implements MarketDataFeed {
    private final MarketUniverse universe;
    private final SimulationConfig config;
    private final long seed;
    private MarketSimulator simulator;
    private EventLoop.Timer timer;
    private boolean running;

    public SimulatedMarket(MarketUniverse universe, SimulationConfig config, long seed) {
        this.universe = Objects.requireNonNull(universe, "universe");
        this.config = Objects.requireNonNull(config, "config");
        this.seed = seed;
    }

    /** The default market (every instrument of {@link MarketUniverse#standard()}) with default settings. */
    public static SimulatedMarket defaultMarket(long seed) {
        return new SimulatedMarket(MarketUniverse.standard(), SimulationConfig.DEFAULT, seed);
    }

    /**
     * The default market restricted to some instruments, given as ids ({@code BTC-USDT-PERP@bybit})
     * or bare symbols (every venue). The rest of the model still runs, so the selected instruments
     * see exactly the prices they would in the full market.
     */
    public static SimulatedMarket defaultMarket(long seed, Collection<String> instruments) {
        return new SimulatedMarket(MarketUniverse.standard().select(instruments), SimulationConfig.DEFAULT, seed);
    }

    public SimulatedMarket withConfig(SimulationConfig newConfig) {
        return new SimulatedMarket(universe, newConfig, seed);
    }

    public long seed() {
        return seed;
    }

    public MarketUniverse universe() {
        return universe;
    }

    public SimulationConfig config() {
        return config;
    }

    /** The venues of the selected instruments, with their fees and latency. */
    public List<VenueProfile> venues() {
        return universe.listings().stream().map(ListingSpec::venue).distinct().toList();
    }

    @Override
    public String name() {
        return "simulated market (seed " + seed + ")";
    }

    @Override
    public List<Instrument> instruments() {
        return universe.instruments();
    }

    @Override
    public void start(EventLoop loop, MarketDataSink sink) {
        if (running) {
            throw new IllegalStateException("simulated market already started");
        }
        running = true;
        simulator = new MarketSimulator(universe, config, seed, loop.nowNanos());
        DecimalEventBridge bridge = new DecimalEventBridge(simulator.listings(), sink);
        Runnable[] step = new Runnable[1];
        step[0] = () -> {
            if (!running) {
                return;
            }
            simulator.step(bridge);
            // Each step's events carry the step's time; under a lagging wall clock the next step is
            // simply due at once, so the tape never skips.
            timer = loop.schedule(simulator.nextStepNanos(), step[0]);
        };
        timer = loop.schedule(simulator.nextStepNanos(), step[0]);
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) {
            timer.cancel();
        }
    }

    /** The live order book of an instrument, once started; use it on the loop thread only. */
    public Optional<OrderBook> book(InstrumentId id) {
        return simulator == null ? Optional.empty() : simulator.book(id);
    }

    /** The running simulator, once started (for inspection on the loop thread). */
    public Optional<MarketSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }
}
