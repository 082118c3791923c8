package dev.paperdesk.engine.session;

import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.OrderValidator;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Rejection;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.store.ChangeSet;
import dev.paperdesk.engine.store.WorkspaceState;
import dev.paperdesk.engine.store.WorkspaceStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine's state and its order pipeline. Every method runs on the event loop thread; other
 * threads read the volatile immutable views ({@link #portfolioSnapshots()}, {@link #orders()}, …).
 *
 * <p>Each command is one step: its order transitions, fills, cash and position changes are
 * committed to the store in one transaction, and only then published to listeners.
 */
public final class TradingEngine implements MarketDataSink {
    private final EventLoop loop;
    private final WorkspaceStore store;
    private final FeeModel fees;
    private final Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
    private final Map<InstrumentId, Quote> quotes = new HashMap<>();
    private final Map<PortfolioId, Portfolio> portfolios = new TreeMap<>((a, b) -> Long.compare(a.value(), b.value()));
    private final Map<OrderId, Order> orders = new TreeMap<>();
    private final List<Fill> fills = new ArrayList<>();
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final MarketFxRates fx = new MarketFxRates();
    private final LiveBars liveBars;
    private final AccountService accounts;
    private long nextOrderId = 1;
    private long nextFillId = 1;
    private long nextPortfolioId = 1;

    private volatile Map<PortfolioId, PortfolioSnapshot> snapshotView = Map.of();
    private volatile List<Order> orderView = List.of();
    private volatile List<Fill> fillView = List.of();
    private final Map<InstrumentId, Quote> quoteView = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<InstrumentId, BookSnapshot> bookView = new java.util.concurrent.ConcurrentHashMap<>();

    public TradingEngine(EventLoop loop, WorkspaceStore store, FeeModel fees, List<Instrument> instruments) {
        this.loop = loop;
        this.store = store;
        this.fees = fees;
        for (Instrument i : instruments) {
            this.instruments.put(i.id(), i);
        }
        this.liveBars = new LiveBars(this.instruments, store.barStore(), this::publish);
        this.accounts = new AccountService(new AccountHost(), store);
    }

    /** The account side: margin, risk, funding, liquidation and portfolio commands. */
    public AccountService accounts() {
        return accounts;
    }

    public void addListener(EngineListener listener) {
        listeners.add(listener);
    }

    public void removeListener(EngineListener listener) {
        listeners.remove(listener);
    }

    /** Restores persisted state; call once, before the feed starts. */
    public void restore(WorkspaceState state) {
        for (Portfolio p : state.portfolios()) {
            nextPortfolioId = Math.max(nextPortfolioId, p.id().value() + 1);
            if (!p.deleted()) {
                portfolios.put(p.id(), p);
            }
        }
        for (Order o : state.orders()) {
            orders.put(o.id(), o);
            nextOrderId = Math.max(nextOrderId, o.id().value() + 1);
        }
        for (Fill f : state.fills()) {
            fills.add(f);
            nextFillId = Math.max(nextFillId, f.id().value() + 1);
        }
        refreshViews(portfolios.keySet());
        accounts.restore();
    }

    public Map<InstrumentId, Instrument> instruments() {
        return java.util.Collections.unmodifiableMap(instruments);
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

    /** Runs an order through validation and execution; returns the order in its resulting state. */
    public Order submit(OrderRequest request) {
        Instant now = loop.clock().now();
        OrderId id = new OrderId(nextOrderId++);
        Order order = Order.create(id, request, now);
        ChangeSet changes = new ChangeSet();
        List<EngineEvent> published = new ArrayList<>();
        OrderEvent created = new OrderEvent.Created(id, now, describe(request));
        changes.event(created);

        Optional<Rejection> rejection = validate(request);
        if (rejection.isPresent()) {
            order = order.reject(rejection.get(), now);
            OrderEvent rejected = new OrderEvent.Rejected(id, now, rejection.get());
            changes.order(order).event(rejected);
            store.commit(changes);
            orders.put(order.id(), order);
            refreshViews(List.of(request.portfolioId()));
            published.add(new EngineEvent.OrderUpdated(order, rejected));
            publishAll(published);
            return order;
        }
        order = order.transition(OrderStatus.ACCEPTED, now);
        OrderEvent accepted = new OrderEvent.Accepted(
                id,
                now,
                "accepted by the simulated venue " + request.instrumentId().venue());
        changes.event(accepted);
        published.add(new EngineEvent.OrderUpdated(order, accepted));

        // Market orders fill in full at the touch of the current quote.
        Instrument instrument = instruments.get(request.instrumentId());
        Quote quote = quotes.get(request.instrumentId());
        Price price = quote.touch(request.side());
        Money fee = fees.fee(instrument, request.quantity(), price, Liquidity.TAKER);
        BigDecimal slippage = price.value()
                .subtract(quote.mid().value())
                .multiply(BigDecimal.valueOf(request.side().sign()));
        Fill fill = new Fill(
                new FillId(nextFillId++),
                id,
                request.portfolioId(),
                request.instrumentId(),
                request.side(),
                request.quantity(),
                price,
                fee,
                Liquidity.TAKER,
                slippage,
                now);
        // Book into a copy: it replaces the live portfolio only once the store has committed.
        Portfolio portfolio = portfolios.get(request.portfolioId()).copy();
        List<LedgerEntry> ledger = portfolio.applyFill(fill, instrument);
        accounts.afterFill(portfolio, fill, instrument);
        order = order.fill(fill.quantity(), fill.price(), now);
        OrderEvent filled = new OrderEvent.Filled(id, now, order.status(), fill);
        changes.order(order).event(filled).fill(fill).ledger(ledger).portfolio(portfolio);
        store.commit(changes);
        portfolios.put(portfolio.id(), portfolio);
        orders.put(order.id(), order);
        fills.add(fill);
        refreshViews(List.of(portfolio.id()));
        published.add(new EngineEvent.FillBooked(fill));
        published.add(new EngineEvent.OrderUpdated(order, filled));
        published.add(new EngineEvent.PortfolioChanged(snapshotView.get(portfolio.id())));
        publishAll(published);
        return order;
    }

    private Optional<Rejection> validate(OrderRequest request) {
        Portfolio portfolio = portfolios.get(request.portfolioId());
        if (portfolio == null) {
            return Optional.of(new Rejection(RejectReason.UNKNOWN_PORTFOLIO, "no portfolio " + request.portfolioId()));
        }
        if (portfolio.archived()) {
            return Optional.of(
                    new Rejection(RejectReason.PORTFOLIO_ARCHIVED, "portfolio '" + portfolio.name() + "' is archived"));
        }
        Instrument instrument = instruments.get(request.instrumentId());
        if (instrument == null) {
            return Optional.of(new Rejection(
                    RejectReason.UNKNOWN_INSTRUMENT, "no instrument " + request.instrumentId() + " in this market"));
        }
        if (request.type() != OrderType.MARKET) {
            return Optional.of(new Rejection(
                    RejectReason.UNSUPPORTED_ORDER,
                    request.type() + " orders are not supported by this engine version; use MARKET"));
        }
        Optional<Rejection> structural = OrderValidator.check(request, instrument);
        if (structural.isPresent()) {
            return structural;
        }
        Quote quote = quotes.get(request.instrumentId());
        if (quote == null) {
            return Optional.of(
                    new Rejection(RejectReason.NO_MARKET_PRICE, "no price for " + request.instrumentId() + " yet"));
        }
        if (fx.rate(instrument.quoteCurrency(), portfolio.baseCurrency()).isEmpty()) {
            return Optional.of(new Rejection(
                    RejectReason.NO_MARKET_PRICE,
                    "no exchange rate from " + instrument.quoteCurrency() + " to " + portfolio.baseCurrency()
                            + " yet"));
        }
        Price expected = quote.touch(request.side());
        return accounts.checkOrder(
                        request,
                        instrument,
                        expected,
                        fees.fee(instrument, request.quantity(), expected, Liquidity.TAKER))
                .rejection();
    }

    private static String describe(OrderRequest r) {
        return r.side() + " " + r.quantity() + " " + r.instrumentId() + " " + r.type()
                + (r.limitPrice() != null ? " limit " + r.limitPrice() : "")
                + (r.stopPrice() != null ? " stop " + r.stopPrice() : "") + " " + r.timeInForce();
    }

    // --------------------------------------------------------------------------- market data

    @Override
    public void onQuote(Quote quote) {
        quotes.put(quote.instrumentId(), quote);
        Instrument instrument = instruments.get(quote.instrumentId());
        if (instrument != null) {
            fx.onQuote(instrument, quote);
        }
        quoteView.put(quote.instrumentId(), quote);
        List<PortfolioId> affected = new ArrayList<>();
        for (Portfolio p : portfolios.values()) {
            if (!p.position(quote.instrumentId()).isFlat()) {
                affected.add(p.id());
            }
        }
        publish(new EngineEvent.QuoteUpdated(quote));
        if (!affected.isEmpty()) {
            refreshViews(affected);
            for (PortfolioId id : affected) {
                publish(new EngineEvent.PortfolioChanged(snapshotView.get(id)));
            }
        }
        accounts.onQuote(quote);
    }

    @Override
    public void onMarkPrice(dev.paperdesk.engine.market.MarkPrice mark) {
        accounts.onMarkPrice(mark);
    }

    @Override
    public void onFundingRate(dev.paperdesk.engine.market.FundingRate funding) {
        accounts.onFundingRate(funding);
    }

    @Override
    public void onBook(BookSnapshot book) {
        bookView.put(book.instrumentId(), book);
        publish(new EngineEvent.BookUpdated(book));
    }

    @Override
    public void onTrade(TradePrint trade) {
        publish(new EngineEvent.TradePrinted(trade));
        liveBars.onTrade(trade);
    }

    /** Stores the live bars completed since the last call. */
    public void flushBars() {
        liveBars.flush();
    }

    /** The latest L2 book of an instrument, if its feed publishes books. */
    public Optional<BookSnapshot> book(InstrumentId id) {
        return Optional.ofNullable(bookView.get(id));
    }

    // ---------------------------------------------------------------------------------- views

    private void refreshViews(java.util.Collection<PortfolioId> changed) {
        Map<PortfolioId, PortfolioSnapshot> next = new TreeMap<>((a, b) -> Long.compare(a.value(), b.value()));
        next.putAll(snapshotView);
        for (PortfolioId id : changed) {
            Portfolio p = portfolios.get(id);
            if (p != null) {
                next.put(
                        id,
                        p.snapshot(
                                this::mark,
                                i -> instruments.containsKey(i)
                                        ? instruments.get(i).multiplier()
                                        : BigDecimal.ONE,
                                fx));
            } else {
                next.remove(id);
            }
        }
        snapshotView = java.util.Collections.unmodifiableMap(next);
        orderView = List.copyOf(orders.values());
        fillView = List.copyOf(fills);
    }

    /** The mark used for valuation: the perpetual mark price when there is one, else the quote's mid. */
    private BigDecimal mark(InstrumentId id) {
        Quote q = quotes.get(id);
        return accounts.valuationMark(id, q == null ? null : q.mid().value());
    }

    public List<PortfolioSnapshot> portfolioSnapshots() {
        return List.copyOf(snapshotView.values());
    }

    public Optional<PortfolioSnapshot> portfolioSnapshot(PortfolioId id) {
        return Optional.ofNullable(snapshotView.get(id));
    }

    public List<Order> orders() {
        return orderView;
    }

    public List<Fill> fills() {
        return fillView;
    }

    public Optional<Quote> quote(InstrumentId id) {
        return Optional.ofNullable(quoteView.get(id));
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

    private void publishAll(List<EngineEvent> events) {
        for (EngineEvent e : events) {
            publish(e);
        }
    }

    /** Used by the loop's error handler. */
    void reportError(Throwable e) {
        org.slf4j.LoggerFactory.getLogger(TradingEngine.class).error("engine task failed", e);
        publish(new EngineEvent.EngineError(e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    /** The side-independent helper the ticket uses to estimate a fill; null without a quote. */
    public Price estimatePrice(InstrumentId id, Side side) {
        Quote q = quoteView.get(id);
        return q == null ? null : q.touch(side);
    }

    // ------------------------------------------------------------------- account service host

    /** What {@link AccountService} may see and do on the engine's state. */
    private final class AccountHost implements AccountService.Host {
        @Override
        public Instant now() {
            return loop.clock().now();
        }

        @Override
        public Map<PortfolioId, Portfolio> portfolios() {
            return java.util.Collections.unmodifiableMap(portfolios);
        }

        @Override
        public Map<InstrumentId, Instrument> instruments() {
            return java.util.Collections.unmodifiableMap(instruments);
        }

        @Override
        public Optional<Quote> quote(InstrumentId id) {
            return Optional.ofNullable(quotes.get(id));
        }

        @Override
        public dev.paperdesk.engine.portfolio.FxRates fx() {
            return fx;
        }

        @Override
        public PortfolioSnapshot value(Portfolio p) {
            return p.snapshot(
                    TradingEngine.this::mark,
                    i -> instruments.containsKey(i) ? instruments.get(i).multiplier() : BigDecimal.ONE,
                    fx);
        }

        @Override
        public Optional<PortfolioSnapshot> published(PortfolioId id) {
            return portfolioSnapshot(id);
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
                orders.put(o.id(), o);
            }
            fills.addAll(changes.fills());
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
