package dev.paperdesk.engine.portfolio;

/** Kinds of cash movement recorded in a portfolio's ledger. */
public enum LedgerKind {
    /** The starting balance. */
    DEPOSIT,
    /** Money added later; tracked apart from P&amp;L. */
    TOP_UP,
    /** Cash paid for a buy or received for a sell (notional, signed). */
    TRADE,
    /** Commission or exchange fee (always a debit). */
    FEE,
    /** Perpetual funding payment (signed). */
    FUNDING,
    /** Short borrow fee (always a debit). */
    BORROW,
    /** Return of cash to the starting balance on reset. */
    RESET
}
