package dev.paperdesk.engine.model;

/** How the orders of a group depend on each other. */
public enum OrderGroupKind {
    /** One-cancels-other: when one leg executes (even partly), the other is cancelled. */
    OCO,
    /** Entry plus take-profit and stop-loss children that activate when the entry fills and form an OCO pair. */
    BRACKET,
    /** Several legs that execute together, all of them in full, or not at all. */
    COMBO
}
