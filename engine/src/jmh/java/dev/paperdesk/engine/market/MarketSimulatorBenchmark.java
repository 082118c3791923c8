package dev.paperdesk.engine.market;

import dev.paperdesk.engine.market.sim.DecimalEventBridge;
import dev.paperdesk.engine.market.sim.MarketSimulator;
import dev.paperdesk.engine.market.sim.MarketUniverse;
import dev.paperdesk.engine.market.sim.PrimitiveMarketListener;
import dev.paperdesk.engine.market.sim.SimulationConfig;
import dev.paperdesk.engine.model.Quote;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Simulator throughput on the full default market (128 listings, crypto session so everything
 * trades): quote and trade events per second, on the primitive path and through the decimal bridge
 * into a {@link MarketDataSink}. The {@code events} counter is the figure to read.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class MarketSimulatorBenchmark {
    private static final long START = 1_709_650_800_000_000_000L; // 2024-03-05T15:00Z, NY session open

    private MarketSimulator simulator;

    @Setup(Level.Trial)
    public void setUp() {
        simulator = new MarketSimulator(
                MarketUniverse.standard(), SimulationConfig.DEFAULT.withBookInterval(Duration.ZERO), 42, START);
    }

    /** Counts quote and trade events (JMH reports them per second). */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Events implements PrimitiveMarketListener {
        public long events;
        Blackhole blackhole;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }

        @Override
        public void quote(int listing, long nanos, long bidTicks, long bidLots, long askTicks, long askLots) {
            events++;
            blackhole.consume(bidTicks ^ askTicks ^ bidLots ^ askLots);
        }

        @Override
        public void trade(int listing, long nanos, long priceTicks, long lots, boolean buyerAggressor) {
            events++;
            blackhole.consume(priceTicks ^ lots);
        }
    }

    /** Counts decimal events delivered to a sink. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class DecimalEvents implements MarketDataSink {
        public long events;
        Blackhole blackhole;
        DecimalEventBridge bridge;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }

        @Override
        public void onQuote(Quote quote) {
            events++;
            blackhole.consume(quote);
        }

        @Override
        public void onTrade(TradePrint trade) {
            events++;
            blackhole.consume(trade);
        }
    }

    @Benchmark
    public void primitiveStep(Events events, Blackhole bh) {
        events.blackhole = bh;
        simulator.step(events);
    }

    @Benchmark
    public void decimalStep(DecimalEvents events, Blackhole bh) {
        events.blackhole = bh;
        if (events.bridge == null) {
            events.bridge = new DecimalEventBridge(simulator.listings(), events);
        }
        simulator.step(events.bridge);
    }
}
