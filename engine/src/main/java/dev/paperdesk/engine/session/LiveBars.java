package dev.paperdesk.engine.session;

import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.market.bars.BarAggregator;
import dev.paperdesk.engine.market.bars.GapPolicy;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candles of the live market: trades aggregate into 1m … 1d bars per instrument; completed bars are
 * appended to the workspace in one transaction per flush, and the bars being built are published
 * with every trade so charts can draw the live candle. Runs on the event loop thread.
 */
final class LiveBars {
    private static final Logger LOG = LoggerFactory.getLogger(LiveBars.class);
    static final EnumSet<Timeframe> TIMEFRAMES = EnumSet.allOf(Timeframe.class);

    private final Map<InstrumentId, Instrument> instruments;
    private final Optional<BarStore> store;
    private final Consumer<EngineEvent> publish;
    private final Map<InstrumentId, BarAggregator> aggregators = new HashMap<>();
    private final List<Bar> completed = new ArrayList<>();

    LiveBars(Map<InstrumentId, Instrument> instruments, Optional<BarStore> store, Consumer<EngineEvent> publish) {
        this.instruments = instruments;
        this.store = store;
        this.publish = publish;
    }

    void onTrade(TradePrint trade) {
        Instrument instrument = instruments.get(trade.instrumentId());
        if (instrument == null) {
            return;
        }
        BarAggregator aggregator = aggregators.computeIfAbsent(
                trade.instrumentId(), id -> BarAggregator.of(instrument, TIMEFRAMES, GapPolicy.SKIP, this::completed));
        aggregator.onTrade(trade);
        List<Bar> current = new ArrayList<>(TIMEFRAMES.size());
        for (Timeframe tf : TIMEFRAMES) {
            aggregator.current(tf).ifPresent(current::add);
        }
        publish.accept(new EngineEvent.BarsUpdated(trade.instrumentId(), current));
    }

    private void completed(Bar bar) {
        if (store.isPresent()) { // an in-memory workspace keeps no history (and has no flush timer)
            completed.add(bar);
        }
    }

    /** Writes the bars completed since the last flush; called by a timer and on close. */
    void flush() {
        if (completed.isEmpty()) {
            return;
        }
        Map<SeriesKey, List<Bar>> batches = new LinkedHashMap<>();
        for (Bar b : completed) {
            batches.computeIfAbsent(new SeriesKey(b.instrumentId(), b.timeframe()), k -> new ArrayList<>())
                    .add(b);
        }
        completed.clear();
        store.ifPresent(s -> {
            for (BarStore.InsertResult r : s.appendAll(batches)) {
                if (r instanceof BarStore.InsertResult.Refused refused) {
                    LOG.warn("live bars not stored: {}", refused.message());
                }
            }
        });
    }
}
