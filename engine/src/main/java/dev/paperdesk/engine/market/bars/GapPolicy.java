package dev.paperdesk.engine.market.bars;

/** What to publish for an interval without trades. */
public enum GapPolicy {
    /** Nothing: the series has a hole (the usual convention of exchange candle APIs). */
    SKIP,
    /** A flat bar at the previous close with zero volume, so the series is regular. */
    FILL_FLAT
}
