package dev.paperdesk.desktop.margin;

import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarkPrice;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A perpetual whose mark (and a one-tick quote around it) is set at fixed hours from the start. */
final class MarkFeed implements MarketDataFeed {
    static final InstrumentId PERP = new InstrumentId("BTC-USDT-PERP", "sim");
    static final Instrument BTC_PERP = new Instrument.Perpetual(
            PERP, Currency.BTC, Currency.USDT, new BigDecimal("0.1"), new BigDecimal("0.001"), BigDecimal.ONE, 8);

    private final Map<Duration, String> marks = new LinkedHashMap<>();

    MarkFeed at(Duration when, String mark) {
        marks.put(when, mark);
        return this;
    }

    @Override
    public String name() {
        return "marks";
    }

    @Override
    public List<Instrument> instruments() {
        return List.of(BTC_PERP);
    }

    @Override
    public void start(EventLoop loop, MarketDataSink sink) {
        long start = loop.nowNanos();
        marks.forEach((when, mark) -> loop.schedule(start + when.toNanos(), () -> {
            var t = loop.clock().now();
            BigDecimal m = new BigDecimal(mark);
            sink.onQuote(new Quote(
                    PERP,
                    t,
                    Price.of(m.subtract(new BigDecimal("0.1"))),
                    Price.of(m.add(new BigDecimal("0.1"))),
                    Quantity.of(10),
                    Quantity.of(10)));
            sink.onMarkPrice(new MarkPrice(PERP, t, Price.of(m), Price.of(m), BigDecimal.ZERO, t.plusSeconds(3600)));
        }));
    }

    @Override
    public void stop() {}
}
