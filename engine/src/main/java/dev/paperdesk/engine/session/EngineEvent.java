package dev.paperdesk.engine.session;

import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;

/** What the engine tells its listeners. Immutable; delivered on the event loop thread. */
public sealed interface EngineEvent {
    /** A new best bid/offer. */
    record QuoteUpdated(Quote quote) implements EngineEvent {}

    /** An order moved in its lifecycle. */
    record OrderUpdated(Order order, OrderEvent event) implements EngineEvent {}

    /** A new L2 book of an instrument. */
    record BookUpdated(BookSnapshot book) implements EngineEvent {}

    /** A public trade on a venue. */
    record TradePrinted(TradePrint trade) implements EngineEvent {}

    /** The bars being built for an instrument after a trade, one per timeframe that has one. */
    record BarsUpdated(
            dev.paperdesk.engine.model.InstrumentId instrumentId,
            java.util.List<dev.paperdesk.engine.model.Bar> current)
            implements EngineEvent {}

    /** A fill was booked into a portfolio. */
    record FillBooked(Fill fill) implements EngineEvent {}

    /** A portfolio's cash, positions or valuation changed. */
    record PortfolioChanged(PortfolioSnapshot snapshot) implements EngineEvent {}

    /** Margin warnings, liquidations, funding, risk warnings and portfolio operations. */
    record Account(AccountEvent event) implements EngineEvent {}

    /** Something went wrong inside the engine; the message is meant for the user. */
    record EngineError(String message) implements EngineEvent {}
}
