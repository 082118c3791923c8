package dev.paperdesk.desktop.watchlist;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The watchlist: the instruments the trader follows, grouped by asset class, with last trade,
 * change since the UTC day's first price, bid, ask, spread and the day's volume. The list is kept
 * in the workspace; rows refresh at most once a frame however fast the market is.
 */
public final class WatchlistViewModel {
    /** Settings key of the watched instruments (comma-separated ids). */
    public static final String SETTING = "ui.watchlist";

    /** How long a price change stays highlighted. */
    public static final long FLASH_MILLIS = 450;

    private static final List<String> DEFAULT = List.of(
            "BTC-USDT@binance",
            "BTC-USDT-PERP@binance",
            "ETH-USDT@binance",
            "ETH-USDT-PERP@bybit",
            "SOL-USDT@okx",
            "BNB-USDT@binance",
            "XRP-USDT@kucoin",
            "DOGE-USDT@gate",
            "ADA-USDT-PERP@hyperliquid",
            "SPYX@nasdaq",
            "TECZ@nasdaq",
            "ORBZ@nasdaq",
            "CHPZ@nasdaq",
            "BNKZ@nasdaq",
            "OILZ@nasdaq",
            "EUR/USD@fx",
            "GBP/USD@fx",
            "USD/JPY@fx",
            "EUR/JPY@fx");

    /** Order of the groups: the markets that never close first. */
    private static final List<AssetClass> GROUP_ORDER = List.of(
            AssetClass.CRYPTO_SPOT,
            AssetClass.PERPETUAL,
            AssetClass.FX,
            AssetClass.EQUITY,
            AssetClass.ETF,
            AssetClass.OPTION);

    /** One line. {@code tick} is +1/−1/0 for the last price move; {@code flashUntil} is in epoch millis. */
    public record Row(
            InstrumentId id,
            AssetClass assetClass,
            BigDecimal last,
            double change,
            BigDecimal bid,
            BigDecimal ask,
            BigDecimal spread,
            BigDecimal volume,
            int tick,
            long flashUntil) {}

    /** A group of rows under an asset-class heading. */
    public record Group(AssetClass assetClass, List<Row> rows) {}

    /** Day statistics from public trades, updated on the engine thread. */
    private static final class DayStats {
        LocalDate day;
        BigDecimal first;
        BigDecimal last;
        BigDecimal volume = BigDecimal.ZERO;
    }

    private final TradingSession session;
    private final LongSupplier clockMillis;
    private final Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
    private final Map<InstrumentId, DayStats> stats = new ConcurrentHashMap<>();
    private final Map<InstrumentId, BigDecimal> shownLast = new ConcurrentHashMap<>();
    private final Map<InstrumentId, long[]> flash = new ConcurrentHashMap<>();
    private final ObservableList<InstrumentId> watched = FXCollections.observableArrayList();
    private final ObservableList<Group> groups = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<InstrumentId> selected = new SimpleObjectProperty<>();

    public WatchlistViewModel(TradingSession session, UiExecutor ui) {
        this(session, ui, System::currentTimeMillis);
    }

    WatchlistViewModel(TradingSession session, UiExecutor ui, LongSupplier clockMillis) {
        this.session = session;
        this.clockMillis = clockMillis;
        for (Instrument i : session.instruments()) {
            instruments.put(i.id(), i);
        }
        watched.setAll(initialList());
        filter.addListener((o, a, b) -> refresh());
        watched.addListener((javafx.collections.ListChangeListener<InstrumentId>) c -> {
            session.putSetting(
                    SETTING,
                    String.join(
                            ",", watched.stream().map(InstrumentId::toString).toList()));
            refresh();
        });
        session.addListener(e -> {
            switch (e) {
                case EngineEvent.TradePrinted t -> onTrade(t.trade());
                case EngineEvent.QuoteUpdated q -> ui.coalesce("watchlist", this::refresh);
                default -> {}
            }
        });
        refresh();
        if (!watched.isEmpty()) {
            selected.set(watched.get(0));
        }
    }

    private List<InstrumentId> initialList() {
        String saved = session.setting(SETTING).orElse(null);
        List<InstrumentId> ids = new ArrayList<>();
        if (saved != null) {
            for (String s : saved.split(",")) {
                try {
                    InstrumentId id = InstrumentId.parse(s.trim());
                    if (instruments.containsKey(id) && !ids.contains(id)) {
                        ids.add(id);
                    }
                } catch (IllegalArgumentException ignored) {
                    // An id that no longer parses is dropped from the list.
                }
            }
            return ids;
        }
        for (String s : DEFAULT) {
            InstrumentId id = InstrumentId.parse(s);
            if (instruments.containsKey(id)) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            instruments.keySet().stream().limit(20).forEach(ids::add);
        }
        return ids;
    }

    private void onTrade(TradePrint t) {
        DayStats s = stats.computeIfAbsent(t.instrumentId(), k -> new DayStats());
        synchronized (s) {
            LocalDate day = LocalDate.ofInstant(t.timestamp(), ZoneOffset.UTC);
            if (!day.equals(s.day)) {
                s.day = day;
                s.first = t.price().value();
                s.volume = BigDecimal.ZERO;
            }
            s.last = t.price().value();
            s.volume = s.volume.add(t.size().value());
        }
    }

    /** Rebuilds the rows from the latest quotes and trades; runs on the UI thread. */
    public void refresh() {
        String f = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        Map<AssetClass, List<Row>> byClass = new java.util.TreeMap<>(Comparator.comparingInt(GROUP_ORDER::indexOf));
        long now = clockMillis.getAsLong();
        for (InstrumentId id : watched) {
            Instrument instrument = instruments.get(id);
            if (instrument == null
                    || (!f.isEmpty() && !id.toString().toLowerCase(Locale.ROOT).contains(f))) {
                continue;
            }
            byClass.computeIfAbsent(instrument.assetClass(), k -> new ArrayList<>())
                    .add(row(instrument, now));
        }
        List<Group> next = new ArrayList<>();
        byClass.forEach((k, v) -> next.add(new Group(k, v)));
        groups.setAll(next);
    }

    private Row row(Instrument instrument, long now) {
        InstrumentId id = instrument.id();
        Quote q = session.quote(id).orElse(null);
        DayStats s = stats.get(id);
        BigDecimal last = null;
        BigDecimal first = null;
        BigDecimal volume = null;
        if (s != null) {
            synchronized (s) {
                last = s.last;
                first = s.first;
                volume = s.volume;
            }
        }
        if (last == null && q != null) {
            last = q.mid().value();
        }
        int tick = 0;
        long[] flashUntil = flash.computeIfAbsent(id, k -> new long[] {0, 0});
        if (last != null) {
            BigDecimal previous = shownLast.put(id, last);
            if (previous != null && previous.compareTo(last) != 0) {
                flashUntil[0] = now + FLASH_MILLIS;
                flashUntil[1] = last.compareTo(previous);
            }
            tick = now < flashUntil[0] ? (int) flashUntil[1] : 0;
        }
        double change = first == null || last == null || first.signum() == 0
                ? Double.NaN
                : last.doubleValue() / first.doubleValue() - 1.0;
        return new Row(
                id,
                instrument.assetClass(),
                last,
                change,
                q == null ? null : q.bid().value(),
                q == null ? null : q.ask().value(),
                q == null ? null : q.spread().value(),
                volume,
                tick,
                flashUntil[0]);
    }

    /** Instruments not yet watched whose id contains {@code text}, for the add-symbol suggestions. */
    public List<InstrumentId> suggestions(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return instruments.keySet().stream()
                .filter(id -> !watched.contains(id))
                .filter(id -> id.toString().toLowerCase(Locale.ROOT).contains(t))
                .sorted(Comparator.comparing(InstrumentId::toString))
                .limit(30)
                .toList();
    }

    /**
     * Adds an instrument by its id (or the only instrument matching the text); returns a message when
     * nothing was added.
     */
    public java.util.Optional<String> add(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return java.util.Optional.of("Type a symbol, e.g. ETH-USDT@okx");
        }
        InstrumentId match = instruments.keySet().stream()
                .filter(id -> id.toString().equalsIgnoreCase(t))
                .findFirst()
                .orElse(null);
        if (match == null) {
            List<InstrumentId> candidates = suggestions(t);
            if (candidates.size() == 1) {
                match = candidates.get(0);
            } else if (candidates.isEmpty()) {
                return java.util.Optional.of("No instrument matches '" + t + "'");
            } else {
                return java.util.Optional.of(candidates.size() + " instruments match '" + t + "'; pick one");
            }
        }
        if (watched.contains(match)) {
            return java.util.Optional.of(match + " is already in the watchlist");
        }
        watched.add(match);
        selected.set(match);
        return java.util.Optional.empty();
    }

    public void remove(InstrumentId id) {
        watched.remove(id);
    }

    public ObservableList<InstrumentId> watched() {
        return watched;
    }

    public ObservableList<Group> groups() {
        return groups;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The instrument the chart, the book and the ticket follow. */
    public ObjectProperty<InstrumentId> selectedProperty() {
        return selected;
    }
}
