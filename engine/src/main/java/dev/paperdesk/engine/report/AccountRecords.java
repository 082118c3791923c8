package dev.paperdesk.engine.report;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.JournalEntry;
import dev.paperdesk.engine.store.TradeJournalStore;
import dev.paperdesk.engine.store.WorkspaceState;
import dev.paperdesk.engine.store.WorkspaceStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything reports need about one portfolio, read once from the workspace: its orders with their
 * journal events, fills, ledger entries and trade-journal notes, plus the terms of the instruments
 * traded and the current marks when a live session knows them.
 *
 * @param workspace the workspace's display name
 * @param portfolioName the portfolio's name
 * @param orderEvents journal events of this portfolio's orders, oldest first
 * @param fills this portfolio's fills, in booking order
 * @param ledger this portfolio's ledger entries, oldest first
 * @param notes trade-journal notes of this portfolio, newest first
 * @param multipliers contract multipliers by instrument; an instrument not listed has multiplier 1
 * @param currentMarks marks known now (quote mids of a live session), valid at {@code asOf}; may be empty
 * @param asOf when these records were read (the engine clock of a session, or the last record)
 */
public record AccountRecords(
        String workspace,
        PortfolioId portfolioId,
        String portfolioName,
        Currency baseCurrency,
        CostBasisMethod costBasisMethod,
        List<Order> orders,
        List<JournalEntry> orderEvents,
        List<Fill> fills,
        List<LedgerEntry> ledger,
        List<TradeJournalStore.Note> notes,
        Map<InstrumentId, BigDecimal> multipliers,
        Map<InstrumentId, BigDecimal> currentMarks,
        Instant asOf) {

    public AccountRecords {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(portfolioName, "portfolioName");
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(costBasisMethod, "costBasisMethod");
        Objects.requireNonNull(asOf, "asOf");
        orders = List.copyOf(orders);
        orderEvents = List.copyOf(orderEvents);
        fills = List.copyOf(fills);
        ledger = List.copyOf(ledger);
        notes = List.copyOf(notes);
        multipliers = java.util.Collections.unmodifiableMap(new TreeMap<>(multipliers));
        currentMarks = java.util.Collections.unmodifiableMap(new TreeMap<>(currentMarks));
        for (Fill f : fills) {
            if (!f.portfolioId().equals(portfolioId)) {
                throw new IllegalArgumentException("fill " + f.id() + " belongs to portfolio " + f.portfolioId());
            }
        }
    }

    /** The contract multiplier of {@code instrument} (1 when unknown). */
    public BigDecimal multiplier(InstrumentId instrument) {
        return multipliers.getOrDefault(instrument, BigDecimal.ONE);
    }

    /** The same records with another cost-basis method, e.g. a tax report's override. */
    public AccountRecords withMethod(CostBasisMethod method) {
        return new AccountRecords(
                workspace,
                portfolioId,
                portfolioName,
                baseCurrency,
                method,
                orders,
                orderEvents,
                fills,
                ledger,
                notes,
                multipliers,
                currentMarks,
                asOf);
    }

    /**
     * Reads a portfolio's records from a store (the command line's path: no session, no live marks).
     *
     * @param instruments instrument definitions for multipliers; unknown instruments count as 1
     * @param journal the trade journal to read notes from, or null for none
     * @throws IllegalArgumentException when the workspace has no portfolio of that name
     */
    public static AccountRecords read(
            WorkspaceStore store, String portfolioName, Collection<Instrument> instruments, TradeJournalStore journal) {
        WorkspaceState state = store.load();
        Portfolio portfolio = state.portfolios().stream()
                .filter(p -> p.name().equalsIgnoreCase(portfolioName.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no portfolio named '" + portfolioName.strip()
                        + "' in workspace " + store.name() + " (it has: "
                        + String.join(
                                ", ",
                                state.portfolios().stream().map(Portfolio::name).toList()) + ")"));
        List<LedgerEntry> ledger = store.ledger(portfolio.id());
        List<Fill> fills = state.fills().stream()
                .filter(f -> f.portfolioId().equals(portfolio.id()))
                .toList();
        List<Order> orders = state.orders().stream()
                .filter(o -> o.request().portfolioId().equals(portfolio.id()))
                .sorted(Comparator.comparing(Order::id))
                .toList();
        Instant last = portfolio.createdAt();
        for (LedgerEntry e : ledger) {
            last = e.timestamp().isAfter(last) ? e.timestamp() : last;
        }
        for (Order o : orders) {
            last = o.updatedAt().isAfter(last) ? o.updatedAt() : last;
        }
        return new AccountRecords(
                store.name(),
                portfolio.id(),
                portfolio.name(),
                portfolio.baseCurrency(),
                portfolio.costBasisMethod(),
                orders,
                eventsOf(store.journal(), orders),
                fills,
                ledger,
                journal == null ? List.of() : journal.search(TradeJournalStore.Query.all(portfolio.id())),
                multipliers(instruments),
                Map.of(),
                last);
    }

    /** Reads a portfolio's records from a live session, with its current quote mids as marks. */
    public static AccountRecords read(TradingSession session, PortfolioId portfolio) {
        PortfolioSnapshot snapshot = session.portfolio(portfolio)
                .orElseThrow(() -> new IllegalArgumentException("no portfolio " + portfolio + " in this session"));
        List<Order> orders = session.orders().stream()
                .filter(o -> o.request().portfolioId().equals(portfolio))
                .sorted(Comparator.comparing(Order::id))
                .toList();
        List<Fill> fills = session.fills().stream()
                .filter(f -> f.portfolioId().equals(portfolio))
                .toList();
        Map<InstrumentId, BigDecimal> marks = new TreeMap<>();
        for (Instrument i : session.instruments()) {
            session.quote(i.id()).ifPresent(q -> marks.put(i.id(), q.mid().value()));
        }
        return new AccountRecords(
                session.workspaceName(),
                portfolio,
                snapshot.name(),
                snapshot.baseCurrency(),
                snapshot.costBasisMethod(),
                orders,
                eventsOf(session.journal(), orders),
                fills,
                session.ledger(portfolio),
                session.tradeJournal().search(TradeJournalStore.Query.all(portfolio)),
                multipliers(session.instruments()),
                marks,
                session.now());
    }

    private static List<JournalEntry> eventsOf(List<JournalEntry> journal, List<Order> orders) {
        Set<OrderId> ids = new HashSet<>();
        for (Order o : orders) {
            ids.add(o.id());
        }
        return journal.stream().filter(e -> ids.contains(e.orderId())).toList();
    }

    private static Map<InstrumentId, BigDecimal> multipliers(Collection<Instrument> instruments) {
        Map<InstrumentId, BigDecimal> out = new TreeMap<>();
        for (Instrument i : instruments) {
            out.put(i.id(), i.multiplier());
        }
        return out;
    }
}
