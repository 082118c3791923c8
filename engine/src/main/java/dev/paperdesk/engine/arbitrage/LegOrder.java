package dev.paperdesk.engine.arbitrage;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;

/** A working or finished simulated order of one leg; lives on the loop thread. */
final class LegOrder {
    final String id;
    final ArbitrageTrade trade;
    final boolean longLeg;
    final String purpose;
    final InstrumentId instrument;
    final Side side;
    final boolean market;
    final BigDecimal price;
    final BigDecimal quantity;
    final long createdNanos;
    /** The order reaches the venue one measured latency after it is sent; earlier prints do not count. */
    final long activeFromNanos;

    final QueuePosition queue;
    long filledNanos = Long.MIN_VALUE;
    BigDecimal fillPrice;
    double slippageBps;
    BigDecimal fee = BigDecimal.ZERO;
    boolean cancelled;

    LegOrder(
            String id,
            ArbitrageTrade trade,
            boolean longLeg,
            String purpose,
            InstrumentId instrument,
            Side side,
            boolean market,
            BigDecimal price,
            BigDecimal quantity,
            long createdNanos,
            long activeFromNanos,
            QueuePosition queue) {
        this.id = id;
        this.trade = trade;
        this.longLeg = longLeg;
        this.purpose = purpose;
        this.instrument = instrument;
        this.side = side;
        this.market = market;
        this.price = price;
        this.quantity = quantity;
        this.createdNanos = createdNanos;
        this.activeFromNanos = activeFromNanos;
        this.queue = queue;
    }

    boolean filled() {
        return fillPrice != null;
    }

    boolean working() {
        return !filled() && !cancelled;
    }

    /** Whether a print of {@code aggressor} at {@code printPrice} trades at or through this limit. */
    boolean tradesAgainst(double printPrice, Side aggressor) {
        double limit = queue.price();
        return side == Side.BUY
                ? aggressor == Side.SELL && printPrice <= limit
                : aggressor == Side.BUY && printPrice >= limit;
    }

    OrderRecord record() {
        return new OrderRecord(
                id,
                longLeg ? "long" : "short",
                purpose,
                instrument.venue(),
                instrument.toString(),
                side.name(),
                market ? "MARKET" : "LIMIT",
                price,
                quantity,
                queue == null ? 0 : queue.restingDepthAtEntry(),
                queue == null ? 0 : queue.cumulativeVolumeAtPrice(),
                queue == null ? 0 : queue.fillThreshold(),
                ArbitrageStrategy.instant(createdNanos),
                filled() ? ArbitrageStrategy.instant(filledNanos) : null,
                fillPrice,
                slippageBps,
                fee,
                filled() ? "FILLED" : (cancelled ? "CANCELLED" : "PENDING"));
    }
}
