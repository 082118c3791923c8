package dev.paperdesk.engine.execution.orders;

import static dev.paperdesk.engine.execution.orders.VenueHarness.COIN;
import static dev.paperdesk.engine.execution.orders.VenueHarness.STOCK;
import static dev.paperdesk.engine.execution.orders.VenueHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.OrderPlacement;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Rejection;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementValidatorTest {
    private static String problem(OrderPlacement p) {
        return PlacementValidator.check(p).map(Rejection::message).orElse("");
    }

    private static final OrderRequest ENTRY =
            order(COIN, Side.BUY, "1").limit(Price.of("100")).build();

    @Test
    void aGoodBracketAndItsMistakes() {
        assertThat(problem(OrderPlacement.Bracket.of(ENTRY, Price.of("110"), Price.of("90"))))
                .isEmpty();
        assertThat(problem(OrderPlacement.Bracket.of(ENTRY, Price.of("90"), Price.of("110"))))
                .contains("above the stop-loss");
        OrderRequest sell = order(COIN, Side.SELL, "1").build();
        assertThat(problem(OrderPlacement.Bracket.of(sell, Price.of("90"), Price.of("110"))))
                .isEmpty();
        OrderRequest sameSide =
                order(COIN, Side.BUY, "1").limit(Price.of("110")).build();
        OrderRequest stop = order(COIN, Side.SELL, "1")
                .type(OrderType.STOP)
                .stop(Price.of("90"))
                .build();
        assertThat(problem(new OrderPlacement.Bracket(ENTRY, sameSide, stop))).contains("other side");
        OrderRequest bigger = order(COIN, Side.SELL, "2").limit(Price.of("110")).build();
        assertThat(problem(new OrderPlacement.Bracket(ENTRY, bigger, stop))).contains("larger than the entry");
        OrderRequest otherInstrument =
                order(STOCK, Side.SELL, "1").limit(Price.of("110")).build();
        assertThat(problem(new OrderPlacement.Bracket(ENTRY, otherInstrument, stop)))
                .contains("entry's instrument");
        assertThat(problem(new OrderPlacement.Bracket(ENTRY, stop, stop))).contains("take-profit must be");
        OrderRequest tp = order(COIN, Side.SELL, "1").limit(Price.of("110")).build();
        assertThat(problem(new OrderPlacement.Bracket(ENTRY, tp, tp))).contains("stop-loss must be");
        OrderRequest trailingEntry = order(COIN, Side.BUY, "1")
                .type(OrderType.TRAILING_STOP)
                .trail(dev.paperdesk.engine.model.TrailingOffset.amount(java.math.BigDecimal.ONE))
                .build();
        assertThat(problem(new OrderPlacement.Bracket(trailingEntry, tp, stop))).contains("bracket entry must be");
    }

    @Test
    void ocoAndComboShapes() {
        OrderRequest other = OrderRequest.builder(new PortfolioId(2), COIN.id(), Side.SELL, Quantity.of("1"))
                .build();
        assertThat(problem(new OrderPlacement.Oco(ENTRY, other))).contains("one portfolio");
        OrderRequest a = order(COIN, Side.BUY, "2").build();
        OrderRequest b = order(STOCK, Side.SELL, "4").build();
        assertThat(problem(new OrderPlacement.Combo(List.of(a, b), Quantity.of("2"), null, TimeInForce.IOC)))
                .isEmpty();
        assertThat(problem(new OrderPlacement.Combo(List.of(a, b), Quantity.of("3"), null, TimeInForce.IOC)))
                .contains("whole multiple");
        assertThat(problem(new OrderPlacement.Combo(List.of(a, a), Quantity.of("1"), null, TimeInForce.IOC)))
                .contains("twice");
        assertThat(problem(new OrderPlacement.Combo(List.of(ENTRY, b), Quantity.of("1"), null, TimeInForce.IOC)))
                .contains("market orders");
        assertThat(problem(new OrderPlacement.Combo(List.of(a, other), Quantity.of("1"), null, TimeInForce.IOC)))
                .contains("one portfolio");
    }
}
