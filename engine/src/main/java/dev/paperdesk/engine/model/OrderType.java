package dev.paperdesk.engine.model;

/** Order types; which price fields each needs is checked by {@link OrderRequest}. */
public enum OrderType {
    MARKET(false, false),
    LIMIT(true, false),
    STOP(false, true),
    STOP_LIMIT(true, true),
    TAKE_PROFIT(false, true),
    TAKE_PROFIT_LIMIT(true, true),
    TRAILING_STOP(false, false),
    TRAILING_STOP_LIMIT(true, false);

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

    public static OrderType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown order type '" + text + "'", e);
        }
    }
}
