package dev.paperdesk.engine.arbitrage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.market.sim.VenueProfile;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The eight correctness properties of the reference design, over random scripted markets (prices,
 * funding, print flow, latencies) and seeds, plus the pure formulas over random inputs.
 */
class ArbitragePropertiesTest {
    private static final BigDecimal START = ArbitrageSettings.DEFAULT_CAPITAL;
    private static final List<String> NAMES = List.of("binance", "okx", "gate", "paradex");

    /**
     * The whole-run properties draw their 25 markets from a fixed generator seed so that their
     * coverage checks (that the runs do trade, leg out and see stale venues) cannot flake in CI.
     */
    private static final String RUN_SEED = "20261121";

    /** A random two-to-four venue market and strategy seed. */
    record World(long seed, List<Double> offsetsBps, List<Double> funding, List<Double> printP, List<Double> latency) {}

    /**
     * Markets that usually offer something: a venue at the consensus and others 5–40 bps dearer,
     * funding that leans with the premium (plus noise that sometimes flips it), busy or quiet tapes,
     * and fresh venues (a rare latency spike may still push one over the limit).
     */
    @Provide
    Arbitrary<World> worlds() {
        return worlds(Arbitraries.doubles().between(5, 120));
    }

    /** The same markets with venues that are often stale (median latency up to 320 ms). */
    @Provide
    Arbitrary<World> staleWorlds() {
        return worlds(Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(5, 120)),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(150, 320))));
    }

    private static Arbitrary<World> worlds(Arbitrary<Double> latency) {
        Arbitrary<Long> seed = Arbitraries.longs();
        Arbitrary<Integer> n = Arbitraries.integers().between(2, 4);
        return n.flatMap(k -> Combinators.combine(
                        seed,
                        Arbitraries.doubles().between(5, 40).ofScale(3).list().ofSize(k - 1),
                        Arbitraries.doubles()
                                .between(-0.0001, 0.0001)
                                .ofScale(6)
                                .list()
                                .ofSize(k),
                        Arbitraries.doubles().between(0.3, 1).list().ofSize(k),
                        latency.list().ofSize(k))
                .as((s, offsets, f, p, l) -> {
                    List<Double> all = new ArrayList<>();
                    all.add(0.0);
                    all.addAll(offsets);
                    return new World(s, all, f, p, l);
                }));
    }

    private static Harness harness(World w, List<Decision> log) {
        SplittableRandom r = new SplittableRandom(w.seed());
        List<ScriptedMarket.Venue> venues = new ArrayList<>();
        List<VenueProfile> profiles = new ArrayList<>();
        for (int i = 0; i < w.offsetsBps().size(); i++) {
            String name = NAMES.get(i);
            SplittableRandom walk = r.split();
            double[] noise = {0};
            double p = w.printP().get(i);
            double offset = w.offsetsBps().get(i);
            double fundingNoise = w.funding().get(i);
            // the venue's premium decays with a 15 s half-life and is reset every 40 s, so spreads
            // open, converge (profit targets, funding convergence) and open again
            java.util.function.LongToDoubleFunction premiumBps =
                    t -> offset * Math.pow(0.5, (t % 40_000_000_000L) / 15e9);
            venues.add(new ScriptedMarket.Venue(
                    name,
                    name.equals("paradex") ? 1 : 8,
                    t -> 10_000
                            * (1 + premiumBps.applyAsDouble(t) / 10_000 + (noise[0] += 0.1e-4 * walk.nextGaussian())),
                    0.5 + i * 0.3,
                    1 + walk.nextDouble() * 4,
                    2 + walk.nextDouble() * 10,
                    // a dearer perpetual carries a higher premium and so a higher funding rate
                    t -> premiumBps.applyAsDouble(t) * 2e-5 + fundingNoise,
                    ScriptedMarket.randomPrints(r.nextLong(), p),
                    ScriptedMarket.randomPrints(r.nextLong(), p),
                    0.2 + walk.nextDouble()));
            // jittered latency: sigma 0.3 around the drawn median, so venues cross the 200 ms line now and then
            VenueProfile flat = ScriptedMarket.profile(name, w.latency().get(i), 1, 5);
            profiles.add(new VenueProfile(
                    flat.name(),
                    flat.kind(),
                    flat.spotFees(),
                    flat.perpetualFees(),
                    new dev.paperdesk.engine.market.sim.LatencyProfile(
                            w.latency().get(i), 0.3, 0.02, 300),
                    1,
                    1,
                    1,
                    60,
                    0,
                    0,
                    8,
                    0.01,
                    false,
                    true));
        }
        ArbitrageSettings d = ArbitrageSettings.defaults(w.seed());
        // a lower bar than 70 and a short cooldown so that 90 s of a random market trade often enough
        // to exercise execution
        ArbitrageSettings s = d.withThresholds(20, d.minSpreadBps(), d.minFundingDelta8h(), 10_000)
                .withCooldownSeconds(2);
        Harness h = new Harness(new ScriptedMarket(venues), profiles, s, null);
        h.strategy.onDecision(log::add);
        return h;
    }

    // ------------------------------------------------------------------ properties over whole runs

    @Property(tries = 25, seed = RUN_SEED)
    void capitalIsConservedExactlyAtEveryMoment(@ForAll("worlds") World w) {
        Harness h = harness(w, new ArrayList<>());
        List<String> broken = new ArrayList<>();
        h.run(Duration.ofSeconds(90), now -> {
            ArbitragePortfolio p = h.strategy.portfolio();
            if (p.available().add(p.openExposure()).compareTo(START.add(p.cumulativePnl())) != 0) {
                broken.add(now + ": " + p.available() + " + " + p.openExposure() + " != " + START + " + "
                        + p.cumulativePnl());
            }
            BigDecimal reserved = h.strategy.openTrades().stream()
                    .map(TradeRecord::positionSize)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (reserved.compareTo(p.openExposure()) != 0) {
                broken.add(now + ": open positions " + reserved + " != exposure " + p.openExposure());
            }
        });
        assertThat(broken).isEmpty();
    }

    @Property(tries = 25, seed = RUN_SEED)
    void noTradeOnAFailedHardConstraintAndItsConfidenceIsZero(@ForAll("worlds") World w) {
        Harness h = harness(w, new ArrayList<>());
        List<Opportunity> seen = new ArrayList<>();
        h.run(Duration.ofSeconds(60), now -> {
            if (h.strategy.topOpportunitiesTime().equals(dev.paperdesk.engine.clock.Clock.toInstant(now))) {
                seen.addAll(h.strategy.topOpportunities());
            }
        });
        boolean anyFailed =
                seen.stream().anyMatch(o -> !o.metrics().hardConstraints().passesAll());
        Statistics.label("hard failures").collect(anyFailed);
        Statistics.label("hard failures").coverage(c -> c.check(true).percentage(x -> x >= 8));
        for (Opportunity o : seen) {
            if (!o.metrics().hardConstraints().passesAll()) {
                assertThat(o.confidence()).isZero();
                assertThat(o.tradable()).isFalse();
                assertThat(o.rejection()).isIn(RejectReason.DEPTH, RejectReason.LATENCY, RejectReason.FUNDING_DELTA);
            }
        }
        // every trade came from an opportunity that passed (its confidence is above the bar, hence not 0)
        assertThat(h.strategy.trades())
                .allSatisfy(t -> assertThat(t.confidence()).isGreaterThanOrEqualTo(20));
    }

    @Property(tries = 25, seed = RUN_SEED)
    void noLegStaysNakedBeyondTheTimeout(@ForAll("worlds") World w) {
        Harness h = harness(w, new ArrayList<>());
        List<String> naked = new ArrayList<>();
        h.run(Duration.ofSeconds(90), now -> {
            for (TradeRecord t : h.strategy.openTrades()) {
                checkNaked(t, "entry", now, naked);
                checkNaked(t, "exit", now, naked);
            }
        });
        for (TradeRecord t : h.strategy.trades()) {
            for (String phase : List.of("entry", "exit")) {
                List<OrderRecord> filled = t.orders().stream()
                        .filter(o -> o.purpose().startsWith(phase) && o.filledAt() != null)
                        .toList();
                if (filled.size() == 2) {
                    Duration gap = Duration.between(
                                    filled.get(0).filledAt(), filled.get(1).filledAt())
                            .abs();
                    assertThat(gap).as(t.id() + " " + phase).isLessThanOrEqualTo(Duration.ofMillis(500));
                }
            }
        }
        assertThat(naked).isEmpty();
    }

    private static void checkNaked(TradeRecord t, String phase, long now, List<String> naked) {
        List<OrderRecord> orders =
                t.orders().stream().filter(o -> o.purpose().startsWith(phase)).toList();
        for (OrderRecord o : orders) {
            if (o.filledAt() == null) {
                continue;
            }
            boolean otherFilled = orders.stream().anyMatch(x -> !x.leg().equals(o.leg()) && x.filledAt() != null);
            long since = now - dev.paperdesk.engine.clock.Clock.toNanos(o.filledAt());
            if (!otherFilled && since > 500_000_000L) {
                naked.add(t.id() + " " + phase + " " + o.leg() + " naked for " + since / 1_000_000 + " ms");
            }
        }
    }

    @Property(tries = 25, seed = RUN_SEED)
    void limitOrdersFillOnlyAfterTheirQueueShareTraded(@ForAll("worlds") World w) {
        Harness h = harness(w, new ArrayList<>());
        h.run(Duration.ofSeconds(90));
        List<OrderRecord> limits = h.strategy.trades().stream()
                .flatMap(t -> t.orders().stream())
                .filter(o -> o.type().equals("LIMIT") && o.status().equals("FILLED"))
                .toList();
        Statistics.label("limit fills").collect(!limits.isEmpty());
        Statistics.label("limit fills").coverage(c -> c.check(true).percentage(p -> p >= 8));
        assertThat(limits).allSatisfy(o -> {
            assertThat(o.queueThreshold()).isEqualTo(0.2);
            assertThat(o.cumulativeVolume()).isGreaterThanOrEqualTo(o.restingDepth() * 0.2);
            assertThat(o.fillPrice()).isEqualByComparingTo(o.price());
        });
    }

    @Property(tries = 25, seed = RUN_SEED)
    void marketFillsSlipBetweenTwoAndFiveBps(@ForAll("worlds") World w) {
        Harness h = harness(w, new ArrayList<>());
        h.run(Duration.ofSeconds(90));
        List<OrderRecord> markets = h.strategy.trades().stream()
                .flatMap(t -> t.orders().stream())
                .filter(o -> o.type().equals("MARKET"))
                .toList();
        Statistics.label("market fills").collect(!markets.isEmpty());
        Statistics.label("market fills").coverage(c -> c.check(true).percentage(p -> p >= 8));
        assertThat(markets).allSatisfy(o -> {
            assertThat(o.slippageBps()).isBetween(2.0, 5.0);
            // the fill is the touch moved against the trader by exactly that slippage
            double moved = (o.fillPrice().doubleValue() / o.price().doubleValue() - 1) * 10_000;
            assertThat(o.side().equals("BUY") ? moved : -moved)
                    .isCloseTo(o.slippageBps(), org.assertj.core.data.Offset.offset(1e-6));
        });
    }

    @Property(tries = 25, seed = RUN_SEED)
    void cumulativePnlIsTheSumOfClosedProfitsWithLegOutsCountedOnce(@ForAll("worlds") World w) {
        Harness h = harness(w, new ArrayList<>());
        h.run(Duration.ofSeconds(90));
        ArbitragePortfolio p = h.strategy.portfolio();
        BigDecimal sum = h.strategy.closedTrades().stream()
                .map(TradeRecord::actualProfit)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Statistics.label("closed trades").collect(!h.strategy.closedTrades().isEmpty());
        Statistics.label("closed trades").coverage(c -> c.check(true).percentage(x -> x >= 8));
        assertThat(p.cumulativePnl()).isEqualByComparingTo(sum);
        BigDecimal legOutLosses =
                h.strategy.trades().stream().map(TradeRecord::legOutLoss).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(p.legOutTotalLoss()).isEqualByComparingTo(legOutLosses);
        // the reference identity: profits before leg-out costs, less the leg-out total, once
        BigDecimal beforeLegOuts = h.strategy.closedTrades().stream()
                .map(t -> t.actualProfit().add(t.legOutLoss()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal closedLegOuts = h.strategy.closedTrades().stream()
                .map(TradeRecord::legOutLoss)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(p.cumulativePnl()).isEqualByComparingTo(beforeLegOuts.subtract(closedLegOuts));
    }

    @Property(tries = 25, seed = RUN_SEED)
    void everyLegOutIsLoggedAndCounted(@ForAll("worlds") World w) {
        List<Decision> log = new ArrayList<>();
        Harness h = harness(w, log);
        h.run(Duration.ofSeconds(90));
        long logged = log.stream().filter(d -> d.kind() == DecisionKind.LEG_OUT).count();
        long onTrades =
                h.strategy.trades().stream().mapToLong(t -> t.legOuts().size()).sum();
        Statistics.label("leg-outs").collect(logged > 0);
        Statistics.label("leg-outs").coverage(c -> c.check(true).percentage(p -> p >= 8));
        assertThat(h.strategy.portfolio().legOutCount()).isEqualTo((int) logged);
        assertThat(h.strategy.legOutEvents()).hasSize((int) logged);
        assertThat(onTrades).isEqualTo(logged);
        // a hedge whose other leg filled as a limit in the same phase is a leg-out, and it is on the trade
        for (TradeRecord t : h.strategy.trades()) {
            for (String phase : List.of("entry", "exit")) {
                boolean hedged = t.orders().stream().anyMatch(o -> o.purpose().equals(phase + "_hedge"));
                boolean otherLimitFilled = t.orders().stream()
                        .anyMatch(o -> o.purpose().equals(phase) && o.status().equals("FILLED"));
                boolean recorded = t.legOuts().stream().anyMatch(e -> e.phase().equals(phase));
                assertThat(recorded).as(t.id() + " " + phase).isEqualTo(hedged && otherLimitFilled);
            }
        }
    }

    @Property(tries = 25, seed = RUN_SEED)
    void aStaleVenueCostsThirtyPointsOrEverything(@ForAll("staleWorlds") World w) {
        Harness h = harness(w, new ArrayList<>());
        List<String> broken = new ArrayList<>();
        int[] checked = {0};
        h.run(Duration.ofSeconds(60), now -> {
            if (!h.strategy.topOpportunitiesTime().equals(dev.paperdesk.engine.clock.Clock.toInstant(now))) {
                return;
            }
            int venues = w.offsetsBps().size();
            for (Opportunity o : h.strategy.topOpportunities()) {
                List<String> stale = o.staleVenues();
                if (stale.isEmpty()) {
                    continue;
                }
                checked[0]++;
                int soft = o.metrics().softScore(0.0001);
                boolean pairStale = stale.contains(o.longVenue()) || stale.contains(o.shortVenue());
                if (pairStale || stale.size() == venues) {
                    if (o.confidence() != 0) {
                        broken.add(o.pair() + " stale " + stale + " but confidence " + o.confidence());
                    }
                } else if (!o.metrics().hardConstraints().passesAll()) {
                    if (o.confidence() != 0) {
                        broken.add(o.pair() + " failed a hard constraint but confidence " + o.confidence());
                    }
                } else if (o.confidence() != Math.max(0, soft - 30)) {
                    broken.add(o.pair() + " confidence " + o.confidence() + " with soft score " + soft);
                }
            }
        });
        Statistics.label("stale scans").collect(checked[0] > 0);
        Statistics.label("stale scans").coverage(c -> c.check(true).percentage(x -> x >= 8));
        assertThat(broken).isEmpty();
    }

    // ------------------------------------------------------------------ properties of the formulas

    @Property(tries = 200)
    void hardConstraintFailureAlwaysMeansZeroConfidence(
            @ForAll boolean depth,
            @ForAll boolean latency,
            @ForAll boolean funding,
            @ForAll @DoubleRange(min = -0.01, max = 0.01) @net.jqwik.api.constraints.Scale(6) double delta,
            @ForAll @DoubleRange(min = -1, max = 1) double obi,
            @ForAll @DoubleRange(min = 0, max = 3) double oi,
            @ForAll @DoubleRange(min = 0, max = 5) double vwap,
            @ForAll @DoubleRange(min = 0, max = 50) double atr,
            @ForAll boolean falling,
            @ForAll @DoubleRange(min = 0, max = 5) double liq,
            @ForAll boolean anyStale,
            @ForAll boolean allStale) {
        ConfluenceMetrics m = new ConfluenceMetrics(
                delta, delta, obi, oi, vwap, atr, falling, liq, new HardConstraints(depth, latency, funding));
        int c = m.confidence(0.0001, anyStale || allStale, allStale, 30);
        assertThat(c).isBetween(0, 100);
        if (!(depth && latency && funding) || allStale) {
            assertThat(c).isZero();
        } else if (anyStale) {
            assertThat(c).isEqualTo(Math.max(0, m.softScore(0.0001) - 30));
        } else {
            assertThat(c).isEqualTo(m.softScore(0.0001));
        }
    }

    @Property(tries = 200)
    void slippageStaysWithinTwoToFiveBpsAndAboveTheSizeFloor(
            @ForAll @DoubleRange(min = 0, max = 1e7) double size,
            @ForAll @DoubleRange(min = 0, max = 1e8) double depth) {
        double bps = Slippage.bps(size, depth);
        assertThat(bps).isBetween(2.0, 5.0);
        if (depth > 0) {
            assertThat(bps).isGreaterThanOrEqualTo(Math.min(5.0, size / depth * 3));
            assertThat(bps).isEqualTo(Math.min(5.0, 2 + size / depth * 3));
        }
    }

    @Property(tries = 100)
    void portfolioLedgerConservesCapitalOverAnySequence(
            @ForAll @IntRange(min = 1, max = 40) int operations, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ArbitragePortfolio p = new ArbitragePortfolio(START);
        List<BigDecimal> open = new ArrayList<>();
        BigDecimal realised = BigDecimal.ZERO;
        for (int i = 0; i < operations; i++) {
            int op = r.nextInt(3);
            if (op == 0 || open.isEmpty()) {
                BigDecimal size = BigDecimal.valueOf(r.nextLong(10_000, 1_200_000), 2);
                if (p.reserve(size)) {
                    open.add(size);
                }
            } else if (op == 1) {
                p.release(open.remove(r.nextInt(open.size())));
            } else {
                BigDecimal profit = BigDecimal.valueOf(r.nextLong(-5_000_000_000L, 5_000_000_000L), 8);
                p.close(open.remove(r.nextInt(open.size())), profit);
                realised = realised.add(profit);
            }
            assertThat(p.available().add(p.openExposure())).isEqualByComparingTo(START.add(p.cumulativePnl()));
            assertThat(p.openExposure()).isEqualByComparingTo(open.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        assertThat(p.cumulativePnl()).isEqualByComparingTo(realised);
    }
}
