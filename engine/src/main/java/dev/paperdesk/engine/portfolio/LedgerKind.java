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
    RESET,
    /** Fee of a liquidation, paid to the insurance fund (always a debit). */
    LIQUIDATION_FEE,
    /** The insurance fund covering a liquidation's loss beyond the position's margin (a credit). */
    INSURANCE,
    /** Auto-deleveraging transfer: a debit on a deleveraged winner, a credit on the liquidated account. */
    ADL
}
