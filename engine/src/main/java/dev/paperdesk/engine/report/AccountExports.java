package dev.paperdesk.engine.report;

import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.PositionView;
import dev.paperdesk.engine.report.tax.ClosedLot;
import dev.paperdesk.engine.report.tax.LotReplay;
import dev.paperdesk.engine.store.JournalEntry;
import dev.paperdesk.engine.store.TradeJournalStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The exports of one portfolio's records as tables. Column keys are a contract (CSV headers and JSON
 * keys); see {@code docs/reports.md}.
 */
public final class AccountExports {
    /** What can be exported; the command line's names. */
    public enum Kind {
        ORDERS,
        FILLS,
        TRADES,
        POSITIONS,
        LEDGER,
        EQUITY,
        JOURNAL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the equity curve and positions are valued, written into the metadata. */
    static final String MARKS = "open positions valued at the last fill price of the instrument at or before each"
            + " point; current quote mids from a live session at its current time";

    private final AccountRecords records;
    private final AccountReplay replay;

    public AccountExports(AccountRecords records) {
        this.records = Objects.requireNonNull(records, "records");
        this.replay = AccountReplay.of(records);
    }

    public ExportTable table(Kind kind) {
        return switch (kind) {
            case ORDERS -> orders();
            case FILLS -> fills();
            case TRADES -> trades();
            case POSITIONS -> positions();
            case LEDGER -> ledger();
            case EQUITY -> equity();
            case JOURNAL -> journal();
        };
    }

    private ExportTable.Builder builder(String name, String... columns) {
        return ExportTable.builder(name, columns)
                .meta("workspace", records.workspace())
                .meta("portfolio", records.portfolioName())
                .meta("base_currency", records.baseCurrency().code())
                .meta("cost_basis_method", records.costBasisMethod().name())
                .meta("as_of", records.asOf());
    }

    /** One row per order; {@code events} holds the order's journal (CSV: one cell, events separated by " | "). */
    public ExportTable orders() {
        Map<OrderId, List<Map<String, Object>>> events = new HashMap<>();
        for (JournalEntry e : records.orderEvents()) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("seq", e.sequence());
            ev.put("time", e.timestamp());
            ev.put("kind", e.kind());
            ev.put("status", e.status());
            ev.put("reason", e.reason());
            events.computeIfAbsent(e.orderId(), k -> new ArrayList<>()).add(ev);
        }
        ExportTable.Builder b = builder(
                "orders",
                "order_id",
                "created_at",
                "updated_at",
                "instrument",
                "side",
                "type",
                "quantity",
                "limit_price",
                "stop_price",
                "time_in_force",
                "tag",
                "status",
                "filled_quantity",
                "average_fill_price",
                "reject_reason",
                "events");
        for (Order o : records.orders()) {
            var r = o.request();
            b.row(
                    o.id().value(),
                    o.createdAt(),
                    o.updatedAt(),
                    r.instrumentId().toString(),
                    r.side(),
                    r.type(),
                    r.quantity().value(),
                    r.limitPrice() == null ? null : r.limitPrice().value(),
                    r.stopPrice() == null ? null : r.stopPrice().value(),
                    r.timeInForce(),
                    r.tag(),
                    o.status(),
                    o.filledQuantity().value(),
                    o.averageFillPrice() == null ? null : o.averageFillPrice().value(),
                    o.rejection() == null ? null : o.rejection().toString(),
                    events.getOrDefault(o.id(), List.of()));
        }
        return b.build();
    }

    public ExportTable fills() {
        ExportTable.Builder b = builder(
                "fills",
                "fill_id",
                "order_id",
                "time",
                "instrument",
                "side",
                "quantity",
                "price",
                "notional",
                "fee",
                "fee_currency",
                "liquidity",
                "slippage");
        for (Fill f : records.fills()) {
            b.row(
                    f.id().value(),
                    f.orderId().value(),
                    f.timestamp(),
                    f.instrumentId().toString(),
                    f.side(),
                    f.quantity().value(),
                    f.price().value(),
                    f.price().value().multiply(f.quantity().value()).multiply(records.multiplier(f.instrumentId())),
                    f.fee().amount(),
                    f.fee().currency().code(),
                    f.liquidity(),
                    f.slippage());
        }
        return b.build();
    }

    /** The round trips of the portfolio's cost-basis method (see {@link LotReplay}). */
    public List<ClosedLot> roundTrips() {
        return LotReplay.replay(records.fills(), records.costBasisMethod(), records::multiplier)
                .closed();
    }

    public ExportTable trades() {
        ExportTable.Builder b = builder(
                "trades",
                "instrument",
                "direction",
                "quantity",
                "entry_time",
                "entry_price",
                "exit_time",
                "exit_price",
                "gross_pnl",
                "fees",
                "net_pnl",
                "return",
                "holding_time",
                "entry_fill_id",
                "exit_fill_id");
        for (ClosedLot t : roundTrips()) {
            BigDecimal capital = t.shortSale() ? t.proceeds() : t.costBasis();
            b.row(
                    t.instrument().toString(),
                    t.shortSale() ? "short" : "long",
                    t.quantity(),
                    t.openedAt(),
                    money(t.entryPrice()),
                    t.closedAt(),
                    t.exitPrice(),
                    money(t.grossPnl()),
                    money(t.fees()),
                    money(t.netPnl()),
                    capital.signum() == 0 ? null : t.netPnl().divide(capital.abs(), 10, RoundingMode.HALF_EVEN),
                    t.holding(),
                    t.entryFill().value(),
                    t.exitFill().value());
        }
        return b.build();
    }

    /** Open positions at {@code asOf}, valued at the marks of {@link MarkSource#of}. */
    public ExportTable positions() {
        AccountState s = replay.stateAt(records.asOf());
        ExportTable.Builder b = builder(
                        "positions",
                        "instrument",
                        "quantity",
                        "average_price",
                        "cost_basis",
                        "mark",
                        "market_value",
                        "unrealized_pnl",
                        "realized_pnl")
                .meta("marks", MARKS);
        for (PositionView p : s.positions()) {
            b.row(
                    p.instrumentId().toString(),
                    p.quantity(),
                    money(p.averagePrice()),
                    money(p.costBasis()),
                    p.mark(),
                    money(p.marketValue()),
                    money(p.unrealizedPnl()),
                    money(p.realizedPnl()));
        }
        return b.build();
    }

    /** Ledger entries with the running balance of their currency. */
    public ExportTable ledger() {
        ExportTable.Builder b = builder("ledger", "time", "kind", "amount", "currency", "balance", "reference", "note");
        Map<String, BigDecimal> balances = new HashMap<>();
        for (LedgerEntry e : records.ledger()) {
            BigDecimal balance = balances.merge(e.currency().code(), e.amount(), BigDecimal::add);
            b.row(e.timestamp(), e.kind(), e.amount(), e.currency().code(), balance, e.reference(), e.note());
        }
        return b.build();
    }

    /** Equity after each booking instant (see {@link AccountReplay#equityCurve}). */
    public ExportTable equity() {
        ExportTable.Builder b = builder("equity", "time", "cash", "positions_value", "equity", "net_deposits", "pnl")
                .meta("marks", MARKS);
        for (EquityPoint p : replay.equityCurve()) {
            b.row(
                    p.time(),
                    money(p.cash()),
                    money(p.positionsValue()),
                    money(p.equity()),
                    money(p.netDeposits()),
                    money(p.pnl()));
        }
        return b.build();
    }

    public ExportTable journal() {
        ExportTable.Builder b = builder(
                "journal",
                "note_id",
                "created_at",
                "updated_at",
                "target_kind",
                "target_ref",
                "instrument",
                "tags",
                "text",
                "attachments");
        for (TradeJournalStore.Note n : records.notes()) {
            b.row(
                    n.id(),
                    n.createdAt(),
                    n.updatedAt(),
                    n.target().kind(),
                    n.target().reference(),
                    n.target().instrument().map(Object::toString).orElse(null),
                    List.copyOf(n.tags()),
                    n.text(),
                    n.attachments().stream()
                            .map(a -> a.name() + " (" + a.mimeType() + ", " + a.size() + " bytes)")
                            .toList());
        }
        return b.build();
    }

    /** Exact amounts cut to the ledger's scale: divisions in lot allocation carry 34 digits. */
    static BigDecimal money(BigDecimal v) {
        return v == null ? null : Decimals.normalize(v.setScale(Decimals.MONEY_SCALE, Decimals.MONEY_ROUNDING));
    }
}
