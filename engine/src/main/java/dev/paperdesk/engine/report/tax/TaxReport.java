package dev.paperdesk.engine.report.tax;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Realized gains and losses of one portfolio in one tax year, lot by lot.
 *
 * @param zone the zone in which trade dates (and so the year and holding periods) are taken
 * @param lines short-term lines first, then long-term; each part in order of sale
 */
public record TaxReport(
        String workspace,
        String portfolio,
        int year,
        CostBasisMethod method,
        Currency currency,
        ZoneId zone,
        List<TaxLine> lines) {
    public TaxReport {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        lines = List.copyOf(lines);
    }

    /** Column sums of one part, as printed (sums of the rounded line amounts). */
    public record Totals(
            int lines, BigDecimal proceeds, BigDecimal costBasis, BigDecimal adjustment, BigDecimal gain) {}

    public List<TaxLine> lines(HoldingTerm term) {
        return lines.stream().filter(l -> l.term() == term).toList();
    }

    public Totals totals(HoldingTerm term) {
        return totals(lines(term));
    }

    public Totals totals() {
        return totals(lines);
    }

    private static Totals totals(List<TaxLine> part) {
        BigDecimal p = BigDecimal.ZERO;
        BigDecimal c = BigDecimal.ZERO;
        BigDecimal a = BigDecimal.ZERO;
        BigDecimal g = BigDecimal.ZERO;
        for (TaxLine l : part) {
            p = p.add(l.proceeds());
            c = c.add(l.costBasis());
            a = a.add(l.adjustment());
            g = g.add(l.gain());
        }
        return new Totals(part.size(), p, c, a, g);
    }

    public List<TaxLine> washSales() {
        return lines.stream().filter(TaxLine::washSale).toList();
    }
}
