package dev.paperdesk.engine.execution.book;

/** Receives each price level an order takes from a {@link Liquidity}: its price in ticks and the lots taken there. */
@FunctionalInterface
public interface LevelSink {
    void level(long priceTicks, long lots);

    /** Ignores every level. */
    LevelSink NONE = (p, l) -> {};
}
