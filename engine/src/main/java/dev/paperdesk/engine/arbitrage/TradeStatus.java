package dev.paperdesk.engine.arbitrage;

/** Where an arbitrage trade is in its life: Pending → Active → Exiting → Closed. */
public enum TradeStatus {
    /** Entry orders working. */
    PENDING,
    /** Both legs filled (or the second hedged). */
    ACTIVE,
    /** Exit orders working. */
    EXITING,
    /** Both legs closed; profit realised. */
    CLOSED
}
