package dev.paperdesk.desktop.arbitrage;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.arbitrage.ArbitrageSettings;
import dev.paperdesk.engine.arbitrage.ArbitrageSimulation;
import dev.paperdesk.engine.arbitrage.ArbitrageSnapshot;
import dev.paperdesk.engine.arbitrage.ArbitrageStrategy;
import dev.paperdesk.engine.arbitrage.Decision;
import dev.paperdesk.engine.arbitrage.Opportunity;
import dev.paperdesk.engine.arbitrage.PortfolioMetrics;
import dev.paperdesk.engine.arbitrage.TradeRecord;
import dev.paperdesk.engine.arbitrage.VenueLatency;
import dev.paperdesk.engine.clock.SimulatedClock;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.sim.VenueProfile;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.ArbitrageStore;
import dev.paperdesk.engine.store.memory.InMemoryArbitrageStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The arbitrage desk's state for the view. The desk trades one of two markets: its private
 * simulation, an event loop of its own over the simulated multi-venue perpetual market (simulated
 * clock, from 2026-01-05 00:00 UTC) advanced off the FX thread step by step ({@link #advance}) or
 * continuously at a chosen speed; or the session's own market, through the strategy the application
 * installed on the session's feed when it opened it (it has seen every event since), on the
 * session's clock. Decisions, trades and ranked opportunities are kept in the workspace of the main
 * session when it has one. Once a second the strategy's snapshot is copied into the observable state.
 */
public final class ArbitrageDeskViewModel implements AutoCloseable {
    private static final long SEED = 1;

    /** The market the desk trades. */
    public enum Market {
        PRIVATE_SIMULATION("Private simulation"),
        SESSION_MARKET("Session market");

        private final String label;

        Market(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final UiExecutor ui;
    private final TradingSession session;
    private final ArbitrageStrategy own;
    private final ArbitrageStrategy onSession;
    private final boolean sessionSimulated;
    private volatile ArbitrageStrategy strategy;
    private volatile Market current = Market.PRIVATE_SIMULATION;
    private final EventLoop loop;
    private final MarketDataFeed feed;
    private volatile Instant now;
    private final ScheduledExecutorService clock;
    private ScheduledFuture<?> pacing;
    private long lastTick;
    private final ScheduledExecutorService refresher;
    private final AtomicBoolean playing = new AtomicBoolean();
    private volatile double speed = 60;

    private final ObjectProperty<Market> market = new SimpleObjectProperty<>(Market.PRIVATE_SIMULATION);
    private final BooleanProperty ownClock = new SimpleBooleanProperty(true);
    private final BooleanProperty canAdvance = new SimpleBooleanProperty(true);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper clockText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper capital = new ReadOnlyStringWrapper("\u2013");
    private final ReadOnlyStringWrapper available = new ReadOnlyStringWrapper("\u2013");
    private final ReadOnlyStringWrapper utilization = new ReadOnlyStringWrapper("\u2013");
    private final ReadOnlyStringWrapper trades = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper winRate = new ReadOnlyStringWrapper("\u2013");
    private final ReadOnlyStringWrapper pnl = new ReadOnlyStringWrapper("\u2013");
    private final ReadOnlyStringWrapper apr = new ReadOnlyStringWrapper("\u2013");
    private final ReadOnlyStringWrapper legOuts = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper rejections = new ReadOnlyStringWrapper("");
    private final SimpleBooleanProperty pnlNegative = new SimpleBooleanProperty(false);
    private final StringProperty minConfidence = new SimpleStringProperty();
    private final StringProperty minSpread = new SimpleStringProperty();
    private final StringProperty minFundingDelta = new SimpleStringProperty();
    private final StringProperty minDepth = new SimpleStringProperty();
    private final StringProperty speedText = new SimpleStringProperty("60");

    private final ObservableList<TradeRecord> active = FXCollections.observableArrayList();
    private final ObservableList<TradeRecord> exits = FXCollections.observableArrayList();
    private final ObservableList<Opportunity> opportunities = FXCollections.observableArrayList();
    private final ObservableList<VenueLatency> latencies = FXCollections.observableArrayList();
    private final ObservableList<Decision> decisions = FXCollections.observableArrayList();

    /**
     * A desk on its private simulation only, whose history goes to {@code workspace}'s arbitrage
     * store when it has one.
     *
     * @param workspace the main session, or {@code null} to keep the history in memory
     */
    public ArbitrageDeskViewModel(TradingSession workspace, UiExecutor ui) {
        this(workspace, ui, null);
    }

    /**
     * A desk that can also trade the session's own market.
     *
     * @param workspace the main session, or {@code null} to keep the history in memory
     * @param sessionStrategy the strategy installed on {@code workspace}'s feed ({@link
     *     ArbitrageStrategy#wrap}) before the session opened, or {@code null} when there is none
     */
    public ArbitrageDeskViewModel(TradingSession workspace, UiExecutor ui, ArbitrageStrategy sessionStrategy) {
        this.ui = ui;
        this.session = workspace;
        this.onSession = workspace == null ? null : sessionStrategy;
        this.sessionSimulated = workspace != null && workspace.clock() instanceof SimulatedClock;
        ArbitrageStore store = workspace == null
                ? new InMemoryArbitrageStore()
                : workspace.arbitrageStore().orElseGet(InMemoryArbitrageStore::new);
        this.own = new ArbitrageStrategy(ArbitrageSettings.defaults(SEED), VenueProfile.cryptoVenues(), store);
        this.strategy = own;
        // the desk's own loop and simulated clock: the strategy decides exactly as it would inside a
        // session (see ArbitrageReplayTest) without paying for an order engine it does not use
        this.loop = new EventLoop(new SimulatedClock(ArbitrageSimulation.DEFAULT_START));
        this.feed = own.wrap(ArbitrageSimulation.market(SEED));
        loop.execute(() -> feed.start(loop, quote -> {}));
        loop.runUntil(loop.nowNanos());
        this.now = loop.clock().now();
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "arbitrage-desk-clock"));
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "arbitrage-desk-refresh"));
        showSettings(strategy.settings());
        clockText.set(format(now));
        refresher.scheduleAtFixedRate(this::refresh, 1, 1, TimeUnit.SECONDS);
        if (onSession != null && onSession.isRunning()) {
            // the session's strategy outlives the desk window: reopened, the desk shows it trading
            selectMarket(Market.SESSION_MARKET);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void showSettings(ArbitrageSettings s) {
        minConfidence.set(Integer.toString(s.minConfidence()));
        minSpread.set(num(s.minSpreadBps()));
        minFundingDelta.set(num(s.minFundingDelta8h() * 100));
        minDepth.set(num(s.minDepthUsd()));
    }

    private static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    // ------------------------------------------------------------------ commands

    /** True when the session's own market can be traded (the application installed the strategy on its feed). */
    public boolean sessionMarketAvailable() {
        return onSession != null;
    }

    /**
     * Switches the desk to {@code m}: the tiles, tables, thresholds and start/stop then show and
     * drive that market's strategy (the other keeps its state and keeps running or not as it was).
     * The session's market has no desk clock: it runs on the session's (a simulated session is
     * advanced from here). Refused, with a status message, when there is no session market.
     */
    public boolean selectMarket(Market m) {
        if (m == Market.SESSION_MARKET && onSession == null) {
            status.set("no session market: the strategy was not installed on the session's feed when it opened");
            market.set(current);
            return false;
        }
        if (m == current) {
            return true;
        }
        stopPacing();
        if (m == Market.SESSION_MARKET) {
            session.arbitrageStore().ifPresent(onSession::persistTo);
        }
        current = m;
        strategy = m == Market.SESSION_MARKET ? onSession : own;
        market.set(m);
        ownClock.set(m == Market.PRIVATE_SIMULATION);
        canAdvance.set(m == Market.PRIVATE_SIMULATION || sessionSimulated);
        showSettings(strategy.settings());
        running.set(strategy.isRunning());
        active.clear();
        exits.clear();
        opportunities.clear();
        latencies.clear();
        decisions.clear();
        status.set(
                m == Market.SESSION_MARKET
                        ? "session market: " + session.feedName()
                                + (sessionSimulated ? ", simulated clock" : ", session clock")
                        : "private simulation, seed " + SEED);
        refresh();
        return true;
    }

    /** Starts scanning and trading. */
    public void start() {
        strategy.setRunning(true);
        running.set(true);
        status.set("strategy running");
    }

    /** Stops scanning and new entries; open trades are still monitored and exited. */
    public void stop() {
        strategy.setRunning(false);
        running.set(false);
        status.set("strategy stopped; open trades are still monitored");
    }

    /** Applies the edited thresholds; a bad number is refused with a message and nothing changes. */
    public boolean applyThresholds() {
        try {
            int confidence = Integer.parseInt(minConfidence.get().strip());
            double spread = Double.parseDouble(minSpread.get().strip());
            double funding = Double.parseDouble(minFundingDelta.get().strip()) / 100;
            double depth = Double.parseDouble(minDepth.get().strip());
            ArbitrageSettings s = strategy.settings().withThresholds(confidence, spread, funding, depth);
            strategy.updateSettings(s);
            status.set(String.format(
                    Locale.ROOT,
                    "thresholds: confidence \u2265 %d, spread \u2265 %s bps, funding delta > %s %%/8h, depth > %s",
                    confidence,
                    num(spread),
                    num(funding * 100),
                    num(depth)));
            return true;
        } catch (IllegalArgumentException e) {
            status.set("thresholds not applied: " + e.getMessage());
            return false;
        }
    }

    /**
     * Advances the desk's simulated clock (or a simulated session's) by {@code d} off the FX thread,
     * then refreshes. A session on the wall clock is not advanced from here.
     */
    public CompletableFuture<Void> advance(Duration d) {
        if (!canAdvance.get()) {
            status.set("the session's market runs on the session's clock");
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        boolean onSessionClock = current == Market.SESSION_MARKET;
        return CompletableFuture.runAsync(
                        () -> {
                            // one simulated minute at a time so that the desk stays responsive to stop
                            Duration left = d;
                            while (!left.isZero() && !left.isNegative()) {
                                Duration step =
                                        left.compareTo(Duration.ofMinutes(1)) < 0 ? left : Duration.ofMinutes(1);
                                if (onSessionClock) {
                                    session.advance(step);
                                } else {
                                    runFor(step);
                                }
                                left = left.minus(step);
                            }
                        },
                        clock)
                .whenComplete((v, e) -> {
                    refresh();
                    ui.post(() -> {
                        busy.set(false);
                        if (e != null) {
                            status.set("simulation failed: " + e.getMessage());
                        }
                    });
                });
    }

    /** Runs the simulated clock continuously at {@code speed} × real time until {@link #pause}. */
    public void play() {
        if (current != Market.PRIVATE_SIMULATION) {
            status.set("the session's market runs on the session's clock");
            return;
        }
        double s;
        try {
            s = Double.parseDouble(speedText.get().strip());
        } catch (NumberFormatException e) {
            status.set("speed must be a number, not '" + speedText.get() + "'");
            return;
        }
        if (!(s > 0) || s > 3600) {
            status.set("speed must be between 0 and 3600");
            return;
        }
        speed = s;
        if (playing.compareAndSet(false, true)) {
            synchronized (this) {
                // a paced task on the clock thread every 100 ms: it runs the simulated time that the
                // wall clock says has passed since the last one (no thread waits in between)
                lastTick = System.nanoTime();
                pacing = clock.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
            }
            status.set("clock running at " + num(s) + "\u00d7");
        }
    }

    public void pause() {
        stopPacing();
        status.set("clock paused");
    }

    private synchronized void stopPacing() {
        playing.set(false);
        if (pacing != null) {
            pacing.cancel(false);
            pacing = null;
        }
    }

    /** One pacing step, on the clock thread. */
    private void tick() {
        if (!playing.get()) {
            return;
        }
        long t = System.nanoTime();
        long simNanos = (long) ((t - lastTick) * speed);
        lastTick = t;
        try {
            runFor(Duration.ofNanos(simNanos));
        } catch (RuntimeException e) {
            playing.set(false);
            ui.post(() -> status.set("simulation failed: " + e.getMessage()));
            throw e; // ends the schedule
        }
    }

    /** Runs the desk's loop on the clock thread. */
    private void runFor(Duration d) {
        loop.runUntil(loop.nowNanos() + d.toNanos());
        now = loop.clock().now();
    }

    /** Copies the latest snapshot into the observable state (called once a second; tests call it). */
    public void refresh() {
        ArbitrageStrategy shown = strategy;
        shown.snapshot()
                .ifPresent(s -> ui.coalesce("arbitrage-desk", () -> {
                    if (shown == strategy) {
                        show(s);
                    }
                }));
        Instant at = current == Market.SESSION_MARKET ? session.now() : now;
        ui.coalesce("arbitrage-desk-clock", () -> clockText.set(format(at)));
    }

    private void show(ArbitrageSnapshot s) {
        PortfolioMetrics m = s.metrics();
        capital.set(money(m.startingCapital()));
        available.set(money(m.availableCapital()));
        utilization.set(String.format(Locale.ROOT, "%.1f %%", m.utilizationPct()));
        trades.set(m.totalTrades() + " closed, " + m.activeTrades() + " open");
        winRate.set(m.totalTrades() == 0 ? "\u2013" : String.format(Locale.ROOT, "%.1f %%", m.winRatePct()));
        pnl.set(signedMoney(m.cumulativePnl()) + String.format(Locale.ROOT, " (%+.3f %%)", m.pnlPct()));
        pnlNegative.set(m.cumulativePnl().signum() < 0);
        apr.set(String.format(Locale.ROOT, "%+.1f %%", m.realisticAprPct()));
        legOuts.set(m.legOutCount() + " (" + money(m.legOutTotalLoss()) + " lost)");
        StringBuilder r = new StringBuilder();
        s.rejectionsByReason().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> r.append(r.isEmpty() ? "" : ", ")
                        .append(e.getKey())
                        .append(' ')
                        .append(e.getValue()));
        rejections.set(r.isEmpty() ? "none" : r.toString());
        // the strategy's own flag, not the snapshot's: a snapshot taken before Stop can arrive after it
        running.set(strategy.isRunning());
        active.setAll(s.open());
        exits.setAll(s.recentExits());
        opportunities.setAll(s.opportunities());
        latencies.setAll(s.latencies());
        decisions.setAll(s.recentDecisions());
    }

    static String money(BigDecimal v) {
        return String.format(Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_EVEN));
    }

    static String signedMoney(BigDecimal v) {
        return String.format(Locale.ROOT, "%+,.2f", v.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static final java.time.format.DateTimeFormatter CLOCK = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);

    /** The desk's clock to the second: the loop's nanoseconds are no use to a reader. */
    static String format(Instant t) {
        return CLOCK.format(t);
    }

    @Override
    public void close() {
        stopPacing();
        refresher.shutdownNow();
        clock.shutdownNow();
        try {
            clock.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<Market> marketProperty() {
        return market;
    }

    /** True while the desk's own clock drives the market (private simulation): Run clock applies. */
    public BooleanProperty ownClockProperty() {
        return ownClock;
    }

    /** True when Advance applies: the private simulation, or a session on a simulated clock. */
    public BooleanProperty canAdvanceProperty() {
        return canAdvance;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty clockTextProperty() {
        return clockText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty capitalProperty() {
        return capital.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty utilizationProperty() {
        return utilization.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tradesProperty() {
        return trades.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty winRateProperty() {
        return winRate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pnlProperty() {
        return pnl.getReadOnlyProperty();
    }

    public SimpleBooleanProperty pnlNegativeProperty() {
        return pnlNegative;
    }

    public ReadOnlyStringProperty aprProperty() {
        return apr.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty legOutsProperty() {
        return legOuts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rejectionsProperty() {
        return rejections.getReadOnlyProperty();
    }

    public StringProperty minConfidenceProperty() {
        return minConfidence;
    }

    public StringProperty minSpreadProperty() {
        return minSpread;
    }

    public StringProperty minFundingDeltaProperty() {
        return minFundingDelta;
    }

    public StringProperty minDepthProperty() {
        return minDepth;
    }

    public StringProperty speedProperty() {
        return speedText;
    }

    public ObservableList<TradeRecord> activeTrades() {
        return active;
    }

    public ObservableList<TradeRecord> recentExits() {
        return exits;
    }

    public ObservableList<Opportunity> opportunities() {
        return opportunities;
    }

    public ObservableList<VenueLatency> latencies() {
        return latencies;
    }

    public ObservableList<Decision> decisions() {
        return decisions;
    }

    /** The strategy behind the desk's current market (for tests and diagnostics). */
    public ArbitrageStrategy strategy() {
        return strategy;
    }
}
