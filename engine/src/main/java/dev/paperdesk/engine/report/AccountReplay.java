package dev.paperdesk.engine.report;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.LedgerKind;
import dev.paperdesk.engine.portfolio.Position;
import dev.paperdesk.engine.portfolio.PositionView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rebuilds a portfolio's state at any instant by replaying its ledger (cash per currency) and its
 * fills (positions, through the portfolio's own {@link Position#apply} lot accounting), and values
 * the positions at a {@link MarkSource}. Events stamped exactly at an instant count as done by then.
 */
public final class AccountReplay {
    private static final java.util.Set<LedgerKind> FUNDING_KINDS =
            java.util.EnumSet.of(LedgerKind.DEPOSIT, LedgerKind.TOP_UP, LedgerKind.RESET);

    private final AccountRecords records;
    private final MarkSource marks;
    private final List<Fill> fills;
    private final List<LedgerEntry> ledger;

    public AccountReplay(AccountRecords records, MarkSource marks) {
        this.records = Objects.requireNonNull(records, "records");
        this.marks = Objects.requireNonNull(marks, "marks");
        this.fills = new ArrayList<>(records.fills());
        fills.sort(Comparator.comparing(Fill::timestamp).thenComparing(f -> f.id().value()));
        // Stable sort keeps the store's order among entries of the same instant.
        this.ledger = new ArrayList<>(records.ledger());
        ledger.sort(Comparator.comparing(LedgerEntry::timestamp));
    }

    /** With the records' default marks (see {@link MarkSource#of}). */
    public static AccountReplay of(AccountRecords records) {
        return new AccountReplay(records, MarkSource.of(records));
    }

    public AccountRecords records() {
        return records;
    }

    /** The state after every event stamped at or before {@code at}. */
    public AccountState stateAt(Instant at) {
        Cursor c = new Cursor();
        c.advanceTo(at);
        return c.state(at);
    }

    /** The state after every event stamped strictly before {@code at} (a period's opening state). */
    public AccountState stateBefore(Instant at) {
        return stateAt(at.minusNanos(1));
    }

    /**
     * Equity after each instant at which something was booked, and at {@code asOf} when that is later:
     * the equity curve of a portfolio without stored equity history.
     */
    public List<EquityPoint> equityCurve() {
        TreeSet<Instant> times = new TreeSet<>();
        for (LedgerEntry e : ledger) {
            times.add(e.timestamp());
        }
        for (Fill f : fills) {
            times.add(f.timestamp());
        }
        if (!times.isEmpty() && records.asOf().isAfter(times.last())) {
            times.add(records.asOf());
        }
        return sample(List.copyOf(times));
    }

    /** Equity at each of {@code instants} (sorted ascending), events at an instant included. */
    public List<EquityPoint> sample(List<Instant> instants) {
        Cursor c = new Cursor();
        List<EquityPoint> out = new ArrayList<>(instants.size());
        Instant previous = null;
        for (Instant t : instants) {
            if (previous != null && t.isBefore(previous)) {
                throw new IllegalArgumentException("sample instants must be ascending: " + t + " after " + previous);
            }
            previous = t;
            c.advanceTo(t);
            AccountState s = c.state(t);
            BigDecimal cash = s.cash(records.baseCurrency());
            out.add(new EquityPoint(t, cash, s.marketValue(), s.equity(), c.netDeposits));
        }
        return out;
    }

    /** Replays events forward; positions and cash only ever move ahead. */
    private final class Cursor {
        private int nextFill;
        private int nextLedger;
        private final Map<InstrumentId, Position> positions = new TreeMap<>();
        /** The currency each instrument trades in: its fills' fee currency (the quote currency). */
        private final Map<InstrumentId, Currency> currencies = new HashMap<>();

        private final Map<Currency, BigDecimal> cash = new HashMap<>();
        private BigDecimal netDeposits = BigDecimal.ZERO;

        void advanceTo(Instant at) {
            while (nextFill < fills.size() && !fills.get(nextFill).timestamp().isAfter(at)) {
                Fill f = fills.get(nextFill++);
                currencies.putIfAbsent(f.instrumentId(), f.fee().currency());
                BigDecimal signed = f.quantity()
                        .value()
                        .multiply(BigDecimal.valueOf(f.side().sign()));
                Position p = positions.getOrDefault(f.instrumentId(), Position.flat(f.instrumentId()));
                positions.put(
                        f.instrumentId(),
                        p.apply(
                                        signed,
                                        f.price().value(),
                                        records.multiplier(f.instrumentId()),
                                        records.costBasisMethod(),
                                        f.timestamp())
                                .position());
            }
            while (nextLedger < ledger.size()
                    && !ledger.get(nextLedger).timestamp().isAfter(at)) {
                LedgerEntry e = ledger.get(nextLedger++);
                cash.merge(e.currency(), e.amount(), BigDecimal::add);
                if (FUNDING_KINDS.contains(e.kind()) && e.currency().equals(records.baseCurrency())) {
                    netDeposits = netDeposits.add(e.amount());
                }
            }
        }

        AccountState state(Instant at) {
            List<PositionView> views = new ArrayList<>();
            BigDecimal value = BigDecimal.ZERO;
            BigDecimal unrealized = BigDecimal.ZERO;
            BigDecimal realized = BigDecimal.ZERO;
            for (Position p : positions.values()) {
                realized = realized.add(p.realizedPnl());
                if (p.isFlat()) {
                    continue;
                }
                BigDecimal multiplier = records.multiplier(p.instrumentId());
                BigDecimal mark = marks.mark(p.instrumentId(), at).orElse(null);
                BigDecimal mv = mark == null ? p.costBasis() : p.marketValue(mark, multiplier);
                BigDecimal upnl = mv.subtract(p.costBasis());
                Currency currency = currencies.getOrDefault(p.instrumentId(), records.baseCurrency());
                boolean inBase = sameMoney(currency, records.baseCurrency());
                if (inBase) {
                    value = value.add(mv);
                    unrealized = unrealized.add(upnl);
                }
                views.add(new PositionView(
                        p.instrumentId(),
                        currency,
                        p.quantity(),
                        p.averagePrice(multiplier),
                        p.costBasis(),
                        mark,
                        mv,
                        upnl,
                        p.realizedPnl(),
                        inBase ? upnl : null));
            }
            // Equity counts the cash of every currency that is the base currency's money (a dollar
            // stablecoin for a USD account, at par, as the engine values it); other currencies have no
            // rate in the records and are listed, not converted.
            BigDecimal equityCash = BigDecimal.ZERO;
            for (var e : cash.entrySet()) {
                if (sameMoney(e.getKey(), records.baseCurrency())) {
                    equityCash = equityCash.add(e.getValue());
                }
            }
            return new AccountState(at, cash, views, value, unrealized, realized, equityCash.add(value));
        }
    }

    /** The same money: equal codes, or USD and a dollar stablecoin (valued at par, as the engine does). */
    static boolean sameMoney(Currency a, Currency b) {
        return a.equals(b) || (isDollar(a) && isDollar(b));
    }

    private static boolean isDollar(Currency c) {
        return c.code().equals("USD") || c.code().equals("USDT") || c.code().equals("USDC");
    }
}
