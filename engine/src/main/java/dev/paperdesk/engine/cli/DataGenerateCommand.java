package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.io.AtomicFiles;
import dev.paperdesk.engine.market.bars.BarAggregator;
import dev.paperdesk.engine.market.bars.GapPolicy;
import dev.paperdesk.engine.market.history.BarCsvExporter;
import dev.paperdesk.engine.market.sim.ListingSpec;
import dev.paperdesk.engine.market.sim.MarketSimulator;
import dev.paperdesk.engine.market.sim.MarketUniverse;
import dev.paperdesk.engine.market.sim.PrimitiveMarketListener;
import dev.paperdesk.engine.market.sim.SimulationConfig;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Timeframe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paperdesk data generate}: synthetic OHLCV bars of one simulated instrument, for tests and
 * benchmarks. The same arguments always write the same file.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write synthetic OHLCV bars of one instrument of the simulated market to a CSV file.",
            "Columns: timestamp,open,high,low,close,volume; timestamp is the bar's open time in ISO-8601 UTC.",
            "The same symbol, timeframe, bar count, seed and start always give the same file."
        })
public final class DataGenerateCommand implements Callable<Integer> {
    /** Candidate simulation steps; each divides one hour, as the simulator requires. */
    private static final List<Duration> STEPS = List.of(
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(15),
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(5));

    /** Steps per bar the generator aims for: enough for a realistic intrabar path. */
    private static final int STEPS_PER_BAR = 240;

    @Option(
            names = "--symbol",
            required = true,
            paramLabel = "SYM",
            description = "Instrument of the simulated market: an id such as BTC-USDT-PERP@bybit, or a bare"
                    + " symbol such as BTC-USDT, SPYX or EUR/USD (its first venue).")
    String symbol;

    @Option(
            names = "--timeframe",
            required = true,
            paramLabel = "TF",
            description = "Bar timeframe: 1m, 5m, 15m, 30m, 1h, 4h or 1d.")
    String timeframe;

    @Option(
            names = "--bars",
            required = true,
            paramLabel = "N",
            description = "Number of complete bars to write (1 to 1000000).")
    int bars;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "42",
            description = "Random seed of the simulation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--start",
            paramLabel = "INSTANT",
            defaultValue = "2024-01-01T00:00:00Z",
            description = "Simulated start time, ISO-8601 UTC (default: ${DEFAULT-VALUE}).")
    String start;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE.csv",
            description = "Output file; written to a temporary file first and moved into place.")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Timeframe tf;
        try {
            tf = Timeframe.parse(timeframe);
        } catch (IllegalArgumentException e) {
            throw new CliException("--timeframe: " + e.getMessage(), 2);
        }
        if (bars < 1 || bars > 1_000_000) {
            throw new CliException("--bars must be between 1 and 1000000, not " + bars, 2);
        }
        Instant from;
        try {
            from = Instant.parse(start);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CliException("--start is not an ISO-8601 UTC instant: '" + start + "'", 2);
        }
        ListingSpec listing;
        try {
            listing = MarketUniverse.standard().find(symbol);
        } catch (IllegalArgumentException e) {
            throw new CliException("--symbol: " + e.getMessage(), 2);
        }
        List<Bar> result = generate(listing, tf, bars, seed, from);
        write(result);
        spec.commandLine()
                .getOut()
                .printf(
                        "wrote %d %s bars of %s to %s%n",
                        result.size(), tf, listing.instrument().id(), out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Simulates {@code listing} alone (the rest of the model still runs) until {@code count} bars are complete. */
    static List<Bar> generate(ListingSpec listing, Timeframe tf, int count, long seed, Instant from) {
        Duration step = stepFor(tf);
        // Thin the tape to about two trades per step: large timeframes need the path, not every print.
        double perStep = listing.microstructure().tradesPerSecond() * step.toNanos() / 1e9;
        double intensity = Math.min(1.0, 2.0 / Math.max(perStep, 1e-9));
        SimulationConfig config = SimulationConfig.DEFAULT
                .withStep(step)
                .withTradeIntensity(intensity)
                .withBookInterval(Duration.ZERO);
        MarketUniverse universe = MarketUniverse.standard()
                .select(l -> l.instrument().id().equals(listing.instrument().id()));
        MarketSimulator simulator = new MarketSimulator(universe, config, seed, Clock.toNanos(from));
        List<Bar> result = new ArrayList<>(count);
        BarAggregator aggregator = BarAggregator.of(listing.instrument(), List.of(tf), GapPolicy.SKIP, bar -> {
            if (result.size() < count) {
                result.add(bar);
            }
        });
        PrimitiveMarketListener tape = new PrimitiveMarketListener() {
            @Override
            public void quote(int l, long nanos, long bidTicks, long bidLots, long askTicks, long askLots) {}

            @Override
            public void trade(int l, long nanos, long priceTicks, long lots, boolean buyerAggressor) {
                aggregator.onTrade(nanos, priceTicks, lots);
            }
        };
        long stepsPerBar = tf.duration().toNanos() / step.toNanos();
        // Sessions and weekends make equity bars sparse; anything beyond this means no trading at all.
        long limit = (long) count * stepsPerBar * 20 + 10 * 86_400_000_000_000L / step.toNanos();
        long steps = 0;
        while (result.size() < count) {
            simulator.step(tape);
            aggregator.advanceTo(simulator.timeNanos());
            if (++steps > limit) {
                throw new CliException(listing.instrument().id() + " produced only " + result.size() + " bars", 1);
            }
        }
        return result;
    }

    static Duration stepFor(Timeframe tf) {
        long target = tf.duration().toNanos() / STEPS_PER_BAR;
        Duration best = STEPS.get(0);
        for (Duration d : STEPS) {
            if (d.toNanos() <= target) {
                best = d;
            }
        }
        return best;
    }

    private void write(List<Bar> result) {
        try {
            AtomicFiles.writeText(out, w -> {
                w.write(BarCsvExporter.HEADER);
                w.write('\n');
                for (Bar b : result) {
                    BarCsvExporter.writeBar(w, b);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
