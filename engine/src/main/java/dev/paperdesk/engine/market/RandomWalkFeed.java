package dev.paperdesk.engine.market;

import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A minimal seeded feed: each instrument's mid follows a geometric random walk, quoted one or two
 * ticks wide, every {@code intervalMillis} of engine time. Same seed, same quotes.
 */
public final class RandomWalkFeed implements MarketDataFeed {
    /** The demo instruments of a fresh workspace. */
    public static List<Instrument> demoInstruments() {
        return List.of(
                new Instrument.Equity(
                        new InstrumentId("ACME", "sim"),
                        new BigDecimal("0.01"),
                        BigDecimal.ONE,
                        Currency.USD,
                        "Industrials"),
                new Instrument.CryptoSpot(
                        new InstrumentId("BTC-USD", "sim"),
                        Currency.BTC,
                        Currency.USD,
                        new BigDecimal("0.01"),
                        new BigDecimal("0.0001")));
    }

    private static final double[] DEMO_START = {100.0, 60_000.0};

    private final long seed;
    private final long intervalNanos;
    private final double stepVolatility;
    private final List<Instrument> instruments;
    private final double[] startPrices;
    private EventLoop.Timer timer;

    public RandomWalkFeed(long seed) {
        this(seed, demoInstruments(), DEMO_START, 250, 0.0008);
    }

    public RandomWalkFeed(
            long seed, List<Instrument> instruments, double[] startPrices, long intervalMillis, double stepVolatility) {
        if (instruments.size() != startPrices.length) {
            throw new IllegalArgumentException("one start price per instrument");
        }
        this.seed = seed;
        this.instruments = List.copyOf(instruments);
        this.startPrices = startPrices.clone();
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.stepVolatility = stepVolatility;
    }

    @Override
    public String name() {
        return "random walk (seed " + seed + ")";
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public void start(EventLoop loop, MarketDataSink sink) {
        List<Walker> walkers = new ArrayList<>();
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < instruments.size(); i++) {
            walkers.add(new Walker(instruments.get(i), startPrices[i], root.split()));
        }
        for (Walker w : walkers) {
            sink.onQuote(w.quote(loop));
        }
        timer = loop.scheduleEvery(loop.nowNanos() + intervalNanos, intervalNanos, () -> {
            for (Walker w : walkers) {
                w.step();
                sink.onQuote(w.quote(loop));
            }
        });
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.cancel();
        }
    }

    private final class Walker {
        private final Instrument instrument;
        private final SplittableRandom random;
        private double mid;

        Walker(Instrument instrument, double start, SplittableRandom random) {
            this.instrument = instrument;
            this.mid = start;
            this.random = random;
        }

        void step() {
            double z = gaussian();
            mid *= Math.exp(stepVolatility * z - 0.5 * stepVolatility * stepVolatility);
        }

        private double gaussian() {
            // Box–Muller on the split stream: portable and reproducible across JDKs.
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
        }

        Quote quote(EventLoop loop) {
            BigDecimal tick = instrument.tickSize();
            BigDecimal center = BigDecimal.valueOf(mid).divide(tick, 0, RoundingMode.HALF_EVEN);
            long halfSpreadTicks = 1 + (random.nextInt(4) == 0 ? 1 : 0);
            BigDecimal bid =
                    center.subtract(BigDecimal.valueOf(halfSpreadTicks)).multiply(tick);
            BigDecimal ask = center.add(BigDecimal.valueOf(halfSpreadTicks)).multiply(tick);
            BigDecimal size = instrument.lotSize().multiply(BigDecimal.valueOf(100 + random.nextInt(900)));
            return new Quote(
                    instrument.id(),
                    loop.clock().now(),
                    new Price(bid),
                    new Price(ask),
                    new Quantity(size),
                    new Quantity(size));
        }
    }
}
