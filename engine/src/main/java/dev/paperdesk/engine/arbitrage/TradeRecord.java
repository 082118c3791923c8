package dev.paperdesk.engine.arbitrage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An arbitrage trade as it stands (or ended): the pair, the entry economics, every order of both
 * legs with its fills, and the realised profit once closed.
 *
 * @param quantity base units on each leg
 * @param positionSize capital reserved (USD notional per leg)
 * @param maxAdverseExcursion the worst move of the spread against the trade while active, per unit
 *     of quantity, in price units (≥ 0): both legs marked at the mids each second, funding aside
 * @param maxFavourableExcursion the best such move in its favour (≥ 0)
 * @param unrealizedPnl while active, what closing now would realise (updated every second): the long
 *     sold at its ask and the short bought at its bid (the exit limits), funding so far, less the
 *     entry fees paid and those exits' maker fees; the last such value once exiting or closed
 * @param fundingPnl funding received less funding paid while open
 * @param fees all fees paid
 * @param actualProfit realised profit (fills, funding and fees; a leg-out's hedge cost is in here
 *     once), {@code null} until closed
 * @param legOutLoss the part of the profit lost to leg-outs (an attribution, not a second charge)
 * @param orders entry, hedge and exit orders in the order they were sent
 */
public record TradeRecord(
        String id,
        String symbol,
        String longVenue,
        String shortVenue,
        TradeStatus status,
        Instant openedAt,
        Instant entryTime,
        BigDecimal entryLongPrice,
        BigDecimal entryShortPrice,
        double entrySpreadBps,
        BigDecimal quantity,
        BigDecimal positionSize,
        double fundingDeltaEntry8h,
        int confidence,
        double projectedProfit,
        double currentSpreadBps,
        double unrealizedPnl,
        double maxAdverseExcursion,
        double maxFavourableExcursion,
        BigDecimal fundingPnl,
        BigDecimal fees,
        BigDecimal actualProfit,
        BigDecimal legOutLoss,
        String exitReason,
        Instant exitTime,
        List<OrderRecord> orders,
        List<LegOutEvent> legOuts) {
    public TradeRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        orders = List.copyOf(orders);
        legOuts = List.copyOf(legOuts);
    }
}
