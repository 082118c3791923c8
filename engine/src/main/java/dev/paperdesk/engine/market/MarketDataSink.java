package dev.paperdesk.engine.market;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Quote;

/** Where a feed delivers market data; always called on the event loop thread. */
public interface MarketDataSink {
    void onQuote(Quote quote);

    /** A completed bar, delivered at its close time; sinks that only follow quotes ignore it. */
    default void onBar(Bar bar) {}
}
