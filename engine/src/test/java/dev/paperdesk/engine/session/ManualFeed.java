package dev.paperdesk.engine.session;

import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.model.Instrument;
import java.util.List;
import java.util.function.Consumer;

/** A feed the test drives: each push runs on the engine loop at the current engine time. */
final class ManualFeed implements MarketDataFeed {
    private final List<Instrument> instruments;
    private EventLoop loop;
    private MarketDataSink sink;

    ManualFeed(List<Instrument> instruments) {
        this.instruments = List.copyOf(instruments);
    }

    /** Queues market data; it is delivered by the session's next {@code advance}. */
    void push(Consumer<MarketDataSink> event) {
        loop.execute(() -> event.accept(sink));
    }

    /** The engine time (the loop's clock). */
    java.time.Instant now() {
        return loop.clock().now();
    }

    @Override
    public String name() {
        return "manual";
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public void start(EventLoop loop, MarketDataSink sink) {
        this.loop = loop;
        this.sink = sink;
    }

    @Override
    public void stop() {
        sink = null;
    }
}
