package dev.paperdesk.engine.strategy.runner;

import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.FundingRate;
import dev.paperdesk.engine.market.MarkPrice;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.OpenInterest;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.EngineListener;
import dev.paperdesk.engine.session.TradingEngine;
import dev.paperdesk.engine.strategy.SafeStrategy;
import dev.paperdesk.engine.strategy.StrategyFailure;
import dev.paperdesk.engine.strategy.api.ParameterValues;
import dev.paperdesk.engine.strategy.api.Strategy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs any number of strategies on one trading session's engine, each on its own portfolio or
 * sharing one; each can be started, paused, resumed and stopped while the others go on. A strategy
 * that throws is stopped (its working orders cancelled) and its error kept in its status.
 *
 * <p>The runner joins the engine through the market data feed: open the session with {@code
 * config.withFeed(runner.wrap(feed))}. The wrapper hands every event to the engine first (so the
 * venue fills resting orders against a bar before any strategy sees it) and then to the strategies.
 * Completed bars come from the feed ({@code MarketDataSink.onBar}, as a bar replay delivers them) or,
 * for a market that only trades, from the engine's live bars when the next bar begins. Backtests and
 * paper trading use this same class, which is what makes their orders and fills agree.
 *
 * <p>Commands ({@link #start}, {@link #pause}, ...) may be called from any thread; they run on the
 * engine's loop. {@link #statuses()} may be read from any thread.
 */
public final class StrategyRunner {
    private record SeriesKey(InstrumentId instrument, Timeframe timeframe) {}

    private final Map<Long, EngineStrategyContext> strategies = new ConcurrentSkipListMap<>();
    private final Map<OrderId, EngineStrategyContext> owners = new HashMap<>();
    private final Map<SeriesKey, Bar> building = new HashMap<>();
    /** Per series, the open time of the last bar delivered (updated in place). */
    private final Map<SeriesKey, LastOpen> delivered = new HashMap<>();
    /** The series of the previous bar and its slot in {@link #delivered}: a replay of one series looks up nothing. */
    private SeriesKey lastSeries;

    private LastOpen lastSlot;
    /** The contexts in start order, for the per-event loops on the engine thread (strategies are never removed). */
    private volatile EngineStrategyContext[] contexts = new EngineStrategyContext[0];

    private final List<Consumer<StrategyFailure>> failureListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Bar>> barObservers = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile TradingEngine engine;
    private volatile EventLoop loop;
    private EngineStrategyContext submitting;
    private long barsDelivered;
    private volatile java.time.Instant warmUpUntil;
    private volatile long warmUpUntilNanos;

    /** A feed that delivers {@code feed}'s data to the engine and then to this runner's strategies. */
    public MarketDataFeed wrap(MarketDataFeed feed) {
        return new HostedFeed(Objects.requireNonNull(feed, "feed"));
    }

    /** True once the session using the wrapped feed has started. */
    public boolean isAttached() {
        return engine != null;
    }

    /** Called with every strategy failure, on the engine thread. */
    public void onFailure(Consumer<StrategyFailure> listener) {
        failureListeners.add(listener);
    }

    /** Called with every completed bar after the strategies have handled it, on the engine thread. */
    public void afterBar(Consumer<Bar> observer) {
        barObservers.add(observer);
    }

    /**
     * Makes strategies warm up until {@code until}: bars completing at or before it prime their
     * indicators, {@link dev.paperdesk.engine.strategy.api.StrategyContext#isWarmingUp()} is true and
     * orders are refused. {@code null} (the default): no warm-up.
     */
    public void warmUpUntil(java.time.Instant until) {
        long nanos = Long.MIN_VALUE;
        if (until != null) {
            try {
                nanos = dev.paperdesk.engine.clock.Clock.toNanos(until);
            } catch (ArithmeticException beyondTheClock) {
                nanos = until.isBefore(java.time.Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }
        this.warmUpUntilNanos = nanos;
        this.warmUpUntil = until;
    }

    /** The end of the warm-up, or null. */
    public java.time.Instant warmUpUntil() {
        return warmUpUntil;
    }

    boolean warmingUp(long nowNanos) {
        return warmUpUntil != null && nowNanos <= warmUpUntilNanos;
    }

    /** Completed bars handed to strategies so far. */
    public long barsDelivered() {
        return barsDelivered;
    }

    /**
     * Starts {@code strategy} trading in {@code portfolio} (which must exist); returns its handle at
     * once, the strategy's {@code onStart} runs on the engine thread.
     *
     * @throws IllegalStateException when the runner's feed has not been started by a session
     */
    public long start(Strategy strategy, ParameterValues parameters, PortfolioId portfolio) {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(portfolio, "portfolio");
        requireAttached();
        long id = ids.incrementAndGet();
        EngineStrategyContext ctx = new EngineStrategyContext(id, this, engine, loop, portfolio, parameters);
        ctx.strategy = new SafeStrategy(strategy, f -> failed(ctx, f));
        strategies.put(id, ctx);
        synchronized (this) {
            EngineStrategyContext[] grown = java.util.Arrays.copyOf(contexts, contexts.length + 1);
            grown[grown.length - 1] = ctx;
            contexts = grown;
        }
        onLoop(() -> ctx.strategy.onStart(ctx));
        return id;
    }

    /** Stored bars a live strategy warms up on, per series it reads, at most. */
    public static final int WARM_UP_BARS = 1_000;

    /**
     * As {@link #start(Strategy, ParameterValues, PortfolioId)}, then, before any live bar, primes the
     * strategy with the last {@link #WARM_UP_BARS} stored bars of each series it subscribed to in
     * {@code onStart} ({@code history}: the workspace's bars, which the live market keeps), as a
     * backtest warms up on the bars before its start: the indicators are ready when it starts trading,
     * not hours later, and no order goes in on old bars.
     */
    public long start(
            Strategy strategy,
            ParameterValues parameters,
            PortfolioId portfolio,
            dev.paperdesk.engine.store.BarStore history) {
        Objects.requireNonNull(history, "history");
        long id = start(strategy, parameters, portfolio);
        onLoop(() -> context(id).ifPresent(c -> c.warmUp(history, WARM_UP_BARS)));
        return id;
    }

    /** Stops delivering callbacks to a strategy; its working orders stay. */
    public void pause(long id) {
        onLoop(() -> context(id).ifPresent(c -> {
            if (c.state == StrategyState.RUNNING) {
                c.state = StrategyState.PAUSED;
            }
        }));
    }

    /** Resumes a paused strategy. */
    public void resume(long id) {
        onLoop(() -> context(id).ifPresent(c -> {
            if (c.state == StrategyState.PAUSED) {
                c.state = StrategyState.RUNNING;
            }
        }));
    }

    /** Stops a strategy for good: {@code onStop}, then its working orders and timers are cancelled. */
    public void stop(long id) {
        onLoop(() -> context(id).ifPresent(this::stopNow));
    }

    /** Stops every strategy still running or paused. */
    public void stopAll() {
        onLoop(() -> strategies.values().forEach(this::stopNow));
    }

    private void stopNow(EngineStrategyContext c) {
        if (c.state == StrategyState.STOPPED || c.state == StrategyState.FAILED) {
            return;
        }
        c.state = StrategyState.RUNNING; // onStop is delivered even when paused
        c.strategy.onStop();
        if (c.state != StrategyState.FAILED) {
            c.state = StrategyState.STOPPED;
        }
        c.release();
    }

    private void failed(EngineStrategyContext c, StrategyFailure failure) {
        c.state = StrategyState.FAILED;
        c.error = failure.message();
        c.log(dev.paperdesk.engine.strategy.api.LogLevel.ERROR, failure.message());
        c.release();
        failureListeners.forEach(l -> l.accept(failure));
    }

    /** The status of every strategy, in start order. */
    public List<StrategyStatus> statuses() {
        List<StrategyStatus> out = new ArrayList<>();
        for (EngineStrategyContext c : strategies.values()) {
            out.add(status(c));
        }
        return out;
    }

    public Optional<StrategyStatus> status(long id) {
        return context(id).map(this::status);
    }

    /** The last lines a strategy logged (with engine time and level), oldest first. */
    public List<String> log(long id) {
        return context(id).map(EngineStrategyContext::logLines).orElse(List.of());
    }

    private StrategyStatus status(EngineStrategyContext c) {
        BigDecimal pnl = engine.portfolioSnapshot(c.portfolio)
                .map((PortfolioSnapshot s) -> s.equity().subtract(s.startingBalance()))
                .orElse(BigDecimal.ZERO);
        return new StrategyStatus(c.id, c.strategy.name(), c.state, c.portfolio, pnl, c.fills, c.error);
    }

    private Optional<EngineStrategyContext> context(long id) {
        return Optional.ofNullable(strategies.get(id));
    }

    private void requireAttached() {
        if (engine == null) {
            throw new IllegalStateException("the runner is not attached: open a session with runner.wrap(feed) first");
        }
    }

    private void onLoop(Runnable r) {
        requireAttached();
        if (loop.inLoop()) {
            r.run();
        } else {
            loop.execute(r);
        }
    }

    /** Whether any strategy has subscribed to quotes (set on the engine thread, never cleared). */
    private volatile boolean quotesFollowed;

    /** A strategy subscribed to quotes: the runner starts asking its strategies about each quote. */
    void quotesFollowed() {
        quotesFollowed = true;
    }

    void submitting(EngineStrategyContext c) {
        this.submitting = c;
    }

    // ------------------------------------------------------------------ engine side

    private void attach(EventLoop l, TradingEngine e) {
        this.loop = l;
        this.engine = e;
        e.addListener(new EngineListener() {
            @Override
            public void onEvent(EngineEvent event) {
                onEngineEvent(event);
            }

            @Override
            public boolean followsPortfolios() {
                return false; // strategies read positions and equity when they need them
            }

            @Override
            public boolean followsQuotes(InstrumentId instrument) {
                // strategies trading on bars take no quotes: no event per replayed quote
                if (!quotesFollowed) {
                    return false; // no strategy has ever subscribed to quotes
                }
                for (EngineStrategyContext c : contexts) {
                    if (c.active() && c.wantsQuotes(instrument)) {
                        return true;
                    }
                }
                return false;
            }
        });
    }

    private void onEngineEvent(EngineEvent event) {
        switch (event) {
            case EngineEvent.OrderUpdated u -> {
                EngineStrategyContext c = owner(u.order().id());
                if (c != null) {
                    c.onOrder(u.order(), u.event());
                }
            }
            case EngineEvent.FillBooked f -> {
                EngineStrategyContext c = owner(f.fill().orderId());
                if (c != null) {
                    c.onFill(f.fill());
                }
            }
            case EngineEvent.QuoteUpdated q -> {
                for (EngineStrategyContext c : contexts) {
                    if (c.active() && c.wantsQuotes(q.quote().instrumentId())) {
                        c.strategy.onQuote(q.quote());
                    }
                }
            }
            case EngineEvent.TradePrinted t -> {
                for (EngineStrategyContext c : strategies.values()) {
                    if (c.active() && c.wantsTrades(t.trade().instrumentId())) {
                        c.strategy.onTrade(t.trade());
                    }
                }
            }
            case EngineEvent.BarsUpdated b -> liveBars(b.current());
            default -> {}
        }
    }

    private EngineStrategyContext owner(OrderId id) {
        EngineStrategyContext c = owners.get(id);
        if (c == null && submitting != null && submitting.claims(id)) {
            c = submitting;
            owners.put(id, c);
        }
        return c;
    }

    /** A live bar that has been replaced by the next one of its series is complete. */
    private void liveBars(List<Bar> current) {
        List<Bar> completed = new ArrayList<>();
        for (Bar bar : current) {
            SeriesKey key = new SeriesKey(bar.instrumentId(), bar.timeframe());
            Bar previous = building.put(key, bar);
            if (previous != null && bar.openTime().isAfter(previous.openTime())) {
                completed.add(previous);
            }
        }
        // bars closing together: the longest timeframe first
        completed.sort(Comparator.comparing((Bar b) -> b.timeframe().duration()).reversed());
        completed.forEach(this::deliverBar);
    }

    private void deliverBar(Bar bar) {
        LastOpen slot;
        SeriesKey series = lastSeries;
        if (series != null
                && (series.instrument() == bar.instrumentId()
                        || series.instrument().equals(bar.instrumentId()))
                && series.timeframe() == bar.timeframe()) {
            slot = lastSlot;
        } else {
            lastSeries = new SeriesKey(bar.instrumentId(), bar.timeframe());
            slot = delivered.computeIfAbsent(lastSeries, k -> new LastOpen());
            lastSlot = slot;
        }
        if (!slot.advanceTo(bar.openTime())) {
            return; // the feed and the live bars may both report a bar
        }
        barsDelivered++;
        for (EngineStrategyContext c : contexts) {
            if (c.active()) {
                c.deliverBar(bar);
            }
        }
        // indexed (observers are only ever added): no iterator per bar
        for (int i = 0, n = barObservers.size(); i < n; i++) {
            barObservers.get(i).accept(bar);
        }
    }

    /**
     * The open time of a series' last delivered bar, kept as numbers: storing the bar's {@code Instant}
     * in a long-lived holder each bar is a reference store across heap regions, whose garbage
     * collector barrier (a full fence with G1) stalled every bar of a replay.
     */
    private static final class LastOpen {
        private boolean any;
        private long second;
        private int nano;

        /** Records {@code open} and returns true when it is after the last open time recorded. */
        boolean advanceTo(java.time.Instant open) {
            long s = open.getEpochSecond();
            int n = open.getNano();
            if (any && (s < second || (s == second && n <= nano))) {
                return false;
            }
            any = true;
            second = s;
            nano = n;
            return true;
        }
    }

    /** The wrapped feed: captures the engine and its loop when the session starts it. */
    private final class HostedFeed implements MarketDataFeed {
        private final MarketDataFeed inner;

        HostedFeed(MarketDataFeed inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public List<Instrument> instruments() {
            return inner.instruments();
        }

        @Override
        public void start(EventLoop l, MarketDataSink sink) {
            if (!(sink instanceof TradingEngine e)) {
                throw new IllegalStateException("strategies run on a TradingEngine, not on " + sink);
            }
            attach(l, e);
            inner.start(l, new HostedSink(e));
        }

        @Override
        public void stop() {
            inner.stop();
        }

        @Override
        public MarketDataFeed origin() {
            return inner.origin();
        }
    }

    private final class HostedSink implements MarketDataSink {
        private final TradingEngine engine;

        HostedSink(TradingEngine engine) {
            this.engine = engine;
        }

        @Override
        public void onQuote(Quote quote) {
            engine.onQuote(quote);
        }

        @Override
        public void onBar(Bar bar) {
            engine.onBar(bar);
            deliverBar(bar);
        }

        @Override
        public void onTrade(TradePrint trade) {
            engine.onTrade(trade);
        }

        @Override
        public void onBook(BookSnapshot book) {
            engine.onBook(book);
        }

        @Override
        public void onMarkPrice(MarkPrice mark) {
            engine.onMarkPrice(mark);
        }

        @Override
        public void onFundingRate(FundingRate funding) {
            engine.onFundingRate(funding);
        }

        @Override
        public void onOpenInterest(OpenInterest openInterest) {
            engine.onOpenInterest(openInterest);
        }
    }
}
