package dev.paperdesk.engine.strategy.runner;

import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderPlacement;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.model.TrailingOffset;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.Position;
import dev.paperdesk.engine.session.TradingEngine;
import dev.paperdesk.engine.strategy.IndicatorRegistry;
import dev.paperdesk.engine.strategy.SafeStrategy;
import dev.paperdesk.engine.strategy.api.IndicatorHandle;
import dev.paperdesk.engine.strategy.api.IndicatorRequest;
import dev.paperdesk.engine.strategy.api.LogLevel;
import dev.paperdesk.engine.strategy.api.Offset;
import dev.paperdesk.engine.strategy.api.OrderChange;
import dev.paperdesk.engine.strategy.api.OrderTerms;
import dev.paperdesk.engine.strategy.api.ParameterValues;
import dev.paperdesk.engine.strategy.api.StrategyContext;
import dev.paperdesk.engine.strategy.api.StrategyOrder;
import dev.paperdesk.engine.strategy.api.StrategyPosition;
import dev.paperdesk.engine.strategy.api.TimerEvent;
import dev.paperdesk.engine.strategy.api.WorkingOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's {@link StrategyContext} for one hosted strategy: orders go to the real {@link
 * TradingEngine} (validation, execution models, fees, portfolio accounting), in the strategy's
 * portfolio. Used only on the event loop thread.
 */
final class EngineStrategyContext implements StrategyContext {
    private static final int LOG_LINES = 200;

    private record BarKey(InstrumentId instrument, Timeframe timeframe) {}

    final long id;
    private final StrategyRunner runner;
    private final TradingEngine engine;
    private final EventLoop loop;
    final PortfolioId portfolio;
    private final ParameterValues parameters;
    final IndicatorRegistry indicators = new IndicatorRegistry();
    private final Set<BarKey> barSubscriptions = new HashSet<>();
    private final Set<InstrumentId> quoteSubscriptions = new HashSet<>();
    private final Set<InstrumentId> tradeSubscriptions = new HashSet<>();
    private final Map<OrderId, StrategyOrder> orders = new HashMap<>();
    private final Map<OrderId, Order> open = new LinkedHashMap<>();
    private final Map<OrderId, StrategyOrder.Bracket> brackets = new HashMap<>();
    /** Exit order → the other exits of its one-cancels-others group. */
    private final Map<OrderId, List<OrderId>> ocoSiblings = new HashMap<>();

    private final Map<String, EventLoop.Timer> timers = new HashMap<>();
    private final Deque<String> logLines = new ArrayDeque<>();
    SafeStrategy strategy;
    volatile StrategyState state = StrategyState.RUNNING;
    volatile String error = "";
    volatile long fills;
    private StrategyOrder submitting;

    EngineStrategyContext(
            long id,
            StrategyRunner runner,
            TradingEngine engine,
            EventLoop loop,
            PortfolioId portfolio,
            ParameterValues parameters) {
        this.id = id;
        this.runner = runner;
        this.engine = engine;
        this.loop = loop;
        this.portfolio = portfolio;
        this.parameters = parameters;
    }

    // ------------------------------------------------------------------ delivery (runner side)

    boolean active() {
        return state == StrategyState.RUNNING;
    }

    void deliverBar(Bar bar) {
        indicators.onBar(bar);
        if (subscribed(bar)) {
            strategy.onBar(bar);
        }
    }

    /** True while stored bars are replayed to this strategy alone before it trades (see {@link #warmUp}). */
    private boolean warmingOnHistory;

    /**
     * Primes the strategy with up to {@code perSeries} of the last stored bars of each series it
     * subscribed to, completed by now, oldest first (the longest timeframe first among bars closing
     * together, as live): its indicators fill and its {@code onBar} sees them with {@link
     * #isWarmingUp()} true, so it places no order. Says in its log what it warmed up on.
     */
    void warmUp(dev.paperdesk.engine.store.BarStore history, int perSeries) {
        Instant now = now();
        List<Bar> bars = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        List<BarKey> keys = new ArrayList<>(barSubscriptions);
        keys.sort(java.util.Comparator.comparing((BarKey b) -> b.instrument().toString())
                .thenComparing(b -> b.timeframe().duration()));
        for (BarKey k : keys) {
            var key = new dev.paperdesk.engine.store.BarStore.SeriesKey(k.instrument(), k.timeframe());
            var info = history.info(key);
            if (info.isEmpty()) {
                continue;
            }
            Duration length = k.timeframe().duration();
            Instant to = info.get().last().plus(length).isAfter(now)
                    ? now.minus(length)
                    : info.get().last();
            Instant from = to.minus(length.multipliedBy(perSeries - 1L));
            List<Bar> series = history.read(key, from, to.plusNanos(1), perSeries);
            List<Bar> done = series.stream()
                    .filter(b -> !b.openTime().plus(length).isAfter(now))
                    .toList();
            if (!done.isEmpty()) {
                bars.addAll(done);
                counts.add(done.size() + " " + k.timeframe().label() + " " + k.instrument());
            }
        }
        if (bars.isEmpty()) {
            log(LogLevel.INFO, "no stored bars to warm up on: indicators start empty");
            return;
        }
        bars.sort(java.util.Comparator.comparing(
                        (Bar b) -> b.openTime().plus(b.timeframe().duration()))
                .thenComparing(b -> b.timeframe().duration(), java.util.Comparator.reverseOrder()));
        warmingOnHistory = true;
        try {
            for (Bar b : bars) {
                if (!active()) {
                    break;
                }
                deliverBar(b);
            }
        } finally {
            warmingOnHistory = false;
        }
        Bar last = bars.get(bars.size() - 1);
        log(
                LogLevel.INFO,
                "warmed up on " + String.join(", ", counts) + " stored bars, up to "
                        + last.openTime().plus(last.timeframe().duration()));
    }

    /** The series last asked about and the answer: bars of one series ask the same question each time. */
    private BarKey lastAsked;

    private boolean lastAnswer;

    private boolean subscribed(Bar bar) {
        BarKey k = lastAsked;
        if (k == null
                || !k.instrument().equals(bar.instrumentId())
                || !k.timeframe().equals(bar.timeframe())) {
            k = new BarKey(bar.instrumentId(), bar.timeframe());
            lastAnswer = barSubscriptions.contains(k);
            lastAsked = k;
        }
        return lastAnswer;
    }

    boolean wantsQuotes(InstrumentId instrument) {
        // asked on every quote: a strategy trading on bars answers without hashing the instrument
        return !quoteSubscriptions.isEmpty() && quoteSubscriptions.contains(instrument);
    }

    boolean wantsTrades(InstrumentId instrument) {
        return tradeSubscriptions.contains(instrument);
    }

    /** Claims an order created while this context was submitting. */
    boolean claims(OrderId id) {
        if (submitting != null && !orders.containsKey(id)) {
            orders.put(id, submitting);
            return true;
        }
        return orders.containsKey(id);
    }

    void onOrder(Order order, OrderEvent event) {
        if (order.status().isOpen()) {
            open.put(order.id(), order);
        } else {
            open.remove(order.id());
        }
        if (!(event instanceof OrderEvent.Created) && active()) {
            strategy.onOrderUpdate(event);
        }
    }

    void onFill(Fill fill) {
        fills++;
        List<OrderId> siblings = ocoSiblings.remove(fill.orderId());
        if (siblings != null) {
            for (OrderId s : siblings) {
                ocoSiblings.remove(s);
                // the venue may have closed it in the same step (nothing left to reduce): no cancel then
                if (open.containsKey(s) && engine.isOpen(s)) {
                    engine.cancel(s);
                }
            }
        }
        StrategyOrder.Bracket bracket = brackets.get(fill.orderId());
        if (bracket != null) {
            placeExits(bracket, fill);
            if (!open.containsKey(fill.orderId())) {
                brackets.remove(fill.orderId());
            }
        }
        if (active()) {
            strategy.onFill(fill);
        }
    }

    /** Cancels every working order and timer of this strategy (after a stop or a failure). */
    void release() {
        for (OrderId o : List.copyOf(open.keySet())) {
            engine.cancel(o);
        }
        timers.values().forEach(EventLoop.Timer::cancel);
        timers.clear();
    }

    List<String> logLines() {
        synchronized (logLines) {
            return List.copyOf(logLines);
        }
    }

    private void placeExits(StrategyOrder.Bracket b, Fill fill) {
        Side exit = b.side().opposite();
        Quantity q = fill.quantity();
        BigDecimal entry = fill.price().value();
        InstrumentId inst = b.instrumentId();
        List<StrategyOrder> exits = new ArrayList<>();
        if (b.takeProfit() != null) {
            Price limit = onTick(inst, b.takeProfit().resolve(b.side(), entry, true), b.side());
            exits.add(new StrategyOrder.Limit(inst, exit, q, limit, TimeInForce.GTC, true, b.tag()));
        }
        if (b.stopLoss() != null) {
            Price stop = onTick(inst, b.stopLoss().resolve(b.side(), entry, false), b.side());
            exits.add(new StrategyOrder.Stop(inst, exit, q, stop, TimeInForce.GTC, true, b.tag()));
        }
        if (b.trailingStop() != null) {
            exits.add(
                    new StrategyOrder.TrailingStop(inst, exit, q, trailOnTick(inst, b.trailingStop()), true, b.tag()));
        }
        List<OrderId> ids = new ArrayList<>();
        for (StrategyOrder o : exits) {
            ids.add(send(o));
        }
        for (OrderId i : ids) {
            List<OrderId> others = new ArrayList<>(ids);
            others.remove(i);
            ocoSiblings.put(i, others);
        }
    }

    /**
     * A bracket's trailing distance in price units rounded to the nearest tick, at least one (an ATR
     * multiple is any real number: the venue takes only whole ticks); a percentage is kept as it is.
     */
    private Offset trailOnTick(InstrumentId inst, Offset trail) {
        Instrument instrument = engine.instruments().get(inst);
        if (!(trail instanceof Offset.Points p) || instrument == null) {
            return trail;
        }
        BigDecimal tick = instrument.tickSize();
        BigDecimal ticks = p.points().divide(tick, 0, RoundingMode.HALF_EVEN).max(BigDecimal.ONE);
        return new Offset.Points(ticks.multiply(tick));
    }

    /**
     * An exit level on the tick: down for a long's exits, up for a short's, which puts a stop-loss away
     * from the entry (never tighter than asked) and a take-profit towards it (never farther).
     */
    private Price onTick(InstrumentId inst, BigDecimal price, Side entrySide) {
        Instrument instrument = engine.instruments().get(inst);
        if (instrument == null) {
            return new Price(price);
        }
        BigDecimal tick = instrument.tickSize();
        RoundingMode mode = entrySide == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING;
        return new Price(price.divide(tick, 0, mode).multiply(tick));
    }

    // ------------------------------------------------------------------ StrategyContext

    @Override
    public String strategyName() {
        return strategy.name();
    }

    @Override
    public Instant now() {
        return loop.clock().now();
    }

    @Override
    public ParameterValues parameters() {
        return parameters;
    }

    @Override
    public boolean isWarmingUp() {
        return warmingOnHistory || runner.warmingUp(loop.nowNanos());
    }

    @Override
    public void subscribeBars(InstrumentId instrument, Timeframe timeframe) {
        barSubscriptions.add(new BarKey(instrument, timeframe));
        lastAsked = null;
    }

    @Override
    public void subscribeQuotes(InstrumentId instrument) {
        quoteSubscriptions.add(instrument);
        runner.quotesFollowed();
    }

    @Override
    public void subscribeTrades(InstrumentId instrument) {
        tradeSubscriptions.add(instrument);
    }

    @Override
    public IndicatorHandle indicator(IndicatorRequest request) {
        subscribeBars(request.instrumentId(), request.timeframe());
        return indicators.register(request);
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrument) {
        return Optional.ofNullable(engine.instruments().get(instrument));
    }

    private Optional<PortfolioSnapshot> snapshot() {
        return engine.portfolioSnapshot(portfolio);
    }

    @Override
    public BigDecimal positionQuantity(InstrumentId instrument) {
        return engine.quantity(portfolio, instrument); // no average price (a division), no flat position
    }

    @Override
    public StrategyPosition position(InstrumentId instrument) {
        // The live position, as the portfolio snapshot shows it; immutable, so one object per fill
        // and its average price (a division) is worked out once, not on every bar.
        Position live = engine.position(portfolio, instrument);
        if (live == lastLive && lastPosition != null) {
            return lastPosition;
        }
        BigDecimal quantity = live.quantity();
        StrategyPosition p = quantity.signum() == 0
                ? StrategyPosition.flat(instrument)
                : new StrategyPosition(instrument, quantity, live.averagePrice(engine.multiplier(instrument)));
        lastLive = live;
        lastPosition = p;
        return p;
    }

    private Position lastLive;

    private StrategyPosition lastPosition;

    @Override
    public Money cash() {
        // the cash alone: a strategy sizing an entry needs no valuation of the positions
        return engine.cash(portfolio).orElseThrow();
    }

    @Override
    public Money equity() {
        PortfolioSnapshot s = snapshot().orElseThrow();
        return Money.of(s.equity(), s.baseCurrency());
    }

    @Override
    public List<WorkingOrder> openOrders(InstrumentId instrument) {
        if (open.isEmpty()) {
            return List.of();
        }
        List<WorkingOrder> out = new ArrayList<>();
        for (Order o : open.values()) {
            if (o.request().instrumentId().equals(instrument)) {
                out.add(new WorkingOrder(o.id(), orders.get(o.id()), o.filledQuantity()));
            }
        }
        return out;
    }

    @Override
    public OrderId submit(StrategyOrder order) {
        if (!active()) {
            throw new IllegalStateException("strategy '" + strategyName() + "' is " + state + ": orders are refused");
        }
        if (isWarmingUp()) {
            throw new IllegalStateException("strategy '" + strategyName() + "' is warming up "
                    + (warmingOnHistory ? "on stored bars" : "until " + runner.warmUpUntil())
                    + ": orders are refused");
        }
        OrderId id = send(order);
        if (order instanceof StrategyOrder.Bracket b) {
            brackets.put(id, b);
        }
        return id;
    }

    /** Places the order's engine placement; returns the id of its first order. */
    private OrderId send(StrategyOrder order) {
        OrderPlacement placement = placement(order);
        submitting = order;
        runner.submitting(this);
        try {
            List<Order> placed = engine.place(placement);
            for (Order o : placed) {
                orders.put(o.id(), order);
                if (o.status().isOpen()) {
                    open.put(o.id(), o);
                } else {
                    open.remove(o.id());
                }
            }
            return placed.get(0).id();
        } finally {
            submitting = null;
            runner.submitting(null);
        }
    }

    /**
     * The one translation of a strategy order into the engine's vocabulary. A bracket sends only its
     * entry: this context places the exits itself once the entry fills (they may include a trailing
     * stop, which the engine's own bracket does not take).
     */
    OrderPlacement placement(StrategyOrder order) {
        return switch (order) {
            case StrategyOrder.Single s -> new OrderPlacement.Single(request(s));
            case StrategyOrder.Bracket b -> new OrderPlacement.Single(request(b.entry()));
            case StrategyOrder.Oco o -> new OrderPlacement.Oco(request(o.first()), request(o.second()));
            case StrategyOrder.Combo c -> {
                List<OrderRequest> legs = new ArrayList<>();
                for (StrategyOrder.Leg leg : c.legs()) {
                    Quantity q = new Quantity(c.units().value().multiply(BigDecimal.valueOf(leg.ratio())));
                    legs.add(OrderRequest.builder(portfolio, leg.instrumentId(), leg.side(), q)
                            .timeInForce(c.timeInForce())
                            .tag(c.tag())
                            .build());
                }
                yield new OrderPlacement.Combo(legs, c.units(), c.netLimit(), c.timeInForce());
            }
        };
    }

    /**
     * The engine request of one order: its type, prices, time in force and flags. A reduce-only order
     * that reduces is trimmed to the position and keeps its flag: the venue checks it again at each
     * execution against the position as booked, so an exit reached after another one closed the
     * position in the same bar opens nothing. One that would not reduce is rejected by the engine with
     * its reason.
     */
    private OrderRequest request(StrategyOrder.Single order) {
        OrderTerms t = order.terms();
        OrderRequest.Builder b = OrderRequest.builder(portfolio, order.instrumentId(), order.side(), order.quantity())
                .type(order.type())
                .timeInForce(t.timeInForce())
                .expireAt(t.expireAt())
                .postOnly(t.postOnly())
                .allOrNone(t.allOrNone())
                .reduceOnly(order.reduceOnly())
                .tag(order.tag());
        switch (order) {
            case StrategyOrder.Market m -> {}
            case StrategyOrder.Limit l -> b.limitPrice(l.limitPrice());
            case StrategyOrder.Stop s -> b.stopPrice(s.stopPrice());
            case StrategyOrder.StopLimit sl -> b.stopPrice(sl.stopPrice()).limitPrice(sl.limitPrice());
            case StrategyOrder.TakeProfit tp -> b.stopPrice(tp.triggerPrice());
            case StrategyOrder.TakeProfitLimit tpl -> b.stopPrice(tpl.triggerPrice())
                    .limitPrice(tpl.limitPrice());
            case StrategyOrder.TrailingStop ts -> b.trail(trailing(ts.trail()));
            case StrategyOrder.TrailingStopLimit tsl -> b.trail(trailing(tsl.trail()))
                    .limitOffset(tsl.limitOffset());
        }
        OrderRequest r = b.build();
        if (!r.reduceOnly()) {
            return r;
        }
        BigDecimal pos = positionQuantity(r.instrumentId());
        boolean reduces = r.side() == Side.SELL ? pos.signum() > 0 : pos.signum() < 0;
        if (!reduces) {
            return r;
        }
        return r.toBuilder()
                .quantity(new Quantity(r.quantity().value().min(pos.abs())))
                .build();
    }

    private static TrailingOffset trailing(Offset offset) {
        return switch (offset) {
            case Offset.Points p -> TrailingOffset.amount(p.points());
            case Offset.Percent p -> TrailingOffset.percent(p.percent());
        };
    }

    @Override
    public boolean cancel(OrderId order) {
        if (!open.containsKey(order)) {
            return false;
        }
        engine.cancel(order);
        return true;
    }

    @Override
    public boolean modify(OrderId order, OrderChange change) {
        if (!open.containsKey(order)) {
            return false;
        }
        engine.modify(
                order,
                new dev.paperdesk.engine.model.OrderChange(change.limitPrice(), change.stopPrice(), change.quantity()));
        return true;
    }

    @Override
    public void scheduleAt(String name, Instant at) {
        cancelTimer(name);
        long due = loop.nowNanos() + Math.max(0, Duration.between(now(), at).toNanos());
        timers.put(name, loop.schedule(due, () -> {
            timers.remove(name);
            fire(name, at);
        }));
    }

    @Override
    public void scheduleEvery(String name, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("timer '" + name + "': interval must be positive, was " + interval);
        }
        cancelTimer(name);
        long period = interval.toNanos();
        timers.put(name, loop.scheduleEvery(loop.nowNanos() + period, period, () -> fire(name, now())));
    }

    private void fire(String name, Instant at) {
        if (active()) {
            strategy.onTimer(new TimerEvent(name, at));
        }
    }

    @Override
    public boolean cancelTimer(String name) {
        EventLoop.Timer t = timers.remove(name);
        if (t == null) {
            return false;
        }
        t.cancel();
        return true;
    }

    @Override
    public void log(LogLevel level, String message) {
        // to the millisecond: the live clock's nanoseconds (20:39:02.939345011) are noise in a log
        String line = now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + " " + level + " " + message;
        synchronized (logLines) {
            if (logLines.size() == LOG_LINES) {
                logLines.removeFirst();
            }
            logLines.addLast(line);
        }
    }

    /** Instruments this strategy follows (bar subscriptions and indicators), for diagnostics. */
    Set<InstrumentId> instruments() {
        Set<InstrumentId> out = new LinkedHashSet<>();
        barSubscriptions.forEach(k -> out.add(k.instrument()));
        return out;
    }
}
