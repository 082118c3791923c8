package dev.paperdesk.desktop.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.time.Instant;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ticket's logic without any UI: plain JUnit with a direct executor and a simulated session. */
class OrderTicketViewModelTest {
    private TradingSession session;
    private OrderTicketViewModel vm;

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
        assertThat(vm.estimateProperty().get()).startsWith("≈ ").contains("USD");
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
        // 1,000 BTC at ~60,000 needs 6,000,000 of initial margin at the 10x crypto-spot default.
        vm.quantityProperty().set("1000");
        var rejected = vm.submit().join();
        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(vm.messageProperty().get()).startsWith("Rejected — INSUFFICIENT_FUNDS: needs ");
    }

    @Test
    void escapeClearsTheQuantity() {
        vm.quantityProperty().set("10");
        vm.clear();
        assertThat(vm.quantityProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEmpty();
    }
}
