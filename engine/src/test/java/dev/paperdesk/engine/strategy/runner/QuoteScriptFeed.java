package dev.paperdesk.engine.strategy.runner;

import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A feed of hand-written quotes at fixed offsets from the session start, in script order. */
final class QuoteScriptFeed implements MarketDataFeed {
    private final List<Instrument> instruments;
    private final List<Scripted> script = new ArrayList<>();

    private record Scripted(Duration at, InstrumentId id, String bid, String ask) {}

    QuoteScriptFeed(List<Instrument> instruments) {
        this.instruments = List.copyOf(instruments);
    }

    /** A quote with a million on each side, so the touch fills any test order in full. */
    QuoteScriptFeed quote(int second, InstrumentId id, String bid, String ask) {
        script.add(new Scripted(Duration.ofSeconds(second), id, bid, ask));
        return this;
    }

    @Override
    public String name() {
        return "quote script";
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public void start(EventLoop loop, MarketDataSink sink) {
        long start = loop.nowNanos();
        for (Scripted s : script) {
            loop.schedule(
                    start + s.at().toNanos(),
                    () -> sink.onQuote(new Quote(
                            s.id(),
                            loop.clock().now(),
                            Price.of(s.bid()),
                            Price.of(s.ask()),
                            Quantity.of(1_000_000),
                            Quantity.of(1_000_000))));
        }
    }

    @Override
    public void stop() {}
}
