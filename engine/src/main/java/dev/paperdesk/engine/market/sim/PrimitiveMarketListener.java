package dev.paperdesk.engine.market.sim;

/**
 * Receives simulator output as primitives: prices in ticks, sizes in lots, listings by index in
 * {@link MarketSimulator#listings()}. This is the allocation-free fast path; {@link
 * DecimalEventBridge} turns it into the exact decimal events of {@link
 * dev.paperdesk.engine.market.MarketDataSink}.
 */
public interface PrimitiveMarketListener {
    /** The best bid and offer changed (or was published for the first time). */
    void quote(int listing, long nanos, long bidTicks, long bidLots, long askTicks, long askLots);

    /** A trade printed at one price level. */
    void trade(int listing, long nanos, long priceTicks, long lots, boolean buyerAggressor);

    /** A book snapshot is due; read the live book, do not keep it. */
    default void book(int listing, long nanos, OrderBook book) {}

    /** Mark and index price of a perpetual, with the funding rate accrued so far in the interval. */
    default void mark(
            int listing,
            long nanos,
            double markPrice,
            double indexPrice,
            double estimatedFundingRate,
            long nextFundingNanos) {}

    /** A funding interval of a perpetual settled at {@code fundingTimeNanos}. */
    default void funding(int listing, long nanos, long fundingTimeNanos, double rate, double markPrice) {}

    /** Open interest of a perpetual, in lots. */
    default void openInterest(int listing, long nanos, long lots) {}
}
