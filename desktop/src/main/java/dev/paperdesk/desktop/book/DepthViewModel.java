package dev.paperdesk.desktop.book;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.Lists;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.EngineListener;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The order book ladder of the selected instrument: {@value #LEVELS} levels a side from the latest
 * book snapshot, asks above bids, with cumulative sizes, the spread and the mid, refreshed at most
 * once a frame however fast books arrive. Picking a row turns its price into a limit order to
 * prefill (see {@link PickedPrice} for the side convention).
 *
 * <p>Rows are in display order: index 0 is the farthest ask, {@code LEVELS - 1} the best ask,
 * {@code LEVELS} the best bid and {@code 2 * LEVELS - 1} the farthest bid. Levels the book does not
 * have are blank rows, so the best prices always sit next to the spread.
 */
public final class DepthViewModel implements AutoCloseable {
    /** Levels shown per side. */
    public static final int LEVELS = 20;

    /**
     * A book older than this (engine time) is not shown: the simulated venues publish every second
     * while open, so an old book means the market is closed or the feed stopped.
     */
    public static final Duration STALE_AFTER = Duration.ofSeconds(10);

    static final String NO_INSTRUMENT = "Select an instrument";
    static final String NO_BOOK = "No book for this instrument";

    /** Which side of the book a row shows. */
    public enum BookSide {
        BID,
        ASK;

        /** The side of the limit order a pick on this side prefills: bid → buy, ask → sell. */
        public Side orderSide() {
            return this == BID ? Side.BUY : Side.SELL;
        }
    }

    /**
     * One line of the ladder.
     *
     * @param level 0 for the best price of its side, counting away from the spread
     * @param price the level's price, or null for a blank row (the book has fewer levels)
     * @param cumulative the size from the best level down to this one
     * @param depth {@code cumulative} relative to the deeper side's total over the shown levels, in [0, 1]
     */
    public record LadderRow(
            BookSide side,
            int level,
            BigDecimal price,
            BigDecimal size,
            BigDecimal cumulative,
            double depth,
            String priceText,
            String sizeText) {
        static LadderRow blank(BookSide side, int level) {
            return new LadderRow(side, level, null, null, null, 0.0, "", "");
        }

        public boolean isBlank() {
            return price == null;
        }
    }

    private final TradingSession session;
    private final ObjectProperty<InstrumentId> instrument;
    private final EngineListener listener;
    private final ObservableList<LadderRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BigDecimal> spread = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BigDecimal> mid = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper spreadText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper midText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper asOf = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(NO_INSTRUMENT);
    private final ReadOnlyStringWrapper emptyDetail = new ReadOnlyStringWrapper("");
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<PickedPrice> lastPicked = new ReadOnlyObjectWrapper<>();
    private final List<Consumer<PickedPrice>> pickListeners = new CopyOnWriteArrayList<>();
    private final ChangeListener<InstrumentId> instrumentListener = (o, a, b) -> {
        current = b;
        selectedIndex.set(-1);
        refresh();
    };
    private volatile InstrumentId current;

    public DepthViewModel(TradingSession session, UiExecutor ui, ObjectProperty<InstrumentId> instrument) {
        this.session = Objects.requireNonNull(session, "session");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        for (int i = 0; i < 2 * LEVELS; i++) {
            rows.add(
                    i < LEVELS
                            ? LadderRow.blank(BookSide.ASK, LEVELS - 1 - i)
                            : LadderRow.blank(BookSide.BID, i - LEVELS));
        }
        String key = "depth@" + System.identityHashCode(this);
        this.listener = e -> {
            // Runs on the engine thread: only the instrument's own books schedule a refresh.
            if (e instanceof EngineEvent.BookUpdated b
                    && b.book().instrumentId().equals(current)) {
                ui.coalesce(key, this::refresh);
            }
        };
        current = instrument.get();
        instrument.addListener(instrumentListener);
        session.addListener(listener);
        refresh();
    }

    /** Rebuilds the ladder from the latest book; runs on the UI thread. */
    public void refresh() {
        InstrumentId id = instrument.get();
        if (id == null) {
            showEmpty(NO_INSTRUMENT, "");
            return;
        }
        BookSnapshot book = session.book(id).orElse(null);
        if (book == null || (book.bids().isEmpty() && book.asks().isEmpty())) {
            showEmpty(
                    NO_BOOK,
                    session.instrument(id).isPresent()
                            ? id + " has published no book yet in this session; its market may be closed."
                            : id + " is not traded in this session.");
            return;
        }
        if (Duration.between(book.timestamp(), session.now()).compareTo(STALE_AFTER) > 0) {
            showEmpty(
                    NO_BOOK,
                    "The last book of " + id + " is from " + Formats.time(book.timestamp())
                            + " UTC; its market is closed or quiet.");
            return;
        }
        Optional<Instrument> spec = session.instrument(id);
        int priceDecimals = spec.map(i -> Formats.decimalsOf(i.tickSize())).orElseGet(() -> scaleOf(book));
        int sizeDecimals = spec.map(i -> Formats.decimalsOf(i.lotSize())).orElse(0);

        List<BookLevel> asks =
                book.asks().subList(0, Math.min(LEVELS, book.asks().size()));
        List<BookLevel> bids =
                book.bids().subList(0, Math.min(LEVELS, book.bids().size()));
        BigDecimal[] askCum = cumulative(asks);
        BigDecimal[] bidCum = cumulative(bids);
        BigDecimal deepest = last(askCum).max(last(bidCum));
        double total = deepest.doubleValue();

        List<LadderRow> next = new ArrayList<>(2 * LEVELS);
        for (int level = LEVELS - 1; level >= 0; level--) {
            next.add(row(BookSide.ASK, level, asks, askCum, total, priceDecimals, sizeDecimals));
        }
        for (int level = 0; level < LEVELS; level++) {
            next.add(row(BookSide.BID, level, bids, bidCum, total, priceDecimals, sizeDecimals));
        }
        Lists.replace(rows, next);

        if (!asks.isEmpty() && !bids.isEmpty()) {
            BigDecimal bestBid = bids.get(0).price().value();
            BigDecimal bestAsk = asks.get(0).price().value();
            BigDecimal s = bestAsk.subtract(bestBid);
            BigDecimal m = bestAsk.add(bestBid)
                    .divide(BigDecimal.TWO, Math.max(bestAsk.scale(), bestBid.scale()) + 1, RoundingMode.UNNECESSARY);
            spread.set(s);
            mid.set(m);
            spreadText.set("Spread " + Formats.fixed(s, priceDecimals) + ticks(s, spec));
            midText.set("Mid "
                    + Formats.fixed(
                            m,
                            Math.max(
                                    priceDecimals,
                                    Math.max(0, m.stripTrailingZeros().scale()))));
        } else {
            spread.set(null);
            mid.set(null);
            spreadText.set(asks.isEmpty() ? "No offers" : "No bids");
            midText.set("");
        }
        asOf.set(Formats.timeMillis(book.timestamp()) + " UTC");
        emptyMessage.set("");
        emptyDetail.set("");
        empty.set(false);
    }

    private static String ticks(BigDecimal spread, Optional<Instrument> spec) {
        if (spec.isEmpty()) {
            return "";
        }
        BigDecimal n = spread.divide(spec.get().tickSize(), 0, RoundingMode.HALF_EVEN);
        return " (" + n.toPlainString() + (n.compareTo(BigDecimal.ONE) == 0 ? " tick)" : " ticks)");
    }

    private static LadderRow row(
            BookSide side,
            int level,
            List<BookLevel> levels,
            BigDecimal[] cumulative,
            double total,
            int priceDecimals,
            int sizeDecimals) {
        if (level >= levels.size()) {
            return LadderRow.blank(side, level);
        }
        BookLevel l = levels.get(level);
        BigDecimal cum = cumulative[level];
        double depth = total > 0 ? Math.min(1.0, cum.doubleValue() / total) : 0.0;
        return new LadderRow(
                side,
                level,
                l.price().value(),
                l.size().value(),
                cum,
                depth,
                Formats.fixed(l.price().value(), priceDecimals),
                Formats.fixed(l.size().value(), sizeDecimals));
    }

    private static BigDecimal[] cumulative(List<BookLevel> levels) {
        BigDecimal[] out = new BigDecimal[levels.size()];
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < out.length; i++) {
            sum = sum.add(levels.get(i).size().value());
            out[i] = sum;
        }
        return out;
    }

    private static BigDecimal last(BigDecimal[] values) {
        return values.length == 0 ? BigDecimal.ZERO : values[values.length - 1];
    }

    private static int scaleOf(BookSnapshot book) {
        int scale = 0;
        for (BookLevel l : book.bids()) {
            scale = Math.max(scale, l.price().value().stripTrailingZeros().scale());
        }
        for (BookLevel l : book.asks()) {
            scale = Math.max(scale, l.price().value().stripTrailingZeros().scale());
        }
        return scale;
    }

    private void showEmpty(String message, String detail) {
        List<LadderRow> blank = new ArrayList<>(2 * LEVELS);
        for (int i = 0; i < 2 * LEVELS; i++) {
            blank.add(
                    i < LEVELS
                            ? LadderRow.blank(BookSide.ASK, LEVELS - 1 - i)
                            : LadderRow.blank(BookSide.BID, i - LEVELS));
        }
        Lists.replace(rows, blank);
        spread.set(null);
        mid.set(null);
        spreadText.set("");
        midText.set("");
        asOf.set("");
        emptyMessage.set(message);
        emptyDetail.set(detail);
        empty.set(true);
    }

    /**
     * Moves the keyboard selection by {@code delta} rows (negative: up, towards the far asks). With
     * nothing selected, up selects the best ask and down the best bid.
     */
    public void moveSelection(int delta) {
        int at = selectedIndex.get();
        if (at < 0) {
            selectedIndex.set(delta < 0 ? LEVELS - 1 : LEVELS);
            return;
        }
        selectedIndex.set(Math.max(0, Math.min(2 * LEVELS - 1, at + delta)));
    }

    /** Picks the selected row; see {@link #pick(int)}. */
    public Optional<PickedPrice> pickSelected() {
        return pick(selectedIndex.get());
    }

    /**
     * Picks the row at {@code index}: selects it and, when it shows a price, tells every
     * {@link #onPricePicked} listener. Blank rows and an empty ladder pick nothing.
     */
    public Optional<PickedPrice> pick(int index) {
        InstrumentId id = instrument.get();
        if (index < 0 || index >= rows.size() || id == null || empty.get()) {
            return Optional.empty();
        }
        selectedIndex.set(index);
        LadderRow row = rows.get(index);
        if (row.isBlank()) {
            return Optional.empty();
        }
        PickedPrice picked = new PickedPrice(id, row.side().orderSide(), Price.of(row.price()));
        lastPicked.set(picked);
        for (Consumer<PickedPrice> l : pickListeners) {
            l.accept(picked);
        }
        return Optional.of(picked);
    }

    /**
     * Calls {@code listener} on the UI thread each time a price is picked, also when the same price
     * is picked twice; the order ticket hooks in with
     * {@code onPricePicked(p -> ticket.prefillLimit(p.side(), p.price()))}.
     */
    public void onPricePicked(Consumer<PickedPrice> listener) {
        pickListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The rows in display order: farthest ask first, farthest bid last. */
    public ObservableList<LadderRow> rows() {
        return rows;
    }

    /** Index of the selected row, or -1. */
    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    /** The most recent pick, or null. */
    public ReadOnlyObjectProperty<PickedPrice> lastPickedProperty() {
        return lastPicked.getReadOnlyProperty();
    }

    /** Best ask minus best bid, or null when a side is empty. */
    public ReadOnlyObjectProperty<BigDecimal> spreadProperty() {
        return spread.getReadOnlyProperty();
    }

    /** Halfway between best bid and best ask, or null when a side is empty. */
    public ReadOnlyObjectProperty<BigDecimal> midProperty() {
        return mid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty spreadTextProperty() {
        return spreadText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty midTextProperty() {
        return midText.getReadOnlyProperty();
    }

    /** The shown book's time, e.g. {@code 14:30:05.100 UTC}. */
    public ReadOnlyStringProperty asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    /** True when there is no book to show; {@link #emptyMessageProperty()} says why. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyDetailProperty() {
        return emptyDetail.getReadOnlyProperty();
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
