package dev.paperdesk.engine.report.pdf;

import dev.paperdesk.engine.report.pdf.PdfReport.Figure;
import dev.paperdesk.engine.report.pdf.ReportTable.Cell;
import dev.paperdesk.engine.report.pdf.ReportTable.Column;
import dev.paperdesk.engine.report.tax.HoldingTerm;
import dev.paperdesk.engine.report.tax.TaxLine;
import dev.paperdesk.engine.report.tax.TaxLotCalculator;
import dev.paperdesk.engine.report.tax.TaxReport;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * The tax report PDF: totals by holding period, Part I (short-term) and Part II (long-term) lines
 * in a Form 8949-like layout, and the wash sales with their disallowed losses.
 */
public final class TaxReportPdf {
    private TaxReportPdf() {}

    public static void write(TaxReport r, Clock clock, OutputStream out) throws IOException {
        String subtitle = "Workspace " + r.workspace() + "  \u00b7  Portfolio " + r.portfolio() + "  \u00b7  tax year "
                + r.year() + "  \u00b7  cost basis " + r.method() + "  \u00b7  amounts in " + r.currency()
                + "  \u00b7  dates in " + PdfReport.zoneLabel(r.zone());
        try (PdfReport pdf = new PdfReport("Realized gains and losses " + r.year(), subtitle, clock, r.zone(), false)) {
            TaxReport.Totals st = r.totals(HoldingTerm.SHORT_TERM);
            TaxReport.Totals lt = r.totals(HoldingTerm.LONG_TERM);
            TaxReport.Totals all = r.totals();
            List<TaxLine> washes = r.washSales();
            BigDecimal disallowed = washes.stream().map(TaxLine::adjustment).reduce(BigDecimal.ZERO, BigDecimal::add);
            pdf.figures(
                    List.of(
                            new Figure(
                                    "Short-term gain or loss",
                                    ReportFormat.signedMoney(st.gain()),
                                    Palette.pnl(st.gain())),
                            new Figure(
                                    "Long-term gain or loss",
                                    ReportFormat.signedMoney(lt.gain()),
                                    Palette.pnl(lt.gain())),
                            new Figure(
                                    "Total gain or loss",
                                    ReportFormat.signedMoney(all.gain()),
                                    Palette.pnl(all.gain())),
                            Figure.of("Lines", Integer.toString(all.lines())),
                            Figure.of("Proceeds", ReportFormat.money(all.proceeds())),
                            Figure.of("Cost basis", ReportFormat.money(all.costBasis())),
                            new Figure(
                                    "Wash sales",
                                    washes.size() + (washes.size() == 1 ? " line" : " lines"),
                                    washes.isEmpty() ? Palette.TEXT : Palette.WARNING),
                            new Figure(
                                    "Loss disallowed (W)",
                                    ReportFormat.money(disallowed),
                                    washes.isEmpty() ? Palette.TEXT : Palette.WARNING)),
                    4);
            part(pdf, r, HoldingTerm.SHORT_TERM, "Part I \u2014 Short-term (held one year or less)");
            part(pdf, r, HoldingTerm.LONG_TERM, "Part II \u2014 Long-term (held more than one year)");
            washSales(pdf, r, washes);
            replacements(pdf, r);
            pdf.heading("How this report was computed", 30);
            pdf.paragraph(
                    "Lots are matched by replaying every fill of the portfolio in time order under the "
                            + r.method() + " cost-basis method. Proceeds are net of the selling fee, cost basis"
                            + " includes the buying fee; fees are shared among lots in proportion to quantity."
                            + " Amounts are rounded to cents per line, and each line adds up as printed:"
                            + " gain = proceeds \u2212 cost basis + adjustment.",
                    7.5f,
                    Palette.MUTED);
            pdf.paragraph(
                    "A lot is long-term when sold after the first anniversary of its purchase date. Short sales"
                            + " are reported as short-term. A loss sale is flagged W (wash sale) when shares of the"
                            + " same instrument were bought within " + TaxLotCalculator.WASH_SALE_DAYS
                            + " days before or after it and were still held after the sale; the disallowed"
                            + " amount is the loss in proportion to the replacement shares. It is added to the"
                            + " replacement shares' basis, and their holding period includes that of the"
                            + " shares sold (column (b) shows the date moved back accordingly), so a later"
                            + " sale of the replacement shares realizes the deferred loss. Within one purchase"
                            + " the replacement shares are taken to be sold first.",
                    7.5f,
                    Palette.MUTED);
            pdf.paragraph(
                    "Paper trading records, for practice and record keeping: not tax advice.", 7.5f, Palette.MUTED);
            pdf.save(out);
        }
    }

    private static void part(PdfReport pdf, TaxReport r, HoldingTerm term, String title) {
        pdf.heading(title);
        ReportTable t = new ReportTable(
                List.of(
                        Column.text("(a) Description", 2),
                        Column.text("(b) Acquired", 1),
                        Column.text("(c) Sold", 1),
                        Column.number("(d) Proceeds", 1.25f),
                        Column.number("(e) Cost basis", 1.25f),
                        new Column("(f) Code", 0.6f, Canvas.Align.CENTER),
                        Column.number("(g) Adjustment", 1.1f),
                        Column.number("(h) Gain or loss", 1.25f)),
                "No " + term.label() + " sales in " + r.year() + ".");
        for (TaxLine l : r.lines(term)) {
            t.row(
                    Cell.of(l.description()),
                    Cell.of(ReportFormat.date(l.acquired())),
                    Cell.of(ReportFormat.date(l.sold())),
                    Cell.money(l.proceeds()),
                    Cell.money(l.costBasis()),
                    l.washSale() ? new Cell("W", Palette.WARNING, true) : Cell.of(""),
                    l.washSale() ? Cell.money(l.adjustment()) : Cell.of(""),
                    Cell.pnl(l.gain()));
        }
        TaxReport.Totals tot = r.totals(term);
        if (tot.lines() > 0) {
            t.total(
                    Cell.of("Total " + term.label()),
                    Cell.of(""),
                    Cell.of(""),
                    Cell.money(tot.proceeds()),
                    Cell.money(tot.costBasis()),
                    Cell.of(""),
                    tot.adjustment().signum() == 0 ? Cell.of("") : Cell.money(tot.adjustment()),
                    Cell.pnl(tot.gain()));
        }
        pdf.table(t);
    }

    private static void replacements(PdfReport pdf, TaxReport r) {
        List<TaxLine> lines = r.lines().stream().filter(TaxLine::replacement).toList();
        if (lines.isEmpty()) {
            return;
        }
        pdf.heading("Replacement shares sold (loss carried into basis)");
        ReportTable t = new ReportTable(
                List.of(
                        Column.text("Description", 2),
                        Column.text("Bought", 1),
                        Column.text("Holding from", 1),
                        Column.text("Sold", 1),
                        Column.number("Carried loss", 1.2f),
                        Column.number("Cost basis", 1.2f),
                        Column.number("Gain or loss", 1.2f)),
                "");
        for (TaxLine l : lines) {
            t.row(
                    Cell.of(l.description()),
                    Cell.of(ReportFormat.date(l.purchased())),
                    Cell.of(ReportFormat.date(l.acquired())),
                    Cell.of(ReportFormat.date(l.sold())),
                    new Cell(ReportFormat.money(l.carriedLoss()), Palette.WARNING, false),
                    Cell.money(l.costBasis()),
                    Cell.pnl(l.gain()));
        }
        pdf.table(t);
    }

    private static void washSales(PdfReport pdf, TaxReport r, List<TaxLine> washes) {
        pdf.heading("Wash sales");
        ReportTable t = new ReportTable(
                List.of(
                        Column.text("Description", 2),
                        Column.text("Sold", 1),
                        Column.number("Loss", 1.2f),
                        Column.number("Replacement qty", 1.2f),
                        Column.number("Disallowed", 1.2f),
                        Column.number("Allowed loss", 1.2f)),
                "No wash sales in " + r.year() + ".");
        for (TaxLine l : washes) {
            BigDecimal loss = l.proceeds().subtract(l.costBasis());
            t.row(
                    Cell.of(l.description()),
                    Cell.of(ReportFormat.date(l.sold())),
                    Cell.pnl(loss),
                    Cell.of(ReportFormat.quantity(l.replacementQuantity())),
                    new Cell(ReportFormat.money(l.adjustment()), Palette.WARNING, false),
                    Cell.pnl(l.gain()));
        }
        pdf.table(t);
    }
}
