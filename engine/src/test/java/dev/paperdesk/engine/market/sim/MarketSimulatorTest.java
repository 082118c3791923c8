package dev.paperdesk.engine.market.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.TradingHours;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketSimulatorTest {
    private static final long SECOND = 1_000_000_000L;

    private static long at(String instant) {
        return Clock.toNanos(Instant.parse(instant));
    }

    /** Records quotes, trades and funding per listing as primitives. */
    static final class Tape implements PrimitiveMarketListener {
        final Map<Integer, List<long[]>> quotes = new HashMap<>();
        final Map<Integer, List<long[]>> trades = new HashMap<>();
        final List<Object[]> funding = new ArrayList<>();
        final Map<Integer, List<Long>> openInterest = new HashMap<>();
        final Map<Integer, List<double[]>> marks = new HashMap<>();

        @Override
        public void quote(int listing, long nanos, long bidTicks, long bidLots, long askTicks, long askLots) {
            quotes.computeIfAbsent(listing, k -> new ArrayList<>())
                    .add(new long[] {nanos, bidTicks, bidLots, askTicks, askLots});
        }

        @Override
        public void trade(int listing, long nanos, long priceTicks, long lots, boolean buyerAggressor) {
            trades.computeIfAbsent(listing, k -> new ArrayList<>())
                    .add(new long[] {nanos, priceTicks, lots, buyerAggressor ? 1 : 0});
        }

        @Override
        public void funding(int listing, long nanos, long fundingTimeNanos, double rate, double markPrice) {
            funding.add(new Object[] {listing, fundingTimeNanos, rate, nanos});
        }

        @Override
        public void mark(int listing, long nanos, double mark, double index, double estimate, long nextFunding) {
            marks.computeIfAbsent(listing, k -> new ArrayList<>()).add(new double[] {mark, index, estimate});
        }

        @Override
        public void openInterest(int listing, long nanos, long lots) {
            openInterest.computeIfAbsent(listing, k -> new ArrayList<>()).add(lots);
        }
    }

    @Test
    void defaultMarketListsEveryAssetClassWithRealisticContracts() {
        MarketUniverse u = MarketUniverse.standard();
        assertThat(u.listings()).hasSize(7 * 6 + 7 * 8 + 20 + 10);
        ListingSpec perp = u.find("BTC-USDT-PERP@hyperliquid");
        assertThat(perp.instrument())
                .isInstanceOfSatisfying(dev.paperdesk.engine.model.Instrument.Perpetual.class, p -> {
                    assertThat(p.fundingIntervalHours()).isEqualTo(1);
                    assertThat(p.tickSize()).isEqualByComparingTo("0.1");
                    assertThat(p.lotSize()).isEqualByComparingTo("0.001");
                });
        assertThat(u.find("BTC-USDT").instrument().id()).isEqualTo(InstrumentId.parse("BTC-USDT@binance"));
        assertThat(u.find("SPYX").instrument().id().venue()).isEqualTo("nasdaq");
        assertThat(u.find("SPYX").instrument()).isInstanceOf(dev.paperdesk.engine.model.Instrument.Etf.class);
        assertThat(u.find("USD/JPY").instrument().tickSize()).isEqualByComparingTo("0.001");
        assertThat(u.find("EUR/GBP@fx").instrument().tickSize()).isEqualByComparingTo("0.00001");
        assertThat(u.select(List.of("DOGE-USDT-PERP")).listings()).hasSize(8);
        assertThatThrownBy(() -> u.find("NOPE")).hasMessageContaining("NOPE");
        assertThat(u.listings().stream().filter(l -> l.instrument().venue().equals("nasdaq")))
                .hasSize(20);
    }

    @Test
    void booksAreDeepTickAlignedAndConsistentWithTheLastQuote() {
        long start = at("2024-03-04T15:00:00Z");
        MarketSimulator sim = new MarketSimulator(MarketUniverse.standard(), SimulationConfig.DEFAULT, 1, start);
        Tape tape = new Tape();
        sim.runUntil(start + 120 * SECOND, tape);
        Instant now = Clock.toInstant(sim.timeNanos());
        for (int i = 0; i < sim.listings().size(); i++) {
            ListingSpec spec = sim.listings().get(i);
            OrderBook book = sim.book(i);
            assertThat(book.isLive()).as(spec.instrument().id() + " live").isTrue();
            assertThat(book.levels()).isGreaterThanOrEqualTo(20);
            BookSnapshot snapshot = book.snapshot(now);
            assertThat(snapshot.bids()).as(spec.instrument().id() + " bids").hasSizeGreaterThanOrEqualTo(18);
            assertThat(snapshot.asks()).as(spec.instrument().id() + " asks").hasSizeGreaterThanOrEqualTo(18);
            BigDecimal tick = spec.instrument().tickSize();
            BigDecimal lot = spec.instrument().lotSize();
            for (BookLevel l : snapshot.bids()) {
                assertThat(l.price().isOnTick(tick)).isTrue();
                assertThat(l.size().isMultipleOf(lot)).isTrue();
            }
            Quote top = snapshot.topOfBook();
            long[] last = tape.quotes.get(i).get(tape.quotes.get(i).size() - 1);
            assertThat(top.bid().value()).isEqualByComparingTo(book.price(last[1]));
            assertThat(top.ask().value()).isEqualByComparingTo(book.price(last[3]));
            double mid = top.mid().toDouble();
            assertThat(Math.abs(mid / sim.modelMid(i) - 1))
                    .as(spec.instrument().id() + " book mid near model mid")
                    .isLessThan(0.002);
            double spreadBps = top.spread().toDouble() / mid * 1e4;
            assertThat(spreadBps).as(spec.instrument().id() + " spread").isBetween(0.0, 40.0);
        }
    }

    @Test
    void everyQuoteIsUncrossedAndEveryTradeHitsTheTouch() {
        long start = at("2024-03-04T15:00:00Z");
        MarketSimulator sim = new MarketSimulator(MarketUniverse.standard(), SimulationConfig.DEFAULT, 2, start);
        List<String> problems = new ArrayList<>();
        long[] counts = new long[2];
        PrimitiveMarketListener check = new PrimitiveMarketListener() {
            @Override
            public void quote(int l, long nanos, long bid, long bidLots, long ask, long askLots) {
                counts[0]++;
                if (bid >= ask || bidLots <= 0 || askLots <= 0 || bid <= 0) {
                    problems.add(sim.listings().get(l).instrument().id() + " quote " + bid + "/" + ask);
                }
            }

            @Override
            public void trade(int l, long nanos, long price, long lots, boolean buyer) {
                counts[1]++;
                if (lots <= 0 || price <= 0 || nanos != sim.timeNanos()) {
                    problems.add(sim.listings().get(l).instrument().id() + " trade " + price + " x " + lots);
                }
            }
        };
        sim.runUntil(start + 300 * SECOND, check);
        assertThat(problems).isEmpty();
        assertThat(counts[0]).isGreaterThan(10_000);
        assertThat(counts[1]).isGreaterThan(10_000);
    }

    @Test
    void consumingLiquidityWalksTheBookAndItRefillsOverTime() {
        long start = at("2024-03-04T15:00:00Z");
        MarketUniverse u = MarketUniverse.standard().select(List.of("ETH-USDT@binance"));
        // No market orders from the crowd, so only our own consumption and the refill move sizes.
        MarketSimulator sim = new MarketSimulator(u, SimulationConfig.DEFAULT.withTradeIntensity(0), 3, start);
        Tape tape = new Tape();
        sim.step(tape);
        OrderBook book = sim.book(0);
        long bestAsk = book.askPriceTicks(book.bestAskLevel());
        long before = book.depthLots(Side.BUY);
        long want = book.askLots(0) + book.askLots(1) + book.askLots(2) / 2;
        BigDecimal size = book.quantity(want);

        List<BookLevel> taken = book.consume(Side.BUY, new Quantity(size));

        assertThat(taken).hasSize(3);
        assertThat(taken.get(0).price().value()).isEqualByComparingTo(book.price(bestAsk));
        assertThat(taken.get(1).price().compareTo(taken.get(0).price())).isPositive();
        assertThat(taken.stream().map(l -> l.size().value()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(size);
        assertThat(book.depthLots(Side.BUY)).isEqualTo(before - want);
        assertThat(book.askPriceTicks(book.bestAskLevel())).isGreaterThan(bestAsk);

        assertThatThrownBy(() -> book.consume(Side.SELL, Quantity.of("0.00001")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lot size");
        long all = book.depthLots(Side.SELL);
        assertThat(book.consumeLots(Side.SELL, all + 1_000, (p, q) -> {})).isEqualTo(all);
        assertThat(book.bestBidLevel()).isEqualTo(-1);
    }

    @Test
    void sessionMarketsAreSilentWhileClosed() {
        long start = at("2024-03-08T12:00:00Z");
        MarketUniverse u = MarketUniverse.standard().select(List.of("ORBZ", "EUR/USD", "BTC-USDT@binance"));
        MarketSimulator sim =
                new MarketSimulator(u, SimulationConfig.DEFAULT.withStep(Duration.ofSeconds(5)), 4, start);
        Tape tape = new Tape();
        sim.runUntil(at("2024-03-11T16:00:00Z"), tape);
        int orbz = sim.indexOf(InstrumentId.parse("ORBZ@nasdaq"));
        int eur = sim.indexOf(InstrumentId.parse("EUR/USD@fx"));
        int btc = sim.indexOf(InstrumentId.parse("BTC-USDT@binance"));
        for (int listing : List.of(orbz, eur)) {
            TradingHours hours = sim.listings().get(listing).hours();
            for (long[] q : tape.quotes.get(listing)) {
                assertThat(hours.isOpen(Clock.toInstant(q[0]))).isTrue();
            }
            for (long[] t : tape.trades.get(listing)) {
                assertThat(hours.isOpen(Clock.toInstant(t[0]))).isTrue();
            }
        }
        long saturday = at("2024-03-09T12:00:00Z");
        long sunday = at("2024-03-10T12:00:00Z");
        assertThat(tape.quotes.get(orbz)).anyMatch(q -> q[0] < saturday).anyMatch(q -> q[0] > sunday);
        assertThat(tape.quotes.get(eur))
                .anyMatch(q -> q[0] < saturday)
                .anyMatch(q -> q[0] > sunday)
                .noneMatch(q -> q[0] >= at("2024-03-08T22:00:00Z") && q[0] < at("2024-03-10T21:00:00Z"));
        assertThat(tape.trades.get(btc)).anyMatch(t -> t[0] > saturday && t[0] < sunday);
    }

    @Test
    void fundingSettlesOnScheduleAndDiffersAcrossVenues() {
        long start = at("2024-03-04T00:00:00Z");
        MarketUniverse u = MarketUniverse.standard().select(l -> l.kind() == ListingKind.PERPETUAL);
        SimulationConfig config = SimulationConfig.DEFAULT
                .withStep(Duration.ofSeconds(1))
                .withTradeIntensity(0.05)
                .withBookInterval(Duration.ZERO);
        MarketSimulator sim = new MarketSimulator(u, config, 5, start);
        Tape tape = new Tape();
        sim.runUntil(start + 48 * 3600 * SECOND, tape);
        Map<Integer, Integer> settlements = new HashMap<>();
        Map<Long, Map<String, Double>> ratesByTimeAndAsset = new HashMap<>();
        double maxSpread = 0;
        for (Object[] f : tape.funding) {
            int listing = (Integer) f[0];
            long time = (Long) f[1];
            double rate = (Double) f[2];
            ListingSpec spec = sim.listings().get(listing);
            int hours = spec.venue().fundingIntervalHours();
            assertThat(time % (hours * 3600 * SECOND))
                    .as("on the interval grid")
                    .isZero();
            assertThat((Long) f[3]).as("settled at the funding time").isEqualTo(time);
            assertThat(Math.abs(rate)).isLessThanOrEqualTo(spec.venue().fundingCap());
            settlements.merge(listing, 1, Integer::sum);
            if (hours == 8) {
                String asset = spec.underlying();
                Map<String, Double> atTime = ratesByTimeAndAsset.computeIfAbsent(time, k -> new HashMap<>());
                atTime.merge(asset + ":max", rate, Math::max);
                atTime.merge(asset + ":min", rate, Math::min);
            }
        }
        for (Map<String, Double> atTime : ratesByTimeAndAsset.values()) {
            for (String key : atTime.keySet()) {
                if (key.endsWith(":max")) {
                    String asset = key.substring(0, key.length() - 4);
                    maxSpread = Math.max(maxSpread, atTime.get(key) - atTime.get(asset + ":min"));
                }
            }
        }
        for (int i = 0; i < sim.listings().size(); i++) {
            int hours = sim.listings().get(i).venue().fundingIntervalHours();
            assertThat(settlements.get(i))
                    .as(sim.listings().get(i).instrument().id() + " settlements")
                    .isEqualTo(48 / hours);
        }
        assertThat(ratesByTimeAndAsset.keySet())
                .containsExactlyInAnyOrder(
                        at("2024-03-04T08:00:00Z"),
                        at("2024-03-04T16:00:00Z"),
                        at("2024-03-05T00:00:00Z"),
                        at("2024-03-05T08:00:00Z"),
                        at("2024-03-05T16:00:00Z"),
                        at("2024-03-06T00:00:00Z"));
        // At some settlement two venues disagree by at least 2 bps on the same asset: a funding spread.
        assertThat(maxSpread).isGreaterThan(0.0002);
        for (List<double[]> marks : tape.marks.values()) {
            for (double[] m : marks) {
                assertThat(Math.abs(m[0] / m[1] - 1))
                        .as("mark within 1% of index")
                        .isLessThan(0.01);
            }
        }
        for (Map.Entry<Integer, List<Long>> oi : tape.openInterest.entrySet()) {
            double base = sim.listings().get(oi.getKey()).openInterestLots();
            assertThat(oi.getValue()).allMatch(v -> v > base * 0.3 && v < base * 3);
        }
    }

    @Test
    void crossVenueSpreadsOpenAndClose() {
        long start = at("2024-03-04T00:00:00Z");
        MarketUniverse u = MarketUniverse.standard().select(List.of("BTC-USDT@binance", "BTC-USDT@kucoin"));
        MarketSimulator sim = new MarketSimulator(
                u, SimulationConfig.DEFAULT.withStep(Duration.ofSeconds(1)).withTradeIntensity(0), 6, start);
        PrimitiveMarketListener ignore = new Tape();
        double maxBps = 0;
        int tight = 0;
        int signChanges = 0;
        double previous = 0;
        int n = 6 * 3600;
        for (int i = 0; i < n; i++) {
            sim.step(ignore);
            double bps = (sim.modelMid(1) / sim.modelMid(0) - 1) * 1e4;
            maxBps = Math.max(maxBps, Math.abs(bps));
            if (Math.abs(bps) < 1) {
                tight++;
            }
            if (i > 0 && Math.signum(bps) != Math.signum(previous)) {
                signChanges++;
            }
            previous = bps;
        }
        assertThat(maxBps).as("spreads open").isGreaterThan(4);
        assertThat((double) tight / n).as("and close again").isGreaterThan(0.2);
        assertThat(signChanges).isGreaterThan(20);
    }

    @Test
    void fxCrossesAreExactProductsOfTheMajors() {
        long start = at("2024-03-05T00:00:00Z");
        MarketSimulator sim = new MarketSimulator(
                MarketUniverse.standard().select(List.of("EUR/GBP")),
                SimulationConfig.DEFAULT.withStep(Duration.ofSeconds(10)),
                7,
                start);
        Tape tape = new Tape();
        for (int k = 0; k < 5; k++) {
            sim.runUntil(sim.timeNanos() + 3600 * SECOND, tape);
            double eurusd = sim.fairPrice("EUR/USD");
            assertThat(sim.fairPrice("EUR/JPY") / (eurusd * sim.fairPrice("USD/JPY")))
                    .isCloseTo(1, within(1e-12));
            assertThat(sim.fairPrice("GBP/JPY") / (sim.fairPrice("GBP/USD") * sim.fairPrice("USD/JPY")))
                    .isCloseTo(1, within(1e-12));
            assertThat(sim.fairPrice("EUR/GBP") / (eurusd / sim.fairPrice("GBP/USD")))
                    .isCloseTo(1, within(1e-12));
            assertThat(sim.modelMid(0)).isEqualTo(sim.fairPrice("EUR/GBP"));
        }
        assertThat(sim.fairPrice("EUR/USD")).isNotEqualTo(1.085);
    }

    @Test
    void stocksCorrelateWithinSectorsAndTheIndexEtfTracksThem() {
        long start = at("2024-01-01T21:00:00Z");
        MarketSimulator sim = new MarketSimulator(
                MarketUniverse.standard().select(l -> false),
                SimulationConfig.DEFAULT.withStep(Duration.ofMinutes(1)),
                8,
                start);
        String[] tech = {"ORBZ", "CHPZ", "SFTZ", "NETZ"};
        String[] energy = {"OILZ", "GRDZ", "WNDZ"};
        int days = 300;
        Map<String, double[]> returns = new HashMap<>();
        List<String> names = new ArrayList<>(List.of(tech));
        names.addAll(List.of(energy));
        names.add("SPYX");
        names.add("BTC");
        names.add("ETH");
        Map<String, Double> last = new HashMap<>();
        names.forEach(s -> last.put(s, sim.fairPrice(s)));
        Tape tape = new Tape();
        for (int d = 0; d < days; d++) {
            sim.runUntil(sim.timeNanos() + 86_400 * SECOND, tape);
            for (String s : names) {
                double p = sim.fairPrice(s);
                returns.computeIfAbsent(s, k -> new double[days])[d] = Math.log(p / last.get(s));
                last.put(s, p);
            }
        }
        double within = (corr(returns, "ORBZ", "CHPZ")
                        + corr(returns, "SFTZ", "NETZ")
                        + corr(returns, "OILZ", "GRDZ")
                        + corr(returns, "GRDZ", "WNDZ"))
                / 4;
        double across = (corr(returns, "ORBZ", "OILZ")
                        + corr(returns, "CHPZ", "GRDZ")
                        + corr(returns, "SFTZ", "WNDZ")
                        + corr(returns, "NETZ", "OILZ"))
                / 4;
        assertThat(within).isGreaterThan(across + 0.1);
        assertThat(across).isGreaterThan(0.1);
        assertThat(corr(returns, "SPYX", "ORBZ")).isGreaterThan(0.5);
        assertThat(corr(returns, "BTC", "ETH")).isGreaterThan(0.5);
    }

    private static double corr(Map<String, double[]> returns, String a, String b) {
        double[] x = returns.get(a);
        double[] y = returns.get(b);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void returnsHaveFatTailsAndVolatilityClusters() {
        long start = at("2024-01-01T00:00:00Z");
        MarketSimulator sim = new MarketSimulator(
                MarketUniverse.standard().select(l -> false),
                SimulationConfig.DEFAULT.withStep(Duration.ofMinutes(1)),
                9,
                start);
        int n = 60 * 24 * 60;
        double[] r = new double[n];
        double previous = sim.fairPrice("BTC");
        Tape tape = new Tape();
        for (int i = 0; i < n; i++) {
            sim.step(tape);
            double p = sim.fairPrice("BTC");
            r[i] = Math.log(p / previous);
            previous = p;
        }
        double m2 = 0;
        double m4 = 0;
        for (double x : r) {
            m2 += x * x;
            m4 += x * x * x * x;
        }
        m2 /= n;
        m4 /= n;
        assertThat(m4 / (m2 * m2)).as("kurtosis").isGreaterThan(4);
        // Stochastic volatility: daily realised volatility varies far more than the ~2% sampling
        // noise of 1,440 returns a day at constant volatility.
        double[] daily = new double[60];
        for (int d = 0; d < 60; d++) {
            double rv = 0;
            for (int i = d * 1440; i < (d + 1) * 1440; i++) {
                rv += r[i] * r[i];
            }
            daily[d] = Math.sqrt(rv);
        }
        double mean = java.util.Arrays.stream(daily).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(daily)
                .map(x -> (x - mean) * (x - mean))
                .average()
                .orElseThrow());
        assertThat(sd / mean)
                .as("coefficient of variation of daily realised vol")
                .isGreaterThan(0.08);
        double annualVol = Math.sqrt(m2 * 365 * 24 * 60);
        assertThat(annualVol).isBetween(0.3, 0.9);
    }

    @Test
    void aSelectedListingSeesTheSamePricesWhateverElseIsSelected() {
        long start = at("2024-03-04T10:00:00Z");
        InstrumentId id = InstrumentId.parse("BTC-USDT-PERP@bybit");
        List<long[]> alone = runAndRecord(MarketUniverse.standard().select(List.of(id.toString())), start, id);
        List<long[]> crowded = runAndRecord(MarketUniverse.standard(), start, id);
        assertThat(alone).hasSizeGreaterThan(1000);
        assertThat(crowded).hasSameSizeAs(alone);
        for (int i = 0; i < alone.size(); i++) {
            assertThat(crowded.get(i)).containsExactly(alone.get(i));
        }
    }

    private static List<long[]> runAndRecord(MarketUniverse u, long start, InstrumentId id) {
        MarketSimulator sim = new MarketSimulator(u, SimulationConfig.DEFAULT, 10, start);
        Tape tape = new Tape();
        sim.runUntil(start + 300 * SECOND, tape);
        int i = sim.indexOf(id);
        List<long[]> events = new ArrayList<>(tape.quotes.get(i));
        events.addAll(tape.trades.get(i));
        return events;
    }
}
