package dev.paperdesk.engine.arbitrage;

/** Why an opportunity was not traded or an entry was abandoned; {@link #key} is the JSON/CSV name. */
public enum RejectReason {
    /** Hard constraint: a book holds less than twice the position size within 2 bps. */
    DEPTH("depth"),
    /** Hard constraint: a venue of the pair is stale (rolling latency above the limit). */
    LATENCY("latency"),
    /** Hard constraint: the funding delta per 8 h does not exceed the floor. */
    FUNDING_DELTA("funding_delta"),
    /** The spread does not cover fees and funding cost, or is below the minimum. */
    SPREAD("spread"),
    /** The confidence score is below the minimum. */
    CONFIDENCE("confidence"),
    /** The projected profit after slippage is not positive. */
    PROFIT("profit"),
    /** A venue holds less than the minimum depth within 2 bps. */
    LIQUIDITY("liquidity"),
    /** Not enough available capital, or the size rounds to nothing on the venues' lots. */
    CAPITAL("capital"),
    /** The harder leg's limit order did not fill within the leg timeout; cancelled. */
    HARDER_LEG_UNFILLED("harder_leg_unfilled");

    private final String key;

    RejectReason(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
