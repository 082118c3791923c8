package dev.paperdesk.engine.report.tax;

import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.FillId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the closed lots of a {@link LotReplay} in the order they were sold, flags wash sales and
 * carries each disallowed loss into the basis of the replacement units, with the sold units' holding
 * period tacked onto theirs (IRC §1091(d) and §1223(3); IRS Publication 550, "Wash Sales").
 *
 * <p>A long lot sold at a loss (after any loss already carried into it) is a wash sale when units of
 * the same instrument were bought within {@value TaxLotCalculator#WASH_SALE_DAYS} calendar days
 * before or after the sale date and are still held right after the sale; purchases sold in that same
 * sale do not count. Replacement units are used once, oldest purchase first, by loss sales in time
 * order. Disallowed = loss × min(1, replacement units / units sold); it is shared among the
 * replacement units in proportion to quantity and added to their basis, and their acquisition date
 * moves back by the number of days the sold units were held.
 *
 * <p>Within one purchase, the units that replaced a washed loss are taken to be sold first (the
 * purchase's units are otherwise identical); a closed lot that spans replacement and ordinary units
 * is split into one tax lot per part, amounts pro rata to quantity.
 */
final class WashSaleReplay {
    private WashSaleReplay() {}

    /**
     * One tax lot: a closed lot (or a part of one) with its wash-sale consequences.
     *
     * @param lot the closed units, amounts exact and before any carried loss
     * @param purchased the date the units were really bought (or sold short) in the zone
     * @param acquired the date the holding period starts: {@code purchased}, moved back for replacement
     *     units by the days the washed units were held
     * @param carriedLoss disallowed loss of an earlier wash sale added to this lot's basis (exact)
     * @param disallowed this lot's own disallowed loss (exact), zero when not a wash sale
     * @param replacementQuantity replacement units matched to this lot's loss
     */
    record TaxLot(
            ClosedLot lot,
            LocalDate purchased,
            LocalDate acquired,
            BigDecimal carriedLoss,
            BigDecimal disallowed,
            BigDecimal replacementQuantity) {
        /** Cost basis including the carried loss. */
        BigDecimal adjustedBasis() {
            return lot.costBasis().add(carriedLoss);
        }

        /** Gain or loss before this lot's own wash-sale adjustment. */
        BigDecimal adjustedPnl() {
            return lot.proceeds().subtract(adjustedBasis());
        }

        boolean washSale() {
            return disallowed.signum() > 0;
        }
    }

    /** Replacement units of one purchase with the loss and holding days they carry. */
    private record Carry(BigDecimal quantity, BigDecimal loss, long heldDays) {}

    /** Units of one purchase not sold yet: ordinary ones, and replacement ones carrying a loss. */
    private static final class Held {
        BigDecimal ordinary;
        final Deque<Carry> carries = new ArrayDeque<>();

        Held(BigDecimal ordinary) {
            this.ordinary = ordinary;
        }
    }

    static List<TaxLot> replay(LotReplay.Result replay, ZoneId zone) {
        Map<FillId, Held> held = new HashMap<>();
        for (Acquisition a : replay.acquisitions()) {
            held.put(a.fill(), new Held(a.quantity()));
        }
        List<ClosedLot> closed = replay.closed();
        List<TaxLot> out = new ArrayList<>();
        int start = 0;
        while (start < closed.size()) {
            // One closing fill at a time: all its lots leave the books before any replacement is sought.
            FillId exit = closed.get(start).exitFill();
            int end = start;
            Set<FillId> soldTogether = new HashSet<>();
            while (end < closed.size() && closed.get(end).exitFill().equals(exit)) {
                soldTogether.add(closed.get(end).entryFill());
                end++;
            }
            List<TaxLot> sale = new ArrayList<>();
            for (int i = start; i < end; i++) {
                sale.addAll(split(closed.get(i), held.get(closed.get(i).entryFill()), zone));
            }
            for (TaxLot lot : sale) {
                out.add(washed(lot, replay.acquisitions(), held, soldTogether, zone));
            }
            start = end;
        }
        return out;
    }

    /** Splits a closed lot into its replacement parts (carrying losses) and its ordinary part. */
    private static List<TaxLot> split(ClosedLot lot, Held from, ZoneId zone) {
        LocalDate purchased = lot.openedAt().atZone(zone).toLocalDate();
        if (lot.shortSale() || from == null || from.carries.isEmpty()) {
            if (from != null && !lot.shortSale()) {
                from.ordinary = from.ordinary.subtract(lot.quantity());
            }
            return List.of(plain(lot, purchased));
        }
        List<TaxLot> parts = new ArrayList<>();
        ClosedLot rest = lot;
        while (rest != null && !from.carries.isEmpty()) {
            Carry c = from.carries.peekFirst();
            BigDecimal take = c.quantity().min(rest.quantity());
            ClosedLot part;
            if (take.compareTo(rest.quantity()) == 0) {
                part = rest;
                rest = null;
            } else {
                part = portion(rest, take);
                rest = remainder(rest, part);
            }
            BigDecimal loss;
            if (take.compareTo(c.quantity()) == 0) {
                loss = c.loss();
                from.carries.removeFirst();
            } else {
                loss = c.loss().multiply(take).divide(c.quantity(), Decimals.DIVISION);
                from.carries.removeFirst();
                from.carries.addFirst(
                        new Carry(c.quantity().subtract(take), c.loss().subtract(loss), c.heldDays()));
            }
            parts.add(new TaxLot(
                    part, purchased, purchased.minusDays(c.heldDays()), loss, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        if (rest != null) {
            from.ordinary = from.ordinary.subtract(rest.quantity());
            parts.add(plain(rest, purchased));
        }
        return parts;
    }

    private static TaxLot plain(ClosedLot lot, LocalDate purchased) {
        return new TaxLot(lot, purchased, purchased, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Flags {@code lot} as a wash sale when it lost and replacement units exist; books the carries. */
    private static TaxLot washed(
            TaxLot lot, List<Acquisition> acquisitions, Map<FillId, Held> held, Set<FillId> soldTogether, ZoneId zone) {
        ClosedLot c = lot.lot();
        if (c.shortSale() || lot.adjustedPnl().signum() >= 0) {
            return lot;
        }
        LocalDate sold = c.closedAt().atZone(zone).toLocalDate();
        BigDecimal needed = c.quantity();
        List<Acquisition> used = new ArrayList<>();
        List<BigDecimal> taken = new ArrayList<>();
        BigDecimal matched = BigDecimal.ZERO;
        for (Acquisition a : acquisitions) {
            if (matched.compareTo(needed) >= 0) {
                break;
            }
            if (!a.instrument().equals(c.instrument()) || soldTogether.contains(a.fill())) {
                continue;
            }
            LocalDate bought = a.at().atZone(zone).toLocalDate();
            if (Math.abs(ChronoUnit.DAYS.between(sold, bought)) > TaxLotCalculator.WASH_SALE_DAYS) {
                continue;
            }
            // Ordinary units still held: a purchase before the sale counts only for what was not sold yet.
            BigDecimal available = held.get(a.fill()).ordinary;
            if (available.signum() <= 0) {
                continue;
            }
            BigDecimal take = available.min(needed.subtract(matched));
            used.add(a);
            taken.add(take);
            matched = matched.add(take);
        }
        if (matched.signum() == 0) {
            return lot;
        }
        BigDecimal loss = lot.adjustedPnl().negate();
        BigDecimal disallowed =
                matched.compareTo(needed) >= 0 ? loss : loss.multiply(matched).divide(needed, Decimals.DIVISION);
        long heldDays = ChronoUnit.DAYS.between(lot.acquired(), sold);
        BigDecimal left = disallowed;
        for (int i = 0; i < used.size(); i++) {
            BigDecimal take = taken.get(i);
            // The last replacement takes the remainder so the carried amounts add up to the disallowed loss.
            BigDecimal share =
                    i == used.size() - 1 ? left : disallowed.multiply(take).divide(matched, Decimals.DIVISION);
            left = left.subtract(share);
            Held h = held.get(used.get(i).fill());
            h.ordinary = h.ordinary.subtract(take);
            h.carries.addLast(new Carry(take, share, heldDays));
        }
        return new TaxLot(c, lot.purchased(), lot.acquired(), lot.carriedLoss(), disallowed, matched);
    }

    /** The first {@code quantity} units of {@code lot}, amounts pro rata. */
    private static ClosedLot portion(ClosedLot lot, BigDecimal quantity) {
        return new ClosedLot(
                lot.instrument(),
                lot.shortSale(),
                quantity,
                lot.openedAt(),
                lot.closedAt(),
                lot.entryFill(),
                lot.exitFill(),
                lot.entryPrice(),
                lot.exitPrice(),
                share(lot.entryFees(), quantity, lot.quantity()),
                share(lot.exitFees(), quantity, lot.quantity()),
                share(lot.grossPnl(), quantity, lot.quantity()),
                share(lot.proceeds(), quantity, lot.quantity()),
                share(lot.costBasis(), quantity, lot.quantity()));
    }

    /** What is left of {@code lot} once {@code part} is taken: exact differences, so parts add up. */
    private static ClosedLot remainder(ClosedLot lot, ClosedLot part) {
        return new ClosedLot(
                lot.instrument(),
                lot.shortSale(),
                lot.quantity().subtract(part.quantity()),
                lot.openedAt(),
                lot.closedAt(),
                lot.entryFill(),
                lot.exitFill(),
                lot.entryPrice(),
                lot.exitPrice(),
                lot.entryFees().subtract(part.entryFees()),
                lot.exitFees().subtract(part.exitFees()),
                lot.grossPnl().subtract(part.grossPnl()),
                lot.proceeds().subtract(part.proceeds()),
                lot.costBasis().subtract(part.costBasis()));
    }

    private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
        return amount.multiply(part).divide(whole, Decimals.DIVISION);
    }
}
