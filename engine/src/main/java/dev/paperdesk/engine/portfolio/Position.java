package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A position in one instrument: its open lots and the P&amp;L it has realized. Immutable; trades
 * return a new position together with the P&amp;L they realized.
 */
public record Position(InstrumentId instrumentId, List<Lot> lots, BigDecimal realizedPnl) {
    public Position {
        Objects.requireNonNull(instrumentId, "instrumentId");
        // every flat position shares one empty list, so isFlat is a comparison, not an interface call
        lots = lots.isEmpty() ? NO_LOTS : List.copyOf(lots);
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        int sign = 0;
        for (Lot lot : lots) {
            int s = lot.quantity().signum();
            if (sign != 0 && s != sign) {
                throw new IllegalStateException(instrumentId + ": lots of mixed direction");
            }
            sign = s;
        }
    }

    /** The lots of every flat position. */
    private static final List<Lot> NO_LOTS = List.of();

    public static Position flat(InstrumentId id) {
        return new Position(id, List.of(), BigDecimal.ZERO);
    }

    /** Signed quantity: positive long, negative short. */
    public BigDecimal quantity() {
        int n = lots.size();
        if (n == 1 && lots.get(0).quantity().scale() >= 0) {
            return lots.get(0).quantity(); // 0 + q: q itself in value and scale
        }
        // indexed, not an iterator: read per bar, and the JIT does not always elide the iterator
        BigDecimal q = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            q = q.add(lots.get(i).quantity());
        }
        return q;
    }

    /** Signed cost basis of the open lots. */
    public BigDecimal costBasis() {
        if (lots.size() == 1 && lots.get(0).cost().scale() >= 0) {
            return lots.get(0).cost(); // 0 + c: c itself in value and scale
        }
        BigDecimal c = BigDecimal.ZERO;
        for (Lot lot : lots) {
            c = c.add(lot.cost());
        }
        return c;
    }

    public boolean isFlat() {
        return lots == NO_LOTS;
    }

    /** Average entry price per unit (cost / (quantity × multiplier)), or zero when flat. */
    public BigDecimal averagePrice(BigDecimal multiplier) {
        BigDecimal q = quantity();
        if (q.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return costBasis().divide(q.multiply(multiplier), Decimals.DIVISION);
    }

    /** Mark-to-market value: quantity × mark × multiplier (signed). */
    public BigDecimal marketValue(BigDecimal mark, BigDecimal multiplier) {
        return quantity().multiply(mark).multiply(multiplier);
    }

    public BigDecimal unrealizedPnl(BigDecimal mark, BigDecimal multiplier) {
        return marketValue(mark, multiplier).subtract(costBasis());
    }

    /**
     * Applies a trade of {@code signedQty} units (positive buys, negative sells) at {@code price}.
     * Closing quantity consumes lots per {@code method}; any remainder opens a new lot in the
     * trade's direction (so a position can flip through zero).
     */
    public Trade apply(
            BigDecimal signedQty, BigDecimal price, BigDecimal multiplier, CostBasisMethod method, Instant at) {
        if (signedQty.signum() == 0) {
            throw new IllegalArgumentException("trade quantity must not be zero");
        }
        if (lots.isEmpty()) {
            // Opening from flat (every entry, and its pre-trade trial): the general path's one new lot
            // and zero totals, by the same expressions, without its working list.
            BigDecimal cost = signedQty.multiply(price).multiply(multiplier);
            Position next =
                    new Position(instrumentId, List.of(new Lot(signedQty, cost, at)), realizedPnl.add(BigDecimal.ZERO));
            return new Trade(next, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        List<Lot> open = new ArrayList<>(lots);
        BigDecimal remaining = signedQty;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal closedQty = BigDecimal.ZERO;
        // Closing part: the trade goes against the existing lots.
        while (remaining.signum() != 0
                && !open.isEmpty()
                && open.get(0).quantity().signum() != remaining.signum()) {
            int index = method == CostBasisMethod.LIFO ? open.size() - 1 : 0;
            Lot lot = open.get(index);
            BigDecimal lotQty = lot.quantity();
            BigDecimal closeQty = lotQty.abs().min(remaining.abs()).multiply(BigDecimal.valueOf(lotQty.signum()));
            BigDecimal allocated;
            if (closeQty.compareTo(lotQty) == 0) {
                allocated = lot.cost();
                open.remove(index);
            } else {
                allocated = lot.cost().multiply(closeQty).divide(lotQty, Decimals.DIVISION);
                open.set(index, new Lot(lotQty.subtract(closeQty), lot.cost().subtract(allocated), lot.openedAt()));
            }
            // Cash flow of closing closeQty units: selling a long receives, buying back a short pays.
            BigDecimal cashFlow = closeQty.multiply(price).multiply(multiplier);
            realized = realized.add(cashFlow.subtract(allocated));
            remaining = remaining.add(closeQty);
            closedQty = closedQty.add(closeQty.abs());
        }
        if (remaining.signum() != 0) {
            BigDecimal cost = remaining.multiply(price).multiply(multiplier);
            if (method == CostBasisMethod.AVERAGE && !open.isEmpty()) {
                Lot pooled = open.get(0);
                open.set(
                        0,
                        new Lot(pooled.quantity().add(remaining), pooled.cost().add(cost), pooled.openedAt()));
            } else {
                open.add(new Lot(remaining, cost, at));
            }
        }
        Position next = new Position(instrumentId, open, realizedPnl.add(realized));
        return new Trade(next, realized, closedQty);
    }

    /** The outcome of applying a trade: the new position, the P&amp;L it realized and how much it closed. */
    public record Trade(Position position, BigDecimal realizedPnl, BigDecimal closedQuantity) {}
}
