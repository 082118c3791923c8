package dev.paperdesk.engine.arbitrage;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.FundingRate;
import dev.paperdesk.engine.market.MarkPrice;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.OpenInterest;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.market.sim.FeeSchedule;
import dev.paperdesk.engine.market.sim.LatencyProfile;
import dev.paperdesk.engine.market.sim.VenueProfile;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongPredicate;
import java.util.function.LongToDoubleFunction;

/**
 * A small scripted perpetual market for tests: one symbol on a few venues, every 100 ms a quote and
 * (as scripted) prints at the touch, every second a book of 20 levels per side and a mark with the
 * scripted funding rate, every 10 s open interest. Times given to the scripts are nanoseconds since
 * the start.
 */
final class ScriptedMarket implements MarketDataFeed {
    static final String SYMBOL = "BTC-USDT-PERP";
    private static final long STEP = 100_000_000L;
    private static final BigDecimal TICK = new BigDecimal("0.01");
    private static final BigDecimal LOT = new BigDecimal("0.001");

    /**
     * One venue's script.
     *
     * @param mid the mid price at a time
     * @param halfSpreadBps half the quoted spread
     * @param touchUnits size resting at each touch
     * @param levelUnits size of each deeper level (levels 0.5 bps apart)
     * @param funding8h the accruing funding rate per 8 h at a time (venue interval applied)
     * @param sellPrints whether a sell-aggressor print hits the bid in the step ending at a time
     * @param buyPrints whether a buy-aggressor print lifts the ask in the step ending at a time
     * @param printUnits size of each print
     */
    record Venue(
            String name,
            int fundingIntervalHours,
            LongToDoubleFunction mid,
            double halfSpreadBps,
            double touchUnits,
            double levelUnits,
            LongToDoubleFunction funding8h,
            LongPredicate sellPrints,
            LongPredicate buyPrints,
            double printUnits) {
        Instrument.Perpetual instrument() {
            return new Instrument.Perpetual(
                    new InstrumentId(SYMBOL, name),
                    new Currency("BTC"),
                    Currency.USDT,
                    TICK,
                    LOT,
                    BigDecimal.ONE,
                    fundingIntervalHours);
        }
    }

    private final List<Venue> venues;
    private EventLoop.Timer timer;
    private long start;
    private long steps;

    ScriptedMarket(List<Venue> venues) {
        this.venues = List.copyOf(venues);
    }

    /** A venue profile with fixed latency (no spikes) and the given perpetual fees, for the strategy. */
    static VenueProfile profile(String name, double latencyMillis, double makerBps, double takerBps) {
        VenueProfile.Kind kind = name.equals("paradex") || name.equals("hyperliquid")
                ? VenueProfile.Kind.DECENTRALISED_EXCHANGE
                : VenueProfile.Kind.CENTRALISED_EXCHANGE;
        FeeSchedule fees = new FeeSchedule(makerBps, takerBps);
        return new VenueProfile(
                name,
                kind,
                fees,
                fees,
                new LatencyProfile(latencyMillis, 0, 0, 0),
                1,
                1,
                1,
                60,
                0,
                0,
                8,
                0.01,
                false,
                true);
    }

    /** Prints with probability {@code p} per step, from a seeded stream of its own. */
    static LongPredicate randomPrints(long seed, double p) {
        SplittableRandom r = new SplittableRandom(seed);
        return t -> r.nextDouble() < p;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public List<Instrument> instruments() {
        return venues.stream().map(v -> (Instrument) v.instrument()).toList();
    }

    @Override
    public void start(EventLoop loop, MarketDataSink sink) {
        start = loop.nowNanos();
        timer = loop.scheduleEvery(start + STEP, STEP, () -> step(loop.nowNanos(), sink));
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void step(long now, MarketDataSink sink) {
        steps++;
        long t = now - start;
        for (Venue v : venues) {
            InstrumentId id = new InstrumentId(SYMBOL, v.name());
            double mid = v.mid().applyAsDouble(t);
            BigDecimal bid = price(mid * (1 - v.halfSpreadBps() / 10_000), RoundingMode.FLOOR);
            BigDecimal ask = price(mid * (1 + v.halfSpreadBps() / 10_000), RoundingMode.CEILING);
            if (ask.compareTo(bid) <= 0) {
                ask = bid.add(TICK);
            }
            var ts = Clock.toInstant(now);
            Quantity touch = qty(v.touchUnits());
            if (v.sellPrints().test(t)) {
                sink.onTrade(new TradePrint(id, ts, new Price(bid), qty(v.printUnits()), Side.SELL));
            }
            if (v.buyPrints().test(t)) {
                sink.onTrade(new TradePrint(id, ts, new Price(ask), qty(v.printUnits()), Side.BUY));
            }
            sink.onQuote(new Quote(id, ts, new Price(bid), new Price(ask), touch, touch));
            if (steps % 10 == 1) {
                List<BookLevel> bids = new ArrayList<>();
                List<BookLevel> asks = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Quantity size = i == 0 ? touch : qty(v.levelUnits());
                    bids.add(new BookLevel(
                            new Price(price(bid.doubleValue() * (1 - i * 0.5 / 10_000), RoundingMode.FLOOR)), size));
                    asks.add(new BookLevel(
                            new Price(price(ask.doubleValue() * (1 + i * 0.5 / 10_000), RoundingMode.CEILING)), size));
                }
                sink.onBook(new BookSnapshot(id, ts, bids, asks));
                double rate = v.funding8h().applyAsDouble(t) * v.fundingIntervalHours() / 8.0;
                sink.onMarkPrice(new MarkPrice(
                        id,
                        ts,
                        new Price(price(mid, RoundingMode.HALF_EVEN)),
                        new Price(price(mid, RoundingMode.HALF_EVEN)),
                        BigDecimal.valueOf(rate),
                        ts.plusSeconds(3600)));
            }
            if (steps % 100 == 1) {
                sink.onOpenInterest(new OpenInterest(id, ts, qty(1000)));
            }
            long hourNanos = 3_600_000_000_000L * v.fundingIntervalHours();
            if (t > 0 && t % hourNanos == 0) {
                double rate = v.funding8h().applyAsDouble(t) * v.fundingIntervalHours() / 8.0;
                sink.onFundingRate(new FundingRate(
                        id,
                        ts,
                        BigDecimal.valueOf(rate),
                        v.fundingIntervalHours(),
                        new Price(price(mid, RoundingMode.HALF_EVEN))));
            }
        }
    }

    private static BigDecimal price(double p, RoundingMode mode) {
        return BigDecimal.valueOf(p).setScale(2, mode);
    }

    private static Quantity qty(double units) {
        return new Quantity(BigDecimal.valueOf(units).setScale(3, RoundingMode.HALF_EVEN));
    }
}
