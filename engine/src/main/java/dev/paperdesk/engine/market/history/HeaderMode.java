package dev.paperdesk.engine.market.history;

/** Whether a file's first row names its columns. */
public enum HeaderMode {
    /** The first row is a header. */
    PRESENT,
    /** Every row is data. */
    ABSENT,
    /** The first row is a header when its stamp cell does not parse as a stamp (Binance files come both ways). */
    DETECT
}
