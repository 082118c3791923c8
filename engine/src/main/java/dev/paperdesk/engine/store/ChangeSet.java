package dev.paperdesk.engine.store;

import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderGroup;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.margin.AccountRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one engine step changed: orders and their groups, journal events, fills, ledger
 * entries, account history records and the portfolios they touched. A store commits a change set in
 * one transaction.
 */
public final class ChangeSet {
    private final Map<Long, Order> orders = new LinkedHashMap<>();
    private final List<OrderEvent> events = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final Map<Long, Portfolio> portfolios = new LinkedHashMap<>();
    private final Map<Long, OrderGroup> groups = new LinkedHashMap<>();
    private final List<AccountRecord> accountRecords = new ArrayList<>();

    public ChangeSet order(Order order) {
        orders.put(order.id().value(), order);
        return this;
    }

    public ChangeSet event(OrderEvent event) {
        events.add(event);
        return this;
    }

    public ChangeSet fill(Fill fill) {
        fills.add(fill);
        return this;
    }

    public ChangeSet ledger(List<LedgerEntry> entries) {
        ledger.addAll(entries);
        return this;
    }

    public ChangeSet portfolio(Portfolio portfolio) {
        portfolios.put(portfolio.id().value(), portfolio);
        return this;
    }

    /** An OCO pair, bracket or combo created in this step (written before its orders). */
    public ChangeSet group(OrderGroup group) {
        groups.put(group.id(), group);
        return this;
    }

    public List<OrderGroup> groups() {
        return List.copyOf(groups.values());
    }

    /** Appends an account history record (liquidation, margin event, fund movement, funding, portfolio event). */
    public ChangeSet account(AccountRecord record) {
        accountRecords.add(java.util.Objects.requireNonNull(record, "record"));
        return this;
    }

    public ChangeSet accounts(List<? extends AccountRecord> records) {
        records.forEach(this::account);
        return this;
    }

    public List<AccountRecord> accountRecords() {
        return List.copyOf(accountRecords);
    }

    public List<Order> orders() {
        return List.copyOf(orders.values());
    }

    public List<OrderEvent> events() {
        return List.copyOf(events);
    }

    public List<Fill> fills() {
        return List.copyOf(fills);
    }

    public List<LedgerEntry> ledger() {
        return List.copyOf(ledger);
    }

    public List<Portfolio> portfolios() {
        return List.copyOf(portfolios.values());
    }

    public boolean isEmpty() {
        return orders.isEmpty()
                && events.isEmpty()
                && fills.isEmpty()
                && ledger.isEmpty()
                && portfolios.isEmpty()
                && groups.isEmpty()
                && accountRecords.isEmpty();
    }
}
