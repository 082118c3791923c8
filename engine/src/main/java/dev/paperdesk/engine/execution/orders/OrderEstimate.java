package dev.paperdesk.engine.execution.orders;

import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.Price;
import java.math.BigDecimal;

/**
 * What an order would cost if sent now, as the ticket shows it before sending.
 *
 * @param price the expected average fill price (book walk or touch plus model slippage; the limit
 *     or trigger for orders that wait)
 * @param notional {@code price × quantity × multiplier}, in the quote currency
 * @param fee the expected fee
 * @param slippageVsMid the expected cost against the current mid, in the quote currency (positive = cost)
 * @param slippageBps that cost in basis points of the mid
 * @param resultingPosition the position after the order fills in full
 * @param takesLiquidity whether the order would take liquidity now
 * @param note why there is no estimate, or what it assumes
 */
public record OrderEstimate(
        boolean available,
        Price price,
        BigDecimal notional,
        Money fee,
        BigDecimal slippageVsMid,
        double slippageBps,
        BigDecimal resultingPosition,
        boolean takesLiquidity,
        String note) {

    public static OrderEstimate unavailable(String why) {
        return new OrderEstimate(false, null, null, null, null, Double.NaN, null, false, why);
    }
}
