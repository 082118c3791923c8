package dev.paperdesk.engine.store;

import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderGroup;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.margin.AccountRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one engine step changed: orders and their groups, journal events, fills, ledger
 * entries, account history records and the portfolios they touched. A store commits a change set in
 * one transaction.
 */
public final class ChangeSet {
    // Created on first use: a step usually touches two or three of these, and one is allocated per
    // engine step on the order path.
    // Orders and portfolios: the latest version of each, in the order first seen. A step changes a
    // handful, so a list searched by id is cheaper than a map.
    private List<Order> orders;
    private List<OrderEvent> events;
    private List<Fill> fills;
    private List<LedgerEntry> ledger;
    private Map<Long, Integer> orderIndex;
    private List<Portfolio> portfolios;
    private Map<Long, OrderGroup> groups;
    private List<AccountRecord> accountRecords;

    public ChangeSet order(Order order) {
        if (orders == null) {
            orders = new ArrayList<>(4);
        }
        if (orderIndex != null) {
            Integer at = orderIndex.putIfAbsent(order.id().value(), orders.size());
            if (at != null) {
                orders.set(at, order);
            } else {
                orders.add(order);
            }
            return this;
        }
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).id().equals(order.id())) {
                orders.set(i, order);
                return this;
            }
        }
        orders.add(order);
        if (orders.size() > 8) {
            // a step that touches many orders (cancel all, a bar of a replay): look them up by id
            orderIndex = new java.util.HashMap<>();
            for (int i = 0; i < orders.size(); i++) {
                orderIndex.put(orders.get(i).id().value(), i);
            }
        }
        return this;
    }

    public ChangeSet event(OrderEvent event) {
        if (events == null) {
            events = new ArrayList<>(4); // an order's step journals two or three events
        }
        events.add(event);
        return this;
    }

    public ChangeSet fill(Fill fill) {
        if (fills == null) {
            fills = new ArrayList<>(2);
        }
        fills.add(fill);
        return this;
    }

    public ChangeSet ledger(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return this;
        }
        if (ledger == null) {
            ledger = new ArrayList<>(entries.size() + 2);
        }
        ledger.addAll(entries);
        return this;
    }

    public ChangeSet portfolio(Portfolio portfolio) {
        if (portfolios == null) {
            portfolios = new ArrayList<>(2);
        }
        for (int i = 0; i < portfolios.size(); i++) {
            if (portfolios.get(i).id().equals(portfolio.id())) {
                portfolios.set(i, portfolio);
                return this;
            }
        }
        portfolios.add(portfolio);
        return this;
    }

    /** An OCO pair, bracket or combo created in this step (written before its orders). */
    public ChangeSet group(OrderGroup group) {
        if (groups == null) {
            groups = new LinkedHashMap<>();
        }
        groups.put(group.id(), group);
        return this;
    }

    public List<OrderGroup> groups() {
        return groups == null ? List.of() : List.copyOf(groups.values());
    }

    /** Appends an account history record (liquidation, margin event, fund movement, funding, portfolio event). */
    public ChangeSet account(AccountRecord record) {
        java.util.Objects.requireNonNull(record, "record");
        if (accountRecords == null) {
            accountRecords = new ArrayList<>();
        }
        accountRecords.add(record);
        return this;
    }

    public ChangeSet accounts(List<? extends AccountRecord> records) {
        records.forEach(this::account);
        return this;
    }

    public List<AccountRecord> accountRecords() {
        return accountRecords == null ? List.of() : List.copyOf(accountRecords);
    }

    public List<Order> orders() {
        return orders == null ? List.of() : List.copyOf(orders);
    }

    public List<OrderEvent> events() {
        return events == null ? List.of() : List.copyOf(events);
    }

    public List<Fill> fills() {
        return fills == null ? List.of() : List.copyOf(fills);
    }

    public List<LedgerEntry> ledger() {
        return ledger == null ? List.of() : List.copyOf(ledger);
    }

    public List<Portfolio> portfolios() {
        return portfolios == null ? List.of() : List.copyOf(portfolios);
    }

    /**
     * Read-only views of the same lists, for a store that commits this change set and keeps the
     * elements, not the lists: no copy per list and commit (one is committed per order and per
     * fill). Unlike the copies above, later changes to this change set show through.
     */
    public List<Order> ordersView() {
        return view(orders);
    }

    public List<OrderEvent> eventsView() {
        return view(events);
    }

    public List<Fill> fillsView() {
        return view(fills);
    }

    public List<LedgerEntry> ledgerView() {
        return view(ledger);
    }

    public List<Portfolio> portfoliosView() {
        return view(portfolios);
    }

    public List<AccountRecord> accountRecordsView() {
        return view(accountRecords);
    }

    private static <T> List<T> view(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    public boolean isEmpty() {
        // Collections are created on first use and never emptied, so null means empty.
        return orders == null
                && events == null
                && fills == null
                && ledger == null
                && portfolios == null
                && groups == null
                && accountRecords == null;
    }
}
