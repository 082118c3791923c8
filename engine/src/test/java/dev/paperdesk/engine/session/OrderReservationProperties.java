package dev.paperdesk.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderPlacement;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import dev.paperdesk.engine.portfolio.margin.AccountSnapshot;
import dev.paperdesk.engine.risk.OrderIntent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Reservations over random order flows (limits, stops, take-profits, markets and OCO pairs on both
 * sides, cancels, price moves that fill resting orders, trade prints that fill them in part), with
 * zero tolerance: the reserved total is the sum of the working orders' reservations (an OCO pair
 * once, at its larger leg); each order's reservation is what it was accepted with, pro rata to what
 * is left to fill and rounded up to the cent; ended orders hold nothing; free + reserved + used =
 * equity exactly; and no order that opens exposure is accepted when it would leave free margin
 * negative.
 */
class OrderReservationProperties {
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instrument ACME = new Instrument.Equity(
            new InstrumentId("ACME", "sim"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "Industrials");
    private static final BigDecimal TICK = new BigDecimal("0.01");

    sealed interface Action {}

    /** {@code kind}: 0 limit, 1 stop, 2 take-profit, 3 market, 4 OCO of a limit and a stop. */
    record Place(int kind, Side side, int quantity, int offsetTicks) implements Action {}

    record Cancel(int index) implements Action {}

    record Move(int basisPoints) implements Action {}

    /** A print of {@code size} at the limit of the working order number {@code index}, against it. */
    record Print(int index, int size) implements Action {}

    @Provide
    Arbitrary<Action> actions() {
        Arbitrary<Action> place = Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.of(Side.class),
                        Arbitraries.integers().between(1, 80),
                        Arbitraries.integers().between(1, 400))
                .as(Place::new);
        Arbitrary<Action> cancel = Arbitraries.integers().between(0, 50).map(Cancel::new);
        Arbitrary<Action> move = Arbitraries.integers().between(-400, 400).map(Move::new);
        Arbitrary<Action> print = Combinators.combine(
                        Arbitraries.integers().between(0, 50),
                        Arbitraries.integers().between(1, 40))
                .as(Print::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, place),
                net.jqwik.api.Tuple.of(2, cancel),
                net.jqwik.api.Tuple.of(3, move),
                net.jqwik.api.Tuple.of(3, print));
    }

    @Property(tries = 300)
    void reservationsAddUpAndNeverPromiseMoreThanIsFree(
            @ForAll @Size(max = 30) List<@net.jqwik.api.From("actions") Action> script) {
        ManualFeed feed = new ManualFeed(List.of(ACME));
        try (TradingSession s = TradingSession.open(
                SessionConfig.simulated(null, START, 5).withFeed(feed).withFrictionlessFills())) {
            BigDecimal[] mid = {new BigDecimal("100.00")};
            quote(s, feed, mid[0]);
            PortfolioId p = TradingSession.await(s.accounts()
                    .create(new PortfolioSpec(
                            "tight",
                            "",
                            Currency.USD,
                            new BigDecimal("20000"),
                            PortfolioSettings.DEFAULTS.withLeverage(AssetClass.EQUITY, 2))));
            Map<OrderId, BigDecimal> accepted = new HashMap<>();
            for (Action a : script) {
                switch (a) {
                    case Place pl -> {
                        AccountSnapshot before = s.accounts().account(p).orElseThrow();
                        BigDecimal held = s.portfolio(p).orElseThrow().positions().stream()
                                .filter(v -> v.instrumentId().equals(ACME.id()))
                                .map(v -> v.quantity())
                                .findFirst()
                                .orElse(BigDecimal.ZERO);
                        List<Order> placed = TradingSession.await(s.place(placement(p, pl, mid[0])));
                        Map<OrderId, BigDecimal> now = TradingSession.await(s.reservations(p));
                        for (Order o : placed) {
                            if (o.filledQuantity().value().signum() == 0 && now.containsKey(o.id())) {
                                accepted.put(o.id(), now.get(o.id()));
                            }
                        }
                        boolean opens = OrderIntent.opening(held, pl.side(), BigDecimal.valueOf(pl.quantity()))
                                        .signum()
                                > 0;
                        boolean rejected = placed.stream().allMatch(o -> o.status() == OrderStatus.REJECTED);
                        if (opens && !rejected && before.freeMargin().signum() >= 0) {
                            assertThat(s.accounts().account(p).orElseThrow().freeMargin())
                                    .as("free margin after accepting %s", pl)
                                    .isNotNegative();
                        }
                    }
                    case Cancel c -> {
                        List<Order> open = s.orders().stream()
                                .filter(o -> o.status().isOpen())
                                .toList();
                        if (!open.isEmpty()) {
                            TradingSession.await(
                                    s.cancel(open.get(c.index() % open.size()).id()));
                        }
                    }
                    case Move m -> {
                        mid[0] = mid[0].multiply(BigDecimal.valueOf(10_000 + m.basisPoints()))
                                .divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_EVEN)
                                .max(BigDecimal.TEN);
                        quote(s, feed, mid[0]);
                    }
                    case Print pr -> {
                        // volume at a resting limit's price fills it in part (the queue model)
                        List<Order> resting = s.orders().stream()
                                .filter(o -> o.status().isOpen() && o.request().type() == OrderType.LIMIT)
                                .toList();
                        if (!resting.isEmpty()) {
                            OrderRequest r =
                                    resting.get(pr.index() % resting.size()).request();
                            feed.push(sink -> sink.onTrade(new TradePrint(
                                    ACME.id(),
                                    feed.now(),
                                    r.limitPrice(),
                                    Quantity.of(pr.size()),
                                    r.side().opposite())));
                            s.advance(Duration.ofSeconds(1));
                        }
                    }
                }
                check(s, p, accepted);
            }
        }
    }

    private static void check(TradingSession s, PortfolioId p, Map<OrderId, BigDecimal> accepted) {
        AccountSnapshot a = s.accounts().account(p).orElseThrow();
        BigDecimal reserved = s.portfolio(p).orElseThrow().reservedForOrders();
        assertThat(a.reservedForOrders()).isEqualByComparingTo(reserved);
        assertThat(reserved).isNotNegative();
        assertThat(a.freeMargin().add(reserved).add(a.usedMargin())).isEqualByComparingTo(a.equity());
        assertThat(OrderReservationTest.sumOfWorkingOrders(s, p)).isEqualByComparingTo(reserved);
        Map<OrderId, BigDecimal> held = TradingSession.await(s.reservations(p));
        for (Order o : s.orders()) {
            BigDecimal r = held.get(o.id());
            if (!o.status().isOpen()) {
                assertThat(r).as("%s ended %s but holds", o.id(), o.status()).isNull();
                continue;
            }
            BigDecimal initial = accepted.get(o.id());
            if (initial != null) {
                BigDecimal left = o.request()
                        .quantity()
                        .value()
                        .subtract(o.filledQuantity().value());
                BigDecimal expected =
                        initial.multiply(left).divide(o.request().quantity().value(), 2, RoundingMode.CEILING);
                assertThat(r == null ? BigDecimal.ZERO : r)
                        .as("%s with %s of %s left", o.id(), left, o.request().quantity())
                        .isEqualByComparingTo(expected);
            }
        }
    }

    private static OrderPlacement placement(PortfolioId p, Place pl, BigDecimal mid) {
        BigDecimal away = TICK.multiply(BigDecimal.valueOf(pl.offsetTicks()));
        boolean buy = pl.side() == Side.BUY;
        // limits and take-profits rest on the near side of the market, stops beyond it
        Price passive = Price.of(buy ? mid.subtract(away).max(TICK) : mid.add(away));
        Price beyond = Price.of(buy ? mid.add(away) : mid.subtract(away).max(TICK));
        Quantity q = Quantity.of(pl.quantity());
        OrderRequest.Builder b = OrderRequest.builder(p, ACME.id(), pl.side(), q);
        OrderRequest limit = b.limit(passive).build();
        OrderRequest stop = OrderRequest.builder(p, ACME.id(), pl.side(), q)
                .type(OrderType.STOP)
                .stop(beyond)
                .timeInForce(TimeInForce.GTC)
                .build();
        return switch (pl.kind()) {
            case 0 -> new OrderPlacement.Single(limit);
            case 1 -> new OrderPlacement.Single(stop);
            case 2 -> new OrderPlacement.Single(OrderRequest.builder(p, ACME.id(), pl.side(), q)
                    .type(OrderType.TAKE_PROFIT)
                    .stop(passive)
                    .timeInForce(TimeInForce.DAY)
                    .build());
            case 3 -> new OrderPlacement.Single(OrderRequest.market(p, ACME.id(), pl.side(), q));
            default -> new OrderPlacement.Oco(limit, stop);
        };
    }

    private static void quote(TradingSession s, ManualFeed feed, BigDecimal mid) {
        feed.push(sink -> sink.onQuote(new Quote(
                ACME.id(),
                feed.now(),
                Price.of(mid),
                Price.of(mid.add(TICK)),
                Quantity.of(1_000_000),
                Quantity.of(1_000_000))));
        s.advance(Duration.ofSeconds(1));
    }
}
