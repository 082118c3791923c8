package dev.paperdesk.engine.session;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.clock.SimulatedClock;
import dev.paperdesk.engine.clock.WallClock;
import dev.paperdesk.engine.execution.models.ExecutionSettings;
import dev.paperdesk.engine.execution.models.ModelAssumptions;
import dev.paperdesk.engine.execution.orders.OrderEstimate;
import dev.paperdesk.engine.execution.orders.OrderEstimator;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderChange;
import dev.paperdesk.engine.model.OrderGroup;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderPlacement;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.options.OptionChainView;
import dev.paperdesk.engine.options.OptionEvent;
import dev.paperdesk.engine.options.OptionExpiry;
import dev.paperdesk.engine.options.PortfolioGreeks;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.JournalEntry;
import dev.paperdesk.engine.store.TradeJournalStore;
import dev.paperdesk.engine.store.WorkspaceStore;
import dev.paperdesk.engine.store.memory.InMemoryTradeJournalStore;
import dev.paperdesk.engine.store.memory.InMemoryWorkspaceStore;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine as the desktop and the command line see it: thread-safe, non-blocking commands that
 * run on the engine's event loop, and immutable views that can be read from any thread.
 */
public final class TradingSession implements AutoCloseable {
    /** How often completed live bars are written to the workspace (engine time). */
    private static final long BAR_FLUSH_NANOS = 5_000_000_000L;

    private final SessionConfig config;
    private final WorkspaceStore store;
    private final EventLoop loop;
    private final TradingEngine engine;
    private final Path workspacePath;
    private final TradeJournalStore tradeJournal;
    private volatile boolean closed;

    private TradingSession(SessionConfig config, WorkspaceStore store, Path workspacePath) {
        this.config = config;
        this.store = store;
        this.workspacePath = workspacePath;
        this.tradeJournal =
                store instanceof SqliteWorkspaceStore sqlite ? sqlite.tradeJournal() : new InMemoryTradeJournalStore();
        Clock clock = config.simulatedStart() != null ? new SimulatedClock(config.simulatedStart()) : new WallClock();
        this.loop = new EventLoop(clock);
        this.engine = new TradingEngine(loop, store, savedSettings(store, config), config.feed());
        loop.onError(engine::reportError);
    }

    /** The key under which a workspace keeps the execution models chosen in the settings page. */
    public static final String EXECUTION_SETTINGS_KEY = "execution.models";

    private static ExecutionSettings savedSettings(WorkspaceStore store, SessionConfig config) {
        Optional<String> saved = store.setting(EXECUTION_SETTINGS_KEY);
        if (saved.isEmpty()) {
            return config.execution();
        }
        try {
            return ExecutionSettings.parse(saved.get());
        } catch (IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(TradingSession.class)
                    .warn("ignoring unreadable execution settings in the workspace: {}", e.getMessage());
            return config.execution();
        }
    }

    /**
     * Opens the workspace (creating it if needed), restores its state and starts the market.
     *
     * @throws dev.paperdesk.engine.store.WorkspaceException when the workspace cannot be used
     */
    public static TradingSession open(SessionConfig config) {
        Path path = config.workspace();
        WorkspaceStore store = path == null ? new InMemoryWorkspaceStore("in-memory") : SqliteWorkspaceStore.open(path);
        TradingSession session;
        try {
            session = new TradingSession(config, store, path);
            session.engine.restore(store.load());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        session.startup();
        return session;
    }

    private void startup() {
        Runnable init = () -> {
            if (config.createDemoPortfolio() && engine.portfolioSnapshots().isEmpty()) {
                engine.createPortfolio(
                        "Demo",
                        "Demo portfolio of a fresh workspace",
                        Currency.USD,
                        config.demoBalance(),
                        CostBasisMethod.FIFO);
            }
            config.feed().start(loop, engine);
            if (store.barStore().isPresent()) {
                // without a bar store there is nothing to flush; a timer every 5 s would dominate long replays
                loop.scheduleEvery(loop.nowNanos() + BAR_FLUSH_NANOS, BAR_FLUSH_NANOS, engine::flushBars);
            }
        };
        if (loop.clock() instanceof SimulatedClock) {
            loop.execute(init);
            loop.runUntil(loop.nowNanos());
        } else {
            loop.execute(init);
            loop.start("paperdesk-engine");
            await(loop.call(() -> null));
        }
    }

    public String workspaceName() {
        return store.name();
    }

    /** The workspace file, or {@code null} for an in-memory session. */
    public Path workspacePath() {
        return workspacePath;
    }

    public String feedName() {
        return config.feed().name();
    }

    public Clock clock() {
        return loop.clock();
    }

    public Instant now() {
        return loop.clock().now();
    }

    /** Engine speed (wall-clock sessions only): 1 = real time. */
    public void setSpeed(double speed) {
        if (loop.clock() instanceof WallClock wall) {
            wall.setSpeed(speed);
        }
    }

    public void setPaused(boolean paused) {
        if (loop.clock() instanceof WallClock wall) {
            wall.setPaused(paused);
        }
    }

    /** Runs a simulated session forward by {@code duration} on the calling thread. */
    public void advance(Duration duration) {
        loop.runUntil(loop.nowNanos() + duration.toNanos());
    }

    public List<Instrument> instruments() {
        return List.copyOf(engine.instruments().values());
    }

    /** An instrument of the market, including option contracts of the listed chains before their first trade. */
    public Optional<Instrument> instrument(InstrumentId id) {
        Instrument i = engine.instruments().get(id);
        return i != null ? Optional.of(i) : engine.options().contract(id).map(c -> c);
    }

    /** The latest quote; for an option contract the venue does not quote yet, the quote it would have now. */
    public Optional<Quote> quote(InstrumentId id) {
        return orUntradedOption(engine.quote(id), id, dev.paperdesk.engine.options.OptionMarket.Update::quote);
    }

    /**
     * {@code fromEngine}, or for a listed option contract the engine does not quote yet (nobody has
     * traded it) that part of the quote the options market would give it now.
     */
    private <T> Optional<T> orUntradedOption(
            Optional<T> fromEngine,
            InstrumentId id,
            java.util.function.Function<dev.paperdesk.engine.options.OptionMarket.Update, T> part) {
        if (fromEngine.isPresent() || engine.instruments().containsKey(id)) {
            return fromEngine;
        }
        return engine.options()
                .contract(id)
                .flatMap(c -> engine.options().quote(c, now()))
                .map(part);
    }

    /**
     * The latest L2 book of an instrument, if the market publishes books; for a listed option
     * contract nobody has traded yet (the venue quotes only those with orders or positions), the
     * depth it would be quoted with now, as {@link #quote} gives its quote.
     */
    public Optional<dev.paperdesk.engine.market.BookSnapshot> book(InstrumentId id) {
        return orUntradedOption(engine.book(id), id, dev.paperdesk.engine.options.OptionMarket.Update::book);
    }

    /**
     * Up to {@code limit} stored bars of a series with open time before {@code before}, oldest first;
     * empty for in-memory workspaces. The bar being built arrives with {@link EngineEvent.BarsUpdated}.
     */
    public List<dev.paperdesk.engine.model.Bar> storedBars(
            InstrumentId id, dev.paperdesk.engine.model.Timeframe timeframe, Instant before, int limit) {
        return store.barStore()
                .map(b -> {
                    var key = new dev.paperdesk.engine.store.BarStore.SeriesKey(id, timeframe);
                    var info = b.info(key);
                    if (info.isEmpty()) {
                        return List.<dev.paperdesk.engine.model.Bar>of();
                    }
                    Instant from = info.get().first();
                    long span = timeframe.duration().multipliedBy(limit).toSeconds();
                    Instant windowStart = before.minusSeconds(span);
                    return b.read(key, windowStart.isAfter(from) ? windowStart : from, before, limit);
                })
                .orElse(List.of());
    }

    /**
     * The historical bar series of the session's workspace file, empty for an in-memory workspace.
     * Usable from any thread: the store serialises bar writes with the engine's own commits.
     */
    public Optional<BarStore> bars() {
        return store.barStore();
    }

    public List<PortfolioSnapshot> portfolios() {
        return engine.portfolioSnapshots();
    }

    public Optional<PortfolioSnapshot> portfolio(PortfolioId id) {
        return engine.portfolioSnapshot(id);
    }

    /** A valuation of the portfolio made afresh on the loop, for tests to compare with the published one. */
    CompletableFuture<PortfolioSnapshot> revalued(PortfolioId id) {
        return run(() -> engine.revalue(id));
    }

    /**
     * A portfolio's equity marked at the latest quotes, exactly the snapshot's, without making a
     * snapshot; call on the engine thread (a strategy, a bar observer), else it is the last published.
     */
    public Optional<BigDecimal> equity(PortfolioId id) {
        return loop.inLoop() ? engine.equity(id) : portfolio(id).map(PortfolioSnapshot::equity);
    }

    /**
     * {@link #equity(PortfolioId)} handed to {@code reader}, as unscaled digits at a scale when the
     * engine holds it so (no object per price), else as a decimal; false, with nothing read, for an
     * unknown portfolio.
     */
    public boolean equity(PortfolioId id, EquityReader reader) {
        if (loop.inLoop()) {
            return engine.equity(id, reader);
        }
        Optional<PortfolioSnapshot> p = portfolio(id);
        p.ifPresent(s -> reader.decimal(s.equity()));
        return p.isPresent();
    }

    public List<Order> orders() {
        return engine.orders();
    }

    public List<Fill> fills() {
        return engine.fills();
    }

    public List<JournalEntry> journal() {
        return store.journal();
    }

    public List<LedgerEntry> ledger(PortfolioId id) {
        return store.ledger(id);
    }

    /** The workspace's saved backtest results; empty for an in-memory workspace. */
    public Optional<dev.paperdesk.engine.store.BacktestStore> backtests() {
        return store instanceof SqliteWorkspaceStore sqlite ? Optional.of(sqlite.backtests()) : Optional.empty();
    }

    /** The workspace's arbitrage desk history; empty for an in-memory workspace. */
    public Optional<dev.paperdesk.engine.store.ArbitrageStore> arbitrageStore() {
        return store instanceof SqliteWorkspaceStore sqlite ? Optional.of(sqlite.arbitrage()) : Optional.empty();
    }

    /** The trade journal: notes, tags and images on orders, trades, positions and the account. */
    public TradeJournalStore tradeJournal() {
        return tradeJournal;
    }

    public void addListener(EngineListener listener) {
        engine.addListener(listener);
    }

    public void removeListener(EngineListener listener) {
        engine.removeListener(listener);
    }

    /**
     * Submits an order; the future completes with the order's state after the engine processed the
     * command: FILLED or REJECTED at once without latency, NEW while it travels to the venue otherwise
     * (follow it through {@link EngineEvent.OrderUpdated} events).
     */
    public CompletableFuture<Order> submit(OrderRequest request) {
        return run(() -> engine.submit(request));
    }

    /** Places a single order, OCO pair, bracket or combo: all its orders are accepted or all rejected. */
    public CompletableFuture<List<Order>> place(OrderPlacement placement) {
        return run(() -> engine.place(placement));
    }

    /** Sends a cancel; it reaches the venue after the latency and may arrive after a fill (then it is refused). */
    public CompletableFuture<Order> cancel(OrderId id) {
        return run(() -> engine.cancel(id));
    }

    /** Cancels every open order of a portfolio, or of one instrument in it when {@code instrument} is given. */
    public CompletableFuture<List<Order>> cancelAll(PortfolioId portfolio, InstrumentId instrument) {
        return run(() -> engine.cancelAll(portfolio, instrument));
    }

    /** Sends a modify of limit, stop and/or quantity. */
    public CompletableFuture<Order> modify(OrderId id, OrderChange change) {
        return run(() -> engine.modify(id, change));
    }

    /**
     * What each working order of a portfolio holds back from its free margin now (orders that reserve
     * nothing are left out); the total is the snapshot's {@link PortfolioSnapshot#reservedForOrders()}.
     */
    public CompletableFuture<java.util.Map<dev.paperdesk.engine.model.OrderId, BigDecimal>> reservations(
            PortfolioId portfolio) {
        return run(() -> engine.reservations(portfolio));
    }

    /** The OCO pairs, brackets and combos of this workspace. */
    public List<OrderGroup> groups() {
        return engine.groups();
    }

    /** The journal of one order, oldest first. */
    public List<JournalEntry> journal(OrderId id) {
        return store.journal().stream().filter(j -> j.orderId().equals(id)).toList();
    }

    /** The execution models in force. */
    public ExecutionSettings executionSettings() {
        return engine.settings();
    }

    /** Puts new execution models in force and saves them in the workspace. */
    public CompletableFuture<ExecutionSettings> updateExecutionSettings(ExecutionSettings settings) {
        return run(() -> {
            engine.updateSettings(settings);
            store.putSetting(EXECUTION_SETTINGS_KEY, settings.format());
            return settings;
        });
    }

    /** The models in force, in words, with the fill model each instrument uses (for reports). */
    public CompletableFuture<ModelAssumptions> modelAssumptions() {
        return run(engine::assumptions);
    }

    /**
     * What an order would cost if sent now: price, notional, fee, slippage and the resulting
     * position, from the latest quote and book (any thread; an estimate, not a promise).
     */
    public OrderEstimate estimate(OrderRequest request) {
        Instrument instrument = instrument(request.instrumentId()).orElse(null);
        if (instrument == null) {
            return OrderEstimate.unavailable("no instrument " + request.instrumentId());
        }
        BigDecimal position = engine.portfolioSnapshot(request.portfolioId())
                .flatMap(p -> p.positions().stream()
                        .filter(v -> v.instrumentId().equals(request.instrumentId()))
                        .findFirst())
                .map(v -> v.quantity())
                .orElse(BigDecimal.ZERO);
        dev.paperdesk.engine.market.BookSnapshot book =
                book(request.instrumentId()).orElse(null);
        dev.paperdesk.engine.execution.models.DataKind kind = engine.dataKind(request.instrumentId());
        if (kind == dev.paperdesk.engine.execution.models.DataKind.QUOTES && book != null) {
            // The venue keeps a market only for instruments it has had an order in, and until then
            // says quotes; the order this estimates would find the published book (an option's) and
            // walk it, so the estimate does too rather than promise the touch for the whole size.
            kind = dev.paperdesk.engine.execution.models.DataKind.BOOK_SNAPSHOTS;
        }
        return OrderEstimator.estimate(
                instrument,
                request,
                quote(request.instrumentId()).orElse(null),
                book,
                engine.models(request.instrumentId()),
                kind,
                position);
    }

    public CompletableFuture<Portfolio> createPortfolio(
            String name, String description, Currency base, BigDecimal startingBalance, CostBasisMethod method) {
        return run(() -> engine.createPortfolio(name, description, base, startingBalance, method));
    }

    /** Account commands and views: portfolios, margin, risk limits, funding and liquidation history. */
    public SessionAccounts accounts() {
        return new SessionAccounts(engine.accounts(), this::run);
    }

    public Optional<String> setting(String key) {
        return store.setting(key);
    }

    public void putSetting(String key, String value) {
        store.putSetting(key, value);
    }

    // -------------------------------------------------------------------------------- options

    /** The instruments options are listed on (stocks, ETFs, BTC and ETH spot in the simulated market; none otherwise). */
    public List<InstrumentId> optionUnderlyings() {
        return engine.options().underlyings();
    }

    /** The listed expiries of an underlying, nearest first; empty for an instrument without options or before its first quote. */
    public List<OptionExpiry> optionExpiries(InstrumentId underlying) {
        return engine.options().expiries(underlying, now());
    }

    /**
     * The chain of one expiry, priced now at the underlying's latest mid: one row per strike with the
     * call and put contracts, quotes, last trade, implied volatility, Greeks, open interest and
     * moneyness, and the at-the-money strike. Any thread; empty when the expiry is not listed.
     */
    public Optional<OptionChainView> optionChain(InstrumentId underlying, java.time.LocalDate expiry) {
        return engine.options().chain(underlying, expiry, now()).map(engine.options()::withLastTrades);
    }

    /**
     * A portfolio's option Greeks per underlying and in total (see {@link PortfolioGreeks} for units).
     *
     * @throws IllegalArgumentException for an unknown portfolio
     */
    public PortfolioGreeks portfolioGreeks(PortfolioId portfolio) {
        PortfolioSnapshot snapshot = engine.portfolioSnapshot(portfolio)
                .orElseThrow(() -> new IllegalArgumentException("no portfolio " + portfolio));
        return engine.options().greeks(snapshot, now(), this::parityRate);
    }

    /**
     * The Greeks of each option position of a portfolio and of each underlying it holds that options
     * are listed on (see {@link dev.paperdesk.engine.options.PositionGreeks} for units).
     *
     * @throws IllegalArgumentException for an unknown portfolio
     */
    public List<dev.paperdesk.engine.options.PositionGreeks> positionGreeks(PortfolioId portfolio) {
        PortfolioSnapshot snapshot = engine.portfolioSnapshot(portfolio)
                .orElseThrow(() -> new IllegalArgumentException("no portfolio " + portfolio));
        return engine.options().positionGreeks(snapshot, now());
    }

    /** Units of {@code to} per {@code from}: 1 between USD and its stablecoins, else the FX pair's mid if quoted. */
    private Optional<BigDecimal> parityRate(Currency from, Currency to) {
        java.util.Set<String> dollars = java.util.Set.of("USD", "USDT", "USDC");
        if (from.equals(to) || (dollars.contains(from.code()) && dollars.contains(to.code()))) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<Quote> direct = engine.quote(new InstrumentId(from.code() + "/" + to.code(), "fx"));
        if (direct.isPresent()) {
            return Optional.of(direct.get().mid().value());
        }
        return engine.quote(new InstrumentId(to.code() + "/" + from.code(), "fx"))
                .map(q -> BigDecimal.ONE.divide(q.mid().value(), dev.paperdesk.engine.model.Decimals.DIVISION));
    }

    /**
     * Exercises long American option contracts now (early exercise): the contracts close at zero and
     * the underlying is delivered at the strike. Completes exceptionally with an {@link
     * IllegalArgumentException} naming the problem when it cannot be done.
     */
    public CompletableFuture<OptionEvent> exercise(
            PortfolioId portfolio, InstrumentId contract, dev.paperdesk.engine.model.Quantity quantity) {
        return run(() -> engine.exercise(portfolio, contract, quantity));
    }

    /** Exercises, assignments and expiries of a portfolio since the session started, oldest first. */
    public List<OptionEvent> optionEvents(PortfolioId portfolio) {
        return engine.optionEvents().stream()
                .filter(e -> e.portfolio().equals(portfolio))
                .toList();
    }

    /** The intrinsic value per unit of underlying from which options are exercised at expiry (default 0.01). */
    public BigDecimal optionExerciseThreshold() {
        return engine.options().exerciseThreshold();
    }

    /** Changes the automatic exercise threshold (≥ 0). */
    public void setOptionExerciseThreshold(BigDecimal threshold) {
        engine.options().exerciseThreshold(threshold);
    }

    private <T> CompletableFuture<T> run(java.util.concurrent.Callable<T> work) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("session is closed"));
        }
        CompletableFuture<T> f = loop.call(work);
        if (loop.clock() instanceof SimulatedClock && !loop.isRunning()) {
            loop.runUntil(loop.nowNanos());
        }
        return f;
    }

    /** Waits for a command's result; unwraps the engine's exception. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the engine did not answer within 30 s", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (loop.isRunning()) {
            await(loop.call(() -> {
                config.feed().stop();
                engine.flushBars();
                return null;
            }));
            loop.stop();
        } else {
            config.feed().stop();
            engine.flushBars();
        }
        store.close();
    }
}
