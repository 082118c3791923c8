package dev.paperdesk.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.LedgerKind;
import dev.paperdesk.engine.portfolio.Portfolio;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeSetTest {
    static final Instant T = Instant.parse("2026-03-02T15:00:00Z");
    static final PortfolioId P = new PortfolioId(1);

    static Order order(long id) {
        return Order.create(
                new OrderId(id),
                OrderRequest.market(P, new InstrumentId("ACME", "sim"), Side.BUY, Quantity.of(1)),
                T,
                null);
    }

    @Test
    void aFreshChangeSetIsEmptyAndListsNothing() {
        ChangeSet c = new ChangeSet();
        assertThat(c.isEmpty()).isTrue();
        assertThat(c.orders()).isEmpty();
        assertThat(c.events()).isEmpty();
        assertThat(c.fills()).isEmpty();
        assertThat(c.ledger()).isEmpty();
        assertThat(c.portfolios()).isEmpty();
        assertThat(c.groups()).isEmpty();
        assertThat(c.accountRecords()).isEmpty();
        assertThatThrownBy(() -> c.orders().add(order(1))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptyLedgerBatchLeavesItEmpty() {
        assertThat(new ChangeSet().ledger(List.of()).isEmpty()).isTrue();
    }

    @Test
    void eachKindOfChangeMakesItNonEmptyAndIsListedInOrder() {
        Order first = order(1);
        Order replaced = order(1).reject(
                        new dev.paperdesk.engine.model.Rejection(
                                dev.paperdesk.engine.model.RejectReason.NO_LIQUIDITY, "none"),
                        T);
        ChangeSet c = new ChangeSet().order(first).order(order(2)).order(replaced);
        assertThat(c.isEmpty()).isFalse();
        // One entry per order id, its latest state, in first-seen order.
        assertThat(c.orders()).containsExactly(replaced, order(2));

        OrderEvent e = new OrderEvent.Created(new OrderId(1), T, "BUY 1 ACME@sim MARKET");
        assertThat(new ChangeSet().event(e).events()).containsExactly(e);

        LedgerEntry l = new LedgerEntry(P, T, LedgerKind.TOP_UP, BigDecimal.TEN, Currency.USD, "", "top-up");
        ChangeSet withLedger = new ChangeSet().ledger(List.of(l));
        assertThat(withLedger.isEmpty()).isFalse();
        assertThat(withLedger.ledger()).containsExactly(l);

        Portfolio p = new Portfolio(P, "P", "", Currency.USD, BigDecimal.TEN, CostBasisMethod.FIFO, T);
        ChangeSet withPortfolio = new ChangeSet().portfolio(p);
        assertThat(withPortfolio.isEmpty()).isFalse();
        assertThat(withPortfolio.portfolios()).containsExactly(p);
    }

    @Test
    void listsAreCopiesThatLaterChangesDoNotAlter() {
        ChangeSet c = new ChangeSet().order(order(1));
        List<Order> before = c.orders();
        c.order(order(2));
        assertThat(before).hasSize(1);
        assertThat(c.orders()).hasSize(2);
    }

    @Test
    void viewsShowTheSameOrdersReadOnlyAndFollowLaterChanges() {
        ChangeSet c = new ChangeSet();
        assertThat(c.ordersView()).isEmpty();
        assertThat(c.eventsView()).isEmpty();
        assertThat(c.fillsView()).isEmpty();
        assertThat(c.ledgerView()).isEmpty();
        assertThat(c.portfoliosView()).isEmpty();
        assertThat(c.accountRecordsView()).isEmpty();
        c.order(order(1));
        List<Order> view = c.ordersView();
        c.order(order(2)).order(order(1));
        assertThat(view).containsExactlyElementsOf(c.orders());
        assertThat(view).hasSize(2);
        assertThatThrownBy(() -> view.add(order(3))).isInstanceOf(UnsupportedOperationException.class);
    }
}
