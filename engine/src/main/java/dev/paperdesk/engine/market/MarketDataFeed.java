package dev.paperdesk.engine.market;

import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.model.Instrument;
import java.util.List;

/**
 * A source of market data (the SPI for simulators, historical replay and future live connectors).
 * A feed schedules its events on the engine's loop, so its data interleaves deterministically with
 * orders and timers.
 */
public interface MarketDataFeed {
    /** A short name shown in the status bar, e.g. {@code simulated (seed 42)}. */
    String name();

    /** The instruments this feed quotes. */
    List<Instrument> instruments();

    /** Starts delivering data into {@code sink} by scheduling tasks on {@code loop}; called on the loop thread. */
    void start(EventLoop loop, MarketDataSink sink);

    /**
     * The feed that produces the data: this one, or for a feed that decorates another (to see the same
     * events), the decorated feed's origin. The engine asks it what kind of market it trades on.
     */
    default MarketDataFeed origin() {
        return this;
    }

    /** Stops scheduling further data; called on the loop thread. */
    void stop();
}
