package dev.paperdesk.engine.model;

/** How long an order stays working. */
public enum TimeInForce {
    /** Good till cancelled. */
    GTC,
    /** Expires at the close of the instrument's trading session. */
    DAY,
    /** Good till a given timestamp. */
    GTD,
    /** Immediate or cancel: fill what can be filled now, cancel the rest. */
    IOC,
    /** Fill or kill: fill completely now or not at all. */
    FOK
}
