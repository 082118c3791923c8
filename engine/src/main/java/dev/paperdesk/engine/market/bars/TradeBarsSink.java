package dev.paperdesk.engine.market.bars;

import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Timeframe;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link MarketDataSink} that turns the trades of a set of instruments into bars: one {@link
 * BarAggregator} per instrument, fed from any feed. Quotes close bars whose interval has ended, so
 * a quiet instrument's bar is still published on time.
 */
public final class TradeBarsSink implements MarketDataSink {
    private final Map<InstrumentId, BarAggregator> aggregators = new HashMap<>();

    public TradeBarsSink(
            Collection<Instrument> instruments, Collection<Timeframe> timeframes, GapPolicy gaps, Consumer<Bar> sink) {
        for (Instrument i : instruments) {
            aggregators.put(i.id(), BarAggregator.of(i, timeframes, gaps, sink));
        }
    }

    @Override
    public void onTrade(TradePrint trade) {
        BarAggregator a = aggregators.get(trade.instrumentId());
        if (a != null) {
            a.onTrade(trade);
        }
    }

    @Override
    public void onQuote(Quote quote) {
        BarAggregator a = aggregators.get(quote.instrumentId());
        if (a != null) {
            a.advanceTo(dev.paperdesk.engine.clock.Clock.toNanos(quote.timestamp()));
        }
    }

    /** The aggregator of one instrument. */
    public Optional<BarAggregator> aggregator(InstrumentId id) {
        return Optional.ofNullable(aggregators.get(id));
    }

    /** Publishes every bar still open. */
    public void flush() {
        aggregators.values().stream()
                .sorted((a, b) -> a.instrumentId().compareTo(b.instrumentId()))
                .forEach(BarAggregator::flush);
    }
}
