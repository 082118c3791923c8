package dev.paperdesk.engine.execution.models;

/** What market data an instrument has, which decides how {@link FillModel.Auto} fills it. */
public enum DataKind {
    /** The simulator's live book, depleted by paper orders. */
    LIVE_BOOK,
    /** Published L2 snapshots, depleted by our own model. */
    BOOK_SNAPSHOTS,
    /** Best bid and offer only. */
    QUOTES,
    /** Bars only (imported history). */
    BARS
}
