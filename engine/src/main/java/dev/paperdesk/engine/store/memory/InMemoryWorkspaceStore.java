package dev.paperdesk.engine.store.memory;

import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderGroup;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.store.ChangeSet;
import dev.paperdesk.engine.store.JournalEntry;
import dev.paperdesk.engine.store.WorkspaceState;
import dev.paperdesk.engine.store.WorkspaceStore;
import dev.paperdesk.engine.store.WorkspaceSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps a workspace in memory; commits are trivially atomic. Nothing survives {@link #close}. */
public final class InMemoryWorkspaceStore implements WorkspaceStore {
    private final String name;
    private final Map<Long, Portfolio> portfolios = new LinkedHashMap<>();
    private final Map<Long, Order> orders = new LinkedHashMap<>();
    private final Map<Long, OrderGroup> groups = new LinkedHashMap<>();
    private final List<Fill> fills = new ArrayList<>();
    private final List<JournalEntry> journal = new ArrayList<>();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final Map<String, String> settings = new HashMap<>();
    private final List<dev.paperdesk.engine.portfolio.margin.AccountRecord> accountHistory = new ArrayList<>();

    public InMemoryWorkspaceStore(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized WorkspaceState load() {
        List<Portfolio> copies = new ArrayList<>();
        for (Portfolio p : portfolios.values()) {
            copies.add(p.copy());
        }
        return new WorkspaceState(
                copies, List.copyOf(orders.values()), List.copyOf(fills), List.copyOf(groups.values()));
    }

    @Override
    public synchronized List<JournalEntry> journal() {
        return List.copyOf(journal);
    }

    @Override
    public synchronized List<LedgerEntry> ledger(PortfolioId portfolio) {
        return ledger.stream().filter(e -> e.portfolioId().equals(portfolio)).toList();
    }

    @Override
    public synchronized void commit(ChangeSet changes) {
        for (Portfolio p : changes.portfolios()) {
            portfolios.put(p.id().value(), p.copy());
        }
        for (OrderGroup g : changes.groups()) {
            groups.put(g.id(), g);
        }
        for (Order o : changes.orders()) {
            orders.put(o.id().value(), o);
        }
        for (OrderEvent e : changes.events()) {
            journal.add(new JournalEntry(
                    journal.size() + 1L, e.orderId(), e.timestamp(), e.kind(), e.status(), e.reason()));
        }
        fills.addAll(changes.fills());
        ledger.addAll(changes.ledger());
        accountHistory.addAll(changes.accountRecords());
    }

    @Override
    public synchronized List<dev.paperdesk.engine.portfolio.margin.AccountRecord> accountHistory() {
        return List.copyOf(accountHistory);
    }

    @Override
    public synchronized WorkspaceSummary summary() {
        return new WorkspaceSummary(
                null, 0, portfolios.size(), orders.size(), fills.size(), journal.size(), ledger.size());
    }

    @Override
    public synchronized Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    @Override
    public synchronized void putSetting(String key, String value) {
        settings.put(key, value);
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
