package dev.paperdesk.engine.report.tax;

import dev.paperdesk.engine.report.ExportTable;

/**
 * A tax report as a Form 8949-like table: Part I (short-term) lines, a short-term total line, then
 * Part II (long-term) lines and their total. Columns (a contract): {@code part, description,
 * date_acquired, date_sold, proceeds, cost_basis, adjustment_code, adjustment_amount, gain_or_loss};
 * dates ISO-8601 ({@code 2026-03-02}); amounts in cents with '.' decimals.
 */
public final class Form8949Table {
    private Form8949Table() {}

    public static ExportTable of(TaxReport report) {
        ExportTable.Builder b = ExportTable.builder(
                        "form-8949",
                        "part",
                        "description",
                        "date_acquired",
                        "date_sold",
                        "proceeds",
                        "cost_basis",
                        "adjustment_code",
                        "adjustment_amount",
                        "gain_or_loss")
                .meta("workspace", report.workspace())
                .meta("portfolio", report.portfolio())
                .meta("tax_year", report.year())
                .meta("cost_basis_method", report.method().name())
                .meta("currency", report.currency().code())
                .meta("zone", report.zone().getId());
        for (HoldingTerm term : HoldingTerm.values()) {
            String part = term.label();
            for (TaxLine l : report.lines(term)) {
                b.row(
                        part,
                        l.description(),
                        l.acquired(),
                        l.sold(),
                        cents(l.proceeds()),
                        cents(l.costBasis()),
                        l.adjustmentCode(),
                        l.washSale() ? cents(l.adjustment()) : null,
                        cents(l.gain()));
            }
            TaxReport.Totals t = report.totals(term);
            b.row(
                    part,
                    "Total " + part + " (" + t.lines() + (t.lines() == 1 ? " line)" : " lines)"),
                    null,
                    null,
                    cents(t.proceeds()),
                    cents(t.costBasis()),
                    "",
                    cents(t.adjustment()),
                    cents(t.gain()));
        }
        return b.build();
    }

    /** Amounts keep their cents as the form prints them ({@code 3999.00}, not {@code 3999}). */
    private static String cents(java.math.BigDecimal v) {
        return TaxLine.cents(v).toPlainString();
    }
}
