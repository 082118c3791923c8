package dev.paperdesk.engine.report.tax;

import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Matches closing fills against open lots by replaying a portfolio's fills in time order under a
 * cost-basis method, the same way {@link dev.paperdesk.engine.portfolio.Position#apply} books them:
 * FIFO consumes the oldest lot first, LIFO the newest; AVERAGE prices every unit at the pool's
 * average cost while still consuming the oldest purchases first for holding periods (as the
 * average-cost method does for tax purposes). Fees follow the units: a fill's fee is shared among
 * the lots it opens or closes in proportion to quantity.
 */
public final class LotReplay {
    private LotReplay() {}

    /**
     * The closed lots and acquisitions of {@code fills}.
     *
     * @param closed every closing portion, in the order the closing fills executed
     * @param acquisitions every long-opening portion of a buy, in time order
     */
    public record Result(List<ClosedLot> closed, List<Acquisition> acquisitions) {
        public Result {
            closed = List.copyOf(closed);
            acquisitions = List.copyOf(acquisitions);
        }
    }

    /** An open lot during the replay: signed quantity, signed cost (qty × price × multiplier), fee left. */
    private record Open(FillId fill, Instant openedAt, BigDecimal quantity, BigDecimal cost, BigDecimal fee) {}

    /**
     * Replays {@code fills} (any order; sorted by time, then id).
     *
     * @param multipliers contract multiplier per instrument
     */
    public static Result replay(
            List<Fill> fills, CostBasisMethod method, Function<InstrumentId, BigDecimal> multipliers) {
        Objects.requireNonNull(method, "method");
        List<Fill> ordered = new ArrayList<>(fills);
        ordered.sort(Comparator.comparing(Fill::timestamp).thenComparing(f -> f.id().value()));
        Map<InstrumentId, List<Open>> books = new HashMap<>();
        List<ClosedLot> closed = new ArrayList<>();
        List<Acquisition> acquisitions = new ArrayList<>();
        for (Fill fill : ordered) {
            BigDecimal m = multipliers.apply(fill.instrumentId());
            BigDecimal price = fill.price().value();
            BigDecimal fillQty = fill.quantity().value();
            BigDecimal fee = fill.fee().amount();
            List<Open> lots = books.computeIfAbsent(fill.instrumentId(), k -> new ArrayList<>());
            BigDecimal remaining =
                    fillQty.multiply(BigDecimal.valueOf(fill.side().sign()));
            while (remaining.signum() != 0
                    && !lots.isEmpty()
                    && lots.get(0).quantity().signum() != remaining.signum()) {
                int index = method == CostBasisMethod.LIFO ? lots.size() - 1 : 0;
                Open lot = lots.get(index);
                BigDecimal lotQty = lot.quantity();
                BigDecimal closeAbs = lotQty.abs().min(remaining.abs());
                BigDecimal closeQty = closeAbs.multiply(BigDecimal.valueOf(lotQty.signum()));
                BigDecimal allocatedCost;
                BigDecimal allocatedFee;
                if (closeQty.compareTo(lotQty) == 0) {
                    allocatedCost = lot.cost();
                    allocatedFee = lot.fee();
                    lots.remove(index);
                } else {
                    allocatedCost = lot.cost().multiply(closeQty).divide(lotQty, Decimals.DIVISION);
                    allocatedFee = lot.fee().multiply(closeQty).divide(lotQty, Decimals.DIVISION);
                    lots.set(
                            index,
                            new Open(
                                    lot.fill(),
                                    lot.openedAt(),
                                    lotQty.subtract(closeQty),
                                    lot.cost().subtract(allocatedCost),
                                    lot.fee().subtract(allocatedFee)));
                }
                BigDecimal exitFee = fee.multiply(closeAbs).divide(fillQty, Decimals.DIVISION);
                BigDecimal exitCash = closeQty.multiply(price).multiply(m);
                BigDecimal gross = exitCash.subtract(allocatedCost);
                boolean shortSale = lotQty.signum() < 0;
                BigDecimal entryPrice = allocatedCost.abs().divide(closeAbs.multiply(m), Decimals.DIVISION);
                BigDecimal proceeds;
                BigDecimal basis;
                if (shortSale) {
                    proceeds = allocatedCost.abs().subtract(allocatedFee);
                    basis = exitCash.abs().add(exitFee);
                } else {
                    proceeds = exitCash.abs().subtract(exitFee);
                    basis = allocatedCost.abs().add(allocatedFee);
                }
                closed.add(new ClosedLot(
                        fill.instrumentId(),
                        shortSale,
                        closeAbs,
                        lot.openedAt(),
                        fill.timestamp(),
                        lot.fill(),
                        fill.id(),
                        Decimals.normalize(entryPrice),
                        price,
                        allocatedFee,
                        exitFee,
                        gross,
                        proceeds,
                        basis));
                remaining = remaining.add(closeQty);
            }
            if (remaining.signum() != 0) {
                BigDecimal openFee = fee.multiply(remaining.abs()).divide(fillQty, Decimals.DIVISION);
                lots.add(new Open(
                        fill.id(),
                        fill.timestamp(),
                        remaining,
                        remaining.multiply(price).multiply(m),
                        openFee));
                if (method == CostBasisMethod.AVERAGE) {
                    pool(lots);
                }
                if (remaining.signum() > 0) {
                    acquisitions.add(new Acquisition(fill.instrumentId(), fill.id(), fill.timestamp(), remaining));
                }
            }
        }
        return new Result(closed, acquisitions);
    }

    /** Re-prices every lot at the pool's average cost and fee per unit, keeping quantities and dates. */
    private static void pool(List<Open> lots) {
        if (lots.size() < 2) {
            return;
        }
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        for (Open o : lots) {
            qty = qty.add(o.quantity());
            cost = cost.add(o.cost());
            fee = fee.add(o.fee());
        }
        BigDecimal costLeft = cost;
        BigDecimal feeLeft = fee;
        for (int i = 0; i < lots.size(); i++) {
            Open o = lots.get(i);
            BigDecimal c;
            BigDecimal f;
            if (i == lots.size() - 1) {
                // The last lot takes the remainder, so the pool's total cost stays exact.
                c = costLeft;
                f = feeLeft;
            } else {
                c = cost.multiply(o.quantity()).divide(qty, Decimals.DIVISION);
                f = fee.multiply(o.quantity()).divide(qty, Decimals.DIVISION);
            }
            costLeft = costLeft.subtract(c);
            feeLeft = feeLeft.subtract(f);
            lots.set(i, new Open(o.fill(), o.openedAt(), o.quantity(), c, f));
        }
    }
}
