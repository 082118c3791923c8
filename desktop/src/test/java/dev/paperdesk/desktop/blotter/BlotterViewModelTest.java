package dev.paperdesk.desktop.blotter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Instant;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlotterViewModelTest {
    private static final InstrumentId ACME = new InstrumentId("ACME", "sim");
    private static final InstrumentId BTC = new InstrumentId("BTC-USD", "sim");
    private TradingSession session;
    private PortfolioId pid;
    private BlotterViewModel vm;

    @BeforeEach
    void setUp() {
        session = TradingSession.open(SessionConfig.simulated(null, Instant.parse("2026-03-02T15:00:00Z"), 4));
        pid = session.portfolios().get(0).id();
        vm = new BlotterViewModel(session, UiExecutor.DIRECT, new SimpleObjectProperty<>(pid));
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private Price below(InstrumentId id, String by) {
        return new Price(session.quote(id).orElseThrow().bid().value().subtract(new BigDecimal(by)));
    }

    @Test
    void workingOrdersCanBeModifiedInPlaceAndCancelled() {
        TradingSession.await(session.submit(OrderRequest.limit(pid, ACME, Side.BUY, Quantity.of(5), below(ACME, "5"))));
        TradingSession.await(session.submit(OrderRequest.market(pid, ACME, Side.BUY, Quantity.of(1))));
        assertThat(vm.working()).hasSize(1);
        assertThat(vm.orders()).hasSize(2);
        assertThat(vm.fills()).singleElement().satisfies(f -> {
            assertThat(f.liquidity()).isEqualTo("TAKER");
            assertThat(f.slippage()).isPositive();
        });
        var row = vm.working().get(0);
        TradingSession.await(vm.modify(row, below(ACME, "6").toString(), null, "7"));
        assertThat(vm.working().get(0).quantity()).isEqualByComparingTo("7");
        assertThat(vm.working().get(0).limit())
                .isEqualByComparingTo(below(ACME, "6").value());
        vm.selectedOrderProperty().set(vm.working().get(0));
        assertThat(vm.journal())
                .extracting(BlotterViewModel.JournalRow::kind)
                .containsExactly("CREATED", "ACCEPTED", "MODIFIED");
        TradingSession.await(vm.cancel(vm.working().get(0)));
        assertThat(vm.working()).isEmpty();
        assertThat(vm.orders().get(1).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void rejectionsAndRefusedAmendmentsShowInTheBannerWithTheirReason() {
        TradingSession.await(session.submit(OrderRequest.market(pid, BTC, Side.BUY, Quantity.of(1000))));
        assertThat(vm.bannerProperty().get()).contains("rejected — INSUFFICIENT_FUNDS: needs");
        vm.dismissBanner();
        assertThat(vm.bannerProperty().get()).isEmpty();
        TradingSession.await(session.submit(OrderRequest.limit(pid, ACME, Side.BUY, Quantity.of(5), below(ACME, "5"))));
        var row = vm.working().get(0);
        TradingSession.await(vm.modify(row, null, "90", null));
        assertThat(vm.bannerProperty().get()).contains("modify refused").contains("no stop price");
        vm.modify(row, "abc", null, null);
        assertThat(vm.bannerProperty().get()).contains("modify not sent");
    }

    @Test
    void theSearchFiltersEveryTableAndCancelAllEmptiesTheWorkingOrders() {
        TradingSession.await(session.submit(OrderRequest.limit(pid, ACME, Side.BUY, Quantity.of(5), below(ACME, "5"))));
        TradingSession.await(
                session.submit(OrderRequest.limit(pid, BTC, Side.BUY, Quantity.of("0.01"), below(BTC, "500"))));
        TradingSession.await(session.submit(OrderRequest.market(pid, ACME, Side.BUY, Quantity.of(1))));
        vm.filterProperty().set("btc");
        assertThat(vm.orders()).singleElement().satisfies(r -> assertThat(r.instrument())
                .isEqualTo("BTC-USD@sim"));
        assertThat(vm.fills()).isEmpty();
        assertThat(vm.positions()).isEmpty();
        vm.filterProperty().set("acme");
        assertThat(vm.fills()).hasSize(1);
        assertThat(vm.positions()).hasSize(1);
        vm.filterProperty().set("");
        assertThat(vm.working()).hasSize(2);
        TradingSession.await(vm.cancelAll());
        assertThat(vm.working()).isEmpty();
    }
}
