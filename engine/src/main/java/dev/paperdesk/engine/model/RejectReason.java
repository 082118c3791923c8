package dev.paperdesk.engine.model;

/** Why an order was rejected; shown to the user verbatim with the rejection's message. */
public enum RejectReason {
    INVALID_QUANTITY,
    INVALID_TICK,
    INVALID_LOT,
    INVALID_PRICE,
    UNKNOWN_INSTRUMENT,
    UNKNOWN_PORTFOLIO,
    PORTFOLIO_ARCHIVED,
    NO_MARKET_PRICE,
    INSUFFICIENT_FUNDS,
    MARKET_CLOSED,
    POST_ONLY_WOULD_CROSS,
    FOK_NOT_FILLABLE,
    REDUCE_ONLY_WOULD_INCREASE,
    UNSUPPORTED_ORDER,
    INVALID_EXPIRY,
    INVALID_GROUP,
    NO_LIQUIDITY,
    COMBO_NOT_FILLABLE,
    ORDER_NOT_WORKING,
    RISK_LIMIT
}
