package dev.paperdesk.engine.report.tax;

import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.report.AccountRecords;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a {@link TaxReport}: replays every fill of the portfolio with {@link LotReplay}, applies the
 * wash-sale rule with {@link WashSaleReplay}, classifies each lot as short- or long-term and keeps
 * the lines sold in the year.
 *
 * <p>Holding period: long-term when the sale date is after the first anniversary of the acquisition
 * date (held more than one year); for wash-sale replacement units the acquisition date includes the
 * washed units' holding period. Short sales are always short-term.
 *
 * <p>Wash sales: see {@link WashSaleReplay}. The disallowed loss is reported as adjustment code W on
 * the loss line and added to the basis of the replacement units, so selling them later realizes it.
 */
public final class TaxLotCalculator {
    /** Calendar days before and after a loss sale in which a purchase makes it a wash sale. */
    public static final int WASH_SALE_DAYS = 30;

    private TaxLotCalculator() {}

    /** The tax report of {@code records} for {@code year} under {@code method}. */
    public static TaxReport build(AccountRecords records, int year, CostBasisMethod method, ZoneId zone) {
        LotReplay.Result replay = LotReplay.replay(records.fills(), method, records::multiplier);
        List<TaxLine> lines = new ArrayList<>();
        for (WashSaleReplay.TaxLot t : WashSaleReplay.replay(replay, zone)) {
            ClosedLot lot = t.lot();
            LocalDate sold = lot.closedAt().atZone(zone).toLocalDate();
            if (sold.getYear() != year) {
                continue;
            }
            HoldingTerm term = !lot.shortSale() && sold.isAfter(t.acquired().plusYears(1))
                    ? HoldingTerm.LONG_TERM
                    : HoldingTerm.SHORT_TERM;
            BigDecimal proceeds = TaxLine.cents(lot.proceeds());
            BigDecimal basis = TaxLine.cents(t.adjustedBasis());
            BigDecimal adjustment = TaxLine.cents(t.disallowed());
            BigDecimal gain = proceeds.subtract(basis).add(adjustment);
            String description = Decimals.normalize(lot.quantity()).toPlainString() + " "
                    + lot.instrument().symbol() + (lot.shortSale() ? " (short sale)" : "");
            lines.add(new TaxLine(
                    lot,
                    description,
                    t.acquired(),
                    t.purchased(),
                    sold,
                    term,
                    proceeds,
                    basis,
                    TaxLine.cents(t.carriedLoss()),
                    t.washSale() ? "W" : "",
                    adjustment,
                    gain,
                    t.replacementQuantity()));
        }
        lines.sort(
                Comparator.comparing(TaxLine::term).thenComparing(TaxLine::sold).thenComparing(l -> l.lot()
                        .closedAt()));
        return new TaxReport(
                records.workspace(), records.portfolioName(), year, method, records.baseCurrency(), zone, lines);
    }
}
