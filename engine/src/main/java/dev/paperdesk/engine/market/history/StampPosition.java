package dev.paperdesk.engine.market.history;

/**
 * Which end of its interval a file's stamp names. Stored bars are always keyed by their open time;
 * a close stamp is moved back by one timeframe. A date-only stamp always names the bar's own day.
 */
public enum StampPosition {
    OPEN,
    CLOSE
}
