package dev.paperdesk.engine.report.tax;

import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.report.AccountRecords;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link TaxReport}: replays every fill of the portfolio with {@link LotReplay}, classifies
 * each closed lot as short- or long-term, flags wash sales and keeps the lines sold in the year.
 *
 * <p>Holding period: long-term when the sale date is after the first anniversary of the acquisition
 * date (held more than one year). Short sales are always short-term.
 *
 * <p>Wash sales: a long lot sold at a loss is a wash sale when shares of the same instrument were
 * bought within 30 calendar days before or after the sale date and are still held just after the
 * sale (purchases sold in that same sale, or before it, do not count). Replacement units are used
 * once, oldest purchase first, by loss sales in time order. The disallowed loss is the loss times
 * {@code min(1, replacement units / units sold)}; it is reported as adjustment code W. This report does
 * not carry the disallowed loss into the replacement lots' basis.
 */
public final class TaxLotCalculator {
    /** Calendar days before and after a loss sale in which a purchase makes it a wash sale. */
    public static final int WASH_SALE_DAYS = 30;

    private TaxLotCalculator() {}

    /** The tax report of {@code records} for {@code year} under {@code method}. */
    public static TaxReport build(AccountRecords records, int year, CostBasisMethod method, ZoneId zone) {
        LotReplay.Result replay = LotReplay.replay(records.fills(), method, records::multiplier);
        Map<Integer, Wash> washes = washSales(replay, zone);
        List<TaxLine> lines = new ArrayList<>();
        List<ClosedLot> closed = replay.closed();
        for (int i = 0; i < closed.size(); i++) {
            ClosedLot lot = closed.get(i);
            LocalDate sold = lot.closedAt().atZone(zone).toLocalDate();
            if (sold.getYear() != year) {
                continue;
            }
            LocalDate acquired = lot.openedAt().atZone(zone).toLocalDate();
            HoldingTerm term = !lot.shortSale() && sold.isAfter(acquired.plusYears(1))
                    ? HoldingTerm.LONG_TERM
                    : HoldingTerm.SHORT_TERM;
            BigDecimal proceeds = TaxLine.cents(lot.proceeds());
            BigDecimal basis = TaxLine.cents(lot.costBasis());
            Wash wash = washes.get(i);
            BigDecimal adjustment = wash == null ? BigDecimal.ZERO.setScale(2) : TaxLine.cents(wash.disallowed());
            BigDecimal gain = proceeds.subtract(basis).add(adjustment);
            String description = Decimals.normalize(lot.quantity()).toPlainString() + " "
                    + lot.instrument().symbol() + (lot.shortSale() ? " (short sale)" : "");
            lines.add(new TaxLine(
                    lot,
                    description,
                    acquired,
                    sold,
                    term,
                    proceeds,
                    basis,
                    wash == null ? "" : "W",
                    adjustment,
                    gain,
                    wash == null ? BigDecimal.ZERO : wash.replacementQuantity()));
        }
        lines.sort(
                Comparator.comparing(TaxLine::term).thenComparing(TaxLine::sold).thenComparing(l -> l.lot()
                        .closedAt()));
        return new TaxReport(
                records.workspace(), records.portfolioName(), year, method, records.baseCurrency(), zone, lines);
    }

    private record Wash(BigDecimal disallowed, BigDecimal replacementQuantity) {}

    /** Wash sales by index into {@code replay.closed()}. */
    static Map<Integer, Wash> washSales(LotReplay.Result replay, ZoneId zone) {
        List<ClosedLot> closed = replay.closed();
        Map<FillId, BigDecimal> used = new HashMap<>();
        Map<Integer, Wash> out = new HashMap<>();
        for (int i = 0; i < closed.size(); i++) {
            ClosedLot lot = closed.get(i);
            if (lot.shortSale() || lot.netPnl().signum() >= 0) {
                continue;
            }
            LocalDate sold = lot.closedAt().atZone(zone).toLocalDate();
            Set<FillId> soldTogether = new HashSet<>();
            for (ClosedLot other : closed) {
                if (other.exitFill().equals(lot.exitFill())) {
                    soldTogether.add(other.entryFill());
                }
            }
            BigDecimal needed = lot.quantity();
            BigDecimal matched = BigDecimal.ZERO;
            for (Acquisition a : replay.acquisitions()) {
                if (matched.compareTo(needed) >= 0) {
                    break;
                }
                if (!a.instrument().equals(lot.instrument()) || soldTogether.contains(a.fill())) {
                    continue;
                }
                LocalDate bought = a.at().atZone(zone).toLocalDate();
                if (Math.abs(ChronoUnit.DAYS.between(sold, bought)) > WASH_SALE_DAYS) {
                    continue;
                }
                BigDecimal available = a.quantity().subtract(used.getOrDefault(a.fill(), BigDecimal.ZERO));
                if (!a.at().isAfter(lot.closedAt())) {
                    // Bought before the sale: only units still held right after it can replace.
                    available = available.min(heldAfter(a, lot, closed));
                }
                if (available.signum() <= 0) {
                    continue;
                }
                BigDecimal take = available.min(needed.subtract(matched));
                used.merge(a.fill(), take, BigDecimal::add);
                matched = matched.add(take);
            }
            if (matched.signum() > 0) {
                BigDecimal loss = lot.netPnl().negate();
                BigDecimal disallowed = matched.compareTo(needed) >= 0
                        ? loss
                        : loss.multiply(matched).divide(needed, Decimals.DIVISION);
                out.put(i, new Wash(disallowed, matched));
            }
        }
        return out;
    }

    /** Units of acquisition {@code a} not yet sold once {@code sale}'s closing fill has executed. */
    private static BigDecimal heldAfter(Acquisition a, ClosedLot sale, List<ClosedLot> closed) {
        BigDecimal sold = BigDecimal.ZERO;
        for (ClosedLot c : closed) {
            if (c.entryFill().equals(a.fill())
                    && (c.closedAt().isBefore(sale.closedAt()) || c.exitFill().equals(sale.exitFill()))) {
                sold = sold.add(c.quantity());
            }
        }
        return a.quantity().subtract(sold);
    }
}
