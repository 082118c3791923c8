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
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import dev.paperdesk.engine.portfolio.margin.AccountSnapshot;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Working orders hold back what they would need if they filled: a cash-like stock account (1×
 * leverage, 10,000 USD, fees $0.005 a share with a $1 minimum) quoted 100.00 / 100.01.
 */
class OrderReservationTest {
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    static final Instrument ACME = new Instrument.Equity(
            new InstrumentId("ACME", "sim"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "Industrials");

    ManualFeed feed;
    TradingSession s;
    PortfolioId p;

    @BeforeEach
    void open() {
        feed = new ManualFeed(List.of(ACME));
        s = TradingSession.open(
                SessionConfig.simulated(null, START, 3).withFeed(feed).withFrictionlessFills());
        quote("100.00", "100.01", 1_000_000);
        p = TradingSession.await(s.accounts()
                .create(new PortfolioSpec(
                        "cash-like",
                        "",
                        Currency.USD,
                        new BigDecimal("10000"),
                        PortfolioSettings.DEFAULTS.withLeverage(AssetClass.EQUITY, 1))));
    }

    @AfterEach
    void close() {
        s.close();
    }

    void quote(String bid, String ask, long askSize) {
        feed.push(sink -> sink.onQuote(new Quote(
                ACME.id(), feed.now(), Price.of(bid), Price.of(ask), Quantity.of(1_000_000), Quantity.of(askSize))));
        s.advance(Duration.ofSeconds(1));
    }

    Order send(OrderRequest r) {
        return TradingSession.await(s.submit(r));
    }

    OrderRequest limitBuy(int qty, String price) {
        return OrderRequest.limit(p, ACME.id(), Side.BUY, Quantity.of(qty), Price.of(price));
    }

    AccountSnapshot account() {
        return s.accounts().account(p).orElseThrow();
    }

    BigDecimal reserved() {
        return s.portfolio(p).orElseThrow().reservedForOrders();
    }

    Map<OrderId, BigDecimal> byOrder() {
        return TradingSession.await(s.reservations(p));
    }

    /**
     * free + reserved + used = equity (no isolated pools here), exactly; the reserved total is the sum
     * of the working orders' reservations, an OCO pair counted once at its larger leg.
     */
    void balanced() {
        AccountSnapshot a = account();
        assertThat(a.freeMargin().add(a.reservedForOrders()).add(a.usedMargin()))
                .isEqualByComparingTo(a.equity());
        assertThat(a.reservedForOrders()).isEqualByComparingTo(reserved());
        assertThat(sumOfWorkingOrders(s, p)).isEqualByComparingTo(reserved());
    }

    static BigDecimal sumOfWorkingOrders(TradingSession s, PortfolioId p) {
        Map<OrderId, BigDecimal> held = TradingSession.await(s.reservations(p));
        BigDecimal sum = BigDecimal.ZERO;
        Map<Long, BigDecimal> pairs = new java.util.HashMap<>();
        for (Order o : s.orders()) {
            if (!o.request().portfolioId().equals(p) || !o.status().isOpen()) {
                continue;
            }
            BigDecimal r = held.getOrDefault(o.id(), BigDecimal.ZERO);
            if (o.link() != null && o.link().kind() == dev.paperdesk.engine.model.OrderGroupKind.OCO) {
                pairs.merge(o.link().groupId(), r, BigDecimal::max);
            } else {
                sum = sum.add(r);
            }
        }
        return pairs.values().stream().reduce(sum, BigDecimal::add);
    }

    @Test
    void twoLimitBuysThatTogetherExceedTheCashRejectTheSecondNamingTheReservedAmount() {
        Order first = send(limitBuy(60, "99.00"));
        assertThat(first.status()).isEqualTo(OrderStatus.ACCEPTED);
        // 60 × 99.00 + a $1.00 fee, with no credit for the 60 × 1.005 it would be worth at the mid
        assertThat(byOrder()).containsExactlyEntriesOf(Map.of(first.id(), new BigDecimal("5941.00")));
        assertThat(account().freeMargin()).isEqualByComparingTo("4059.00");
        balanced();

        Order second = send(limitBuy(50, "98.00"));
        assertThat(second.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(second.rejection().reason()).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
        assertThat(second.rejection().message())
                .isEqualTo("needs 4,901.00 USD of margin and fees but only 4,059.00 USD is free"
                        + " (5,941.00 USD is reserved for working orders)");

        // cancelling the first releases its reservation: the second now fits
        TradingSession.await(s.cancel(first.id()));
        assertThat(reserved()).isZero();
        assertThat(account().freeMargin()).isEqualByComparingTo("10000");
        assertThat(send(limitBuy(50, "98.00")).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(reserved()).isEqualByComparingTo("4901.00");
        balanced();
    }

    @Test
    void aFillReleasesTheReservationAndThePositionUsesTheMarginInstead() {
        Order o = send(limitBuy(60, "99.00"));
        quote("98.50", "98.90", 1_000_000); // the ask goes through the limit: filled at 99.00
        Order filled = s.orders().stream()
                .filter(x -> x.id().equals(o.id()))
                .findFirst()
                .orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(reserved()).isZero();
        assertThat(byOrder()).isEmpty();
        assertThat(account().usedMargin()).isEqualByComparingTo("5940.00");
        balanced();
    }

    @Test
    void aPartialFillReleasesProRata() {
        Order o = send(limitBuy(30, "99.99"));
        assertThat(byOrder()).containsExactlyEntriesOf(Map.of(o.id(), new BigDecimal("3000.70"))); // 30 × 99.99 + 1
        // sellers print 7 at the order's price: the queue model fills 7 of 30
        feed.push(sink ->
                sink.onTrade(new TradePrint(ACME.id(), feed.now(), Price.of("99.99"), Quantity.of(7), Side.SELL)));
        s.advance(Duration.ofSeconds(1));
        Order partly = s.orders().stream()
                .filter(x -> x.id().equals(o.id()))
                .findFirst()
                .orElseThrow();
        assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(partly.filledQuantity().value()).isEqualByComparingTo("7");
        // 23 of 30 still to fill: 3,000.70 × 23 / 30 = 2,300.54 (rounded up to the cent)
        assertThat(byOrder()).containsExactlyEntriesOf(Map.of(o.id(), new BigDecimal("2300.54")));
        balanced();
    }

    @Test
    void anExpiredOrderReleasesItsReservation() {
        Order o = send(limitBuy(10, "95.00").toBuilder()
                .goodTill(s.now().plusSeconds(5))
                .build());
        assertThat(reserved()).isEqualByComparingTo("951.00");
        s.advance(Duration.ofSeconds(10));
        assertThat(s.orders().stream()
                        .filter(x -> x.id().equals(o.id()))
                        .findFirst()
                        .orElseThrow()
                        .status())
                .isEqualTo(OrderStatus.EXPIRED);
        assertThat(reserved()).isZero();
        balanced();
    }

    @Test
    void stopsReserveAtTheirTrigger() {
        // 10 × 105 + $1: not the 49.95 it would lose against today's mid if it filled now
        Order stop = send(OrderRequest.stop(p, ACME.id(), Side.BUY, Quantity.of(10), Price.of("105.00")));
        assertThat(byOrder()).containsExactlyEntriesOf(Map.of(stop.id(), new BigDecimal("1051.00")));
        balanced();
    }

    @Test
    void closingAndReduceOrdersReserveNothing() {
        assertThat(send(OrderRequest.market(p, ACME.id(), Side.BUY, Quantity.of(30)))
                        .status())
                .isEqualTo(OrderStatus.FILLED);
        Order close = send(OrderRequest.limit(p, ACME.id(), Side.SELL, Quantity.of(30), Price.of("110.00")));
        assertThat(close.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(byOrder()).isEmpty();
        // a second sell of 30 would open a short once the first has closed the position: it reserves
        // for that short (30 × 110 + $1)
        Order second = send(OrderRequest.limit(p, ACME.id(), Side.SELL, Quantity.of(30), Price.of("110.00")));
        assertThat(second.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(byOrder()).containsExactlyEntriesOf(Map.of(second.id(), new BigDecimal("3301.00")));
        // a short opened from flat reserves its margin at the limit and the fee
        TradingSession.await(s.cancelAll(p, null));
        assertThat(reserved()).isZero();
        TradingSession.await(s.submit(OrderRequest.market(p, ACME.id(), Side.SELL, Quantity.of(30))));
        Order shortSale = send(OrderRequest.limit(p, ACME.id(), Side.SELL, Quantity.of(10), Price.of("110.00")));
        assertThat(byOrder()).containsExactlyEntriesOf(Map.of(shortSale.id(), new BigDecimal("1101.00")));
        balanced();
    }

    @Test
    void anOcoPairReservesItsLargerLegOnceAndABracketOnlyItsEntry() {
        List<Order> oco = TradingSession.await(s.place(new OrderPlacement.Oco(
                limitBuy(40, "99.00"),
                OrderRequest.stop(p, ACME.id(), Side.BUY, Quantity.of(40), Price.of("101.00")))));
        assertThat(oco).extracting(Order::status).containsOnly(OrderStatus.ACCEPTED);
        Map<OrderId, BigDecimal> legs = byOrder();
        assertThat(legs.get(oco.get(0).id())).isEqualByComparingTo("3961.00"); // 40 × 99 + 1
        assertThat(legs.get(oco.get(1).id())).isEqualByComparingTo("4041.00"); // 40 × 101 + 1
        assertThat(reserved()).isEqualByComparingTo("4041.00");
        assertThat(account().freeMargin()).isEqualByComparingTo("5959.00");

        // a bracket: the entry reserves, the take-profit and stop-loss close what it opens
        List<Order> bracket = TradingSession.await(
                s.place(OrderPlacement.Bracket.of(limitBuy(20, "98.00"), Price.of("105.00"), Price.of("95.00"))));
        assertThat(bracket).extracting(Order::status).doesNotContain(OrderStatus.REJECTED);
        assertThat(byOrder())
                .containsEntry(bracket.get(0).id(), new BigDecimal("1961.00"))
                .doesNotContainKeys(bracket.get(1).id(), bracket.get(2).id());
        assertThat(reserved()).isEqualByComparingTo("6002.00");
        balanced();

        // two legs that each fit alone are accepted together although their sum does not fit
        List<Order> wide = TradingSession.await(s.place(new OrderPlacement.Oco(
                limitBuy(39, "99.00"),
                OrderRequest.builder(p, ACME.id(), Side.BUY, Quantity.of(39))
                        .type(OrderType.TAKE_PROFIT)
                        .stop(Price.of("99.50"))
                        .timeInForce(TimeInForce.GTC)
                        .build())));
        assertThat(wide).extracting(Order::status).containsOnly(OrderStatus.ACCEPTED);
        assertThat(reserved()).isEqualByComparingTo("9883.50"); // 6002 + max(3862, 3881.50)
        balanced();
    }

    @Test
    void aRestartReservesTheRestoredWorkingOrdersAgainOnceTheyHaveAPrice(@TempDir Path dir) {
        Path file = dir.resolve("w.pdw");
        BigDecimal before;
        PortfolioId id;
        ManualFeed first = new ManualFeed(List.of(ACME));
        try (TradingSession one = TradingSession.open(
                SessionConfig.simulated(file, START, 3).withFeed(first).withFrictionlessFills())) {
            first.push(sink -> sink.onQuote(new Quote(
                    ACME.id(),
                    first.now(),
                    Price.of("100.00"),
                    Price.of("100.01"),
                    Quantity.of(1_000),
                    Quantity.of(1_000))));
            one.advance(Duration.ofSeconds(1));
            id = TradingSession.await(one.accounts()
                    .create(new PortfolioSpec(
                            "kept",
                            "",
                            Currency.USD,
                            new BigDecimal("10000"),
                            PortfolioSettings.DEFAULTS.withLeverage(AssetClass.EQUITY, 1))));
            TradingSession.await(
                    one.submit(OrderRequest.limit(id, ACME.id(), Side.BUY, Quantity.of(60), Price.of("99.00"))));
            before = one.portfolio(id).orElseThrow().reservedForOrders();
            assertThat(before).isEqualByComparingTo("5941.00");
        }
        ManualFeed second = new ManualFeed(List.of(ACME));
        try (TradingSession two = TradingSession.open(
                SessionConfig.simulated(file, START, 3).withFeed(second).withFrictionlessFills())) {
            second.push(sink -> sink.onQuote(new Quote(
                    ACME.id(),
                    second.now(),
                    Price.of("100.00"),
                    Price.of("100.01"),
                    Quantity.of(1_000),
                    Quantity.of(1_000))));
            two.advance(Duration.ofSeconds(1));
            assertThat(two.portfolio(id).orElseThrow().reservedForOrders()).isEqualByComparingTo(before);
            Order second50 = TradingSession.await(
                    two.submit(OrderRequest.limit(id, ACME.id(), Side.BUY, Quantity.of(50), Price.of("98.00"))));
            assertThat(second50.rejection().reason()).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
        }
    }
}
