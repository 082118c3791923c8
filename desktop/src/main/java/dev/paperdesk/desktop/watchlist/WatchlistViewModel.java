package dev.paperdesk.desktop.watchlist;

import dev.paperdesk.desktop.common.Lists;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Rows of the watchlist, refreshed at most once a frame however fast quotes arrive. */
public final class WatchlistViewModel {
    /**
     * One instrument's line. {@code change} is the fractional change of the mid since the session's
     * first quote (NaN before the first quote); {@code tick} is +1/−1/0 for the last move.
     */
    public record Row(
            InstrumentId id,
            AssetClass assetClass,
            BigDecimal bid,
            BigDecimal ask,
            BigDecimal mid,
            BigDecimal spread,
            double change,
            int tick) {}

    private final TradingSession session;
    private final List<Instrument> instruments;
    private final Map<InstrumentId, BigDecimal> firstMid = new HashMap<>();
    private final Map<InstrumentId, BigDecimal> lastMid = new HashMap<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<InstrumentId> selected = new SimpleObjectProperty<>();

    public WatchlistViewModel(TradingSession session, UiExecutor ui) {
        this.session = session;
        this.instruments = session.instruments().stream()
                .sorted(java.util.Comparator.comparing((Instrument i) -> i.assetClass())
                        .thenComparing(Instrument::id))
                .toList();
        session.addListener(e -> {
            if (e instanceof EngineEvent.QuoteUpdated) {
                ui.coalesce("watchlist", this::refresh);
            }
        });
        refresh();
        if (!instruments.isEmpty()) {
            selected.set(instruments.get(0).id());
        }
    }

    /** Rebuilds rows from the latest quotes; runs on the UI thread. */
    public void refresh() {
        List<Row> next = new ArrayList<>(instruments.size());
        for (Instrument i : instruments) {
            Quote q = session.quote(i.id()).orElse(null);
            if (q == null) {
                next.add(new Row(i.id(), i.assetClass(), null, null, null, null, Double.NaN, 0));
                continue;
            }
            BigDecimal mid = q.mid().value();
            BigDecimal first = firstMid.computeIfAbsent(i.id(), k -> mid);
            BigDecimal previous = lastMid.put(i.id(), mid);
            int tick = previous == null ? 0 : mid.compareTo(previous);
            double change = mid.doubleValue() / first.doubleValue() - 1.0;
            next.add(new Row(
                    i.id(),
                    i.assetClass(),
                    q.bid().value(),
                    q.ask().value(),
                    mid,
                    q.spread().value(),
                    change,
                    tick));
        }
        Lists.replace(rows, next);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The instrument the chart and ticket follow. */
    public ObjectProperty<InstrumentId> selectedProperty() {
        return selected;
    }
}
