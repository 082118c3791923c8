package dev.paperdesk.engine.strategy;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.strategy.api.IndicatorHandle;
import dev.paperdesk.engine.strategy.api.IndicatorRequest;
import dev.paperdesk.engine.strategy.api.LogLevel;
import dev.paperdesk.engine.strategy.api.Offset;
import dev.paperdesk.engine.strategy.api.OrderChange;
import dev.paperdesk.engine.strategy.api.ParameterValues;
import dev.paperdesk.engine.strategy.api.Strategy;
import dev.paperdesk.engine.strategy.api.StrategyContext;
import dev.paperdesk.engine.strategy.api.StrategyOrder;
import dev.paperdesk.engine.strategy.api.StrategyPosition;
import dev.paperdesk.engine.strategy.api.TimerEvent;
import dev.paperdesk.engine.strategy.api.WorkingOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A test double of the engine for strategy tests: replays bars through a strategy and fills its
 * orders with simple, documented bar rules. It records every submission, cancellation, fill and
 * log line so that tests can assert the exact order sequence.
 *
 * <p>Fill rules (on bars of the fill timeframe, the first timeframe seen unless set): orders
 * submitted while handling bar k work from bar k+1. Market: the bar's open. Limit buy: if low ≤
 * limit, at min(open, limit) (sell mirrored). Stop buy: if high ≥ stop, at max(open, stop) (sell
 * mirrored). Trailing sell: level = highest price since placement − trail; if low ≤ level, at
 * min(open, level), else the high raises the peak (buy mirrored). A bracket's exits are placed at
 * the entry fill and work from the next bar, one-cancels-others. Reduce-only orders are trimmed to
 * the position. No fees, no slippage, no funds check.
 */
public final class BarReplayContext implements StrategyContext {
    /** One order submission as the strategy made it. */
    public record Submission(Instant time, OrderId id, StrategyOrder order) {}

    private static final PortfolioId PORTFOLIO = new PortfolioId(1);

    private final String name;
    private final ParameterValues parameters;
    private final Currency currency;
    private final IndicatorRegistry indicators = new IndicatorRegistry();
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    private final Map<InstrumentId, BigDecimal> positions = new LinkedHashMap<>();
    private final Map<InstrumentId, BigDecimal> averagePrices = new HashMap<>();
    private final Map<InstrumentId, BigDecimal> lastClose = new HashMap<>();
    private final Map<OrderId, Working> working = new LinkedHashMap<>();
    private final TreeMap<Instant, List<String>> timers = new TreeMap<>();
    private final Map<String, Duration> repeating = new HashMap<>();
    private final Set<String> subscriptions = new HashSet<>();

    private final List<Submission> submissions = new ArrayList<>();
    private final List<OrderId> cancellations = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final List<String> logs = new ArrayList<>();
    private final List<TimerEvent> timerEvents = new ArrayList<>();

    private BigDecimal cash;
    private Instant now = TestBars.START;
    private long barSeq;
    private long nextOrderId = 1;
    private long nextFillId = 1;
    private long nextOcoGroup = 1;
    private Timeframe fillTimeframe;
    private boolean warmingUp;
    private Strategy strategy;

    public BarReplayContext(String name, ParameterValues parameters, BigDecimal cash) {
        this.name = name;
        this.parameters = parameters;
        this.cash = cash;
        this.currency = Currency.USD;
    }

    public BarReplayContext(BigDecimal cash) {
        this("test", ParameterValues.empty(), cash);
    }

    /** Declares an instrument's contract (for tick rounding). */
    public BarReplayContext withInstrument(Instrument instrument) {
        instruments.put(instrument.id(), instrument);
        return this;
    }

    /** Fills orders on bars of this timeframe only (for multi-timeframe replays). */
    public BarReplayContext fillOn(Timeframe timeframe) {
        this.fillTimeframe = timeframe;
        return this;
    }

    /** Starts the strategy, replays {@code bars} in order and stops it. */
    public BarReplayContext run(Strategy s, List<Bar> bars) {
        start(s);
        bars.forEach(this::feed);
        stop();
        return this;
    }

    public void start(Strategy s) {
        this.strategy = s;
        s.onStart(this);
    }

    /** Replays bars as warm-up: indicators are fed and the strategy sees them, but orders are refused. */
    public void warmUp(List<Bar> bars) {
        warmingUp = true;
        try {
            bars.forEach(this::feed);
        } finally {
            warmingUp = false;
        }
    }

    public void stop() {
        strategy.onStop();
    }

    /** Delivers one bar: timers due, fills against it, indicator updates, then {@code onBar}. */
    public void feed(Bar bar) {
        Instant close = bar.openTime().plus(bar.timeframe().duration());
        fireTimersUpTo(bar.openTime());
        if (fillTimeframe == null) {
            fillTimeframe = bar.timeframe();
        }
        barSeq++;
        now = bar.openTime();
        if (bar.timeframe() == fillTimeframe && !warmingUp) {
            fillAgainst(bar);
            lastClose.put(bar.instrumentId(), bar.close());
        }
        indicators.onBar(bar);
        now = close;
        strategy.onBar(bar);
    }

    private void fireTimersUpTo(Instant t) {
        while (!timers.isEmpty() && !timers.firstKey().isAfter(t)) {
            Map.Entry<Instant, List<String>> e = timers.pollFirstEntry();
            for (String n : e.getValue()) {
                now = e.getKey();
                Duration every = repeating.get(n);
                if (every != null) {
                    timers.computeIfAbsent(e.getKey().plus(every), k -> new ArrayList<>())
                            .add(n);
                }
                TimerEvent ev = new TimerEvent(n, e.getKey());
                timerEvents.add(ev);
                strategy.onTimer(ev);
            }
        }
    }

    // ------------------------------------------------------------------ fills

    private final class Working {
        final OrderId id;
        final StrategyOrder order;
        final long activeFrom;
        final long ocoGroup;
        BigDecimal peak; // trailing stops: the best price since placement
        BigDecimal trough;

        Working(OrderId id, StrategyOrder order, long activeFrom, long ocoGroup, BigDecimal reference) {
            this.id = id;
            this.order = order;
            this.activeFrom = activeFrom;
            this.ocoGroup = ocoGroup;
            this.peak = reference;
            this.trough = reference;
        }
    }

    private void fillAgainst(Bar bar) {
        for (Working w : List.copyOf(working.values())) {
            if (!working.containsKey(w.id)
                    || !w.order.instrumentId().equals(bar.instrumentId())
                    || w.activeFrom > barSeq) {
                continue;
            }
            BigDecimal price = fillPrice(w, bar);
            if (price != null) {
                execute(w, price);
            }
        }
    }

    private BigDecimal fillPrice(Working w, Bar bar) {
        StrategyOrder o = w.order instanceof StrategyOrder.Bracket b ? b.entry() : w.order;
        boolean buy = o.side() == Side.BUY;
        BigDecimal open = bar.open();
        return switch (o) {
            case StrategyOrder.Market m -> open;
            case StrategyOrder.Limit l -> {
                BigDecimal lim = l.limitPrice().value();
                if (buy) {
                    yield bar.low().compareTo(lim) <= 0 ? open.min(lim) : null;
                }
                yield bar.high().compareTo(lim) >= 0 ? open.max(lim) : null;
            }
            case StrategyOrder.Stop s -> {
                BigDecimal stop = s.stopPrice().value();
                if (buy) {
                    yield bar.high().compareTo(stop) >= 0 ? open.max(stop) : null;
                }
                yield bar.low().compareTo(stop) <= 0 ? open.min(stop) : null;
            }
            case StrategyOrder.StopLimit sl -> {
                BigDecimal stop = sl.stopPrice().value();
                BigDecimal lim = sl.limitPrice().value();
                boolean triggered =
                        buy ? bar.high().compareTo(stop) >= 0 : bar.low().compareTo(stop) <= 0;
                boolean reachable =
                        buy ? bar.low().compareTo(lim) <= 0 : bar.high().compareTo(lim) >= 0;
                yield triggered && reachable ? lim : null;
            }
            case StrategyOrder.TrailingStop t -> {
                if (!buy) {
                    BigDecimal level = w.peak.subtract(t.trail().distanceFrom(w.peak));
                    if (bar.low().compareTo(level) <= 0) {
                        yield open.min(level);
                    }
                    w.peak = w.peak.max(bar.high());
                    yield null;
                }
                BigDecimal level = w.trough.add(t.trail().distanceFrom(w.trough));
                if (bar.high().compareTo(level) >= 0) {
                    yield open.max(level);
                }
                w.trough = w.trough.min(bar.low());
                yield null;
            }
            case StrategyOrder.TakeProfit tp -> {
                BigDecimal trigger = tp.triggerPrice().value();
                if (buy) {
                    yield bar.low().compareTo(trigger) <= 0 ? open.min(trigger) : null;
                }
                yield bar.high().compareTo(trigger) >= 0 ? open.max(trigger) : null;
            }
            case StrategyOrder.TakeProfitLimit tpl -> {
                BigDecimal trigger = tpl.triggerPrice().value();
                BigDecimal lim = tpl.limitPrice().value();
                boolean triggered =
                        buy ? bar.low().compareTo(trigger) <= 0 : bar.high().compareTo(trigger) >= 0;
                boolean reachable =
                        buy ? bar.low().compareTo(lim) <= 0 : bar.high().compareTo(lim) >= 0;
                yield triggered && reachable ? lim : null;
            }
            case StrategyOrder.TrailingStopLimit t -> throw new UnsupportedOperationException(
                    "the bar replay reference does not model trailing stop limits");
            case StrategyOrder.Bracket b -> throw new IllegalStateException("unwrapped above");
            case StrategyOrder.Oco g -> throw new IllegalStateException("refused at submission");
            case StrategyOrder.Combo g -> throw new IllegalStateException("refused at submission");
        };
    }

    private void execute(Working w, BigDecimal price) {
        StrategyOrder o = w.order;
        InstrumentId id = o.instrumentId();
        BigDecimal pos = positions.getOrDefault(id, BigDecimal.ZERO);
        BigDecimal qty = o.quantity().value();
        if (o.reduceOnly()) {
            boolean reduces = (o.side() == Side.SELL && pos.signum() > 0) || (o.side() == Side.BUY && pos.signum() < 0);
            if (!reduces) {
                working.remove(w.id);
                cancellations.add(w.id);
                return;
            }
            qty = qty.min(pos.abs());
        }
        working.remove(w.id);
        BigDecimal signed = o.side() == Side.BUY ? qty : qty.negate();
        BigDecimal newPos = pos.add(signed);
        if (pos.signum() == 0 || pos.signum() == signed.signum()) {
            BigDecimal cost = averagePrices
                    .getOrDefault(id, BigDecimal.ZERO)
                    .multiply(pos.abs())
                    .add(price.multiply(qty));
            averagePrices.put(id, cost.divide(newPos.abs(), 12, RoundingMode.HALF_EVEN));
        } else if (newPos.signum() == 0) {
            averagePrices.remove(id);
        } else if (newPos.signum() != pos.signum()) {
            averagePrices.put(id, price);
        }
        positions.put(id, newPos);
        cash = cash.subtract(signed.multiply(price));
        if (w.ocoGroup > 0) {
            for (Working other : List.copyOf(working.values())) {
                if (other.ocoGroup == w.ocoGroup) {
                    working.remove(other.id);
                    cancellations.add(other.id);
                }
            }
        }
        Fill fill = new Fill(
                new FillId(nextFillId++),
                w.id,
                PORTFOLIO,
                id,
                o.side(),
                new Quantity(qty),
                new Price(price),
                Money.zero(currency),
                Liquidity.TAKER,
                BigDecimal.ZERO,
                now);
        fills.add(fill);
        if (o instanceof StrategyOrder.Bracket b) {
            placeExits(b, qty, price);
        }
        strategy.onFill(fill);
    }

    private void placeExits(StrategyOrder.Bracket b, BigDecimal qty, BigDecimal entryPrice) {
        long group = nextOcoGroup++;
        Side exitSide = b.side().opposite();
        Quantity q = new Quantity(qty);
        InstrumentId id = b.instrumentId();
        String tag = b.tag();
        if (b.stopLoss() != null) {
            Price stop = new Price(b.stopLoss().resolve(b.side(), entryPrice, false));
            addWorking(new StrategyOrder.Stop(id, exitSide, q, stop, TimeInForce.GTC, true, tag), group, entryPrice);
        }
        if (b.takeProfit() != null) {
            Price limit = new Price(b.takeProfit().resolve(b.side(), entryPrice, true));
            addWorking(new StrategyOrder.Limit(id, exitSide, q, limit, TimeInForce.GTC, true, tag), group, entryPrice);
        }
        if (b.trailingStop() != null) {
            addWorking(new StrategyOrder.TrailingStop(id, exitSide, q, b.trailingStop(), true, tag), group, entryPrice);
        }
    }

    private OrderId addWorking(StrategyOrder order, long group, BigDecimal reference) {
        OrderId id = new OrderId(nextOrderId++);
        working.put(id, new Working(id, order, barSeq + 1, group, reference));
        return id;
    }

    // ------------------------------------------------------------------ StrategyContext

    @Override
    public String strategyName() {
        return name;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public ParameterValues parameters() {
        return parameters;
    }

    @Override
    public boolean isWarmingUp() {
        return warmingUp;
    }

    @Override
    public void subscribeBars(InstrumentId instrument, Timeframe timeframe) {
        subscriptions.add("bars " + instrument + " " + timeframe);
    }

    @Override
    public void subscribeQuotes(InstrumentId instrument) {
        subscriptions.add("quotes " + instrument);
    }

    @Override
    public void subscribeTrades(InstrumentId instrument) {
        subscriptions.add("trades " + instrument);
    }

    @Override
    public IndicatorHandle indicator(IndicatorRequest request) {
        subscribeBars(request.instrumentId(), request.timeframe());
        return indicators.register(request);
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrument) {
        return Optional.ofNullable(instruments.get(instrument));
    }

    @Override
    public StrategyPosition position(InstrumentId instrument) {
        BigDecimal q = positions.getOrDefault(instrument, BigDecimal.ZERO);
        return q.signum() == 0
                ? StrategyPosition.flat(instrument)
                : new StrategyPosition(instrument, q, averagePrices.getOrDefault(instrument, BigDecimal.ZERO));
    }

    @Override
    public Money cash() {
        return Money.of(cash, currency);
    }

    @Override
    public Money equity() {
        BigDecimal e = cash;
        for (Map.Entry<InstrumentId, BigDecimal> p : positions.entrySet()) {
            e = e.add(p.getValue().multiply(lastClose.getOrDefault(p.getKey(), BigDecimal.ZERO)));
        }
        return Money.of(e, currency);
    }

    @Override
    public List<WorkingOrder> openOrders(InstrumentId instrument) {
        List<WorkingOrder> out = new ArrayList<>();
        for (Working w : working.values()) {
            if (w.order.instrumentId().equals(instrument)) {
                out.add(new WorkingOrder(w.id, w.order, Quantity.ZERO));
            }
        }
        return out;
    }

    @Override
    public OrderId submit(StrategyOrder order) {
        if (warmingUp) {
            throw new IllegalStateException("orders are refused while warming up");
        }
        if (order instanceof StrategyOrder.Oco || order instanceof StrategyOrder.Combo) {
            throw new UnsupportedOperationException("the bar replay reference does not model OCO pairs or combos");
        }
        BigDecimal ref = lastClose.getOrDefault(order.instrumentId(), BigDecimal.ZERO);
        OrderId id = addWorking(order, 0, ref);
        submissions.add(new Submission(now, id, order));
        return id;
    }

    @Override
    public boolean cancel(OrderId order) {
        if (working.remove(order) == null) {
            return false;
        }
        cancellations.add(order);
        return true;
    }

    @Override
    public boolean modify(OrderId order, OrderChange change) {
        return working.containsKey(order);
    }

    @Override
    public void scheduleAt(String timerName, Instant at) {
        cancelTimer(timerName);
        timers.computeIfAbsent(at, k -> new ArrayList<>()).add(timerName);
    }

    @Override
    public void scheduleEvery(String timerName, Duration interval) {
        cancelTimer(timerName);
        repeating.put(timerName, interval);
        timers.computeIfAbsent(now.plus(interval), k -> new ArrayList<>()).add(timerName);
    }

    @Override
    public boolean cancelTimer(String timerName) {
        repeating.remove(timerName);
        boolean removed = false;
        for (List<String> l : timers.values()) {
            removed |= l.remove(timerName);
        }
        timers.values().removeIf(List::isEmpty);
        return removed;
    }

    @Override
    public void log(LogLevel level, String message) {
        logs.add(level + " " + message);
    }

    // ------------------------------------------------------------------ what happened

    public List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    public List<OrderId> cancellations() {
        return List.copyOf(cancellations);
    }

    public List<Fill> fills() {
        return List.copyOf(fills);
    }

    public List<String> logs() {
        return List.copyOf(logs);
    }

    public List<TimerEvent> timerEvents() {
        return List.copyOf(timerEvents);
    }

    public Set<String> subscriptions() {
        return Set.copyOf(subscriptions);
    }

    /** The working exits placed by brackets and other orders, for assertions. */
    public List<StrategyOrder> workingOrders() {
        return working.values().stream().map(w -> w.order).toList();
    }

    /** A compact, comparable line per submission: time, type, side, quantity, prices, flags and tag. */
    public List<String> orderLog() {
        return submissions.stream().map(BarReplayContext::describe).toList();
    }

    static String describe(Submission s) {
        StrategyOrder o = s.order();
        StringBuilder sb = new StringBuilder()
                .append(s.time())
                .append(' ')
                .append(o.type())
                .append(' ')
                .append(o.side())
                .append(' ')
                .append(o.quantity().value().stripTrailingZeros().toPlainString());
        StrategyOrder entry = o instanceof StrategyOrder.Bracket b ? b.entry() : o;
        if (entry instanceof StrategyOrder.Limit l) {
            sb.append(" limit ").append(l.limitPrice());
        }
        if (o instanceof StrategyOrder.Bracket b) {
            sb.append(" bracket tp=").append(b.takeProfit()).append(" sl=").append(b.stopLoss());
            sb.append(" trail=").append(describe(b.trailingStop()));
        }
        if (o.reduceOnly()) {
            sb.append(" reduce-only");
        }
        return sb.append(" [").append(o.tag()).append(']').toString();
    }

    private static String describe(Offset o) {
        return o == null ? "none" : o.toString();
    }
}
