package dev.paperdesk.engine.execution.orders;

import static dev.paperdesk.engine.execution.orders.VenueHarness.COIN;
import static dev.paperdesk.engine.execution.orders.VenueHarness.level;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.models.ExecutionSettings;
import dev.paperdesk.engine.execution.models.FillModel;
import dev.paperdesk.engine.execution.models.LatencyModel;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.execution.models.QueueModel;
import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderGroupKind;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderRole;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.model.TrailingOffset;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of the paper venue over random books, quotes, trades, order flows (every type, time in
 * force and flag, OCO pairs, brackets, cancels and modifies), models and seeds.
 */
class PaperVenueProperties {
    @Provide
    Arbitrary<ModelSet> models() {
        Arbitrary<FillModel> fill =
                Arbitraries.of(new FillModel.BookWalk(), new FillModel.Touch(), new FillModel.Auto());
        Arbitrary<SlippageModel> slip = Arbitraries.of(
                new SlippageModel.None(),
                SlippageModel.SizeVsDepth.DEFAULT,
                new SlippageModel.OrderTypeScaled(SlippageModel.SizeVsDepth.DEFAULT, 2, 0.5, 0.5),
                new SlippageModel.FixedBps(30));
        Arbitrary<LatencyModel> latency = Arbitraries.of(new LatencyModel.Zero(), LatencyModel.Uniform.DEFAULT);
        Arbitrary<QueueModel> queue = Arbitraries.of(
                QueueModel.QueuePosition.DEFAULT, new QueueModel.QueuePosition(0), new QueueModel.TradeThrough());
        return net.jqwik.api.Combinators.combine(fill, slip, latency, queue)
                .as((f, s, l, q) -> new ModelSet(f, s, l, FeeModel.NONE, q));
    }

    /** Runs one random scenario; everything random comes from {@code seed}. */
    static VenueHarness run(long seed, ModelSet models) {
        VenueHarness h = new VenueHarness(ExecutionSettings.of(seed, models), false);
        SplittableRandom r = new SplittableRandom(seed);
        long mid = 10_000; // ticks of 0.01
        quote(h, mid, r);
        book(h, mid, r);
        List<OrderId> ids = new ArrayList<>();
        for (int step = 0; step < 80; step++) {
            int what = r.nextInt(12);
            switch (what) {
                case 0, 1 -> {
                    mid += r.nextInt(-4, 5);
                    quote(h, mid, r);
                }
                case 2 -> book(h, mid, r);
                case 3, 4 -> h.trade(
                        COIN,
                        price(mid + r.nextInt(-5, 6)),
                        qty(1 + r.nextInt(3000)),
                        r.nextBoolean() ? Side.BUY : Side.SELL);
                case 5, 6 -> ids.add(h.submit(randomOrder(r, mid)).id());
                case 7 -> {
                    List<Order> oco = h.oco(randomOrder(r, mid), randomOrder(r, mid));
                    oco.forEach(o -> ids.add(o.id()));
                }
                case 8 -> {
                    boolean buy = r.nextBoolean();
                    Side exit = buy ? Side.SELL : Side.BUY;
                    int q = 1 + r.nextInt(2000);
                    long entryPx = mid + (buy ? -r.nextInt(4) : r.nextInt(4));
                    OrderRequest entry = VenueHarness.order(COIN, buy ? Side.BUY : Side.SELL, qty(q))
                            .limit(Price.of(price(entryPx)))
                            .build();
                    OrderRequest tp = VenueHarness.order(COIN, exit, qty(q))
                            .limit(Price.of(price(entryPx + (buy ? 5 : -5))))
                            .build();
                    OrderRequest sl = VenueHarness.order(COIN, exit, qty(q))
                            .type(OrderType.STOP)
                            .stop(Price.of(price(entryPx + (buy ? -5 : 5))))
                            .timeInForce(TimeInForce.GTC)
                            .build();
                    h.bracket(entry, tp, sl).forEach(o -> ids.add(o.id()));
                }
                case 9 -> {
                    if (!ids.isEmpty()) {
                        h.cancel(ids.get(r.nextInt(ids.size())));
                    }
                }
                case 10 -> {
                    if (!ids.isEmpty()) {
                        Order o = h.order(ids.get(r.nextInt(ids.size())));
                        if (o.status().isOpen() && o.request().limitPrice() != null) {
                            h.modify(
                                    o.id(),
                                    o.request()
                                            .withLimitPrice(Price.of(price(
                                                    h.venueTicks(o.request().limitPrice()) + r.nextInt(-2, 3)))));
                        }
                    }
                }
                default -> h.advance(Duration.ofMillis(r.nextInt(300)));
            }
        }
        h.advance(Duration.ofSeconds(1));
        return h;
    }

    private static void quote(VenueHarness h, long mid, SplittableRandom r) {
        h.quote(COIN, price(mid - 1), price(mid + 1), qty(1 + r.nextInt(5000)));
    }

    private static void book(VenueHarness h, long mid, SplittableRandom r) {
        List<BookLevel> bids = new ArrayList<>();
        List<BookLevel> asks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bids.add(level(price(mid - 1 - i), qty(1 + r.nextInt(5000))));
            asks.add(level(price(mid + 1 + i), qty(1 + r.nextInt(5000))));
        }
        h.book(COIN, bids, asks);
    }

    static String price(long ticks) {
        return BigDecimal.valueOf(ticks, 2).toPlainString();
    }

    static String qty(long lots) {
        return BigDecimal.valueOf(lots, 3).toPlainString();
    }

    static OrderRequest randomOrder(SplittableRandom r, long mid) {
        Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
        int sign = side.sign();
        OrderRequest.Builder b = VenueHarness.order(COIN, side, qty(1 + r.nextInt(4000)));
        OrderType type = OrderType.values()[r.nextInt(OrderType.values().length)];
        TimeInForce tif = TimeInForce.values()[r.nextInt(TimeInForce.values().length)];
        if (tif == TimeInForce.GTD) {
            tif = TimeInForce.GTC;
        }
        b.type(type).timeInForce(tif);
        long limit = mid + r.nextInt(-6, 7);
        long trigger = mid + sign * (type.isTakeProfit() ? -r.nextInt(1, 8) : r.nextInt(1, 8));
        if (type.needsLimitPrice()) {
            b.limitPrice(Price.of(price(limit)));
        }
        if (type.needsStopPrice()) {
            b.stopPrice(Price.of(price(trigger)));
        }
        if (type.isTrailing()) {
            b.trail(
                    r.nextBoolean()
                            ? TrailingOffset.amount(new BigDecimal("0.03"))
                            : TrailingOffset.percent(new BigDecimal("0.05")));
        }
        if (type == OrderType.TRAILING_STOP_LIMIT) {
            b.limitOffset(Price.of("0.02"));
        }
        if (type.hasLimit() && tif != TimeInForce.IOC && tif != TimeInForce.FOK) {
            int flag = r.nextInt(4);
            b.postOnly(flag == 0);
            b.allOrNone(flag == 1);
        }
        return b.build();
    }

    @Property(tries = 60)
    void fillsRespectQuantitiesLimitsFlagsAndLinks(
            @ForAll @LongRange(min = 1) long seed, @ForAll("models") ModelSet m) {
        VenueHarness h = run(seed, m);
        Map<OrderId, BigDecimal> filled = new HashMap<>();
        Map<OrderId, Integer> fullFillIndex = new HashMap<>();
        Map<OrderId, Integer> firstFillIndex = new HashMap<>();
        for (int i = 0; i < h.reports.size(); i++) {
            VenueHarness.Report rep = h.reports.get(i);
            if (!(rep.event() instanceof OrderEvent.Filled f)) {
                if (!rep.order().status().isOpen()) {
                    fullFillIndex.putIfAbsent(rep.order().id(), i);
                }
                continue;
            }
            Fill fill = f.fill();
            Order o = rep.order();
            OrderRequest r = o.request();
            firstFillIndex.putIfAbsent(o.id(), i);
            BigDecimal sum = filled.merge(o.id(), fill.quantity().value(), BigDecimal::add);
            // A fill never exceeds the order's remaining quantity: the running sum stays within it.
            assertThat(sum).isLessThanOrEqualTo(r.quantity().value());
            assertThat(sum).isEqualByComparingTo(o.filledQuantity().value());
            if (r.type().hasLimit()) {
                Price limit = o.effectiveLimit();
                if (r.side() == Side.BUY) {
                    assertThat(fill.price()).isLessThanOrEqualTo(limit);
                } else {
                    assertThat(fill.price()).isGreaterThanOrEqualTo(limit);
                }
            }
            if (r.postOnly()) {
                assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
            }
            if (!o.status().isOpen()) {
                fullFillIndex.putIfAbsent(o.id(), i);
            }
        }
        for (Order o : h.latest.values()) {
            BigDecimal sum = filled.getOrDefault(o.id(), BigDecimal.ZERO);
            assertThat(sum).isEqualByComparingTo(o.filledQuantity().value());
            OrderRequest r = o.request();
            if (r.timeInForce() == TimeInForce.FOK) {
                assertThat(sum.signum() == 0 || sum.compareTo(r.quantity().value()) == 0)
                        .as("FOK %s filled %s of %s", o.id(), sum, r.quantity())
                        .isTrue();
            }
            if (r.timeInForce() == TimeInForce.IOC && !r.type().isConditional()) {
                // IOC never rests: everything that follows its acceptance happens at that same instant
                // (refused cancels that arrive later change nothing and do not count).
                List<VenueHarness.Report> mine = h.reports.stream()
                        .filter(x -> x.order().id().equals(o.id()))
                        .filter(x -> !(x.event() instanceof OrderEvent.AmendRejected))
                        .dropWhile(x -> !(x.event() instanceof OrderEvent.Accepted))
                        .toList();
                assertThat(mine)
                        .allMatch(x ->
                                x.event().timestamp().equals(mine.get(0).event().timestamp()));
                assertThat(o.status().isOpen()).isFalse();
            }
        }
        Map<Long, List<Order>> groups = new HashMap<>();
        for (Order o : h.latest.values()) {
            if (o.link() != null) {
                groups.computeIfAbsent(o.link().groupId(), k -> new ArrayList<>())
                        .add(o);
            }
        }
        for (List<Order> g : groups.values()) {
            OrderGroupKind kind = g.get(0).link().kind();
            if (kind == OrderGroupKind.OCO) {
                assertThat(g.stream()
                                .filter(o -> o.filledQuantity().isPositive())
                                .count())
                        .isLessThanOrEqualTo(1);
            }
            if (kind == OrderGroupKind.BRACKET) {
                Order entry = g.stream()
                        .filter(o -> o.link().role() == OrderRole.ENTRY)
                        .findFirst()
                        .orElseThrow();
                List<Order> children = g.stream().filter(o -> o != entry).toList();
                assertThat(children.stream()
                                .filter(o -> o.filledQuantity().isPositive())
                                .count())
                        .isLessThanOrEqualTo(1);
                for (Order c : children) {
                    Integer childFill = firstFillIndex.get(c.id());
                    if (childFill != null) {
                        Integer entryDone = fullFillIndex.get(entry.id());
                        assertThat(entryDone)
                                .as("entry of %s finished before its child filled", c.id())
                                .isNotNull();
                        assertThat(childFill).isGreaterThan(entryDone);
                        assertThat(c.filledQuantity()).isLessThanOrEqualTo(entry.filledQuantity());
                    }
                }
            }
        }
        BigDecimal position = h.fills.stream()
                .map(f -> f.quantity()
                        .value()
                        .multiply(BigDecimal.valueOf(f.side().sign())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(h.position(COIN)).isEqualByComparingTo(position);
    }

    /** The random scenarios are not vacuous: across a few seeds they fill, trigger, cancel and link orders. */
    @org.junit.jupiter.api.Test
    void scenariosExerciseTheVenue() {
        java.util.Set<String> kinds = new java.util.HashSet<>();
        int fills = 0;
        for (long seed = 1; seed <= 10; seed++) {
            VenueHarness h = run(seed, ModelSet.paperTrading().withFee(FeeModel.NONE));
            fills += h.fills.size();
            h.reports.forEach(x -> kinds.add(x.event().kind()));
            h.fills.forEach(f -> kinds.add(f.liquidity().name()));
        }
        assertThat(fills).isGreaterThan(50);
        assertThat(kinds)
                .contains("ACCEPTED", "REJECTED", "TRIGGERED", "FILLED", "MODIFIED", "CANCELLED", "MAKER", "TAKER");
    }

    /** Same seed and inputs give the same fills. */
    @Property(tries = 15)
    void sameSeedSameFills(@ForAll @LongRange(min = 1) long seed, @ForAll("models") ModelSet m) {
        List<String> a = run(seed, m).fills.stream().map(Fill::toString).toList();
        List<String> b = run(seed, m).fills.stream().map(Fill::toString).toList();
        assertThat(a).isEqualTo(b);
    }

    /** The price adjustment stays within the model's bounds (rounded down to ticks) and never passes the limit. */
    @Property(tries = 1000)
    void appliedSlippageStaysWithinBoundsAndLimits(
            @ForAll @LongRange(min = 1, max = 10_000_000) long price,
            @ForAll @DoubleRange(min = 0, max = 100) double bps,
            @ForAll boolean buy,
            @ForAll @LongRange(min = -50, max = 50) long limitOffset) {
        long limit = price + (buy ? limitOffset : -limitOffset);
        long priced = PaperVenue.slipped(price, bps, buy, limit);
        long shift = buy ? priced - price : price - priced;
        assertThat(shift).isLessThanOrEqualTo((long) Math.floor(price * bps / 10_000.0));
        if (buy) {
            assertThat(priced).isLessThanOrEqualTo(limit);
        } else {
            assertThat(priced).isGreaterThanOrEqualTo(limit);
        }
        long full = (long) Math.floor(price * bps / 10_000.0);
        if (limitOffset >= full) {
            assertThat(shift).isEqualTo(full);
        }
    }
}
