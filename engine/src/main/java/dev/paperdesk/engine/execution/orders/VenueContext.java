package dev.paperdesk.engine.execution.orders;

import dev.paperdesk.engine.market.TradingHours;
import dev.paperdesk.engine.market.sim.OrderBook;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** What the {@link PaperVenue} needs from the engine that hosts it; every call happens on the event loop thread. */
public interface VenueContext {
    long nowNanos();

    Instant now();

    /** Runs {@code task} at {@code atNanos} as one engine step (its reports are committed together). */
    void schedule(long atNanos, Runnable task);

    /** The signed position, including fills reported earlier in the current step. */
    BigDecimal position(PortfolioId portfolio, InstrumentId instrument);

    /** A journaled transition of an order; a {@link OrderEvent.Filled} carries the fill to book. */
    void report(Order order, OrderEvent event);

    /** A change of an order that is not a transition (a trailing stop moved): persisted and published, not journaled. */
    void updated(Order order, String note);

    FillId nextFillId();

    TradingHours hours(Instrument instrument);

    /** The simulator's live book of an instrument, when the market is the simulator. */
    Optional<OrderBook> liveBook(InstrumentId instrument);
}
