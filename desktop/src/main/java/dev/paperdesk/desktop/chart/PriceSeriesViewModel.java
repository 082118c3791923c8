package dev.paperdesk.desktop.chart;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.TradingSession;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;

/**
 * A bounded series of (engine time, mid) for one instrument. Quotes are buffered on the engine
 * thread and appended on the UI thread once a frame; {@link #versionProperty} ticks after each batch.
 */
public final class PriceSeriesViewModel {
    /** How many points the series keeps. */
    public static final int CAPACITY = 2_000;

    private final ObjectProperty<InstrumentId> instrument;
    private final ConcurrentLinkedQueue<Quote> inbox = new ConcurrentLinkedQueue<>();
    private final double[] times = new double[CAPACITY];
    private final double[] mids = new double[CAPACITY];
    private int size;
    private final LongProperty version = new SimpleLongProperty();

    public PriceSeriesViewModel(TradingSession session, UiExecutor ui, ObjectProperty<InstrumentId> instrument) {
        this.instrument = instrument;
        instrument.addListener((o, a, b) -> {
            size = 0;
            inbox.clear();
            session.quote(b).ifPresent(this::append);
            version.set(version.get() + 1);
        });
        session.addListener(e -> {
            if (e instanceof EngineEvent.QuoteUpdated q
                    && q.quote().instrumentId().equals(instrument.get())) {
                inbox.add(q.quote());
                ui.coalesce("price-series", this::drain);
            }
        });
        if (instrument.get() != null) {
            session.quote(instrument.get()).ifPresent(this::append);
        }
    }

    private void drain() {
        Quote q;
        boolean any = false;
        while ((q = inbox.poll()) != null) {
            if (q.instrumentId().equals(instrument.get())) {
                append(q);
                any = true;
            }
        }
        if (any) {
            version.set(version.get() + 1);
        }
    }

    private void append(Quote q) {
        if (size == CAPACITY) {
            System.arraycopy(times, 1, times, 0, CAPACITY - 1);
            System.arraycopy(mids, 1, mids, 0, CAPACITY - 1);
            size--;
        }
        times[size] = Clock.toNanos(q.timestamp()) / 1e9;
        mids[size] = q.mid().toDouble();
        size++;
    }

    /** Seconds since the epoch of each point. */
    public double[] times() {
        return java.util.Arrays.copyOf(times, size);
    }

    public double[] mids() {
        return java.util.Arrays.copyOf(mids, size);
    }

    public int size() {
        return size;
    }

    public LongProperty versionProperty() {
        return version;
    }

    public ObjectProperty<InstrumentId> instrumentProperty() {
        return instrument;
    }
}
