package dev.paperdesk.engine.portfolio;

/** What a breached advisory risk limit does to an order. */
public enum LimitMode {
    /** The order goes through; the trader sees a warning naming the limit. */
    WARN,
    /** The order is rejected with the limit's name and numbers. */
    BLOCK
}
