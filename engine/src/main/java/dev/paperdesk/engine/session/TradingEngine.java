package dev.paperdesk.engine.session;

import dev.paperdesk.engine.execution.OrderValidator;
import dev.paperdesk.engine.execution.models.DataKind;
import dev.paperdesk.engine.execution.models.ExecutionSettings;
import dev.paperdesk.engine.execution.models.ModelAssumptions;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.execution.orders.PaperVenue;
import dev.paperdesk.engine.execution.orders.PlacementValidator;
import dev.paperdesk.engine.execution.orders.VenueContext;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.market.TradingHours;
import dev.paperdesk.engine.market.history.replay.BarReplayFeed;
import dev.paperdesk.engine.market.sim.ListingSpec;
import dev.paperdesk.engine.market.sim.OrderBook;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderChange;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderGroup;
import dev.paperdesk.engine.model.OrderGroupKind;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderLink;
import dev.paperdesk.engine.model.OrderPlacement;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderRole;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Rejection;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.options.OptionEvent;
import dev.paperdesk.engine.options.OptionMarket;
import dev.paperdesk.engine.options.OptionUnderlying;
import dev.paperdesk.engine.options.SimulatedOptionUnderlyings;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.margin.MarginBook;
import dev.paperdesk.engine.risk.RiskVerdict;
import dev.paperdesk.engine.store.ChangeSet;
import dev.paperdesk.engine.store.WorkspaceState;
import dev.paperdesk.engine.store.WorkspaceStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The engine's state and its order pipeline. Every method runs on the event loop thread; other
 * threads read the volatile immutable views ({@link #portfolioSnapshots()}, {@link #orders()}, …).
 *
 * <p>Each command, market event and timer is one step: its order transitions, fills, cash and
 * position changes are committed to the store in one transaction, and only then swapped into the
 * in-memory state and published to listeners. The {@link PaperVenue} decides what happens to
 * orders; this class validates commands, books fills into portfolios and persists everything.
 */
public final class TradingEngine implements MarketDataSink {
    private final EventLoop loop;
    private final WorkspaceStore store;
    private final MarketDataFeed feed;
    private final Map<InstrumentId, Instrument> instruments = new InstrumentTable();
    private final Map<InstrumentId, TradingHours> hours = new HashMap<>();
    private final Map<InstrumentId, Quote> quotes = new HashMap<>();
    private final Map<PortfolioId, Portfolio> portfolios = new TreeMap<>((a, b) -> Long.compare(a.value(), b.value()));
    private final Map<Long, OrderGroup> groups = new HashMap<>();
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    /** The listeners as an array, for the per-quote loop without an iterator (written under the list's lock). */
    private volatile EngineListener[] listenerArray = new EngineListener[0];

    private final MarketFxRates fx = new MarketFxRates();
    private final LiveBars liveBars;
    private final Context context = new Context();
    private final PaperVenue venue;
    private final AccountService accounts;
    private final OptionMarket options;
    /** Whether any underlying lists options (fixed with the market): most sessions have none. */
    private final boolean optionsListed;

    private final OrderReservations reservations = new OrderReservations();
    /** Working orders restored after a restart whose reservation waits for a price of their instrument. */
    private final Set<OrderId> unreserved = new LinkedHashSet<>();
    /** While a placement is validated: its portfolio and what its orders validated so far reserve. */
    private PortfolioId placing;

    private BigDecimal placingReserve = BigDecimal.ZERO;
    private long nextOrderId = 1;
    private long nextFillId = 1;
    private long nextGroupId = 1;
    private long nextPortfolioId = 1;
    private Step step;

    /**
     * The published snapshot of each portfolio, replaced one portfolio at a time (each snapshot is
     * consistent in itself; a reader of several may see some from before a step and some after).
     */
    private final Map<PortfolioId, PortfolioSnapshot> snapshotView =
            new java.util.concurrent.ConcurrentSkipListMap<>((a, b) -> Long.compare(a.value(), b.value()));
    /** What each published snapshot was valued from (engine thread), to re-use it when only reservations moved. */
    private final Map<PortfolioId, Valued> valued = new HashMap<>();
    /**
     * Counts changes to what a valuation reads besides the portfolio itself: quotes (marks and
     * exchange rates), mark prices and the instrument list.
     */
    private long marketVersion;

    /** The inputs a published snapshot was valued from. */
    private record Valued(
            Portfolio portfolio,
            long revision,
            dev.paperdesk.engine.portfolio.RiskMarks riskMarks,
            long marketVersion) {
        boolean current(Portfolio p, long market) {
            return portfolio == p && revision == p.revision() && riskMarks == p.riskMarks() && marketVersion == market;
        }
    }
    // Read-side mirrors for other threads, updated after each commit. Readers copy on demand, so a
    // step costs O(changes), not O(all orders ever placed). The engine thread looks orders up in
    // orderView too: one table of every order (slot = id), not two.
    private final OrderTable orderView = new OrderTable();
    private final java.util.Queue<Fill> fillView = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Map<Long, OrderGroup> groupView = new java.util.concurrent.ConcurrentSkipListMap<>();
    private volatile ExecutionSettings settingsView;
    /**
     * The latest quote of each instrument for other threads: one slot per instrument, written in
     * place, so a quote costs a lock-free lookup and one volatile write (not a locked map update).
     */
    private final Map<InstrumentId, QuoteSlot> quoteView = new java.util.concurrent.ConcurrentHashMap<>();

    /** An instrument's latest quote, published to other threads. */
    private static final class QuoteSlot {
        volatile Quote quote;
        /** The listed instrument (engine thread; instruments are only ever added), once looked up. */
        Instrument instrument;
    }

    /** The slot of the instrument quoted last: a feed of one instrument looks nothing up. */
    private InstrumentId lastQuoted;

    private QuoteSlot lastSlot;

    /** The quote of {@code id} for any thread, or null. */
    private Quote viewQuote(InstrumentId id) {
        QuoteSlot slot = quoteView.get(id);
        return slot == null ? null : slot.quote;
    }

    /** The view slot of {@code id}, made on its first quote (engine thread). */
    private QuoteSlot quoteSlot(InstrumentId id) {
        QuoteSlot slot = lastSlot;
        if (id != lastQuoted) {
            slot = quoteView.computeIfAbsent(id, k -> new QuoteSlot());
            lastQuoted = id;
            lastSlot = slot;
        }
        return slot;
    }

    private final Map<InstrumentId, BookSnapshot> bookView = new java.util.concurrent.ConcurrentHashMap<>();

    public TradingEngine(EventLoop loop, WorkspaceStore store, ExecutionSettings settings, MarketDataFeed feed) {
        this.loop = loop;
        this.store = store;
        this.feed = feed.origin(); // a decorating feed must not hide the simulator's books or a bar replay
        for (Instrument i : feed.instruments()) {
            this.instruments.put(i.id(), i);
        }
        this.liveBars = new LiveBars(this.instruments, store.barStore(), this::publish);
        if (feed instanceof SimulatedMarket sim) {
            for (ListingSpec l : sim.universe().listings()) {
                hours.put(l.instrument().id(), l.hours());
            }
        }
        this.settingsView = settings;
        this.venue = new PaperVenue(context, settings, instruments.values(), feed instanceof BarReplayFeed);
        this.accounts = new AccountService(new AccountHost(), store);
        this.options = feed.origin() instanceof SimulatedMarket sim
                ? new OptionMarket(
                        SimulatedOptionUnderlyings.of(sim.universe()),
                        sim.seed(),
                        id -> Optional.ofNullable(viewQuote(id)))
                : OptionMarket.none();
        this.optionsListed = !options.underlyings().isEmpty();
        for (OptionUnderlying u : options.underlyings().stream()
                .map(id -> options.underlying(id).orElseThrow())
                .toList()) {
            hours.putIfAbsent(u.id(), u.hours());
        }
        // Other threads read the published snapshots: re-mark the stale ones once the loop caught up.
        loop.whenIdle(() -> {
            if (!stale.isEmpty()) {
                refreshStale();
            }
        });
        if (!options.underlyings().isEmpty()) {
            loop.scheduleEvery(loop.nowNanos() + EXPIRY_CHECK_NANOS, EXPIRY_CHECK_NANOS, this::settleExpiries);
        }
    }

    /** The options market: listed underlyings, chains, contract lookup and Greeks (reads from any thread). */
    public OptionMarket options() {
        return options;
    }

    /** The account side: margin, risk, funding, liquidation and portfolio commands. */
    public AccountService accounts() {
        return accounts;
    }

    public void addListener(EngineListener listener) {
        synchronized (listeners) {
            listeners.add(listener);
            listenerArray = listeners.toArray(new EngineListener[0]);
        }
        if (listener.followsPortfolios()) {
            portfolioFollowers.incrementAndGet();
        }
        if (listener.followsAccounts()) {
            accountFollowers.incrementAndGet();
        }
    }

    public void removeListener(EngineListener listener) {
        boolean removed;
        synchronized (listeners) {
            removed = listeners.remove(listener);
            listenerArray = listeners.toArray(new EngineListener[0]);
        }
        if (removed) {
            if (listener.followsPortfolios()) {
                portfolioFollowers.decrementAndGet();
            }
            if (listener.followsAccounts()) {
                accountFollowers.decrementAndGet();
            }
        }
    }

    /** Listeners that take the order path's advisory account events (any thread). */
    private final java.util.concurrent.atomic.AtomicInteger accountFollowers =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Listeners that take {@link EngineEvent.PortfolioChanged} events (any thread). */
    private final java.util.concurrent.atomic.AtomicInteger portfolioFollowers =
            new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Portfolios holding an instrument quoted since their snapshot was made, or changed by a step of a
     * caller-driven loop ({@link #settleViews}), while no listener follows portfolios (engine thread). A backtest has no such listener: instead of a snapshot per quote,
     * the snapshot is re-marked when the engine thread reads it, at the latest marks (they differ from
     * an eager refresh's only for instruments the portfolio does not hold and for exchange rates
     * quoted since, which an eager refresh would not have picked up yet); its equity of record is
     * worked out at the quote ({@link #markedEquity}).
     */
    private final Set<PortfolioId> stale = new java.util.HashSet<>();

    /** Restores persisted state, including working orders and their links; call once, before the feed starts. */
    public void restore(WorkspaceState state) {
        for (Portfolio p : state.portfolios()) {
            nextPortfolioId = Math.max(nextPortfolioId, p.id().value() + 1);
            if (!p.deleted()) {
                portfolios.put(p.id(), p);
            }
        }
        for (Order o : state.orders()) {
            orderView.put(o);
            nextOrderId = Math.max(nextOrderId, o.id().value() + 1);
        }
        for (Fill f : state.fills()) {
            nextFillId = Math.max(nextFillId, f.id().value() + 1);
        }
        for (OrderGroup g : state.groups()) {
            groups.put(g.id(), g);
            nextGroupId = Math.max(nextGroupId, g.id() + 1);
        }
        fillView.addAll(state.fills());
        groupView.putAll(groups);
        for (Portfolio p : portfolios.values()) {
            for (var pos : p.positions()) {
                listOption(pos.instrumentId());
            }
        }
        for (Order o : state.orders()) {
            if (o.status().isOpen()) {
                listOption(o.request().instrumentId());
            }
        }
        venue.restore(state.orders().stream().filter(o -> o.status().isOpen()).toList(), state.groups());
        for (Order o : state.orders()) {
            if (o.status().isOpen()) {
                unreserved.add(o.id());
            }
        }
        refreshViews(portfolios.keySet());
        accounts.restore();
    }

    public Map<InstrumentId, Instrument> instruments() {
        return java.util.Collections.unmodifiableMap(instruments);
    }

    // ------------------------------------------------------------------------------ steps

    /** What one step has changed so far; committed as one transaction at its end. */
    private static final class Step {
        ChangeSet changes = new ChangeSet();
        /** Whether anyone listened when the step began: nobody else sees its events. */
        boolean publishing;

        final List<EngineEvent> events = new ArrayList<>();
        final Map<PortfolioId, Portfolio> portfolios = new LinkedHashMap<>();
        final StepOrders orders = new StepOrders();
        final Map<Long, OrderGroup> groups = new LinkedHashMap<>();
        final List<Fill> fills = new ArrayList<>();
        /** The portfolios the step touched, each once, in the order first touched (a step touches one or two). */
        final List<PortfolioId> touched = new ArrayList<>(2);

        void touch(PortfolioId id) {
            if (!touched.contains(id)) {
                touched.add(id);
            }
        }

        /** Ready for the next step; the committed change set stays with the store. */
        void reset() {
            changes = new ChangeSet();
            events.clear();
            portfolios.clear();
            orders.clear();
            groups.clear();
            fills.clear();
            touched.clear();
        }

        boolean isEmpty() {
            return changes.isEmpty()
                    && events.isEmpty()
                    && portfolios.isEmpty()
                    && orders.isEmpty()
                    && groups.isEmpty()
                    && fills.isEmpty()
                    && touched.isEmpty();
        }
    }

    /**
     * The step object kept for the next step: most market events of a replay change nothing, and
     * they then cost no allocation. After a commit its collections are cleared and it gets a new
     * change set (the store may hold on to the one it committed); listeners and the store only ever
     * received the values in them, never the collections. Null while a step runs or commits, so a
     * step started from a listener during a commit gets its own.
     */
    private Step spareStep;

    private <T> T inStep(Supplier<T> work) {
        if (step != null) {
            return work.get();
        }
        Step s = spareStep != null ? spareStep : new Step();
        spareStep = null;
        s.publishing = !listeners.isEmpty();
        step = s;
        T result;
        try {
            result = work.get();
        } finally {
            step = null;
        }
        commit(s);
        return result;
    }

    private void commit(Step s) {
        if (s.isEmpty()) {
            spareStep = s;
            return;
        }
        if (s.changes.isEmpty() && s.events.isEmpty()) {
            return;
        }
        commitChanges(s);
        s.reset();
        spareStep = s;
    }

    private void commitChanges(Step s) {
        store.commit(s.changes);
        // Most steps place or fill one order: no iterator or array copy for what they left empty.
        if (!s.portfolios.isEmpty()) {
            portfolios.putAll(s.portfolios);
        }
        if (!s.groups.isEmpty()) {
            groups.putAll(s.groups);
            groupView.putAll(s.groups);
        }
        for (int i = 0; i < s.orders.size(); i++) {
            orderView.put(s.orders.get(i));
        }
        if (!s.fills.isEmpty()) {
            fillView.addAll(s.fills); // at once: readers on other threads see a step's fills together
        }
        releaseEnded(s.orders);
        if (listeners.isEmpty()) {
            settleViews(s.touched);
            return; // nobody to tell
        }
        if (portfolioFollowers.get() == 0) {
            // Nobody takes PortfolioChanged events (a backtest's strategies read their positions when
            // they need them): the order and fill events only, with no snapshots compared.
            settleViews(s.touched);
            publishAll(s.events);
            return;
        }
        Map<PortfolioId, PortfolioSnapshot> prior = new HashMap<>();
        for (int k = 0; k < s.touched.size(); k++) {
            PortfolioId id = s.touched.get(k);
            PortfolioSnapshot before = snapshotView.get(id);
            if (before != null) {
                prior.put(id, before);
            }
        }
        refreshViews(s.touched);
        publishAll(s.events);
        for (PortfolioId id : s.portfolios.keySet()) {
            publish(new EngineEvent.PortfolioChanged(snapshotView.get(id)));
        }
        // An order that rests or ends without a fill changes only what the portfolio reserves.
        for (int k = 0; k < s.touched.size(); k++) {
            PortfolioId id = s.touched.get(k);
            PortfolioSnapshot before = prior.get(id);
            PortfolioSnapshot after = snapshotView.get(id);
            if (!s.portfolios.containsKey(id)
                    && before != null
                    && after != null
                    && before.reservedForOrders().compareTo(after.reservedForOrders()) != 0) {
                publish(new EngineEvent.PortfolioChanged(after));
            }
        }
    }

    /** The venue's view of the engine: clock, timers, positions and the reports it sends back. */
    private final class Context implements VenueContext {
        @Override
        public long nowNanos() {
            return loop.nowNanos();
        }

        @Override
        public Instant now() {
            return loop.clock().now();
        }

        @Override
        public void schedule(long atNanos, Runnable task) {
            loop.schedule(
                    atNanos,
                    () -> inStep(() -> {
                        task.run();
                        return null;
                    }));
        }

        @Override
        public BigDecimal position(PortfolioId portfolio, InstrumentId instrument) {
            Portfolio p = step != null && step.portfolios.containsKey(portfolio)
                    ? step.portfolios.get(portfolio)
                    : portfolios.get(portfolio);
            return p == null ? BigDecimal.ZERO : p.quantityOf(instrument);
        }

        @Override
        public void report(Order order, OrderEvent event) {
            Step s = requireStep();
            s.orders.put(order);
            s.touch(order.request().portfolioId());
            s.changes.order(order).event(event);
            if (event instanceof OrderEvent.Filled filled) {
                Fill fill = filled.fill();
                Instrument instrument = instruments.get(fill.instrumentId());
                // Book into a copy: it replaces the live portfolio only once the store has committed.
                Portfolio p = s.portfolios.get(fill.portfolioId());
                if (p == null) { // no capturing lambda per fill
                    p = portfolios.get(fill.portfolioId()).copy();
                    s.portfolios.put(fill.portfolioId(), p);
                }
                List<LedgerEntry> ledger = p.applyFill(fill, instrument);
                accounts.afterFill(p, fill, instrument);
                s.changes.fill(fill).ledger(ledger).portfolio(p);
                s.fills.add(fill);
                if (s.publishing) {
                    s.events.add(new EngineEvent.FillBooked(fill));
                }
                if (instrument instanceof Instrument.OptionContract
                        && fill.price().value().signum() > 0) {
                    options.recordTrade(fill.instrumentId(), fill.price());
                }
            }
            if (s.publishing) {
                s.events.add(new EngineEvent.OrderUpdated(order, event));
            }
        }

        @Override
        public void updated(Order order, String note) {
            Step s = requireStep();
            s.orders.put(order);
            s.touch(order.request().portfolioId());
            s.changes.order(order);
            // Not a transition: persisted and shown, but not appended to the journal.
            if (s.publishing) {
                s.events.add(new EngineEvent.OrderUpdated(
                        order, new OrderEvent.Modified(order.id(), now(), order.status(), note)));
            }
        }

        @Override
        public FillId nextFillId() {
            return new FillId(nextFillId++);
        }

        @Override
        public TradingHours hours(Instrument instrument) {
            return hours.getOrDefault(instrument.id(), TradingHours.continuous());
        }

        @Override
        public Optional<OrderBook> liveBook(InstrumentId instrument) {
            return feed instanceof SimulatedMarket sim ? sim.book(instrument) : Optional.empty();
        }
    }

    private Step requireStep() {
        if (step == null) {
            throw new IllegalStateException("the venue reported outside an engine step");
        }
        return step;
    }

    // ------------------------------------------------------------------------------ commands

    /** Creates a portfolio funded with {@code startingBalance} (a DEPOSIT ledger entry). */
    public Portfolio createPortfolio(
            String name, String description, Currency base, BigDecimal startingBalance, CostBasisMethod method) {
        return accounts.createPortfolio(new PortfolioSpec(
                name,
                description,
                base,
                startingBalance,
                dev.paperdesk.engine.portfolio.PortfolioSettings.defaults(method)));
    }

    /** Sends one order; returns it in its state at the end of this step (filled already when latency is zero). */
    public Order submit(OrderRequest request) {
        return place(new OrderPlacement.Single(request)).get(0);
    }

    /**
     * Places a single order, an OCO pair, a bracket or a combo: all of its orders are created and
     * journaled, validated together, and either all sent to the venue or all rejected.
     */
    public List<Order> place(OrderPlacement placement) {
        return inStep(() -> {
            Instant now = loop.clock().now();
            List<OrderRequest> requests = placement.requests();
            for (OrderRequest r : requests) {
                listOption(r.instrumentId());
            }
            OrderGroup group = null;
            // Sized to the placement: most are a single order.
            List<OrderLink> links = new ArrayList<>(0);
            List<OrderId> ids = new ArrayList<>(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                ids.add(new OrderId(nextOrderId++));
            }
            if (!(placement instanceof OrderPlacement.Single)) {
                long gid = nextGroupId++;
                OrderGroupKind kind =
                        switch (placement) {
                            case OrderPlacement.Oco o -> OrderGroupKind.OCO;
                            case OrderPlacement.Bracket b -> OrderGroupKind.BRACKET;
                            case OrderPlacement.Combo c -> OrderGroupKind.COMBO;
                            case OrderPlacement.Single s -> throw new IllegalStateException();
                        };
                for (int i = 0; i < requests.size(); i++) {
                    OrderRole role =
                            switch (kind) {
                                case OCO -> OrderRole.OCO_LEG;
                                case COMBO -> OrderRole.COMBO_LEG;
                                case BRACKET -> i == 0
                                        ? OrderRole.ENTRY
                                        : (i == 1 ? OrderRole.TAKE_PROFIT : OrderRole.STOP_LOSS);
                            };
                    links.add(new OrderLink(gid, kind, role));
                }
                group = placement instanceof OrderPlacement.Combo c
                        ? new OrderGroup(gid, kind, ids, c.netLimit(), c.units())
                        : new OrderGroup(gid, kind, ids, null, null);
                step.changes.group(group);
                step.groups.put(gid, group);
            }
            List<Order> created = new ArrayList<>(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                OrderRequest r = requests.get(i);
                if (placement instanceof OrderPlacement.Combo c) {
                    r = r.toBuilder()
                            .timeInForce(c.timeInForce())
                            .expireAt(null)
                            .build();
                }
                Order o = Order.create(ids.get(i), r, now, links.isEmpty() ? null : links.get(i));
                created.add(o);
                // The journal's words for the order are written when read (the journal of a busy
                // session is mostly never read); the request and link are immutable.
                OrderRequest described = r;
                OrderLink link = o.link();
                report(
                        o,
                        OrderEvent.Created.describing(
                                o.id(), now, () -> describe(described) + (link == null ? "" : " [" + link + "]")));
            }
            Optional<Rejection> problem = PlacementValidator.check(placement);
            int culprit = -1;
            BigDecimal[] reserve = new BigDecimal[created.size()];
            placing = created.get(0).request().portfolioId();
            try {
                for (int i = 0; problem.isEmpty() && i < created.size(); i++) {
                    RiskVerdict verdict = validate(created.get(i));
                    problem = verdict.rejection();
                    reserve[i] = verdict.reservation();
                    culprit = i;
                    // The legs of an OCO pair are checked alone: at most one of them will execute.
                    if (!(placement instanceof OrderPlacement.Oco)) {
                        placingReserve = placingReserve.add(verdict.reservation());
                    }
                }
            } finally {
                placing = null;
                placingReserve = BigDecimal.ZERO;
            }
            if (problem.isPresent()) {
                List<Order> out = new ArrayList<>();
                for (int i = 0; i < created.size(); i++) {
                    Rejection why = problem.get();
                    if (created.size() > 1 && i != culprit && why.reason() != RejectReason.INVALID_GROUP) {
                        why = new Rejection(
                                why.reason(),
                                "rejected with " + created.get(culprit).id() + ": " + why.message());
                    }
                    Order rejected = created.get(i).reject(why, now);
                    report(rejected, new OrderEvent.Rejected(rejected.id(), now, why));
                    out.add(rejected);
                }
                return out;
            }
            for (int i = 0; i < created.size(); i++) {
                reservations.reserve(
                        created.get(i),
                        reserve[i],
                        scale(created.get(i).request().portfolioId()));
            }
            venue.place(created, group);
            List<Order> out = new ArrayList<>(created.size());
            for (Order o : created) {
                out.add(step.orders.getOrDefault(o.id(), o));
            }
            return out;
        });
    }

    private void report(Order order, OrderEvent event) {
        context.report(order, event);
    }

    /** Whether the order is still working, as the engine last committed it (false for an unknown id). */
    public boolean isOpen(OrderId id) {
        Order o = orderView.get(id);
        return o != null && o.status().isOpen();
    }

    /** Sends a cancel (it travels with the venue's latency and may lose the race with a fill). */
    public Order cancel(OrderId id) {
        return inStep(() -> {
            Order o = orderView.get(id);
            if (o == null) {
                throw new IllegalArgumentException("no order " + id);
            }
            if (!o.status().isOpen()) {
                report(
                        o,
                        new OrderEvent.AmendRejected(
                                id,
                                loop.clock().now(),
                                o.status(),
                                "cancel refused: the order is already " + o.status()));
                return o;
            }
            venue.cancel(id, "cancelled by the trader");
            return step.orders.getOrDefault(id, o);
        });
    }

    /** Cancels every open order of a portfolio, or only those on {@code instrument} when it is given. */
    public List<Order> cancelAll(PortfolioId portfolio, InstrumentId instrument) {
        return inStep(() -> {
            List<Order> out = new ArrayList<>();
            for (Order o : venue.openOrders()) {
                if (o.request().portfolioId().equals(portfolio)
                        && (instrument == null || o.request().instrumentId().equals(instrument))) {
                    venue.cancel(o.id(), instrument == null ? "cancel all" : "cancel all on " + instrument);
                    out.add(step.orders.getOrDefault(o.id(), o));
                }
            }
            return out;
        });
    }

    /** Sends a modify of price, stop or quantity; refused at once (journaled) when the change is invalid. */
    public Order modify(OrderId id, OrderChange change) {
        return inStep(() -> {
            Order o = orderView.get(id);
            if (o == null) {
                throw new IllegalArgumentException("no order " + id);
            }
            Instant now = loop.clock().now();
            String problem = null;
            OrderRequest next = null;
            if (!o.status().isOpen()) {
                problem = "modify refused: the order is already " + o.status();
            } else if (change.limitPrice() != null && o.request().limitPrice() == null) {
                problem = "modify refused: a " + o.request().type() + " order has no limit price";
            } else if (change.stopPrice() != null
                    && (o.request().stopPrice() == null || o.request().type().isTrailing())) {
                problem = "modify refused: a " + o.request().type() + " order has no stop price to change";
            } else if (o.status() == OrderStatus.TRIGGERED && change.stopPrice() != null) {
                problem = "modify refused: the stop has already triggered";
            } else {
                try {
                    next = change.applyTo(o.request());
                } catch (IllegalArgumentException e) {
                    problem = "modify refused: " + e.getMessage();
                }
                if (next != null) {
                    Optional<Rejection> r = OrderValidator.check(next, instruments.get(next.instrumentId()));
                    if (r.isPresent()) {
                        problem = "modify refused: " + r.get().message();
                    } else if (next.quantity().compareTo(o.filledQuantity()) <= 0) {
                        problem = "modify refused: the new quantity " + next.quantity() + " is not above the filled "
                                + o.filledQuantity() + " (cancel instead)";
                    }
                }
            }
            if (problem != null) {
                report(o, new OrderEvent.AmendRejected(id, now, o.status(), problem));
                return o;
            }
            venue.modify(id, next);
            return step.orders.getOrDefault(id, o);
        });
    }

    /** Puts new execution models in force (for orders from now on; resting orders keep their queue place). */
    public void updateSettings(ExecutionSettings settings) {
        venue.settings(settings);
        settingsView = settings;
    }

    public ExecutionSettings settings() {
        return settingsView;
    }

    /** The models in force and the fill model each instrument uses given its data. */
    public ModelAssumptions assumptions() {
        return venue.settings().assumptions(List.copyOf(instruments.values()), i -> venue.dataKind(i.id()));
    }

    /** What data an instrument has. */
    public DataKind dataKind(InstrumentId id) {
        return venue.dataKind(id);
    }

    /** The models that apply to an instrument. */
    public ModelSet models(InstrumentId id) {
        Instrument i = instruments.get(id);
        return i == null ? settingsView.defaults() : settingsView.resolve(i);
    }

    // ------------------------------------------------------------------------------ validation

    private RiskVerdict validate(Order order) {
        OrderRequest request = order.request();
        Portfolio portfolio = portfolios.get(request.portfolioId());
        if (portfolio == null) {
            return RiskVerdict.reject(
                    new Rejection(RejectReason.UNKNOWN_PORTFOLIO, "no portfolio " + request.portfolioId()));
        }
        if (portfolio.archived()) {
            return RiskVerdict.reject(
                    new Rejection(RejectReason.PORTFOLIO_ARCHIVED, "portfolio '" + portfolio.name() + "' is archived"));
        }
        Instrument instrument = instruments.get(request.instrumentId());
        if (instrument == null) {
            return RiskVerdict.reject(new Rejection(
                    RejectReason.UNKNOWN_INSTRUMENT, "no instrument " + request.instrumentId() + " in this market"));
        }
        Optional<Rejection> structural =
                OrderValidator.check(request, instrument, loop.clock().now());
        if (structural.isPresent()) {
            return RiskVerdict.reject(structural.get());
        }
        Quote quote = quotes.get(request.instrumentId());
        if (quote == null) {
            return RiskVerdict.reject(
                    new Rejection(RejectReason.NO_MARKET_PRICE, "no price for " + request.instrumentId() + " yet"));
        }
        if (fx.rate(instrument.quoteCurrency(), portfolio.baseCurrency()).isEmpty()) {
            return RiskVerdict.reject(new Rejection(
                    RejectReason.NO_MARKET_PRICE,
                    "no exchange rate from " + instrument.quoteCurrency() + " to " + portfolio.baseCurrency()
                            + " yet"));
        }
        BigDecimal held = portfolio.quantityOf(request.instrumentId());
        boolean bracketChild = order.link() != null
                && (order.link().role() == OrderRole.TAKE_PROFIT || order.link().role() == OrderRole.STOP_LOSS);
        if (request.reduceOnly()
                && !bracketChild
                && (held.signum() == 0 || held.signum() == request.side().sign())) {
            return RiskVerdict.reject(new Rejection(
                    RejectReason.REDUCE_ONLY_WOULD_INCREASE,
                    "reduce-only " + request.side() + " would increase the position of " + held.toPlainString() + " "
                            + request.instrumentId()));
        }
        if (bracketChild) {
            // The children close what the entry opens: the entry's check and reservation cover them.
            return RiskVerdict.PASS;
        }
        Price expected = new Price(assumedPrice(request, instrument, quote));
        BigDecimal claimed = claimed(order);
        return accounts.checkOrder(
                request,
                instrument,
                expected,
                models(instrument.id()).fee().fee(instrument, request.quantity(), expected, Liquidity.TAKER),
                claimed);
    }

    /**
     * The price the funds check assumes, and at which a working order reserves: the limit, else the
     * trigger, else the touch (a buy trailing stop: the touch plus its trail and limit offset, where
     * it would trigger at the latest) moved against the order by the slippage model's worst case,
     * and by {@link #CLOSED_MARKET_BUFFER} more when the market is closed and the order must wait
     * for a price nobody knows yet.
     */
    private BigDecimal assumedPrice(OrderRequest r, Instrument instrument, Quote quote) {
        if (r.limitPrice() != null) {
            return r.limitPrice().value();
        }
        if (r.stopPrice() != null) {
            return r.stopPrice().value();
        }
        double worst = models(instrument.id()).slippage().maxBps(r.type());
        BigDecimal touch = quote.touch(r.side()).value();
        if (r.trail() != null && r.side() == dev.paperdesk.engine.model.Side.BUY) {
            touch = touch.add(
                    r.trail().percent()
                            ? touch.multiply(r.trail().value()).movePointLeft(2)
                            : r.trail().value());
            if (r.limitOffset() != null) {
                touch = touch.add(r.limitOffset().value());
            }
        }
        boolean closed = !hours.getOrDefault(instrument.id(), TradingHours.continuous())
                .isOpen(loop.clock().now());
        return touch.multiply(worstFactor(worst, closed));
    }

    /** The last factor {@link #assumedPrice} used: the models and market hours rarely change between orders. */
    private record WorstFactor(double worstBps, boolean closed, BigDecimal factor) {}

    private WorstFactor lastFactor;

    private BigDecimal worstFactor(double worstBps, boolean closed) {
        WorstFactor f = lastFactor;
        // compared as bits: the same double gives the same BigDecimal.valueOf
        if (f == null
                || Double.doubleToLongBits(f.worstBps()) != Double.doubleToLongBits(worstBps)
                || f.closed() != closed) {
            BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(worstBps / 10_000.0));
            if (closed) {
                factor = factor.add(CLOSED_MARKET_BUFFER);
            }
            f = new WorstFactor(worstBps, closed, factor);
            lastFactor = f;
        }
        return f.factor();
    }

    /**
     * What other working orders on the order's side already promise to close; the legs of one OCO
     * pair or bracket execute at most once, so a group counts its largest leg.
     */
    private BigDecimal claimed(Order order) {
        OrderRequest request = order.request();
        BigDecimal claimed = BigDecimal.ZERO;
        Map<Long, BigDecimal> groupClaims = null;
        // Only the instrument's own working orders can claim its position.
        for (Order o : venue.openOrders(request.instrumentId())) {
            OrderRequest w = o.request();
            if (w.portfolioId().equals(request.portfolioId())
                    && w.side() == request.side()
                    && !o.id().equals(order.id())) {
                BigDecimal left =
                        w.quantity().value().subtract(o.filledQuantity().value());
                if (o.link() != null && o.link().kind() != OrderGroupKind.COMBO) {
                    if (groupClaims == null) {
                        groupClaims = new HashMap<>();
                    }
                    groupClaims.merge(o.link().groupId(), left, BigDecimal::max);
                } else {
                    claimed = claimed.add(left);
                }
            }
        }
        if (groupClaims != null) {
            for (BigDecimal c : groupClaims.values()) {
                claimed = claimed.add(c);
            }
        }
        return claimed;
    }

    /**
     * Gives the restored working orders of {@code instrument} their reservation again, now that it has
     * a price: the rule of an accepted order, for what is left to fill.
     */
    private void reserveRestored(InstrumentId instrument) {
        if (unreserved.isEmpty()) {
            return;
        }
        Set<PortfolioId> changed = new LinkedHashSet<>();
        for (OrderId id : List.copyOf(unreserved)) {
            Order o = orderView.get(id);
            if (o == null || !o.status().isOpen()) {
                unreserved.remove(id);
                continue;
            }
            OrderRequest r = o.request();
            Instrument i = instruments.get(r.instrumentId());
            Quote q = quotes.get(r.instrumentId());
            Portfolio p = portfolios.get(r.portfolioId());
            if (!r.instrumentId().equals(instrument)
                    || i == null
                    || q == null
                    || p == null
                    || fx.rate(i.quoteCurrency(), p.baseCurrency()).isEmpty()) {
                continue;
            }
            unreserved.remove(id);
            boolean child = o.link() != null
                    && (o.link().role() == OrderRole.TAKE_PROFIT || o.link().role() == OrderRole.STOP_LOSS);
            if (child) {
                continue;
            }
            OrderRequest left = r.withQuantity(o.remainingQuantity());
            Price price = new Price(assumedPrice(left, i, q));
            BigDecimal amount = accounts.reservation(
                    left, i, price, models(i.id()).fee().fee(i, left.quantity(), price, Liquidity.TAKER), claimed(o));
            reservations.reserve(o, amount, scale(p.id()));
            changed.add(p.id());
        }
        if (!changed.isEmpty()) {
            refreshViews(changed);
            for (PortfolioId id : changed) {
                publish(new EngineEvent.PortfolioChanged(snapshotView.get(id)));
            }
        }
    }

    /** How far a market order queued while its market is closed may fill from the last price: 5 %. */
    static final BigDecimal CLOSED_MARKET_BUFFER = new BigDecimal("0.05");

    // ------------------------------------------------------------------------ reservations

    /** What the working orders of {@code id} hold back, plus those of a placement being validated. */
    private BigDecimal reserved(PortfolioId id) {
        BigDecimal held = reservations.total(id, currentOrders, scale(id));
        return id.equals(placing) ? held.add(placingReserve) : held;
    }

    /** {@link #currentOrder} as a function, made once: the reservation total reads it on every order. */
    private final java.util.function.Function<OrderId, Order> currentOrders = this::currentOrder;

    private Order currentOrder(OrderId id) {
        return orderView.get(id);
    }

    /** Decimals of the portfolio's base currency: reservations are whole minor units, rounded up. */
    private int scale(PortfolioId id) {
        Portfolio p = portfolios.get(id);
        return p == null ? 2 : p.baseCurrency().minorUnits();
    }

    private void releaseEnded(List<Order> changed) {
        for (int i = 0; i < changed.size(); i++) { // by index: no iterator per step
            Order o = changed.get(i);
            if (!o.status().isOpen()) {
                reservations.release(o.id());
            }
        }
    }

    /**
     * What each working order of a portfolio reserves now (orders that reserve nothing are left out);
     * engine thread.
     */
    public Map<OrderId, BigDecimal> reservations(PortfolioId portfolio) {
        Map<OrderId, BigDecimal> out = new TreeMap<>();
        int scale = scale(portfolio);
        for (Order o : orderView.values()) {
            if (o.request().portfolioId().equals(portfolio) && reservations.holds(o.id())) {
                BigDecimal r = reservations.of(o, scale);
                if (r.signum() > 0) {
                    out.put(o.id(), r);
                }
            }
        }
        return out;
    }

    /** One line naming every field that matters for the order's type. */
    public static String describe(OrderRequest r) {
        StringBuilder sb = new StringBuilder()
                .append(r.side())
                .append(' ')
                .append(r.quantity())
                .append(' ')
                .append(r.instrumentId())
                .append(' ')
                .append(r.type());
        if (r.limitPrice() != null) {
            sb.append(" limit ").append(r.limitPrice());
        }
        if (r.stopPrice() != null) {
            sb.append(r.type().isTakeProfit() ? " trigger " : " stop ").append(r.stopPrice());
        }
        if (r.trail() != null) {
            sb.append(" trail ").append(r.trail());
        }
        if (r.limitOffset() != null) {
            sb.append(" limit offset ").append(r.limitOffset());
        }
        sb.append(' ').append(r.timeInForce());
        if (r.timeInForce() == TimeInForce.GTD) {
            sb.append(" until ").append(r.expireAt());
        }
        if (r.postOnly()) {
            sb.append(" post-only");
        }
        if (r.reduceOnly()) {
            sb.append(" reduce-only");
        }
        if (r.allOrNone()) {
            sb.append(" all-or-none");
        }
        return sb.toString();
    }

    // --------------------------------------------------------------------------- market data

    /**
     * A quote: the books and views take it, the venue works its orders against it, listeners hear of
     * it, and the portfolios holding the instrument are re-marked. Kept small (the rare parts are
     * methods of their own) so that a feed's call inlines it.
     */
    @Override
    public void onQuote(Quote quote) {
        marketVersion++;
        quotes.put(quote.instrumentId(), quote);
        QuoteSlot slot = quoteSlot(quote.instrumentId());
        Instrument instrument = slot.instrument;
        if (instrument == null) {
            instrument = instruments.get(quote.instrumentId());
            slot.instrument = instrument;
        }
        if (instrument != null) {
            fx.onQuote(instrument, quote);
        }
        slot.quote = quote; // published to other threads
        if (step == null && venue.quietQuote(quote.instrumentId())) {
            venue.onQuote(quote); // only noted: no step to open and commit
        } else {
            venueQuote = quote;
            inStep(venueQuoteStep);
        }
        reserveRestored(quote.instrumentId());
        // Announced once the venue has it: a strategy that trades on this quote must trade against it.
        publishQuote(quote);
        List<PortfolioId> affected = holders(quote.instrumentId());
        if (affected != null) {
            remarkHolders(quote, affected);
        }
        // Without followers nothing ran since the holders were listed; a follower may have traded.
        accounts.onQuote(quote, affected == null ? List.of() : portfolioFollowers.get() > 0 ? null : affected);
        if (affected != null) {
            spareHolders = affected;
        }
        if (optionsListed) {
            requoteOptions(quote);
        }
    }

    /**
     * The portfolios holding {@code instrument}, or null when none does. Most quotes move no
     * portfolio, and a backtest's move one: the holders go in a list kept for the next quote (taken
     * while in use, so a quote handled meanwhile makes its own).
     */
    private List<PortfolioId> holders(InstrumentId instrument) {
        List<PortfolioId> affected = null;
        for (Portfolio p : portfolios.values()) {
            if (p.holds(instrument)) {
                if (affected == null) {
                    List<PortfolioId> spare = spareHolders;
                    affected = spare != null ? spare : new ArrayList<>();
                    spareHolders = null;
                    affected.clear();
                }
                affected.add(p.id());
            }
        }
        return affected;
    }

    /** Re-marks the portfolios holding the quoted instrument and tells their followers, if any. */
    private void remarkHolders(Quote quote, List<PortfolioId> affected) {
        if (portfolioFollowers.get() > 0) {
            accounts.remark(quote.instrumentId(), affected);
            if (!stale.isEmpty()) {
                refreshStale(); // a follower joined since: it sees no old mark
            }
            refreshViews(affected);
            for (PortfolioId id : affected) {
                publish(new EngineEvent.PortfolioChanged(snapshotView.get(id)));
            }
        } else {
            // nobody follows: the equity of record is marked now, the snapshot when it is read;
            // each holder's book is re-marked and read at once (books are per portfolio, so the
            // order of the re-marks does not matter), without looking it up a second time
            InstrumentId instrument = quote.instrumentId();
            BigDecimal mark = mark(instrument);
            for (int k = 0, n = affected.size(); k < n; k++) {
                PortfolioId id = affected.get(k);
                MarginBook remarked = accounts.remark(instrument, mark, id);
                Portfolio p = portfolios.get(id);
                stale.add(id);
                MarkedEquity marked = markedEquity.get(id);
                if (marked == null) {
                    marked = new MarkedEquity();
                    markedEquity.put(id, marked);
                }
                // the account's running book, just re-marked, when it values this position alone:
                // its scaled long when it has one (no object per price), else its BigDecimal
                MarginBook book = AccountService.equityBookOf(remarked, instrument);
                if (book != null && book.equityInLongs()) {
                    marked.set(book.equityUnscaled(), book.equityScale());
                } else {
                    marked.set(book != null ? book.equity() : equity(p));
                }
            }
        }
    }

    /** A quote of an option underlying re-prices its listed contracts. */
    private void requoteOptions(Quote quote) {
        if (options.underlying(quote.instrumentId()).isPresent()) {
            for (OptionMarket.Update u :
                    options.requote(quote.instrumentId(), loop.clock().now())) {
                onBook(u.book());
                onQuote(u.quote());
            }
        }
    }

    /** The holders list of the previous quote, for the next one (engine thread); null while in use. */
    private List<PortfolioId> spareHolders;

    /** The quote the venue step below handles: a step without a capturing lambda per quote. */
    private Quote venueQuote;

    private final Supplier<Void> venueQuoteStep = this::venueQuoteStep;

    private Void venueQuoteStep() {
        venue.onQuote(venueQuote);
        return null;
    }

    /** The bar the venue step below handles. */
    private Bar venueBar;

    private final Supplier<Void> venueBarStep = this::venueBarStep;

    private Void venueBarStep() {
        venue.onBar(venueBar);
        return null;
    }

    @Override
    public void onMarkPrice(dev.paperdesk.engine.market.MarkPrice mark) {
        marketVersion++;
        accounts.onMarkPrice(mark);
    }

    @Override
    public void onFundingRate(dev.paperdesk.engine.market.FundingRate funding) {
        marketVersion++;
        accounts.onFundingRate(funding);
    }

    @Override
    public void onBook(BookSnapshot book) {
        bookView.put(book.instrumentId(), book);
        publish(new EngineEvent.BookUpdated(book));
        inStep(() -> {
            venue.onBook(book);
            return null;
        });
    }

    @Override
    public void onTrade(TradePrint trade) {
        publish(new EngineEvent.TradePrinted(trade));
        liveBars.onTrade(trade);
        inStep(() -> {
            venue.onTrade(trade);
            return null;
        });
    }

    /** Stores the live bars completed since the last call. */
    public void flushBars() {
        liveBars.flush();
    }

    @Override
    public void onBar(Bar bar) {
        if (step == null && venue.quietBar(bar.instrumentId())) {
            venue.onBar(bar); // only noted (nothing works on this market): no step to open and commit
            return;
        }
        venueBar = bar;
        inStep(venueBarStep);
    }

    /** The latest L2 book of an instrument, if its feed publishes books. */
    public Optional<BookSnapshot> book(InstrumentId id) {
        return Optional.ofNullable(bookView.get(id));
    }

    // -------------------------------------------------------------------------------- options

    /** How often (engine time) positions are checked for expired option contracts. */
    static final long EXPIRY_CHECK_NANOS = 60_000_000_000L;

    private static final String EXERCISE_TAG = "EXERCISE";
    private static final String ASSIGNMENT_TAG = "ASSIGNMENT";
    private static final String EXPIRY_TAG = "EXPIRY";
    private static final String DELIVERY_TAG = "DELIVERY";

    private final List<OptionEvent> optionEvents = new CopyOnWriteArrayList<>();

    /**
     * Makes an option contract tradable the first time it is named (an order, a position): it joins
     * the instruments, the venue lists it with its underlying's hours, and its quote and depth start.
     */
    private void listOption(InstrumentId id) {
        if (instruments.containsKey(id)) {
            return;
        }
        Optional<Instrument.OptionContract> contract = options.contract(id);
        if (contract.isEmpty()) {
            return;
        }
        Instrument.OptionContract c = contract.get();
        marketVersion++;
        instruments.put(id, c);
        hours.put(id, hours.getOrDefault(c.underlying(), TradingHours.continuous()));
        venue.list(c);
        options.activate(c, loop.clock().now()).ifPresent(u -> {
            onBook(u.book());
            onQuote(u.quote());
        });
    }

    /** Every exercise, assignment and expiry since the session started, oldest first (any thread). */
    public List<OptionEvent> optionEvents() {
        return List.copyOf(optionEvents);
    }

    /**
     * Exercises {@code quantity} long contracts of an American option now: the option closes at zero
     * and the underlying is delivered at the strike (bought for a call, sold for a put).
     *
     * @throws IllegalArgumentException when the portfolio does not hold that many long contracts, the
     *     option is European or expired, or the underlying has no price
     */
    public OptionEvent exercise(
            PortfolioId portfolioId, InstrumentId contractId, dev.paperdesk.engine.model.Quantity quantity) {
        return inStep(() -> {
            Portfolio p = portfolios.get(portfolioId);
            if (p == null) {
                throw new IllegalArgumentException("no portfolio " + portfolioId);
            }
            if (!(instruments.get(contractId) instanceof Instrument.OptionContract c)) {
                throw new IllegalArgumentException(contractId + " is not an option held in " + p.name());
            }
            if (c.style() != Instrument.OptionStyle.AMERICAN) {
                throw new IllegalArgumentException(contractId + " is European: it is exercised only at expiry");
            }
            Instant now = loop.clock().now();
            OptionUnderlying u = options.underlying(c.underlying()).orElseThrow();
            if (!now.isBefore(u.expiresAt(c.expiry()))) {
                throw new IllegalArgumentException(contractId + " has expired");
            }
            BigDecimal held = p.quantityOf(contractId);
            if (!quantity.isPositive() || held.compareTo(quantity.value()) < 0) {
                throw new IllegalArgumentException("cannot exercise " + quantity + " " + contractId + ": " + p.name()
                        + " holds " + held.toPlainString() + " long");
            }
            if (quantity.value().remainder(c.lotSize()).signum() != 0) {
                throw new IllegalArgumentException("exercise " + quantity + " is not a whole number of contracts");
            }
            BigDecimal spot = options.spot(c.underlying())
                    .orElseThrow(() -> new IllegalArgumentException(c.underlying() + " has no price yet"));
            return settle(p.id(), c, quantity.value(), spot, OptionEvent.Kind.EXERCISE, now, "early exercise");
        });
    }

    /** Settles every option position whose contract has expired: exercise, assignment or worthless expiry. */
    void settleExpiries() {
        Instant now = loop.clock().now();
        List<Object[]> due = new ArrayList<>();
        for (Portfolio p : portfolios.values()) {
            for (var pos : p.positions()) {
                if (pos.isFlat() || !(instruments.get(pos.instrumentId()) instanceof Instrument.OptionContract c)) {
                    continue;
                }
                Optional<OptionUnderlying> u = options.underlying(c.underlying());
                if (u.isPresent() && !now.isBefore(u.get().expiresAt(c.expiry()))) {
                    due.add(new Object[] {p.id(), c, pos.quantity()});
                }
            }
        }
        List<Instrument.OptionContract> expired = new ArrayList<>();
        for (Instrument.OptionContract c : options.activeContracts()) {
            if (!now.isBefore(options.underlying(c.underlying()).orElseThrow().expiresAt(c.expiry()))) {
                expired.add(c);
            }
        }
        if (due.isEmpty() && expired.isEmpty()) {
            return;
        }
        inStep(() -> {
            for (Instrument.OptionContract c : expired) {
                for (Order o : venue.openOrders()) {
                    if (o.request().instrumentId().equals(c.id())) {
                        venue.cancel(o.id(), "the option expired");
                    }
                }
                options.deactivate(c);
            }
            BigDecimal threshold = options.exerciseThreshold();
            for (Object[] d : due) {
                Instrument.OptionContract c = (Instrument.OptionContract) d[1];
                BigDecimal qty = (BigDecimal) d[2];
                Optional<BigDecimal> spot = options.spot(c.underlying());
                if (spot.isEmpty()) {
                    continue; // settled once the underlying has a price
                }
                BigDecimal intrinsic = OptionMarket.intrinsic(c, spot.get());
                boolean exercised = intrinsic.signum() > 0 && intrinsic.compareTo(threshold) >= 0;
                OptionEvent.Kind kind = !exercised
                        ? OptionEvent.Kind.EXPIRY
                        : (qty.signum() > 0 ? OptionEvent.Kind.EXERCISE : OptionEvent.Kind.ASSIGNMENT);
                settle((PortfolioId) d[0], c, qty, spot.get(), kind, now, "expiry " + c.expiry());
            }
            return null;
        });
    }

    /**
     * Closes {@code signedContracts} of an option (positive long, negative short) and books what the
     * event delivers: a worthless expiry closes at zero; a cash-settled exercise or assignment closes
     * at the intrinsic value; a physical one closes at zero and trades the underlying at the strike.
     * Each leg is a journaled order with one fill and no fee, so cash moves by exactly
     * contracts × multiplier × (intrinsic or strike).
     */
    private OptionEvent settle(
            PortfolioId portfolio,
            Instrument.OptionContract c,
            BigDecimal signedContracts,
            BigDecimal spot,
            OptionEvent.Kind kind,
            Instant now,
            String why) {
        OptionUnderlying u = options.underlying(c.underlying()).orElseThrow();
        BigDecimal contracts = signedContracts.abs();
        boolean longPosition = signedContracts.signum() > 0;
        dev.paperdesk.engine.model.Side close =
                longPosition ? dev.paperdesk.engine.model.Side.SELL : dev.paperdesk.engine.model.Side.BUY;
        BigDecimal intrinsic = OptionMarket.intrinsic(c, spot);
        BigDecimal closePrice = kind != OptionEvent.Kind.EXPIRY && u.cashSettled() ? intrinsic : BigDecimal.ZERO;
        String tag =
                switch (kind) {
                    case EXERCISE -> EXERCISE_TAG;
                    case ASSIGNMENT -> ASSIGNMENT_TAG;
                    case EXPIRY -> EXPIRY_TAG;
                };
        String text = kind + " of " + contracts.toPlainString() + " " + c.id() + " (" + why + ", underlying "
                + spot.toPlainString() + ", intrinsic " + intrinsic.toPlainString() + ")";
        bookSynthetic(portfolio, c, close, contracts, closePrice, tag, text, true, now);
        BigDecimal units = contracts.multiply(c.multiplier());
        BigDecimal delivered = BigDecimal.ZERO;
        BigDecimal cash = units.multiply(closePrice).multiply(BigDecimal.valueOf(close.sign() * -1L));
        if (kind != OptionEvent.Kind.EXPIRY && !u.cashSettled()) {
            boolean call = c.right() == Instrument.OptionRight.CALL;
            // long call and short put receive the underlying; long put and short call deliver it
            boolean receive = call == longPosition;
            dev.paperdesk.engine.model.Side side =
                    receive ? dev.paperdesk.engine.model.Side.BUY : dev.paperdesk.engine.model.Side.SELL;
            Instrument underlying = instruments.get(c.underlying());
            bookSynthetic(
                    portfolio,
                    underlying,
                    side,
                    units,
                    c.strike(),
                    DELIVERY_TAG,
                    "delivery of " + units.toPlainString() + " " + c.underlying() + " at the strike " + c.strike()
                            + " for the " + kind + " of " + c.id(),
                    false,
                    now);
            delivered = receive ? units : units.negate();
            cash = units.multiply(c.strike()).multiply(BigDecimal.valueOf(receive ? -1L : 1L));
        }
        OptionEvent event =
                new OptionEvent(kind, portfolio, c.id(), contracts, spot, delivered, cash, c.quoteCurrency(), now);
        optionEvents.add(event);
        return event;
    }

    /** Books one fee-free, journaled order filled in full at {@code price}: created, accepted, filled. */
    private void bookSynthetic(
            PortfolioId portfolio,
            Instrument instrument,
            dev.paperdesk.engine.model.Side side,
            BigDecimal quantity,
            BigDecimal price,
            String tag,
            String text,
            boolean reduceOnly,
            Instant now) {
        OrderRequest request = new OrderRequest(
                portfolio,
                instrument.id(),
                side,
                dev.paperdesk.engine.model.OrderType.MARKET,
                dev.paperdesk.engine.model.Quantity.of(quantity),
                null,
                null,
                TimeInForce.IOC,
                null,
                false,
                reduceOnly,
                tag);
        OrderId id = new OrderId(nextOrderId++);
        Order order = Order.create(id, request, now);
        report(order, new OrderEvent.Created(id, now, text));
        order = order.transition(OrderStatus.ACCEPTED, now);
        report(order, new OrderEvent.Accepted(id, now, "options " + tag.toLowerCase(java.util.Locale.ROOT)));
        Fill fill = new Fill(
                new FillId(nextFillId++),
                id,
                portfolio,
                instrument.id(),
                side,
                dev.paperdesk.engine.model.Quantity.of(quantity),
                Price.of(price),
                dev.paperdesk.engine.model.Money.zero(instrument.quoteCurrency()),
                Liquidity.TAKER,
                BigDecimal.ZERO,
                now);
        order = order.fill(fill.quantity(), fill.price(), now);
        report(order, new OrderEvent.Filled(id, now, order.status(), fill));
    }

    // ---------------------------------------------------------------------------------- views

    /**
     * The views of a step's touched portfolios while no listener follows portfolios: deferred while
     * the loop is driven by its caller (a replay or backtest advancing a simulated clock, whose
     * snapshots are current again before {@link EventLoop#runUntil} returns), refreshed now while it
     * runs on its own thread (another thread may read a snapshot as soon as a command's result is
     * back).
     */
    private void settleViews(List<PortfolioId> touched) {
        if (loop.isRunning()) {
            refreshViews(touched);
        } else {
            deferViews(touched);
        }
    }

    /**
     * After a step while no listener follows portfolios: the touched portfolios' equity of record is
     * worked out now, as their snapshots would give it, and the snapshots themselves when next read
     * (as for a portfolio re-marked by a quote, see {@link #stale}); a new or deleted portfolio's view
     * is refreshed at once. An order placed or filled then costs no valuation of the portfolio.
     */
    private void deferViews(List<PortfolioId> touched) {
        for (int k = 0, n = touched.size(); k < n; k++) {
            PortfolioId id = touched.get(k);
            Portfolio p = portfolios.get(id);
            Valued from = valued.get(id);
            if (p == null || !snapshotView.containsKey(id) || (from != null && from.current(p, marketVersion))) {
                // new or deleted, or nothing valued has moved since its snapshot (an order rested or was
                // cancelled): refreshed now, the snapshot itself with the new reservation, no valuation
                markedEquity.remove(id);
                refreshView(id);
                continue;
            }
            stale.add(id);
            MarkedEquity marked = markedEquity.get(id);
            if (marked == null) {
                marked = new MarkedEquity();
                markedEquity.put(id, marked);
            }
            marked.set(p.equityIn(markOf, multiplierOf, fx));
        }
    }

    /** {@link #mark} and {@link #multiplier} as functions, made once: valuations read them per position. */
    private final java.util.function.Function<InstrumentId, BigDecimal> markOf = this::mark;

    private final java.util.function.Function<InstrumentId, BigDecimal> multiplierOf = this::multiplier;

    private void refreshViews(java.util.Collection<PortfolioId> changed) {
        if (changed instanceof List<PortfolioId> list) {
            // a step's touched portfolios and the holders of a price: no iterator per commit
            if (!markedEquity.isEmpty()) {
                for (int k = 0, n = list.size(); k < n; k++) {
                    markedEquity.remove(list.get(k)); // re-marked now: the snapshot's equity is the one
                }
            }
            for (int k = 0, n = list.size(); k < n; k++) {
                refreshView(list.get(k));
            }
            return;
        }
        if (!markedEquity.isEmpty()) {
            changed.forEach(markedEquity::remove); // re-marked now: the snapshot's equity is the one
        }
        for (PortfolioId id : changed) {
            refreshView(id);
        }
    }

    private void refreshView(PortfolioId id) {
        Portfolio p = portfolios.get(id);
        if (p != null) {
            BigDecimal reserved = reserved(id);
            PortfolioSnapshot published = snapshotView.get(id);
            Valued from = valued.get(id);
            if (published != null && from != null && from.current(p, marketVersion)) {
                // Nothing valued has moved since (an order rested, was cancelled or ended
                // unfilled): the same valuation, holding back what the orders now reserve.
                if (published.reservedForOrders().compareTo(reserved) != 0
                        || published.reservedForOrders().scale() != reserved.scale()) {
                    snapshotView.put(id, published.withReservedForOrders(reserved));
                }
                return;
            }
            // From the portfolio's running exact book: O(positions moved) per tick, views built on read.
            snapshotView.put(id, accounts.valuation(p, reserved));
            valued.put(id, new Valued(p, p.revision(), p.riskMarks(), marketVersion));
        } else {
            snapshotView.remove(id);
            valued.remove(id);
        }
    }

    /** The mark used for valuation: the perpetual mark price when there is one, else the quote's mid. */
    private BigDecimal mark(InstrumentId id) {
        return accounts.valuationMark(id, mid(id));
    }

    /** The mid of each instrument's latest quote, worked out once per quote (engine thread). */
    private final Map<InstrumentId, QuoteMid> mids = new HashMap<>();

    /** Updated in place for each new quote (engine thread): no object per quote. */
    private static final class QuoteMid {
        Quote quote;
        BigDecimal mid;
    }

    /** The mid of the latest quote of {@code id}, or {@code null} without one; engine thread. */
    private BigDecimal mid(InstrumentId id) {
        Quote q = quotes.get(id);
        if (q == null) {
            return null;
        }
        // the entry of the instrument asked last: a backtest of one instrument looks it up once
        QuoteMid m = id == midId ? midEntry : mids.get(id);
        if (m == null || m.quote != q) {
            if (m == null) {
                m = new QuoteMid();
                mids.put(id, m);
            }
            m.mid = q.mid().value();
            m.quote = q;
        }
        midId = id;
        midEntry = m;
        return m.mid;
    }

    /** The id {@link #mid} was last asked for (the very object) and its entry in {@code mids}. */
    private InstrumentId midId;

    private QuoteMid midEntry;

    /**
     * Every portfolio's snapshot. On the engine thread always marked at the latest quotes; other
     * threads read the last published ones (while no listener follows portfolios, a snapshot is
     * re-marked when the engine thread reads it, when its portfolio changes, and whenever the loop has
     * caught up).
     */
    public List<PortfolioSnapshot> portfolioSnapshots() {
        if (loop.inLoop() && !stale.isEmpty()) {
            refreshStale();
        }
        return List.copyOf(snapshotView.values());
    }

    /** A portfolio's snapshot; see {@link #portfolioSnapshots()} for how current it is. */
    public Optional<PortfolioSnapshot> portfolioSnapshot(PortfolioId id) {
        if (loop.inLoop() && stale.remove(id)) {
            MarkedEquity marked = markedEquity.get(id);
            refreshViews(List.of(id));
            markedEquity.put(id, marked); // a read is no revaluation: the equity of record stays
        }
        return Optional.ofNullable(snapshotView.get(id));
    }

    private void refreshStale() {
        List<PortfolioId> ids = List.copyOf(stale);
        stale.clear();
        Map<PortfolioId, MarkedEquity> marked = new HashMap<>(markedEquity);
        refreshViews(ids);
        markedEquity.putAll(marked); // a read is no revaluation: the equities of record stay
    }

    /**
     * The equity each stale portfolio had when it was last re-marked, worked out as the snapshot would
     * have been then (engine thread). The zero value of a flat position takes the scale of its mark,
     * so equity worked out later, at other marks, could differ in scale from the one published.
     */
    private final Map<PortfolioId, MarkedEquity> markedEquity = new HashMap<>();

    /**
     * A portfolio's equity of record as of its last re-mark: unscaled digits at a scale when the
     * running book worked it out in long arithmetic (its BigDecimal made only when read as one), else
     * the BigDecimal. Written in place at each price of a held instrument (engine thread).
     */
    private static final class MarkedEquity {
        private boolean inLongs;
        private long unscaled;
        private int scale;
        /** The figure as a BigDecimal: the one set, or the one made of the longs when first read. */
        private BigDecimal value;

        void set(long unscaled, int scale) {
            this.inLongs = true;
            this.unscaled = unscaled;
            this.scale = scale;
            this.value = null;
        }

        void set(BigDecimal value) {
            this.inLongs = false;
            this.value = value;
        }

        /** The figure; the same object at every read until the next re-mark. */
        BigDecimal decimal() {
            BigDecimal v = value;
            if (v == null) {
                v = BigDecimal.valueOf(unscaled, scale);
                value = v;
            }
            return v;
        }

        void readTo(EquityReader reader) {
            if (inLongs) {
                reader.scaled(unscaled, scale);
            } else {
                reader.decimal(value);
            }
        }
    }

    /**
     * A portfolio's equity in its base currency, engine thread: exactly (value and scale) the {@link
     * PortfolioSnapshot#equity()} of the snapshot an engine re-marking on every quote would have
     * published by now, without making one. Empty for an unknown portfolio.
     */
    public Optional<BigDecimal> equity(PortfolioId id) {
        PortfolioSnapshot published = snapshotView.get(id);
        if (published == null) {
            return Optional.empty();
        }
        MarkedEquity marked = markedEquity.get(id);
        return Optional.of(marked != null ? marked.decimal() : published.equity());
    }

    /**
     * {@link #equity(PortfolioId)} handed to {@code reader}: as unscaled digits at a scale when the
     * equity of record is held so (a held position re-marked by its running book), else as the
     * BigDecimal; the same value and scale either way. False, with nothing read, for an unknown
     * portfolio. Engine thread.
     */
    public boolean equity(PortfolioId id, EquityReader reader) {
        PortfolioSnapshot published = snapshotView.get(id);
        if (published == null) {
            return false;
        }
        MarkedEquity marked = markedEquity.get(id);
        if (marked != null) {
            marked.readTo(reader);
        } else {
            reader.decimal(published.equity());
        }
        return true;
    }

    /**
     * Cash plus market value, each converted to the base currency, summed like {@link
     * Portfolio#snapshot}: exact sums of exact products, so the same BigDecimal whatever the order
     * (a test compares the two).
     */
    private BigDecimal equity(Portfolio p) {
        Currency base = p.baseCurrency();
        BigDecimal marketValue = BigDecimal.ZERO;
        for (dev.paperdesk.engine.portfolio.Position pos : p.positions()) {
            InstrumentId i = pos.instrumentId();
            BigDecimal mark = mark(i);
            BigDecimal value = mark == null
                    ? pos.costBasis()
                    : pos.marketValue(
                            mark,
                            instruments.containsKey(i) ? instruments.get(i).multiplier() : BigDecimal.ONE);
            BigDecimal rate = fx.rate(p.positionCurrency(i), base).orElse(null);
            if (rate != null) {
                // × 1 (scale 0) keeps value and scale: the product is the value itself
                marketValue = marketValue.add(rate.equals(BigDecimal.ONE) ? value : value.multiply(rate));
            }
        }
        BigDecimal cash = BigDecimal.ZERO;
        for (dev.paperdesk.engine.portfolio.CurrencyBalance b : p.balances()) {
            BigDecimal rate = fx.rate(b.currency(), base).orElse(null);
            if (rate != null) {
                cash = cash.add(
                        rate.equals(BigDecimal.ONE) ? b.cash() : b.cash().multiply(rate));
            }
        }
        return cash.add(marketValue);
    }

    /**
     * The live position of a portfolio in an instrument (engine thread), as the next snapshot shows
     * it; a flat position when there is none. Positions are immutable: the same object until a fill.
     */
    public dev.paperdesk.engine.portfolio.Position position(PortfolioId portfolio, InstrumentId instrument) {
        Portfolio p = portfolios.get(portfolio);
        return p == null ? dev.paperdesk.engine.portfolio.Position.flat(instrument) : p.position(instrument);
    }

    /**
     * The live signed quantity of a portfolio in an instrument (engine thread), as {@code
     * position(portfolio, instrument).quantity()} without building a flat position: {@link
     * BigDecimal#ZERO} when there is none.
     */
    public BigDecimal quantity(PortfolioId portfolio, InstrumentId instrument) {
        Portfolio p = portfolios.get(portfolio);
        return p == null ? BigDecimal.ZERO : p.quantityOf(instrument);
    }

    /**
     * A portfolio's cash in its base currency at the current exchange rates: its snapshot's {@code
     * cash()} (value and scale) and base currency, without revaluing its positions; empty when there
     * is no such portfolio. Off the engine thread, from the published snapshot.
     */
    public Optional<Money> cash(PortfolioId id) {
        if (!loop.inLoop()) {
            return portfolioSnapshot(id).map(s -> Money.of(s.cash(), s.baseCurrency()));
        }
        Portfolio p = portfolios.get(id);
        return p == null ? Optional.empty() : Optional.of(Money.of(p.cashIn(fx), p.baseCurrency()));
    }

    /** The contract multiplier of an instrument (1 for one the engine does not list). */
    public BigDecimal multiplier(InstrumentId id) {
        Instrument i = instruments.get(id);
        return i == null ? BigDecimal.ONE : i.multiplier();
    }

    /** Every order by id (a copy; any thread). */
    public List<Order> orders() {
        return java.util.Collections.unmodifiableList(orderView.values());
    }

    /** Every fill in booking order (a copy; any thread). */
    public List<Fill> fills() {
        return List.copyOf(fillView);
    }

    public List<OrderGroup> groups() {
        return List.copyOf(groupView.values());
    }

    public Optional<Quote> quote(InstrumentId id) {
        return Optional.ofNullable(viewQuote(id));
    }

    /**
     * A valuation of the portfolio made now from its live state, ignoring the published one (loop
     * thread; tests compare it with what {@link #portfolioSnapshot} publishes).
     */
    PortfolioSnapshot revalue(PortfolioId id) {
        return accounts.valuation(portfolios.get(id), reserved(id));
    }

    /** Exposes the live portfolio to code running on the loop thread (tests, invariant checks). */
    Portfolio portfolio(PortfolioId id) {
        return portfolios.get(id);
    }

    private void publish(EngineEvent event) {
        for (EngineListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TradingEngine.class).warn("listener failed on {}", event, e);
            }
        }
    }

    /** Publishes a quote to the listeners following it; the event is made for the first of them. */
    private void publishQuote(Quote quote) {
        EngineEvent event = null;
        for (EngineListener l : listenerArray) {
            try {
                if (l.followsQuotes(quote.instrumentId())) {
                    if (event == null) {
                        event = new EngineEvent.QuoteUpdated(quote);
                    }
                    l.onEvent(event);
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TradingEngine.class).warn("listener failed on {}", quote, e);
            }
        }
    }

    private void publishAll(List<EngineEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            publish(events.get(i));
        }
    }

    /** Used by the loop's error handler. */
    void reportError(Throwable e) {
        org.slf4j.LoggerFactory.getLogger(TradingEngine.class).error("engine task failed", e);
        publish(new EngineEvent.EngineError(e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    /** The side-independent helper the ticket uses to estimate a fill; null without a quote. */
    public Price estimatePrice(InstrumentId id, dev.paperdesk.engine.model.Side side) {
        Quote q = viewQuote(id);
        return q == null ? null : q.touch(side);
    }

    /** Open orders by id (for tests on the loop thread). */
    Map<OrderId, Order> openOrders() {
        Map<OrderId, Order> out = new TreeMap<>();
        for (Order o : venue.openOrders()) {
            out.put(o.id(), o);
        }
        return out;
    }

    // ------------------------------------------------------------------- account service host

    /** What {@link AccountService} may see and do on the engine's state. */
    private final class AccountHost implements AccountService.Host {
        @Override
        public Instant now() {
            return loop.clock().now();
        }

        @Override
        public long nowEpochSecond() {
            return Math.floorDiv(loop.clock().nowNanos(), 1_000_000_000L); // no Instant per price
        }

        private final Map<PortfolioId, Portfolio> portfoliosView = java.util.Collections.unmodifiableMap(portfolios);
        private final Map<InstrumentId, Instrument> instrumentsView =
                java.util.Collections.unmodifiableMap(instruments);

        @Override
        public Map<PortfolioId, Portfolio> portfolios() {
            return portfoliosView;
        }

        @Override
        public Portfolio portfolio(PortfolioId id) {
            return portfolios.get(id); // the map itself: no call through the read-only view
        }

        @Override
        public Map<InstrumentId, Instrument> instruments() {
            return instrumentsView;
        }

        @Override
        public Optional<Quote> quote(InstrumentId id) {
            return Optional.ofNullable(quotes.get(id));
        }

        @Override
        public BigDecimal mid(InstrumentId id) {
            return TradingEngine.this.mid(id);
        }

        @Override
        public boolean publishing() {
            return accountFollowers.get() > 0;
        }

        @Override
        public dev.paperdesk.engine.portfolio.FxRates fx() {
            return fx;
        }

        @Override
        public PortfolioSnapshot value(Portfolio p) {
            return value(p, reserved(p.id()));
        }

        @Override
        public PortfolioSnapshot value(Portfolio p, BigDecimal reservedForOrders) {
            return p.snapshot(markOf, multiplierOf, fx, reservedForOrders);
        }

        @Override
        public BigDecimal reservedForOrders(PortfolioId id) {
            return reserved(id);
        }

        @Override
        public Optional<PortfolioSnapshot> published(PortfolioId id) {
            return portfolioSnapshot(id);
        }

        @Override
        public Optional<BigDecimal> publishedEquity(PortfolioId id) {
            return equity(id);
        }

        @Override
        public Optional<Quote> publishedQuote(InstrumentId id) {
            return quote(id);
        }

        @Override
        public OrderId nextOrderId() {
            return new OrderId(nextOrderId++);
        }

        @Override
        public FillId nextFillId() {
            return new FillId(nextFillId++);
        }

        @Override
        public PortfolioId nextPortfolioId() {
            return new PortfolioId(nextPortfolioId++);
        }

        @Override
        public void apply(ChangeSet changes, List<EngineEvent> events) {
            store.commit(changes);
            List<PortfolioId> changed = new ArrayList<>();
            for (Portfolio p : changes.portfolios()) {
                changed.add(p.id());
                if (p.deleted()) {
                    portfolios.remove(p.id());
                } else {
                    portfolios.put(p.id(), p);
                }
            }
            for (Order o : changes.orders()) {
                orderView.put(o);
            }
            fillView.addAll(changes.fills());
            releaseEnded(changes.orders());
            refreshViews(changed);
            for (PortfolioId id : changed) {
                PortfolioSnapshot s = snapshotView.get(id);
                if (s != null) {
                    publish(new EngineEvent.PortfolioChanged(s));
                }
            }
            publishAll(events);
        }

        @Override
        public void refresh(java.util.Collection<PortfolioId> ids) {
            refreshViews(ids);
            for (PortfolioId id : ids) {
                PortfolioSnapshot s = snapshotView.get(id);
                if (s != null) {
                    publish(new EngineEvent.PortfolioChanged(s));
                }
            }
        }

        @Override
        public void publish(EngineEvent event) {
            TradingEngine.this.publish(event);
        }

        @Override
        public Order submit(OrderRequest request) {
            return TradingEngine.this.submit(request);
        }
    }
}
