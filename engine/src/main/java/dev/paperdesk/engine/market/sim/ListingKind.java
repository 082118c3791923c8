package dev.paperdesk.engine.market.sim;

/** How a listing's mid relates to its underlying. */
public enum ListingKind {
    /** Crypto spot: the fair value times the venue's basis. */
    SPOT,
    /** A perpetual swap: the index times one plus the venue's premium; settles funding. */
    PERPETUAL,
    /** A single-venue listing (equities, ETFs, FX) quoted around the fair value. */
    DIRECT
}
