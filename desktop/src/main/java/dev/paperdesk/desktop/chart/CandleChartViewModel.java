package dev.paperdesk.desktop.chart;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.indicator.BollingerBands;
import dev.paperdesk.engine.indicator.Ema;
import dev.paperdesk.engine.indicator.Sma;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.TradingSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Candles of the selected instrument and timeframe: stored history from the workspace plus the
 * live candle from the engine, with SMA/EMA/Bollinger overlays and the portfolio's fills as markers.
 * History loads off the UI thread; live updates are coalesced to one per frame.
 */
public final class CandleChartViewModel {
    /** How many candles the chart loads. */
    public static final int HISTORY = 300;

    public static final int SMA_PERIOD = 20;
    public static final int EMA_PERIOD = 50;
    public static final int BOLLINGER_PERIOD = 20;
    public static final double BOLLINGER_WIDTH = 2.0;

    /** Everything the view draws, as plain arrays (seconds since the epoch on the x axis). */
    public record Series(
            InstrumentId instrument,
            Timeframe timeframe,
            List<Bar> bars,
            double[] time,
            double[] sma,
            double[] ema,
            double[] upper,
            double[] lower,
            double[] buyTime,
            double[] buyPrice,
            double[] sellTime,
            double[] sellPrice) {
        static Series empty(InstrumentId id, Timeframe tf) {
            double[] none = new double[0];
            return new Series(id, tf, List.of(), none, none, none, none, none, none, none, none, none);
        }
    }

    private final TradingSession session;
    private final UiExecutor ui;
    private final ObjectProperty<InstrumentId> instrument;
    private final ObjectProperty<Timeframe> timeframe = new SimpleObjectProperty<>(Timeframe.M1);
    private final BooleanProperty showSma = new SimpleBooleanProperty(true);
    private final BooleanProperty showEma = new SimpleBooleanProperty(false);
    private final BooleanProperty showBollinger = new SimpleBooleanProperty(false);
    private final ObjectProperty<Series> series = new SimpleObjectProperty<>();
    private final LongProperty version = new SimpleLongProperty();
    private final AtomicReference<List<Bar>> latestCurrent = new AtomicReference<>();
    private final List<Bar> bars = new ArrayList<>();
    private long generation;

    public CandleChartViewModel(TradingSession session, UiExecutor ui, ObjectProperty<InstrumentId> instrument) {
        this.session = session;
        this.ui = ui;
        this.instrument = instrument;
        series.set(Series.empty(instrument.get(), timeframe.get()));
        instrument.addListener((o, a, b) -> reload());
        timeframe.addListener((o, a, b) -> reload());
        showSma.addListener((o, a, b) -> publish());
        showEma.addListener((o, a, b) -> publish());
        showBollinger.addListener((o, a, b) -> publish());
        session.addListener(e -> {
            if (e instanceof EngineEvent.BarsUpdated b && b.instrumentId().equals(instrument.get())) {
                latestCurrent.set(b.current());
                ui.coalesce("candles-live", this::applyLive);
            } else if (e instanceof EngineEvent.FillBooked f
                    && f.fill().instrumentId().equals(instrument.get())) {
                ui.coalesce("candles-fills", this::publish);
            }
        });
        reload();
    }

    /** Loads the stored history of the current instrument and timeframe, off the UI thread. */
    public void reload() {
        long gen = ++generation;
        InstrumentId id = instrument.get();
        Timeframe tf = timeframe.get();
        bars.clear();
        latestCurrent.set(null);
        series.set(Series.empty(id, tf));
        version.set(version.get() + 1);
        if (id == null) {
            return;
        }
        CompletableFuture.supplyAsync(() -> session.storedBars(id, tf, session.now(), HISTORY))
                .whenComplete((loaded, error) -> ui.post(() -> {
                    if (gen != generation) {
                        return;
                    }
                    if (loaded != null) {
                        List<Bar> live = new ArrayList<>(bars);
                        bars.clear();
                        bars.addAll(loaded);
                        for (Bar b : live) {
                            merge(b);
                        }
                    }
                    publish();
                }));
    }

    private void applyLive() {
        List<Bar> current = latestCurrent.get();
        if (current == null) {
            return;
        }
        for (Bar b : current) {
            if (b.timeframe() == timeframe.get() && b.instrumentId().equals(instrument.get())) {
                merge(b);
                publish();
                return;
            }
        }
    }

    /** Replaces the last bar when it has the same open time, appends a newer one, ignores older ones. */
    private void merge(Bar b) {
        if (bars.isEmpty() || bars.get(bars.size() - 1).openTime().isBefore(b.openTime())) {
            bars.add(b);
            if (bars.size() > HISTORY * 2) {
                bars.subList(0, bars.size() - HISTORY).clear();
            }
        } else if (bars.get(bars.size() - 1).openTime().equals(b.openTime())) {
            bars.set(bars.size() - 1, b);
        }
    }

    private void publish() {
        InstrumentId id = instrument.get();
        Timeframe tf = timeframe.get();
        int n = bars.size();
        double[] time = new double[n];
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = bars.get(i).openTime().getEpochSecond();
            close[i] = bars.get(i).close().doubleValue();
        }
        double[] sma = showSma.get() ? Sma.batch(close, SMA_PERIOD) : new double[0];
        double[] ema = showEma.get() ? Ema.batch(close, EMA_PERIOD) : new double[0];
        double[] upper = new double[0];
        double[] lower = new double[0];
        if (showBollinger.get()) {
            double[][] bb = BollingerBands.batch(close, BOLLINGER_PERIOD, BOLLINGER_WIDTH);
            upper = bb[BollingerBands.UPPER];
            lower = bb[BollingerBands.LOWER];
        }
        List<double[]> buys = new ArrayList<>();
        List<double[]> sells = new ArrayList<>();
        if (n > 0) {
            double first = time[0];
            for (Fill f : session.fills()) {
                if (!f.instrumentId().equals(id)) {
                    continue;
                }
                // A fill is drawn on the candle that contains it.
                double t = tf.floor(f.timestamp()).getEpochSecond();
                if (t >= first) {
                    (f.side() == Side.BUY ? buys : sells)
                            .add(new double[] {t, f.price().toDouble()});
                }
            }
        }
        series.set(new Series(
                id,
                tf,
                List.copyOf(bars),
                time,
                sma,
                ema,
                upper,
                lower,
                column(buys, 0),
                column(buys, 1),
                column(sells, 0),
                column(sells, 1)));
        version.set(version.get() + 1);
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }

    /** The candle whose interval contains {@code epochSeconds}, for the crosshair readout. */
    public Bar barAt(double epochSeconds) {
        Series s = series.get();
        Bar best = null;
        for (Bar b : s.bars()) {
            if (b.openTime().getEpochSecond() <= epochSeconds) {
                best = b;
            } else {
                break;
            }
        }
        return best;
    }

    public ObjectProperty<InstrumentId> instrumentProperty() {
        return instrument;
    }

    public ObjectProperty<Timeframe> timeframeProperty() {
        return timeframe;
    }

    public BooleanProperty showSmaProperty() {
        return showSma;
    }

    public BooleanProperty showEmaProperty() {
        return showEma;
    }

    public BooleanProperty showBollingerProperty() {
        return showBollinger;
    }

    /** The latest data to draw; replaced as a whole, so the view can read it without locking. */
    public ObjectProperty<Series> seriesProperty() {
        return series;
    }

    public LongProperty versionProperty() {
        return version;
    }
}
