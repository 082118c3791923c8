package dev.paperdesk.desktop.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderGroupKind;
import dev.paperdesk.engine.model.OrderRole;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Instant;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ticket's logic without any UI: plain JUnit with a direct executor and a simulated session. */
class OrderTicketViewModelTest {
    private TradingSession session;
    private OrderTicketViewModel vm;
    private static final InstrumentId ACME = new InstrumentId("ACME", "sim");

    @BeforeEach
    void setUp() {
        session = TradingSession.open(SessionConfig.simulated(null, Instant.parse("2026-03-02T15:00:00Z"), 9));
        PortfolioId pid = session.portfolios().get(0).id();
        vm = new OrderTicketViewModel(session, UiExecutor.DIRECT, new SimpleObjectProperty<>(pid));
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    @Test
    void validatesQuantity() {
        assertThat(vm.validationProperty().get()).isEqualTo("Enter a quantity");
        vm.quantityProperty().set("-3");
        assertThat(vm.validationProperty().get()).isEqualTo("Quantity must be greater than zero");
        vm.quantityProperty().set("1e3");
        assertThat(vm.validationProperty().get()).contains("must be a number");
        vm.symbolProperty().set(new InstrumentId("BTC-USD", "sim"));
        vm.quantityProperty().set("0.00001");
        assertThat(vm.validationProperty().get()).contains("lot size 0.0001");
        vm.quantityProperty().set("0.5");
        assertThat(vm.validationProperty().get()).isEmpty();
        assertThat(vm.canSubmitProperty().get()).isTrue();
        assertThat(vm.estimateProperty().get())
                .startsWith("≈ ")
                .contains("USD")
                .contains("fee")
                .contains("position after: 0.5");
    }

    @Test
    void onlyTheFieldsTheTypeNeedsAreShownAndRequired() {
        vm.quantityProperty().set("10");
        assertThat(vm.types()).containsExactly(OrderType.values());
        vm.typeProperty().set(OrderType.STOP_LIMIT);
        assertThat(vm.limitVisibleProperty().get()).isTrue();
        assertThat(vm.stopVisibleProperty().get()).isTrue();
        assertThat(vm.trailVisibleProperty().get()).isFalse();
        assertThat(vm.timesInForce()).containsExactly(TimeInForce.GTC, TimeInForce.DAY, TimeInForce.GTD);
        assertThat(vm.validationProperty().get()).isEqualTo("Enter the limit price");
        vm.limitPriceProperty().set("99.995");
        assertThat(vm.validationProperty().get()).contains("tick size 0.01");
        vm.limitPriceProperty().set("99.99");
        assertThat(vm.validationProperty().get()).isEqualTo("Enter the stop price");
        vm.stopPriceProperty().set("100.50");
        assertThat(vm.validationProperty().get()).isEmpty();
        vm.typeProperty().set(OrderType.TAKE_PROFIT);
        assertThat(vm.stopLabelProperty().get()).isEqualTo("Trigger");
        assertThat(vm.limitVisibleProperty().get()).isFalse();
        vm.typeProperty().set(OrderType.TRAILING_STOP_LIMIT);
        assertThat(vm.trailVisibleProperty().get()).isTrue();
        assertThat(vm.offsetVisibleProperty().get()).isTrue();
        assertThat(vm.validationProperty().get()).startsWith("Enter the trailing distance");
        vm.trailProperty().set("1.5%");
        vm.limitOffsetProperty().set("0.05");
        assertThat(vm.validationProperty().get()).isEmpty();
        vm.typeProperty().set(OrderType.LIMIT);
        vm.tifProperty().set(TimeInForce.GTD);
        assertThat(vm.expiryVisibleProperty().get()).isTrue();
        vm.expiryProperty().set("tomorrow");
        assertThat(vm.validationProperty().get()).contains("yyyy-MM-dd HH:mm");
        vm.expiryProperty().set("2026-03-03 21:00");
        assertThat(vm.validationProperty().get()).isEmpty();
        vm.typeProperty().set(OrderType.MARKET);
        assertThat(vm.tifProperty().get()).isEqualTo(TimeInForce.IOC);
        assertThat(vm.postOnlyVisibleProperty().get()).isFalse();
        assertThat(vm.reduceOnlyVisibleProperty().get()).isFalse();
    }

    @Test
    void submitReportsFillAndRejection() {
        vm.quantityProperty().set("10");
        var filled = vm.submit().join();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(vm.outcomeProperty().get()).isEqualTo(OrderTicketViewModel.Outcome.FILLED);
        assertThat(vm.messageProperty().get()).startsWith("FILLED: BUY 10 ACME@sim @ ");

        vm.symbolProperty().set(new InstrumentId("BTC-USD", "sim"));
        vm.sideProperty().set(Side.BUY);
        // 5,000 BTC is about 300 M USD of notional: more than the margin 5 M USD can carry.
        vm.quantityProperty().set("5000");
        var rejected = vm.submit().join();
        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(vm.messageProperty().get()).startsWith("Rejected — INSUFFICIENT_FUNDS: needs ");
    }

    @Test
    void aRestingLimitIsReportedAsWorkingAndTheHotkeysSetTheSide() {
        BigDecimal bid = session.quote(ACME).orElseThrow().bid().value();
        vm.quantityProperty().set("5");
        vm.prefillLimit(new Price(bid.subtract(BigDecimal.TEN)), Side.BUY);
        assertThat(vm.typeProperty().get()).isEqualTo(OrderType.LIMIT);
        assertThat(vm.tifProperty().get()).isEqualTo(TimeInForce.GTC);
        assertThat(vm.limitPriceProperty().get())
                .isEqualTo(bid.subtract(BigDecimal.TEN).toPlainString());
        Order o = vm.submit(Side.SELL).join();
        assertThat(o.request().side()).isEqualTo(Side.SELL);
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        vm.prefillLimit(new Price(bid.subtract(BigDecimal.TEN)));
        Order working = vm.submit(Side.BUY).join();
        assertThat(working.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(vm.outcomeProperty().get()).isEqualTo(OrderTicketViewModel.Outcome.WORKING);
        assertThat(vm.messageProperty().get()).startsWith("Working: BUY 5 ACME@sim LIMIT GTC");
        assertThat(vm.confirmationText()).contains("BUY 5 ACME@sim LIMIT limit");
    }

    @Test
    void takeProfitAndStopLossMakeABracketOrAnOcoExit() {
        BigDecimal ask = session.quote(ACME).orElseThrow().ask().value();
        vm.quantityProperty().set("5");
        vm.structureProperty().set(OrderTicketViewModel.Structure.BRACKET);
        assertThat(vm.exitsVisibleProperty().get()).isTrue();
        assertThat(vm.validationProperty().get()).isEqualTo("Enter the take-profit");
        vm.takeProfitProperty().set(ask.add(BigDecimal.TEN).toPlainString());
        vm.stopLossProperty().set(ask.subtract(BigDecimal.TEN).toPlainString());
        Order entry = vm.submit().join();
        assertThat(entry.link().kind()).isEqualTo(OrderGroupKind.BRACKET);
        assertThat(entry.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(session.orders())
                .filteredOn(o -> o.link() != null && o.link().role() != OrderRole.ENTRY)
                .hasSize(2)
                .allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED));

        vm.structureProperty().set(OrderTicketViewModel.Structure.OCO);
        vm.sideProperty().set(Side.SELL);
        Order leg = vm.submit().join();
        assertThat(leg.link().kind()).isEqualTo(OrderGroupKind.OCO);
        assertThat(leg.request().type()).isEqualTo(OrderType.LIMIT);
    }

    @Test
    void escapeClearsTheQuantity() {
        vm.quantityProperty().set("10");
        vm.clear();
        assertThat(vm.quantityProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEmpty();
    }
}
