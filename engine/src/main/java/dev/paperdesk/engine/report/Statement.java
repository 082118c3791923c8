package dev.paperdesk.engine.report;

import dev.paperdesk.engine.analytics.DrawdownAnalysis;
import dev.paperdesk.engine.analytics.EquityCurve;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.LedgerKind;
import dev.paperdesk.engine.report.tax.ClosedLot;
import dev.paperdesk.engine.report.tax.LotReplay;
import dev.paperdesk.engine.store.TradeJournalStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures of an account statement for a period {@code [from, to]} (whole days in {@code zone}):
 * opening and closing states, cash movements by currency and kind, what was realized, the round trips
 * closed, fills, ledger entries and journal notes of the period, and the daily equity curve.
 *
 * <p>Identity (exact, base currency): {@code closing equity − opening equity = deposits and top-ups
 * + realized P&L + change in unrealized P&L + fees + funding + borrow} (fees and borrow are negative
 * ledger amounts; each counted in every currency equity counts, at {@link #rateToBase}), because a trade's cash and the change in its cost basis sum to the P&amp;L it
 * realized.
 *
 * @param flows ledger amounts of the period by currency, then kind (signed as booked)
 * @param realizedPnl realized P&amp;L before fees in the period (change in the positions' realized P&amp;L)
 * @param trades round trips whose closing fill falls in the period
 * @param daily equity at the end of each day of the period (the last point at the period's end),
 *     from the day the account was opened
 * @param drawdown drawdowns of the daily equity (from the analytics package), null with fewer than two
 *     days or a non-positive equity
 */
public record Statement(
        AccountRecords records,
        LocalDate from,
        LocalDate to,
        ZoneId zone,
        Instant start,
        Instant end,
        AccountState opening,
        AccountState closing,
        Map<Currency, Map<LedgerKind, BigDecimal>> flows,
        BigDecimal realizedPnl,
        List<ClosedLot> trades,
        List<Fill> fills,
        List<LedgerEntry> ledger,
        List<TradeJournalStore.Note> notes,
        List<EquityPoint> daily,
        DrawdownAnalysis drawdown) {

    public Statement {
        Objects.requireNonNull(records, "records");
        trades = List.copyOf(trades);
        fills = List.copyOf(fills);
        ledger = List.copyOf(ledger);
        notes = List.copyOf(notes);
        daily = List.copyOf(daily);
    }

    /**
     * Computes the statement of {@code records} from {@code from} to {@code to} inclusive.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public static Statement of(AccountRecords records, LocalDate from, LocalDate to, ZoneId zone) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        AccountReplay replay = AccountReplay.of(records);
        AccountState opening = replay.stateBefore(start);
        AccountState closing = replay.stateBefore(end);
        Map<Currency, Map<LedgerKind, BigDecimal>> flows =
                new TreeMap<>(java.util.Comparator.comparing(Currency::code));
        List<LedgerEntry> ledger = new ArrayList<>();
        for (LedgerEntry e : records.ledger()) {
            if (in(e.timestamp(), start, end)) {
                ledger.add(e);
                flows.computeIfAbsent(e.currency(), c -> new EnumMap<>(LedgerKind.class))
                        .merge(e.kind(), e.amount(), BigDecimal::add);
            }
        }
        List<ClosedLot> trades =
                LotReplay.replay(records.fills(), records.costBasisMethod(), records::multiplier).closed().stream()
                        .filter(t -> in(t.closedAt(), start, end))
                        .toList();
        List<Fill> fills = records.fills().stream()
                .filter(f -> in(f.timestamp(), start, end))
                .toList();
        List<TradeJournalStore.Note> notes = records.notes().stream()
                .filter(n -> in(n.createdAt(), start, end))
                .toList();
        List<Instant> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1));
        }
        List<EquityPoint> daily = new ArrayList<>(replay.sample(days));
        // Days before the account was opened say nothing about it: leave them out of the curve.
        while (!daily.isEmpty()
                && daily.get(0).equity().signum() == 0
                && daily.get(0).netDeposits().signum() == 0) {
            daily.remove(0);
        }
        return new Statement(
                records,
                from,
                to,
                zone,
                start,
                end,
                opening,
                closing,
                flows,
                closing.realizedPnl().subtract(opening.realizedPnl()),
                trades,
                fills,
                ledger,
                notes,
                daily,
                drawdown(daily, from, zone));
    }

    private static DrawdownAnalysis drawdown(List<EquityPoint> daily, LocalDate from, ZoneId zone) {
        if (daily.size() < 2) {
            return null;
        }
        List<LocalDate> dates = new ArrayList<>();
        double[] values = new double[daily.size()];
        for (int i = 0; i < daily.size(); i++) {
            dates.add(daily.get(i).time().atZone(zone).toLocalDate());
            values[i] = daily.get(i).equity().doubleValue();
            if (!(values[i] > 0)) {
                return null;
            }
        }
        return DrawdownAnalysis.of(EquityCurve.of(dates, values), DrawdownAnalysis.DEFAULT_TOP);
    }

    private static boolean in(Instant t, Instant start, Instant end) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** The period's ledger amounts of {@code kind} booked in the base currency itself. */
    public BigDecimal flow(LedgerKind kind) {
        return flows.getOrDefault(records.baseCurrency(), Map.of()).getOrDefault(kind, BigDecimal.ZERO);
    }

    /**
     * The period's amount of one ledger kind in one currency, with its value in the base currency.
     *
     * @param rate base-currency units per unit of {@code currency}; null when the records hold no rate
     *     (the amount is then not part of equity)
     * @param inBase {@code amount × rate}, null without a rate
     */
    public record CurrencyFlow(
            LedgerKind kind, Currency currency, BigDecimal amount, BigDecimal rate, BigDecimal inBase) {
        public CurrencyFlow {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(amount, "amount");
            if ((rate == null) != (inBase == null)) {
                throw new IllegalArgumentException("a converted flow has both a rate and a base amount");
            }
        }

        public boolean converted() {
            return rate != null;
        }
    }

    /**
     * The rate at which equity counts cash in {@code currency}: 1 for the base currency and for the
     * same money under another code (a dollar stablecoin in a USD account, at par, as the engine
     * values it); empty for any other currency, since the records store no exchange rates.
     */
    public java.util.Optional<BigDecimal> rateToBase(Currency currency) {
        return AccountReplay.sameMoney(currency, records.baseCurrency())
                ? java.util.Optional.of(BigDecimal.ONE)
                : java.util.Optional.empty();
    }

    /** The period's amounts of {@code kind} per currency: the base currency first, then by code. */
    public List<CurrencyFlow> flows(LedgerKind kind) {
        List<CurrencyFlow> out = new ArrayList<>();
        flows.forEach((currency, byKind) -> {
            BigDecimal amount = byKind.get(kind);
            if (amount != null) {
                BigDecimal rate = rateToBase(currency).orElse(null);
                out.add(new CurrencyFlow(kind, currency, amount, rate, rate == null ? null : amount.multiply(rate)));
            }
        });
        out.sort(
                java.util.Comparator.comparing((CurrencyFlow f) -> !f.currency().equals(records.baseCurrency()))
                        .thenComparing(f -> f.currency().code()));
        return out;
    }

    /** The period's amounts of {@code kind} in every currency equity counts, in the base currency. */
    public BigDecimal flowInBase(LedgerKind kind) {
        return flows(kind).stream()
                .filter(CurrencyFlow::converted)
                .map(CurrencyFlow::inBase)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Deposits, top-ups and resets in the base currency: money moved in or out, not earned. */
    public BigDecimal netDeposits() {
        return flowInBase(LedgerKind.DEPOSIT).add(flowInBase(LedgerKind.TOP_UP)).add(flowInBase(LedgerKind.RESET));
    }

    public BigDecimal changeInUnrealized() {
        return closing.unrealizedPnl().subtract(opening.unrealizedPnl());
    }

    public BigDecimal changeInEquity() {
        return closing.equity().subtract(opening.equity());
    }

    /**
     * The sum of the components of the change in equity; equals {@link #changeInEquity()} for
     * positions quoted in the base currency.
     */
    public BigDecimal explainedChange() {
        return netDeposits()
                .add(realizedPnl)
                .add(changeInUnrealized())
                .add(flowInBase(LedgerKind.FEE))
                .add(flowInBase(LedgerKind.FUNDING))
                .add(flowInBase(LedgerKind.BORROW));
    }

    /**
     * Change in equity less net deposits, over opening equity; over the deposits when the account was
     * opened during the period; NaN when neither is positive.
     */
    public double periodReturn() {
        BigDecimal base = opening.equity().signum() > 0 ? opening.equity() : netDeposits();
        if (base.signum() <= 0) {
            return Double.NaN;
        }
        return changeInEquity().subtract(netDeposits()).doubleValue() / base.doubleValue();
    }
}
