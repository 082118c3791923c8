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
    /**
     * Each portfolio as committed. The engine never changes a committed portfolio except for its
     * risk marks (a running statistic kept in place): it books into a copy and commits that. So the
     * store keeps the committed object with its revision and marks, and copies it when it is loaded,
     * not on every commit; a revision that moved shows a portfolio changed without a commit.
     */
    private final Map<Long, Committed> portfolios = new LinkedHashMap<>();

    private record Committed(Portfolio portfolio, long revision, dev.paperdesk.engine.portfolio.RiskMarks marks) {
        Portfolio restore() {
            if (portfolio.revision() != revision) {
                throw new IllegalStateException("portfolio " + portfolio.id() + " was changed after its commit");
            }
            Portfolio copy = portfolio.copy();
            copy.setRiskMarks(marks);
            return copy;
        }
    }

    private final Map<dev.paperdesk.engine.model.OrderId, Order> orders = new LinkedHashMap<>();
    private final Map<Long, OrderGroup> groups = new LinkedHashMap<>();
    private final List<Fill> fills = new ArrayList<>();
    /**
     * The journal as the events themselves: its rows (a sequence number and a reason text each) are
     * written out when read, not on every commit.
     */
    private final List<OrderEvent> journal = new ArrayList<>();

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
        for (Committed p : portfolios.values()) {
            copies.add(p.restore());
        }
        return new WorkspaceState(
                copies, List.copyOf(orders.values()), List.copyOf(fills), List.copyOf(groups.values()));
    }

    @Override
    public synchronized List<JournalEntry> journal() {
        List<JournalEntry> out = new ArrayList<>(journal.size());
        for (OrderEvent e : journal) {
            out.add(new JournalEntry(out.size() + 1L, e.orderId(), e.timestamp(), e.kind(), e.status(), e.reason()));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    @Override
    public synchronized List<LedgerEntry> ledger(PortfolioId portfolio) {
        return ledger.stream().filter(e -> e.portfolioId().equals(portfolio)).toList();
    }

    @Override
    public synchronized void commit(ChangeSet changes) {
        // By index over the change set's views: no iterator or array copy per list and commit.
        List<Portfolio> changed = changes.portfoliosView();
        for (int i = 0; i < changed.size(); i++) {
            Portfolio p = changed.get(i);
            portfolios.put(p.id().value(), new Committed(p, p.revision(), p.riskMarks()));
        }
        for (OrderGroup g : changes.groups()) {
            groups.put(g.id(), g);
        }
        List<Order> changedOrders = changes.ordersView();
        for (int i = 0; i < changedOrders.size(); i++) {
            Order o = changedOrders.get(i);
            orders.put(o.id(), o); // by the id itself: no boxed key per commit
        }
        appendAll(journal, changes.eventsView());
        appendAll(fills, changes.fillsView());
        appendAll(ledger, changes.ledgerView());
        appendAll(accountHistory, changes.accountRecordsView());
    }

    private static <T> void appendAll(List<T> to, List<? extends T> from) {
        for (int i = 0; i < from.size(); i++) {
            to.add(from.get(i));
        }
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
