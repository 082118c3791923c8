package dev.paperdesk.desktop.book;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.EngineListener;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The time &amp; sales tape of the selected instrument: its latest {@value #CAPACITY} public trades,
 * newest first, collected on the engine thread and handed to the UI at most once a frame. The tape
 * starts empty when the instrument changes: the engine keeps no trade history.
 */
public final class TimeAndSalesViewModel implements AutoCloseable {
    /** Trades kept on the tape. */
    public static final int CAPACITY = 200;

    /** One public trade; {@code aggressor} is the side that crossed the spread. */
    public record TradeRow(Instant time, BigDecimal price, BigDecimal size, Side aggressor) {}

    private final TradingSession session;
    private final ObjectProperty<InstrumentId> instrument;
    private final UiExecutor ui;
    private final String key = "tape@" + System.identityHashCode(this);
    private final EngineListener listener;
    private final ChangeListener<InstrumentId> instrumentListener;
    private final ArrayDeque<TradePrint> pending = new ArrayDeque<>();
    private final ObservableList<TradeRow> trades = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper priceDecimals = new ReadOnlyIntegerWrapper(2);
    private final ReadOnlyIntegerWrapper sizeDecimals = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper();
    private volatile InstrumentId current;

    public TimeAndSalesViewModel(TradingSession session, UiExecutor ui, ObjectProperty<InstrumentId> instrument) {
        this.session = Objects.requireNonNull(session, "session");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.listener = e -> {
            if (e instanceof EngineEvent.TradePrinted t
                    && t.trade().instrumentId().equals(current)) {
                offer(t.trade());
            }
        };
        this.instrumentListener = (o, a, b) -> follow(b);
        follow(instrument.get());
        instrument.addListener(instrumentListener);
        session.addListener(listener);
    }

    /** Engine thread: queues the trade; older ones beyond the tape's length are dropped at once. */
    private void offer(TradePrint trade) {
        synchronized (pending) {
            pending.addLast(trade);
            if (pending.size() > CAPACITY) {
                pending.removeFirst();
            }
        }
        ui.coalesce(key, this::flush);
    }

    /** Moves the queued trades onto the tape; runs on the UI thread. */
    void flush() {
        List<TradePrint> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        InstrumentId id = current;
        List<TradeRow> newestFirst = new ArrayList<>(batch.size());
        for (int i = batch.size() - 1; i >= 0; i--) {
            TradePrint t = batch.get(i);
            // A trade queued just before the instrument changed belongs to the old tape.
            if (t.instrumentId().equals(id)) {
                newestFirst.add(
                        new TradeRow(t.timestamp(), t.price().value(), t.size().value(), t.aggressor()));
            }
        }
        if (newestFirst.isEmpty()) {
            return;
        }
        trades.addAll(0, newestFirst);
        if (trades.size() > CAPACITY) {
            trades.remove(CAPACITY, trades.size());
        }
    }

    private void follow(InstrumentId id) {
        current = id;
        synchronized (pending) {
            pending.clear();
        }
        trades.clear();
        if (id == null) {
            placeholder.set("Select an instrument");
            return;
        }
        Instrument spec = session.instrument(id).orElse(null);
        priceDecimals.set(spec == null ? 2 : Formats.decimalsOf(spec.tickSize()));
        sizeDecimals.set(spec == null ? 0 : Formats.decimalsOf(spec.lotSize()));
        placeholder.set("No trades in " + id + " yet");
    }

    /** The tape, newest trade first, at most {@link #CAPACITY} rows. */
    public ObservableList<TradeRow> trades() {
        return trades;
    }

    /** Decimals of the instrument's tick size: every price on the tape is written with them. */
    public ReadOnlyIntegerProperty priceDecimalsProperty() {
        return priceDecimals.getReadOnlyProperty();
    }

    /** Decimals of the instrument's lot size. */
    public ReadOnlyIntegerProperty sizeDecimalsProperty() {
        return sizeDecimals.getReadOnlyProperty();
    }

    /** What an empty tape says. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ObjectProperty<InstrumentId> instrumentProperty() {
        return instrument;
    }

    /** Stops listening to the engine. */
    @Override
    public void close() {
        session.removeListener(listener);
        instrument.removeListener(instrumentListener);
    }
}
