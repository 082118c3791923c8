package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.portfolio.RiskLimits;
import java.math.BigDecimal;

/**
 * The figures of an account that the pre-trade checks read: equity, free margin and what working
 * orders reserve, the day's P&amp;L and the risk limits with the percentages they are compared with.
 * A full {@link AccountSnapshot} has them all; {@link PreTradeFigures} computes only these.
 */
public interface RiskFigures {
    Currency baseCurrency();

    BigDecimal equity();

    BigDecimal freeMargin();

    BigDecimal reservedForOrders();

    /** Profit or loss since the start of the day, top-ups excluded. */
    BigDecimal dayPnl();

    /** Today's loss as a percentage of the day's opening equity (0 when up). */
    BigDecimal dailyLossPct();

    /** Drop from the equity peak, in percent. */
    BigDecimal drawdownPct();

    RiskLimits limits();

    /** Whether {@code dailyLossPct() ≥ threshold}; implementations may decide it without the division. */
    default boolean dailyLossAtLeast(BigDecimal threshold) {
        return dailyLossPct().compareTo(threshold) >= 0;
    }

    /** Whether {@code drawdownPct() ≥ threshold}; implementations may decide it without the division. */
    default boolean drawdownAtLeast(BigDecimal threshold) {
        return drawdownPct().compareTo(threshold) >= 0;
    }
}
