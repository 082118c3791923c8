package dev.paperdesk.engine.arbitrage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One simulated order of an arbitrage leg as it ended.
 *
 * @param leg {@code long} or {@code short}
 * @param purpose {@code entry}, {@code entry_hedge}, {@code exit} or {@code exit_hedge}
 * @param side {@code BUY} or {@code SELL}
 * @param type {@code LIMIT} or {@code MARKET}
 * @param price the limit price (the touch for a market order)
 * @param quantity base units
 * @param restingDepth size resting at the limit price when placed (limit orders; 0 for market)
 * @param cumulativeVolume volume traded at or through the limit while it worked
 * @param queueThreshold the share of the resting depth that had to trade (0.2)
 * @param fillPrice the execution price, or {@code null} when cancelled
 * @param slippageBps model slippage of a market fill (0 for a limit fill)
 * @param fee fee paid, USD(T)
 * @param status {@code FILLED} or {@code CANCELLED} (or {@code PENDING} while working)
 */
public record OrderRecord(
        String id,
        String leg,
        String purpose,
        String venue,
        String instrument,
        String side,
        String type,
        BigDecimal price,
        BigDecimal quantity,
        double restingDepth,
        double cumulativeVolume,
        double queueThreshold,
        Instant createdAt,
        Instant filledAt,
        BigDecimal fillPrice,
        double slippageBps,
        BigDecimal fee,
        String status) {
    public OrderRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(fee, "fee");
    }
}
