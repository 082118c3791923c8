package dev.paperdesk.engine.market;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Quote;

/**
 * Where a feed delivers market data; always called on the event loop thread.
 *
 * <p>Only quotes are mandatory; the other kinds default to being ignored so that a sink subscribes
 * to what it needs by overriding it.
 */
public interface MarketDataSink {
    void onQuote(Quote quote);

    /** A completed bar, delivered at its close time; sinks that only follow quotes ignore it. */
    default void onBar(Bar bar) {}

    /** A public trade. */
    default void onTrade(TradePrint trade) {}

    /** An L2 order book snapshot. */
    default void onBook(BookSnapshot book) {}

    /** Mark and index price of a perpetual swap. */
    default void onMarkPrice(MarkPrice mark) {}

    /** A funding settlement of a perpetual swap. */
    default void onFundingRate(FundingRate funding) {}

    /** Open interest of a derivative. */
    default void onOpenInterest(OpenInterest openInterest) {}
}
