package dev.paperdesk.engine.session;

import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.FundingRate;
import dev.paperdesk.engine.market.MarkPrice;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** A hand-built feed: quotes, mark prices and funding settlements at fixed offsets from the start. */
final class ScriptedFeed implements MarketDataFeed {
    private final List<Instrument> instruments;
    private final List<Scheduled> script = new ArrayList<>();
    private final List<EventLoop.Timer> timers = new ArrayList<>();

    private record Scheduled(Duration at, BiConsumer<MarketDataSink, Instant> event) {}

    ScriptedFeed(List<Instrument> instruments) {
        this.instruments = List.copyOf(instruments);
    }

    /** A quote with a one-tick spread around {@code mid} (bid = mid − half, ask = mid + half). */
    ScriptedFeed quote(Duration at, InstrumentId id, String bid, String ask) {
        script.add(new Scheduled(
                at,
                (sink, t) -> sink.onQuote(new Quote(
                        id, t, Price.of(bid), Price.of(ask), Quantity.of(1_000_000), Quantity.of(1_000_000)))));
        return this;
    }

    /** A mark price (index = mark) and, with it, a quote of the same price. */
    ScriptedFeed mark(Duration at, InstrumentId id, String mark) {
        BigDecimal m = new BigDecimal(mark);
        script.add(new Scheduled(at, (sink, t) -> {
            sink.onQuote(new Quote(
                    id,
                    t,
                    Price.of(m.subtract(new BigDecimal("0.1"))),
                    Price.of(m.add(new BigDecimal("0.1"))),
                    Quantity.of(1_000_000),
                    Quantity.of(1_000_000)));
            sink.onMarkPrice(new MarkPrice(id, t, Price.of(m), Price.of(m), BigDecimal.ZERO, t.plusSeconds(3600)));
        }));
        return this;
    }

    ScriptedFeed funding(Duration at, InstrumentId id, String rate, String mark) {
        script.add(new Scheduled(
                at, (sink, t) -> sink.onFundingRate(new FundingRate(id, t, new BigDecimal(rate), 8, Price.of(mark)))));
        return this;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public void start(EventLoop loop, MarketDataSink sink) {
        long start = loop.nowNanos();
        for (Scheduled s : script) {
            timers.add(loop.schedule(
                    start + s.at.toNanos(),
                    () -> s.event.accept(sink, loop.clock().now())));
        }
    }

    @Override
    public void stop() {
        timers.forEach(EventLoop.Timer::cancel);
    }
}
