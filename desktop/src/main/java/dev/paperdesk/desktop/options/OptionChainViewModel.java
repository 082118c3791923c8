package dev.paperdesk.desktop.options;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.EngineListener;
import dev.paperdesk.engine.session.TradingSession;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * State of the option chain: the underlying and expiry chosen, the lines of that expiry and which
 * figures are shown. The chain is recomputed on a background thread whenever the underlying's quote
 * moves; bursts collapse into one recomputation at a time and one UI update per frame.
 */
public final class OptionChainViewModel {
    private static final String UI_KEY = "option-chain";
    private static final long FRAME_NANOS = 33_000_000L;

    private final TradingSession session;
    private final UiExecutor ui;
    private final OptionChainSource source;
    private final ExecutorService worker;
    private final EngineListener listener = this::onEvent;

    private final ObservableList<InstrumentId> underlyings = FXCollections.observableArrayList();
    private final ObjectProperty<InstrumentId> underlying = new SimpleObjectProperty<>();
    private final ObservableList<LocalDate> expiries = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> expiry = new SimpleObjectProperty<>();
    private final ObservableList<ChainLine> lines = FXCollections.observableArrayList();
    private final ObjectProperty<ChainSnapshot> snapshot = new SimpleObjectProperty<>();
    private final DoubleProperty spot = new SimpleDoubleProperty(Double.NaN);
    private final IntegerProperty atmIndex = new SimpleIntegerProperty(-1);
    /** Bumped when the view should bring the ATM line to the middle (a new underlying or expiry). */
    private final IntegerProperty centreRequests = new SimpleIntegerProperty();

    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableSet<ChainColumn> columns = FXCollections.observableSet(EnumSet.noneOf(ChainColumn.class));
    private final ObjectProperty<ContractPick> lastPick = new SimpleObjectProperty<>();

    // volatile: read by the engine and worker threads, written on the UI thread
    private volatile InstrumentId watched;
    private volatile LocalDate watchedExpiry;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile boolean recentre;
    private volatile long lastComputeNanos;
    private volatile boolean closed;
    private Consumer<ContractPick> onTicket = p -> {};
    private Consumer<ContractPick> onBuilder = p -> {};

    public OptionChainViewModel(TradingSession session, UiExecutor ui, OptionChainSource source) {
        this(session, ui, source, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "paperdesk-option-chain");
            t.setDaemon(true);
            return t;
        }));
    }

    public OptionChainViewModel(
            TradingSession session, UiExecutor ui, OptionChainSource source, ExecutorService worker) {
        this.session = session;
        this.ui = ui;
        this.source = source;
        this.worker = worker;
        for (ChainColumn c : ChainColumn.values()) {
            if (c.shownByDefault()) {
                columns.add(c);
            }
        }
        underlying.addListener((o, a, b) -> underlyingChanged(b));
        expiry.addListener((o, a, b) -> {
            watchedExpiry = b;
            recentre = true;
            refresh();
        });
        underlyings.setAll(source.underlyings());
        session.addListener(listener);
        if (!underlyings.isEmpty()) {
            // the first underlying with a price, so the view does not open on an empty chain (an
            // equity at the weekend) while a crypto chain is live
            underlying.set(underlyings.stream()
                    .filter(u -> !source.expiries(u).isEmpty())
                    .findFirst()
                    .orElse(underlyings.get(0)));
        } else {
            status.set("No underlying with listed options in this session.");
        }
    }

    private void underlyingChanged(InstrumentId id) {
        watched = id;
        lines.clear();
        snapshot.set(null);
        spot.set(Double.NaN);
        if (id == null) {
            expiries.clear();
            return;
        }
        List<LocalDate> listed = source.expiries(id);
        LocalDate keep = expiry.get();
        expiries.setAll(listed);
        if (listed.isEmpty()) {
            status.set("No price for " + id + " yet: the chain appears with its first quote.");
            expiry.set(null);
        } else if (keep != null && listed.contains(keep)) {
            recentre = true;
            refresh();
        } else {
            expiry.set(firstUsefulExpiry(listed));
        }
    }

    /** The session's current date (UTC), from which days to expiry count. */
    public LocalDate today() {
        return LocalDate.ofInstant(session.now(), java.time.ZoneOffset.UTC);
    }

    /** The first expiry at least a week out, so a new chain does not open on contracts about to expire. */
    private LocalDate firstUsefulExpiry(List<LocalDate> listed) {
        LocalDate soon = today().plusDays(6);
        return listed.stream().filter(d -> d.isAfter(soon)).findFirst().orElse(listed.get(0));
    }

    private void onEvent(EngineEvent e) {
        if (e instanceof EngineEvent.QuoteUpdated q && q.quote().instrumentId().equals(watched)) {
            refresh();
        }
    }

    /** Recomputes the chain off the UI thread; calls while one is queued collapse into it. */
    public void refresh() {
        if (closed || watched == null || watchedExpiry == null || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            // at most one recomputation a frame: ticks arriving meanwhile fold into this one
            long wait = lastComputeNanos + FRAME_NANOS - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            refreshQueued.set(false);
            lastComputeNanos = System.nanoTime();
            InstrumentId id = watched;
            LocalDate exp = watchedExpiry;
            if (id == null || exp == null) {
                return;
            }
            Optional<ChainSnapshot> chain;
            try {
                chain = source.chain(id, exp);
            } catch (RuntimeException ex) {
                ui.post(() -> status.set("Chain of " + id + " failed: " + ex.getMessage()));
                return;
            }
            ui.coalesce(UI_KEY, () -> show(id, exp, chain));
        });
    }

    private void show(InstrumentId id, LocalDate exp, Optional<ChainSnapshot> chain) {
        if (!id.equals(underlying.get()) || !exp.equals(expiry.get())) {
            return; // an answer for a chain no longer shown
        }
        if (chain.isEmpty()) {
            status.set("No chain for " + id + " " + exp + " yet.");
            return;
        }
        ChainSnapshot c = chain.get();
        List<ChainLine> next = c.lines();
        if (sameStrikes(next)) {
            for (int i = 0; i < next.size(); i++) {
                if (!next.get(i).equals(lines.get(i))) {
                    lines.set(i, next.get(i)); // in place: the table keeps its scroll position and selection
                }
            }
        } else {
            lines.setAll(next);
        }
        snapshot.set(c);
        spot.set(c.spot());
        atmIndex.set(c.atmIndex());
        status.set(next.size() + " strikes, " + c.style().name().toLowerCase(java.util.Locale.ROOT) + ", ×"
                + Math.round(c.multiplier()) + " per contract");
        if (recentre) {
            recentre = false;
            centreRequests.set(centreRequests.get() + 1);
        }
    }

    private boolean sameStrikes(List<ChainLine> next) {
        if (next.size() != lines.size()) {
            return false;
        }
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).strike().compareTo(lines.get(i).strike()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The trader clicked a quote: the ask buys, the bid sells. Loads the ticket. */
    public void pick(ChainLine line, OptionRight right, Side side) {
        ContractPick p = toPick(line, right, side);
        lastPick.set(p);
        onTicket.accept(p);
    }

    /** Adds the contract to the strategy builder on the given side. */
    public void addToBuilder(ChainLine line, OptionRight right, Side side) {
        ContractPick p = toPick(line, right, side);
        lastPick.set(p);
        onBuilder.accept(p);
    }

    private ContractPick toPick(ChainLine line, OptionRight right, Side side) {
        ChainSide s = line.side(right);
        return new ContractPick(
                s.contract(),
                underlying.get(),
                right,
                line.strike(),
                expiry.get(),
                side,
                side == Side.BUY ? s.ask() : s.bid());
    }

    /** Where picked contracts go for the order ticket. */
    public void onTicket(Consumer<ContractPick> target) {
        this.onTicket = target;
    }

    /** Where contracts added to the strategy builder go. */
    public void onBuilder(Consumer<ContractPick> target) {
        this.onBuilder = target;
    }

    /** Shows or hides a column. */
    public void setColumnShown(ChainColumn column, boolean shown) {
        if (shown) {
            columns.add(column);
        } else {
            columns.remove(column);
        }
    }

    public void close() {
        closed = true;
        session.removeListener(listener);
        worker.shutdownNow();
    }

    public ObservableList<InstrumentId> underlyings() {
        return underlyings;
    }

    public ObjectProperty<InstrumentId> underlyingProperty() {
        return underlying;
    }

    public ObservableList<LocalDate> expiries() {
        return expiries;
    }

    public ObjectProperty<LocalDate> expiryProperty() {
        return expiry;
    }

    public ObservableList<ChainLine> lines() {
        return lines;
    }

    public ObjectProperty<ChainSnapshot> snapshotProperty() {
        return snapshot;
    }

    public DoubleProperty spotProperty() {
        return spot;
    }

    public IntegerProperty atmIndexProperty() {
        return atmIndex;
    }

    public IntegerProperty centreRequestsProperty() {
        return centreRequests;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableSet<ChainColumn> columns() {
        return columns;
    }

    public ObjectProperty<ContractPick> lastPickProperty() {
        return lastPick;
    }

    /** The source chains come from (the strategy builder prices its legs from the same one). */
    public OptionChainSource source() {
        return source;
    }
}
