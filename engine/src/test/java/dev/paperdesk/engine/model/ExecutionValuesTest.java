package dev.paperdesk.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order values added for execution: trailing offsets, links, groups, changes and amendments. */
class ExecutionValuesTest {
    private static final PortfolioId P = new PortfolioId(1);
    private static final InstrumentId I = InstrumentId.parse("X@sim");
    private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");

    @Test
    void trailingOffsetsAreAmountsOrPercentages() {
        assertThat(TrailingOffset.parse("0.50")).isEqualTo(TrailingOffset.amount(new BigDecimal("0.50")));
        assertThat(TrailingOffset.parse(" 1.5% ")).isEqualTo(TrailingOffset.percent(new BigDecimal("1.5")));
        assertThat(TrailingOffset.parse("2%").distanceFrom(new BigDecimal("200")))
                .isEqualByComparingTo("4");
        assertThat(TrailingOffset.parse("3").distanceFrom(new BigDecimal("200")))
                .isEqualByComparingTo("3");
        assertThat(TrailingOffset.parse("1.50%")).hasToString("1.5%");
        assertThatThrownBy(() -> TrailingOffset.parse("0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> TrailingOffset.parse("100%")).hasMessageContaining("below 100");
        assertThatThrownBy(() -> TrailingOffset.parse("x")).hasMessageContaining("decimal");
    }

    @Test
    void requestsNeedTheFieldsOfTheirType() {
        OrderRequest.Builder b = OrderRequest.builder(P, I, Side.SELL, Quantity.of(1));
        assertThatThrownBy(() -> b.type(OrderType.TRAILING_STOP).build()).hasMessageContaining("trailing offset");
        assertThatThrownBy(() -> b.type(OrderType.TRAILING_STOP_LIMIT)
                        .trail(TrailingOffset.parse("1"))
                        .build())
                .hasMessageContaining("limit offset");
        assertThatThrownBy(() -> b.limitOffset(Price.of("-1")).build()).hasMessageContaining("negative");
        OrderRequest ok = b.limitOffset(Price.of("0.1")).build();
        assertThat(ok.toBuilder().build()).isEqualTo(ok);
        assertThat(ok.withQuantity(Quantity.of(3)).quantity()).isEqualTo(Quantity.of(3));
        OrderRequest stop = OrderRequest.stop(P, I, Side.SELL, Quantity.of(1), Price.of("9"));
        assertThat(stop.type()).isEqualTo(OrderType.STOP);
        assertThat(stop.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(stop.withStopPrice(Price.of("8")).stopPrice()).isEqualTo(Price.of("8"));
        assertThat(OrderType.TRAILING_STOP_LIMIT.needsLimitPrice()).isFalse();
        assertThat(OrderType.TAKE_PROFIT_LIMIT.isTakeProfit()).isTrue();
        assertThat(OrderType.LIMIT.isConditional()).isFalse();
        assertThat(OrderType.STOP.hasLimit()).isFalse();
        OrderRequest legacy = new OrderRequest(
                P,
                I,
                Side.BUY,
                OrderType.MARKET,
                Quantity.of(1),
                null,
                null,
                TimeInForce.IOC,
                null,
                false,
                false,
                null);
        assertThat(legacy.trail()).isNull();
        assertThat(legacy.allOrNone()).isFalse();
        assertThat(legacy.tag()).isEmpty();
    }

    @Test
    void ordersAmendAndTrailWithinTheirLifecycle() {
        OrderRequest r = OrderRequest.limit(P, I, Side.BUY, Quantity.of(10), Price.of("5"));
        Order o = Order.create(new OrderId(1), r, T)
                .transition(OrderStatus.ACCEPTED, T)
                .fill(Quantity.of(4), Price.of("5"), T);
        Order amended = o.amend(r.withLimitPrice(Price.of("6")).withQuantity(Quantity.of(8)), T.plusSeconds(1));
        assertThat(amended.request().limitPrice()).isEqualTo(Price.of("6"));
        assertThat(amended.remainingQuantity()).isEqualTo(Quantity.of(4));
        assertThat(amended.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThatThrownBy(() -> o.amend(r.withQuantity(Quantity.of(4)), T))
                .hasMessageContaining("must exceed the filled");
        assertThatThrownBy(() -> o.amend(r.toBuilder().side(Side.SELL).build(), T))
                .hasMessageContaining("prices and quantity");
        Order trailing = Order.create(
                new OrderId(2),
                OrderRequest.builder(P, I, Side.SELL, Quantity.of(1))
                        .type(OrderType.TRAILING_STOP_LIMIT)
                        .trail(TrailingOffset.parse("1"))
                        .limitOffset(Price.of("0.5"))
                        .build(),
                T);
        Order moved = trailing.trail(Price.of("20"), Price.of("19"), T);
        assertThat(moved.trailAnchor()).isEqualTo(Price.of("20"));
        assertThat(moved.effectiveLimit().value()).isEqualByComparingTo("18.5");
        assertThat(moved.expiringAt(T.plusSeconds(60)).expiresAt()).isEqualTo(T.plusSeconds(60));
        assertThat(OrderStatus.NEW.canMoveTo(OrderStatus.CANCELLED)).isTrue();
        assertThat(OrderStatus.NEW.isOpen()).isTrue();
        assertThat(OrderStatus.REJECTED.isOpen()).isFalse();
    }

    @Test
    void linksAndGroupsHaveTheirShape() {
        assertThat(new OrderLink(3, OrderGroupKind.BRACKET, OrderRole.STOP_LOSS))
                .hasToString("BRACKET G3 STOP_LOSS");
        assertThatThrownBy(() -> new OrderLink(3, OrderGroupKind.OCO, OrderRole.ENTRY))
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> new OrderLink(0, OrderGroupKind.OCO, OrderRole.OCO_LEG))
                .hasMessageContaining("positive");
        List<OrderId> two = List.of(new OrderId(1), new OrderId(2));
        assertThat(new OrderGroup(1, OrderGroupKind.OCO, two, null, null).members())
                .hasSize(2);
        assertThatThrownBy(() -> new OrderGroup(1, OrderGroupKind.BRACKET, two, null, null))
                .hasMessageContaining("needs 3");
        assertThatThrownBy(() -> new OrderGroup(1, OrderGroupKind.COMBO, two, null, null))
                .hasMessageContaining("combo quantity");
        assertThatThrownBy(() -> new OrderGroup(1, OrderGroupKind.OCO, two, Price.of("1"), null))
                .hasMessageContaining("only combos");
        assertThatThrownBy(() -> new OrderChange(null, null, null)).hasMessageContaining("must change");
        OrderRequest r = OrderRequest.limit(P, I, Side.BUY, Quantity.of(10), Price.of("5"));
        assertThat(new OrderChange(Price.of("4"), null, Quantity.of(2)).applyTo(r))
                .isEqualTo(r.withLimitPrice(Price.of("4")).withQuantity(Quantity.of(2)));
        assertThatThrownBy(() -> new OrderPlacement.Combo(List.of(r), Quantity.of(1), null, TimeInForce.IOC))
                .hasMessageContaining("at least two legs");
        assertThat(OrderPlacement.Bracket.of(r, Price.of("6"), Price.of("4")).requests())
                .hasSize(3);
    }

    @Test
    void theMidOfAQuoteWithoutSpreadIsItsPriceInValueAndScale() {
        Quote q = new Quote(
                new InstrumentId("ACME", "hist"),
                java.time.Instant.EPOCH,
                Price.of("12.340"),
                Price.of("12.340"),
                Quantity.of(java.math.BigDecimal.ONE),
                Quantity.of(java.math.BigDecimal.ONE));
        org.assertj.core.api.Assertions.assertThat(q.mid().value().toString()).isEqualTo("12.340");
        Quote wide = new Quote(
                q.instrumentId(), q.timestamp(), Price.of("12.340"), Price.of("12.35"), q.bidSize(), q.askSize());
        org.assertj.core.api.Assertions.assertThat(wide.mid().value().toString())
                .isEqualTo("12.345");
    }
}
