package dev.paperdesk.engine.model;

/** The part an order plays in its {@link OrderGroupKind group}. */
public enum OrderRole {
    OCO_LEG,
    ENTRY,
    TAKE_PROFIT,
    STOP_LOSS,
    COMBO_LEG
}
