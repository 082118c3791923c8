package dev.paperdesk.engine.report.pdf;

import dev.paperdesk.engine.io.AtomicFiles;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.LedgerKind;
import dev.paperdesk.engine.portfolio.PositionView;
import dev.paperdesk.engine.report.EquityPoint;
import dev.paperdesk.engine.report.Statement;
import dev.paperdesk.engine.report.pdf.PdfReport.Figure;
import dev.paperdesk.engine.report.pdf.ReportTable.Cell;
import dev.paperdesk.engine.report.pdf.ReportTable.Column;
import dev.paperdesk.engine.report.tax.ClosedLot;
import dev.paperdesk.engine.store.TradeJournalStore;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The account statement PDF: summary figures, the change in equity explained, cash by currency,
 * equity and underwater charts, positions at the end of the period, closed round trips, fills, ledger
 * entries and (optionally) journal notes. Amounts are in the base currency.
 */
public final class StatementReport {
    private static final List<LedgerKind> CASH_KINDS = List.of(
            LedgerKind.DEPOSIT,
            LedgerKind.TOP_UP,
            LedgerKind.TRADE,
            LedgerKind.FEE,
            LedgerKind.FUNDING,
            LedgerKind.BORROW,
            LedgerKind.RESET);

    private StatementReport() {}

    /** Writes the statement to {@code file} atomically. */
    public static void write(Statement statement, boolean includeJournal, Clock clock, Path file) {
        AtomicFiles.writeUnchecked(file, out -> write(statement, includeJournal, clock, out));
    }

    public static void write(Statement s, boolean includeJournal, Clock clock, OutputStream out) throws IOException {
        var r = s.records();
        String subtitle = "Workspace " + r.workspace() + "  \u00b7  Portfolio " + r.portfolioName() + "  \u00b7  "
                + s.from() + " to " + s.to() + " (" + PdfReport.zoneLabel(s.zone()) + ")  \u00b7  base currency "
                + r.baseCurrency() + "  \u00b7  cost basis " + r.costBasisMethod();
        try (PdfReport pdf = new PdfReport("Account statement", subtitle, clock, s.zone(), false)) {
            summary(pdf, s);
            changeInEquity(pdf, s);
            cash(pdf, s);
            charts(pdf, s);
            positions(pdf, s);
            trades(pdf, s);
            fills(pdf, s);
            ledger(pdf, s);
            if (includeJournal) {
                journal(pdf, s);
            }
            pdf.save(out);
        }
    }

    private static void summary(PdfReport pdf, Statement s) {
        BigDecimal fees = s.flowInBase(LedgerKind.FEE);
        pdf.figures(
                List.of(
                        Figure.of(
                                "Opening equity", ReportFormat.money(s.opening().equity())),
                        Figure.of(
                                "Closing equity", ReportFormat.money(s.closing().equity())),
                        new Figure(
                                "Change in equity",
                                ReportFormat.signedMoney(s.changeInEquity()),
                                Palette.pnl(s.changeInEquity())),
                        new Figure(
                                "Return (excl. deposits)",
                                ReportFormat.percent(s.periodReturn()),
                                Palette.pnl(s.periodReturn())),
                        new Figure(
                                "Realized P&L (before fees)",
                                ReportFormat.signedMoney(s.realizedPnl()),
                                Palette.pnl(s.realizedPnl())),
                        new Figure(
                                "Unrealized P&L at close",
                                ReportFormat.signedMoney(s.closing().unrealizedPnl()),
                                Palette.pnl(s.closing().unrealizedPnl())),
                        new Figure("Fees", ReportFormat.signedMoney(fees), Palette.pnl(fees)),
                        new Figure(
                                "Max drawdown",
                                s.drawdown() == null
                                        ? "\u2014"
                                        : ReportFormat.percent(s.drawdown().maxDrawdown()),
                                s.drawdown() == null
                                        ? Palette.TEXT
                                        : Palette.pnl(s.drawdown().maxDrawdown()))),
                4);
    }

    private static void changeInEquity(PdfReport pdf, Statement s) {
        pdf.heading("Change in equity (" + s.records().baseCurrency() + ")");
        ReportTable t =
                new ReportTable(List.of(Column.text("", 3), Column.number("Amount", 1.2f), Column.text("", 3.8f)), "");
        t.row(
                Cell.of("Opening equity"),
                Cell.money(s.opening().equity()),
                Cell.muted("cash plus positions at the marks"));
        t.row(Cell.of("Deposits and top-ups"), Cell.pnl(s.netDeposits()), Cell.muted(""));
        t.row(
                Cell.of("Realized P&L (before fees)"),
                Cell.pnl(s.realizedPnl()),
                Cell.muted(s.trades().size() + " round trips closed"));
        t.row(Cell.of("Change in unrealized P&L"), Cell.pnl(s.changeInUnrealized()), Cell.muted(""));
        flowRows(t, s, LedgerKind.FEE, "Fees", c -> fills(s, c));
        flowRows(t, s, LedgerKind.FUNDING, "Funding", c -> "perpetual funding payments");
        flowRows(t, s, LedgerKind.BORROW, "Borrow fees", c -> "short borrow");
        BigDecimal unexplained = s.changeInEquity().subtract(s.explainedChange());
        if (unexplained.setScale(2, java.math.RoundingMode.HALF_EVEN).signum() != 0) {
            t.row(Cell.of("Other (positions not in the base currency)"), Cell.pnl(unexplained), Cell.muted(""));
        }
        t.total(Cell.of("Closing equity"), Cell.money(s.closing().equity()), Cell.muted(""));
        pdf.table(t);
    }

    /**
     * One row for amounts of {@code kind} booked in the base currency alone; otherwise one row per
     * currency, labelled with it, converted to the base currency with the rate shown (or shown in its
     * own currency, outside equity, when the records hold no rate).
     */
    private static void flowRows(
            ReportTable t,
            Statement s,
            LedgerKind kind,
            String label,
            java.util.function.Function<Currency, String> note) {
        Currency base = s.records().baseCurrency();
        List<Statement.CurrencyFlow> flows = s.flows(kind);
        if (flows.isEmpty() || (flows.size() == 1 && flows.get(0).currency().equals(base))) {
            t.row(Cell.of(label), Cell.pnl(s.flow(kind)), Cell.muted(note.apply(null)));
            return;
        }
        for (Statement.CurrencyFlow f : flows) {
            String code = f.currency().code();
            String rowLabel = label + " (" + code + ")";
            String more = note.apply(f.currency());
            if (f.currency().equals(base)) {
                t.row(Cell.of(rowLabel), Cell.pnl(f.inBase()), Cell.muted(more));
            } else if (f.converted()) {
                t.row(
                        Cell.of(rowLabel),
                        Cell.pnl(f.inBase()),
                        Cell.muted(signedAmount(f.amount()) + " " + code + " at 1 " + code + " = "
                                + ReportFormat.price(f.rate()) + " " + base
                                + (f.rate().compareTo(BigDecimal.ONE) == 0 ? " (par)" : "") + ", " + more));
            } else {
                t.row(
                        Cell.of(rowLabel),
                        Cell.muted("\u2014"),
                        Cell.muted(signedAmount(f.amount()) + " " + code + ", no " + code + "/" + base
                                + " rate in the records: not in equity"));
            }
        }
    }

    /** "N fills" of the period, or of those paying their fee in {@code currency} when it is given. */
    private static String fills(Statement s, Currency currency) {
        long n = s.fills().stream()
                .filter(f -> currency == null || f.fee().currency().equals(currency))
                .count();
        return n + (n == 1 ? " fill" : " fills");
    }

    /** An amount in its own currency with its decimals (a BTC fee keeps them) and an explicit sign. */
    private static String signedAmount(BigDecimal v) {
        String body = ReportFormat.price(v.abs());
        return v.signum() > 0 ? "+" + body : v.signum() < 0 ? "\u2212" + body : body;
    }

    private static void cash(PdfReport pdf, Statement s) {
        pdf.heading("Cash by currency");
        List<Column> cols = new ArrayList<>();
        cols.add(Column.text("Currency", 0.9f));
        cols.add(Column.number("Opening", 1.4f));
        for (LedgerKind k : CASH_KINDS) {
            cols.add(Column.number(label(k), 1.2f));
        }
        cols.add(Column.number("Closing", 1.4f));
        ReportTable t = new ReportTable(cols, "No cash in any currency.");
        java.util.TreeSet<String> codes = new java.util.TreeSet<>();
        s.opening().cash().keySet().forEach(c -> codes.add(c.code()));
        s.closing().cash().keySet().forEach(c -> codes.add(c.code()));
        for (String code : codes) {
            Currency c = Currency.of(code);
            Map<LedgerKind, BigDecimal> f = s.flows().getOrDefault(c, Map.of());
            List<Cell> row = new ArrayList<>();
            row.add(Cell.of(code));
            row.add(Cell.money(s.opening().cash(c)));
            for (LedgerKind k : CASH_KINDS) {
                BigDecimal v = f.get(k);
                row.add(v == null ? Cell.muted("\u2014") : Cell.pnl(v));
            }
            row.add(Cell.money(s.closing().cash(c)).emphasised());
            t.row(row);
        }
        pdf.table(t);
    }

    private static String label(LedgerKind k) {
        return switch (k) {
            case DEPOSIT -> "Deposits";
            case TOP_UP -> "Top-ups";
            case TRADE -> "Trades";
            case FEE -> "Fees";
            case FUNDING -> "Funding";
            case BORROW -> "Borrow";
            case RESET -> "Resets";
            case LIQUIDATION_FEE -> "Liquidation fees";
            case INSURANCE -> "Insurance fund cover";
            case ADL -> "Auto-deleveraging";
        };
    }

    private static void charts(PdfReport pdf, Statement s) {
        List<EquityPoint> points = s.daily();
        double[] x = new double[points.size()];
        double[] equity = new double[points.size()];
        double[] underwater = new double[points.size()];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            EquityPoint p = points.get(i);
            x[i] = AxisFormat.epochDay(p.time());
            equity[i] = p.equity().doubleValue();
            peak = Math.max(peak, equity[i]);
            underwater[i] = peak > 0 ? equity[i] / peak - 1 : 0;
        }
        pdf.heading("Equity", 150);
        pdf.charts(
                List.of(
                        new LineChart(
                                "Equity at the end of each day (" + s.records().baseCurrency() + ")",
                                List.of(LineChart.Series.line("equity", x, equity, Palette.ACCENT)),
                                AxisFormat.EPOCH_DAY,
                                AxisFormat.NUMBER,
                                "Fewer than two days with an open account: no curve."),
                        new LineChart(
                                "Drawdown from the running peak",
                                List.of(LineChart.Series.area("drawdown", x, underwater, Palette.NEGATIVE)),
                                AxisFormat.EPOCH_DAY,
                                AxisFormat.PERCENT,
                                "Fewer than two days with an open account: no curve.")),
                140);
    }

    private static void positions(PdfReport pdf, Statement s) {
        pdf.heading("Positions at " + s.to() + " close");
        ReportTable t = new ReportTable(
                List.of(
                        Column.text("Instrument", 1.6f),
                        Column.number("Quantity", 1),
                        Column.number("Avg price", 1.1f),
                        Column.number("Cost basis", 1.3f),
                        Column.number("Mark", 1.1f),
                        Column.number("Market value", 1.3f),
                        Column.number("Unrealized P&L", 1.3f)),
                "No open positions at the end of the period.");
        for (PositionView p : s.closing().positions()) {
            t.row(
                    Cell.of(p.instrumentId().toString()),
                    Cell.of(ReportFormat.quantity(p.quantity())),
                    Cell.of(ReportFormat.price(p.averagePrice())),
                    Cell.money(p.costBasis()),
                    p.mark() == null ? Cell.muted("no mark") : Cell.of(ReportFormat.price(p.mark())),
                    Cell.money(p.marketValue()),
                    Cell.pnl(p.unrealizedPnl()));
        }
        if (!s.closing().positions().isEmpty()) {
            t.total(
                    Cell.of("Total"),
                    Cell.of(""),
                    Cell.of(""),
                    Cell.money(s.closing().positions().stream()
                            .map(PositionView::costBasis)
                            .reduce(BigDecimal.ZERO, BigDecimal::add)),
                    Cell.of(""),
                    Cell.money(s.closing().marketValue()),
                    Cell.pnl(s.closing().unrealizedPnl()));
        }
        pdf.table(t);
        if (!s.closing().positions().isEmpty()) {
            pdf.paragraph(
                    "Marks: the price of the last fill in each instrument at or before the end of the period"
                            + " (the workspace keeps no quote history); for a period ending now, the current quote mid.",
                    7,
                    Palette.MUTED);
        }
    }

    private static void trades(PdfReport pdf, Statement s) {
        pdf.heading("Closed round trips (" + s.records().costBasisMethod() + ")");
        ReportTable t = new ReportTable(
                List.of(
                        Column.text("Instrument", 1.4f),
                        Column.text("Side", 0.6f),
                        Column.number("Qty", 0.8f),
                        Column.text("Entry", 1.3f),
                        Column.number("Entry price", 1.1f),
                        Column.text("Exit", 1.3f),
                        Column.number("Exit price", 1.1f),
                        Column.number("Gross P&L", 1.1f),
                        Column.number("Fees", 0.8f),
                        Column.number("Net P&L", 1.1f),
                        Column.number("Held", 0.8f)),
                "No round trip was closed in this period.");
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        for (ClosedLot c : s.trades()) {
            t.row(
                    Cell.of(c.instrument().toString()),
                    Cell.of(c.shortSale() ? "short" : "long"),
                    Cell.of(ReportFormat.quantity(c.quantity())),
                    Cell.of(ReportFormat.date(c.openedAt().atZone(s.zone()).toLocalDate())),
                    Cell.of(ReportFormat.price(c.entryPrice())),
                    Cell.of(ReportFormat.date(c.closedAt().atZone(s.zone()).toLocalDate())),
                    Cell.of(ReportFormat.price(c.exitPrice())),
                    Cell.pnl(c.grossPnl()),
                    Cell.money(c.fees()),
                    Cell.pnl(c.netPnl()),
                    Cell.of(ReportFormat.duration(c.holding())));
            gross = gross.add(c.grossPnl());
            fees = fees.add(c.fees());
            net = net.add(c.netPnl());
        }
        if (!s.trades().isEmpty()) {
            t.total(
                    Cell.of("Total"),
                    Cell.of(""),
                    Cell.of(""),
                    Cell.of(""),
                    Cell.of(""),
                    Cell.of(""),
                    Cell.of(""),
                    Cell.pnl(gross),
                    Cell.money(fees),
                    Cell.pnl(net),
                    Cell.of(""));
        }
        pdf.table(t);
    }

    private static void fills(PdfReport pdf, Statement s) {
        pdf.heading("Fills");
        ReportTable t = new ReportTable(
                List.of(
                        Column.number("Fill", 0.6f),
                        Column.number("Order", 0.6f),
                        Column.text("Time", 1.5f),
                        Column.text("Instrument", 1.5f),
                        Column.text("Side", 0.6f),
                        Column.number("Quantity", 1),
                        Column.number("Price", 1.1f),
                        Column.number("Notional", 1.3f),
                        Column.number("Fee", 0.9f),
                        Column.text("Liq.", 0.7f)),
                "No fills in this period.");
        for (Fill f : s.fills()) {
            BigDecimal notional = f.price()
                    .value()
                    .multiply(f.quantity().value())
                    .multiply(s.records().multiplier(f.instrumentId()));
            t.row(
                    Cell.of(Long.toString(f.id().value())),
                    Cell.of(Long.toString(f.orderId().value())),
                    Cell.of(ReportFormat.dateTimeSeconds(f.timestamp(), s.zone())),
                    Cell.of(f.instrumentId().toString()),
                    new Cell(f.side().name(), f.side().sign() > 0 ? Palette.POSITIVE : Palette.NEGATIVE, false),
                    Cell.of(ReportFormat.quantity(f.quantity().value())),
                    Cell.of(ReportFormat.price(f.price().value())),
                    Cell.money(notional),
                    Cell.money(f.fee().amount()),
                    Cell.muted(f.liquidity().name().toLowerCase(java.util.Locale.ROOT)));
        }
        pdf.table(t);
    }

    private static void ledger(PdfReport pdf, Statement s) {
        pdf.heading("Ledger entries");
        ReportTable t = new ReportTable(
                List.of(
                        Column.text("Time", 1.5f),
                        Column.text("Kind", 0.9f),
                        Column.number("Amount", 1.3f),
                        Column.text("Cur.", 0.6f),
                        Column.text("Reference", 0.8f),
                        Column.text("Note", 3.4f)),
                "No ledger entries in this period.");
        for (LedgerEntry e : s.ledger()) {
            t.row(
                    Cell.of(ReportFormat.dateTimeSeconds(e.timestamp(), s.zone())),
                    Cell.of(e.kind().name()),
                    Cell.pnl(e.amount()),
                    Cell.of(e.currency().code()),
                    Cell.muted(e.reference()),
                    Cell.of(e.note()));
        }
        pdf.table(t);
    }

    private static void journal(PdfReport pdf, Statement s) {
        pdf.heading("Journal");
        if (s.notes().isEmpty()) {
            pdf.paragraph("No journal notes in this period.", 7.5f, Palette.MUTED);
            return;
        }
        List<TradeJournalStore.Note> notes = new ArrayList<>(s.notes());
        java.util.Collections.reverse(notes); // oldest first reads like a diary
        for (TradeJournalStore.Note n : notes) {
            String head = ReportFormat.dateTime(n.createdAt(), s.zone()) + "  \u00b7  "
                    + n.target().label()
                    + (n.tags().isEmpty() ? "" : "  \u00b7  #" + String.join(" #", n.tags()))
                    + (n.attachments().isEmpty()
                            ? ""
                            : "  \u00b7  " + n.attachments().size() + " image(s)");
            pdf.ensure(24);
            pdf.paragraph(head, 7, Palette.MUTED);
            pdf.paragraph(n.text(), 8.5f, Palette.TEXT);
        }
    }
}
