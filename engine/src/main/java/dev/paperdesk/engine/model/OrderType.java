package dev.paperdesk.engine.model;

/**
 * Order types; which price fields each needs is checked by {@link OrderRequest}. A trailing stop
 * limit needs no limit price: its limit sits {@link OrderRequest#limitOffset()} beyond the stop.
 */
public enum OrderType {
    MARKET(false, false),
    LIMIT(true, false),
    STOP(false, true),
    STOP_LIMIT(true, true),
    TAKE_PROFIT(false, true),
    TAKE_PROFIT_LIMIT(true, true),
    TRAILING_STOP(false, false),
    TRAILING_STOP_LIMIT(false, false);

    private final boolean needsLimit;
    private final boolean needsStop;

    OrderType(boolean needsLimit, boolean needsStop) {
        this.needsLimit = needsLimit;
        this.needsStop = needsStop;
    }

    public boolean needsLimitPrice() {
        return needsLimit;
    }

    public boolean needsStopPrice() {
        return needsStop;
    }

    /** Trailing stops: the stop follows the market by a {@link TrailingOffset}. */
    public boolean isTrailing() {
        return this == TRAILING_STOP || this == TRAILING_STOP_LIMIT;
    }

    /** Orders that wait for a trigger before they can trade. */
    public boolean isConditional() {
        return this != MARKET && this != LIMIT;
    }

    /** Orders that trade at a limit (once triggered, for the conditional ones). */
    public boolean hasLimit() {
        return this == LIMIT || this == STOP_LIMIT || this == TAKE_PROFIT_LIMIT || this == TRAILING_STOP_LIMIT;
    }

    /** Take-profit orders trigger when the price moves in the trader's favour (below for buys). */
    public boolean isTakeProfit() {
        return this == TAKE_PROFIT || this == TAKE_PROFIT_LIMIT;
    }

    public static OrderType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown order type '" + text + "'", e);
        }
    }
}
