package dev.paperdesk.engine.strategy.rules;

import java.math.BigDecimal;

/**
 * What a rule does when its condition holds.
 *
 * @param limitPrice null for a market order
 * @param validBars signal bars an unfilled limit entry stays working before it is cancelled
 * @param sizing null for {@code close}
 * @param timeInForce of the entry; null for the default (market: IOC, limit: GTC)
 */
record RuleAction(
        Kind kind,
        Operand limitPrice,
        int validBars,
        Sizing sizing,
        ExitSpec stopLoss,
        ExitSpec takeProfit,
        ExitSpec trailingStop,
        dev.paperdesk.engine.model.TimeInForce timeInForce) {

    enum Kind {
        /** Open a long position when flat. */
        BUY,
        /** Open a short position when flat. */
        SELL,
        /** Close the position (and cancel the instrument's working orders). */
        CLOSE,
        /** Close the position and open the opposite one. */
        REVERSE
    }

    boolean hasExits() {
        return stopLoss != null || takeProfit != null || trailingStop != null;
    }

    /** How a stop-loss, take-profit or trailing distance is given. */
    enum ExitUnit {
        /** Percent of the entry price. */
        PERCENT,
        /** Price units. */
        PRICE,
        /** Multiples of ATR at the signal bar. */
        ATR
    }

    /** A distance for an exit; {@code atrIndicator} indexes the declared indicators when the unit is ATR. */
    record ExitSpec(ExitUnit unit, BigDecimal value, int atrIndicator) {}

    /** How many units an entry buys or sells, rounded down to a multiple of {@code step}. */
    record Sizing(Mode mode, BigDecimal value, BigDecimal step) {
        enum Mode {
            /** A fixed number of units; 0 means as many as the cash buys. */
            QUANTITY,
            /** A fixed amount of the account currency. */
            AMOUNT,
            /** A percentage of equity. */
            EQUITY_PCT,
            /** A percentage of cash. */
            CASH_PCT,
            /** Risk a percentage of equity between the entry and the stop-loss. */
            RISK_PCT
        }
    }
}
