package dev.paperdesk.engine.portfolio;

/** How a position's margin is held: on its own, or shared with the account. */
public enum MarginMode {
    /** The position shares the account's free equity with every other cross position. */
    CROSS,
    /** The position carries its own margin; its loss is capped at that margin. */
    ISOLATED
}
