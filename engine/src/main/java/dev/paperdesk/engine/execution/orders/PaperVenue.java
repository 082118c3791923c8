package dev.paperdesk.engine.execution.orders;

import dev.paperdesk.engine.execution.book.FillBuffer;
import dev.paperdesk.engine.execution.book.Liquidity;
import dev.paperdesk.engine.execution.book.TickBook;
import dev.paperdesk.engine.execution.models.DataKind;
import dev.paperdesk.engine.execution.models.ExecutionSettings;
import dev.paperdesk.engine.execution.models.FillModel;
import dev.paperdesk.engine.execution.models.IntrabarPath;
import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.market.TradingHours;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderGroup;
import dev.paperdesk.engine.model.OrderGroupKind;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderLink;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderRole;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Rejection;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The simulated counterparty of paper orders. Orders (and cancels and modifies) reach it after the
 * latency model's delay; it checks them against the market (hours, post-only, fill-or-kill,
 * reduce-only), accepts them, triggers stops, take-profits and trailing stops, matches marketable
 * orders with the fill model in force, fills resting limits by queue position or trade-through,
 * expires DAY and GTD orders, and links OCO pairs, brackets and combos. Every transition is
 * reported to the {@link VenueContext}, which journals and books it.
 *
 * <p>Work caused by an execution that may itself execute (activating bracket children) is deferred
 * to the end of the current event, so the book walk in progress is never re-entered.
 *
 * <p>Not thread-safe: the engine calls it on the event loop thread.
 */
public final class PaperVenue {
    private final VenueContext ctx;
    private ExecutionSettings settings;
    private SplittableRandom latencyRandom;
    private final Map<InstrumentId, MarketState> markets = new LinkedHashMap<>();
    private final Map<OrderId, Working> working = new HashMap<>();
    /** The book's fill buffer between operations; null while an operation reads it. */
    private FillBuffer spareBuffer = new FillBuffer();

    private final Map<Long, OrderGroup> groups = new HashMap<>();
    private final Map<Long, OrderGroup> waitingCombos = new LinkedHashMap<>();
    /** When each waiting combo started to wait: on bars, only bars that open later may fill it. */
    private final Map<Long, Instant> comboWaitingSince = new java.util.HashMap<>();

    private final ArrayDeque<Runnable> deferred = new ArrayDeque<>();
    /** The open of the bar of history being worked through by {@link #onBar}, null otherwise (see {@link #stamp}). */
    private Instant barOpen;

    private boolean draining;
    private final boolean barsFeed;

    /**
     * A venue for {@code instruments}.
     *
     * @param barsFeed whether the market data is a bar replay (bars decide fills, not quotes)
     */
    public PaperVenue(
            VenueContext ctx, ExecutionSettings settings, Collection<Instrument> instruments, boolean barsFeed) {
        this.ctx = ctx;
        this.settings = settings;
        this.latencyRandom = new SplittableRandom(MarketState.mix(settings.seed(), "latency"));
        this.barsFeed = barsFeed;
        for (Instrument i : instruments) {
            MarketState m = new MarketState(i, settings.resolve(i), settings.seed());
            m.barsFeed = barsFeed;
            markets.put(i.id(), m);
        }
    }

    /** Starts trading an instrument listed after the venue opened (an option contract first traded). */
    public void list(Instrument instrument) {
        lastMarketId = null; // the instrument looked up last may be the one listed now
        markets.computeIfAbsent(instrument.id(), id -> {
            MarketState m = new MarketState(instrument, settings.resolve(instrument), settings.seed());
            m.barsFeed = barsFeed;
            return m;
        });
    }

    // ------------------------------------------------------------------------------ settings

    public ExecutionSettings settings() {
        return settings;
    }

    /** Puts new models in force; orders already resting keep the queue threshold they joined with. */
    public void settings(ExecutionSettings next) {
        if (next.seed() != settings.seed()) {
            latencyRandom = new SplittableRandom(MarketState.mix(next.seed(), "latency"));
        }
        settings = next;
        for (MarketState m : markets.values()) {
            m.setModels(next.resolve(m.instrument));
        }
    }

    /** What data an instrument has (decides the automatic fill model). */
    public DataKind dataKind(InstrumentId id) {
        MarketState m = market(id);
        return m == null ? DataKind.QUOTES : m.kind();
    }

    public Optional<Order> order(OrderId id) {
        Working w = working.get(id);
        return w == null ? Optional.empty() : Optional.of(w.order);
    }

    /** The instrument looked up last and its market: a feed of one instrument hashes nothing per event. */
    private InstrumentId lastMarketId;

    private MarketState lastMarket;

    private MarketState market(InstrumentId id) {
        MarketState m;
        if (id == lastMarketId) {
            m = lastMarket;
        } else {
            m = markets.get(id);
            lastMarketId = id;
            lastMarket = m;
        }
        if (m != null && !m.liveChecked) {
            Optional<dev.paperdesk.engine.market.sim.OrderBook> book = ctx.liveBook(id);
            if (book.isPresent()) {
                m.attach(book.get());
                m.liveChecked = true;
            }
        }
        return m;
    }

    // ------------------------------------------------------------------------------ commands

    /**
     * Sends newly created orders (status NEW, already journaled as created) to the venue. Bracket
     * children wait for their entry; combo legs travel as one.
     */
    public void place(List<Order> orders, OrderGroup group) {
        List<Working> ws = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            Order o = orders.get(i);
            MarketState m = market(o.request().instrumentId());
            if (m == null) {
                throw new IllegalArgumentException(
                        "no market for " + o.request().instrumentId());
            }
            Working w = new Working(o, m);
            w.lastArrivalNanos = ctx.nowNanos();
            working.put(o.id(), w);
            m.working.add(w);
            ws.add(w);
        }
        if (group != null) {
            groups.put(group.id(), group);
        }
        if (group != null && group.kind() == OrderGroupKind.COMBO) {
            long delay = 0;
            for (Working w : ws) {
                delay = Math.max(delay, latency(w));
            }
            long at = ctx.nowNanos() + delay;
            for (Working w : ws) {
                w.lastArrivalNanos = at;
            }
            run(at, () -> comboArrived(group));
        } else {
            for (int i = 0; i < ws.size(); i++) {
                Working w = ws.get(i);
                OrderRole role = w.order.link() == null ? null : w.order.link().role();
                if (role == OrderRole.TAKE_PROFIT || role == OrderRole.STOP_LOSS) {
                    continue; // waits for the entry
                }
                send(w, () -> arrive(w, w.market.acceptedBy));
            }
        }
        drain();
    }

    /** Sends a cancel; it reaches the venue after the latency and after every earlier command to the order. */
    public void cancel(OrderId id, String why) {
        Working w = working.get(id);
        if (w == null) {
            return;
        }
        send(w, () -> cancelArrived(w, why));
        drain();
    }

    /** Sends a modify (new prices or quantity); the venue applies it on arrival if the order is still open. */
    public void modify(OrderId id, OrderRequest next) {
        Working w = working.get(id);
        if (w == null) {
            return;
        }
        send(w, () -> modifyArrived(w, next));
        drain();
    }

    /** The open orders of the venue, for cancel-all. */
    public List<Order> openOrders() {
        return working.values().stream()
                .filter(Working::open)
                .map(w -> w.order)
                .sorted(Comparator.comparing(Order::id))
                .toList();
    }

    /**
     * The open orders of one instrument, in the order they were sent: what the funds check of a new
     * order on it needs, without a pass over every working order of the venue.
     */
    public List<Order> openOrders(InstrumentId instrument) {
        MarketState m = markets.get(instrument);
        if (m == null || m.working.isEmpty()) {
            return List.of();
        }
        List<Order> out = new ArrayList<>(m.working.size());
        for (Working w : m.working) {
            if (w.open()) {
                out.add(w.order);
            }
        }
        return out;
    }

    private long latency(Working w) {
        return Math.max(0, w.market.models.latency().sampleNanos(w.market.instrument.venue(), latencyRandom));
    }

    private void send(Working w, Runnable onArrival) {
        long at = Math.max(ctx.nowNanos() + latency(w), w.lastArrivalNanos);
        w.lastArrivalNanos = at;
        run(at, onArrival);
    }

    private void run(long at, Runnable task) {
        if (at <= ctx.nowNanos()) {
            task.run();
        } else {
            ctx.schedule(at, () -> {
                task.run();
                drain();
            });
        }
    }

    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            Runnable r;
            while ((r = deferred.poll()) != null) {
                r.run();
            }
        } finally {
            draining = false;
        }
    }

    // ------------------------------------------------------------------------------ arrival

    private void arrive(Working w, String acceptReason) {
        if (!w.open() || w.arrived) {
            return;
        }
        w.arrived = true;
        OrderRequest r = w.order.request();
        MarketState m = w.market;
        Instant now = ctx.now();
        TradingHours hours = ctx.hours(m.instrument);
        if (r.timeInForce() == TimeInForce.GTD && !r.expireAt().isAfter(now)) {
            reject(w, RejectReason.INVALID_EXPIRY, "the GTD expiry " + r.expireAt() + " had passed when it arrived");
            return;
        }
        if (r.reduceOnly() && reducibleLots(w) == 0) {
            reject(
                    w,
                    RejectReason.REDUCE_ONLY_WOULD_INCREASE,
                    "reduce-only " + r.side() + " would increase the position of "
                            + position(w).toPlainString() + " " + m.instrument.id());
            return;
        }
        if (!hours.isOpen(now) && !r.type().isConditional()) {
            if (r.timeInForce() == TimeInForce.IOC || r.timeInForce() == TimeInForce.FOK) {
                reject(
                        w,
                        RejectReason.MARKET_CLOSED,
                        m.instrument.id() + " is closed until " + hours.nextChange(now) + "; " + r.timeInForce()
                                + " orders cannot wait for the open (use DAY or GTC to queue)");
                return;
            }
            accept(w, "queued until " + m.instrument.id() + " opens at " + hours.nextChange(now));
            w.waitingForOpen = true;
            m.waitingForOpen.add(w);
            return;
        }
        if (!m.hasQuote() && m.live == null) {
            reject(w, RejectReason.NO_MARKET_PRICE, "no price for " + m.instrument.id() + " yet");
            return;
        }
        w.arrivalMid = m.mid();
        if (r.type().isConditional()) {
            startConditional(w);
            accept(w, acceptReason);
            if (w.open()) {
                evaluate(w, m.bidTicks, m.askTicks, NO_TRADE);
            }
            return;
        }
        trade(w, limitTicks(w), true, acceptReason);
    }

    private void accept(Working w, String reason) {
        if (w.order.status() != OrderStatus.NEW) {
            return;
        }
        Instant now = ctx.now();
        Order next = w.order.transition(OrderStatus.ACCEPTED, now);
        Instant expiry = expiry(w, now);
        if (expiry != null) {
            next = next.expiringAt(expiry);
        }
        w.order = next;
        ctx.report(next, new OrderEvent.Accepted(next.id(), now, reason));
        if (expiry != null) {
            scheduleExpiry(w, expiry);
        }
    }

    private Instant expiry(Working w, Instant now) {
        OrderRequest r = w.order.request();
        return switch (r.timeInForce()) {
            case GTD -> r.expireAt();
            case DAY -> sessionClose(w.market.instrument, now);
            default -> null;
        };
    }

    /**
     * When a DAY order expires: at the close of the instrument's session (equities, per their
     * trading hours; the next session's close while the market is shut), otherwise at the next
     * 00:00 UTC.
     */
    public Instant sessionClose(Instrument instrument, Instant now) {
        TradingHours hours = ctx.hours(instrument);
        if (hours instanceof TradingHours.DailySession) {
            Instant change = hours.nextChange(now);
            return hours.isOpen(now) ? change : hours.nextChange(change);
        }
        return now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    }

    private void scheduleExpiry(Working w, Instant at) {
        long nanos = dev.paperdesk.engine.clock.Clock.toNanos(at);
        // Always a timer of its own, even when due now, so an expiry is its own engine step.
        ctx.schedule(Math.max(nanos, ctx.nowNanos()), () -> {
            if (w.open() && at.equals(w.order.expiresAt())) {
                expire(w);
                drain();
            }
        });
    }

    private static final long NO_TRADE = Long.MIN_VALUE + 1;

    private long limitTicks(Working w) {
        Price limit = w.order.effectiveLimit();
        OrderType t = w.order.request().type();
        boolean marketLike = t == OrderType.MARKET
                || t == OrderType.STOP
                || t == OrderType.TAKE_PROFIT
                || t == OrderType.TRAILING_STOP;
        if (marketLike || limit == null) {
            return w.buy() ? Liquidity.MARKET_BUY : Liquidity.MARKET_SELL;
        }
        return w.market.ticks(limit);
    }

    private static int flags(OrderRequest r) {
        int f = 0;
        if (r.postOnly()) {
            f |= TickBook.POST_ONLY;
        }
        if (r.timeInForce() == TimeInForce.IOC) {
            f |= TickBook.IOC;
        }
        if (r.timeInForce() == TimeInForce.FOK) {
            f |= TickBook.FOK;
        }
        if (r.allOrNone()) {
            f |= TickBook.ALL_OR_NONE;
        }
        return f;
    }

    /**
     * Trades a market or limit order (a new one, or a triggered stop): takes what the fill model
     * allows, rests the remainder when it may rest, and cancels what can neither fill nor rest.
     *
     * @param fresh the order has not been accepted yet: venue checks reject it instead of cancelling it
     */
    private void trade(Working w, long limit, boolean fresh, String acceptReason) {
        FillBuffer out = takeBuffer();
        try {
            trade(w, limit, fresh, acceptReason, out);
        } finally {
            spareBuffer = out;
        }
    }

    /**
     * The buffer the book's fills are collected in, reused from one operation to the next. Handling
     * a fill may trade again (bracket children arriving when their entry fills) while the outer
     * buffer is still being read, so a nested operation gets a buffer of its own.
     */
    private FillBuffer takeBuffer() {
        FillBuffer b = spareBuffer;
        if (b == null) {
            return new FillBuffer();
        }
        spareBuffer = null;
        b.clear();
        return b;
    }

    private void trade(Working w, long limit, boolean fresh, String acceptReason, FillBuffer out) {
        MarketState m = w.market;
        OrderRequest r = w.order.request();
        boolean market = limit == Liquidity.MARKET_BUY || limit == Liquidity.MARKET_SELL;
        if (market && m.defersToNextBar()) {
            accept(w, acceptReason.equals(m.acceptedBy) ? m.acceptedByForNextBar : acceptReason + MarketState.NEXT_BAR);
            w.waitingForBar = true;
            m.waitingForBar.add(w);
            return;
        }
        Liquidity liquidity = m.liquidity();
        boolean buy = w.buy();
        if (market && liquidity.touch(buy) == (buy ? Liquidity.MARKET_BUY : Liquidity.MARKET_SELL)) {
            refuse(
                    w,
                    fresh,
                    RejectReason.NO_LIQUIDITY,
                    "no liquidity on the " + (buy ? "ask" : "bid") + " side of " + m.instrument.id());
            return;
        }
        long lots = lotsToTrade(w);
        if (lots <= 0) {
            refuse(w, fresh, RejectReason.REDUCE_ONLY_WOULD_INCREASE, "reduce-only: no position left to reduce");
            return;
        }
        double depth = liquidity.touchLots(buy);
        long rc = m.book.submit(w.id(), buy, limit, lots, flags(r), liquidity, out);
        if (rc == TickBook.REJECT_POST_ONLY) {
            refuse(
                    w,
                    fresh,
                    RejectReason.POST_ONLY_WOULD_CROSS,
                    "post-only " + r.side() + " at " + m.price(limit) + " would take the "
                            + (buy ? "ask at " : "bid at ") + m.price(liquidity.touch(buy)));
            return;
        }
        if (rc == TickBook.REJECT_FOK) {
            long available = liquidity.available(buy, limit, lots);
            refuse(
                    w,
                    fresh,
                    RejectReason.FOK_NOT_FILLABLE,
                    "fill-or-kill: only " + plain(m.qty.toDecimal(available)) + " of " + plain(m.qty.toDecimal(lots))
                            + " can fill now"
                            + (market ? "" : " at " + m.price(limit) + " or better"));
            return;
        }
        if (rc == TickBook.REJECT_DUPLICATE) {
            throw new IllegalStateException(w.order.id() + " is already resting");
        }
        accept(w, acceptReason);
        if (rc > 0) {
            w.resting = true;
            m.resting.add(w);
        }
        applyTaker(w, out, limit, depth, w.order.request().type());
        if (w.open() && !w.resting) {
            String why = market
                    ? "no more liquidity: filled " + w.order.filledQuantity() + " of " + r.quantity()
                            + ", the rest was cancelled"
                    : r.timeInForce() + ": the unfilled " + w.order.remainingQuantity() + " was cancelled";
            cancelNow(w, why);
        }
    }

    private static String plain(BigDecimal v) {
        return Decimals.normalize(v).toPlainString();
    }

    /** A venue check failed: a new order is rejected, an accepted one (a triggered stop) cancelled. */
    private void refuse(Working w, boolean fresh, RejectReason reason, String message) {
        if (fresh && w.order.status() == OrderStatus.NEW) {
            reject(w, reason, message);
        } else {
            cancelNow(w, reason + ": " + message);
        }
    }

    /** Books taker fills with the slippage model: one draw per execution, rounded down to ticks, never past the limit. */
    private void applyTaker(Working w, FillBuffer out, long limit, double depthLots, OrderType type) {
        if (out.size() == 0) {
            return;
        }
        MarketState m = w.market;
        SlippageModel slippage = m.models.slippage();
        double bps = slippage.bps(new SlippageModel.Input(type, out.totalLots(), depthLots), m.random);
        for (int i = 0; i < out.size(); i++) {
            long p = out.priceTicks(i);
            long priced = slipped(p, bps, w.buy(), limit);
            fill(w, priced, out.lots(i), dev.paperdesk.engine.model.Liquidity.TAKER);
        }
    }

    /** {@code price} moved {@code bps} against the trader, in whole ticks (rounded down), clamped at {@code limit}. */
    static long slipped(long price, double bps, boolean buy, long limit) {
        long shift = (long) Math.floor(Math.abs((double) price) * bps / 10_000.0);
        long priced = buy ? price + shift : price - shift;
        return buy ? Math.min(priced, limit) : Math.max(priced, limit);
    }

    // ---------------------------------------------------------------------------------- fills

    private void fill(Working w, long priceTicks, long lots, dev.paperdesk.engine.model.Liquidity liquidity) {
        if (!w.open()) {
            return;
        }
        MarketState m = w.market;
        OrderRequest r = w.order.request();
        boolean capped = false;
        if (r.reduceOnly()) {
            // checked against the position as this step has booked it, so an exit reached after another
            // one closed the position in the same bar (a stop and a trailing stop) opens nothing
            long allowed = reducibleLots(w);
            if (allowed < lots) {
                lots = allowed;
                capped = true;
            }
            if (allowed <= 0) {
                cancelNow(w, "reduce-only: no position left to reduce");
                return;
            }
        }
        if (lots <= 0) {
            return;
        }
        Instant now = stamp(w);
        Quantity q = new Quantity(m.qty.toDecimal(lots));
        Price price = m.price(priceTicks);
        Money fee = m.models.fee().fee(m.instrument, q, price, liquidity, w.feesCharged);
        w.feesCharged = w.feesCharged.plus(fee);
        BigDecimal mid = w.arrivalMid != null ? w.arrivalMid : (m.mid() != null ? m.mid() : price.value());
        BigDecimal slip =
                price.value().subtract(mid).multiply(BigDecimal.valueOf(r.side().sign()));
        Fill f = new Fill(
                ctx.nextFillId(),
                w.order.id(),
                r.portfolioId(),
                r.instrumentId(),
                r.side(),
                q,
                price,
                fee,
                liquidity,
                Decimals.normalize(slip),
                now);
        boolean first = w.order.filledQuantity().isZero();
        Order next = w.order.fill(q, price, now);
        w.order = next;
        ctx.report(next, new OrderEvent.Filled(next.id(), now, next.status(), f));
        if (first) {
            firstExecution(w);
        }
        if (!next.status().isOpen()) {
            finish(w);
            if (w.order.link() != null
                    && w.order.link().role() == OrderRole.ENTRY
                    && next.status() == OrderStatus.FILLED) {
                Working entry = w;
                deferred.add(() -> activateChildren(entry));
            }
        } else if (capped) {
            cancelNow(w, "reduce-only: the position is closed, the rest was cancelled");
        }
    }

    private BigDecimal position(Working w) {
        return ctx.position(w.order.request().portfolioId(), w.order.request().instrumentId());
    }

    /** Lots a reduce-only order may still trade: the position it reduces, 0 if it would increase one. */
    private long reducibleLots(Working w) {
        BigDecimal pos = position(w);
        int sign = w.order.request().side().sign();
        if (pos.signum() == 0 || pos.signum() == sign) {
            return 0;
        }
        return w.market.lots(pos.abs());
    }

    private long lotsToTrade(Working w) {
        long lots = w.market.lots(w.order.remainingQuantity().value());
        if (w.order.request().reduceOnly()) {
            lots = Math.min(lots, reducibleLots(w));
        }
        return lots;
    }

    /** The first fill of a linked order cancels its OCO partner (at once, before any other fill is booked). */
    private void firstExecution(Working w) {
        OrderLink link = w.order.link();
        if (link == null) {
            return;
        }
        OrderGroup g = groups.get(link.groupId());
        if (g == null) {
            return;
        }
        if (link.kind() == OrderGroupKind.OCO
                || (link.kind() == OrderGroupKind.BRACKET && link.role() != OrderRole.ENTRY)) {
            for (OrderId other : g.members()) {
                Working o = working.get(other);
                if (o == null || o == w || !o.open()) {
                    continue;
                }
                OrderRole role = o.order.link().role();
                if (link.kind() == OrderGroupKind.BRACKET && role == OrderRole.ENTRY) {
                    continue;
                }
                cancelNow(o, "OCO: " + w.order.id() + " (" + label(link.role()) + ") executed");
            }
        }
    }

    private static String label(OrderRole role) {
        return switch (role) {
            case TAKE_PROFIT -> "take-profit";
            case STOP_LOSS -> "stop-loss";
            case ENTRY -> "entry";
            case OCO_LEG -> "leg";
            case COMBO_LEG -> "combo leg";
        };
    }

    /** Removes an order that reached a terminal status from every book and list. */
    private void finish(Working w) {
        MarketState m = w.market;
        if (w.resting) {
            m.book.cancel(w.id());
            w.resting = false;
        }
        m.resting.remove(w);
        m.conditional.remove(w);
        m.waitingForOpen.remove(w);
        m.waitingForBar.remove(w);
        m.restoring.remove(w);
        w.conditional = false;
        w.waitingForBar = false;
        w.waitingForOpen = false;
        working.remove(w.order.id());
        m.working.remove(w);
    }

    private void cancelNow(Working w, String why) {
        if (!w.open()) {
            return;
        }
        Instant now = ctx.now();
        finish(w);
        Order next = w.order.transition(OrderStatus.CANCELLED, now);
        w.order = next;
        ctx.report(next, new OrderEvent.Cancelled(next.id(), now, why));
        closedWithoutFullFill(w, "cancelled");
    }

    private void expire(Working w) {
        Instant now = ctx.now();
        finish(w);
        Order next = w.order.transition(OrderStatus.EXPIRED, now);
        w.order = next;
        String why = w.order.request().timeInForce() == TimeInForce.DAY
                ? "DAY order expired at the session close"
                : "GTD order expired at " + w.order.expiresAt();
        ctx.report(next, new OrderEvent.Expired(next.id(), now, why));
        closedWithoutFullFill(w, "expired");
    }

    private void reject(Working w, RejectReason reason, String message) {
        Instant now = ctx.now();
        finish(w);
        Rejection why = new Rejection(reason, message);
        Order next = w.order.reject(why, now);
        w.order = next;
        ctx.report(next, new OrderEvent.Rejected(next.id(), now, why));
        closedWithoutFullFill(w, "rejected");
    }

    /** Group consequences of an order that ended without filling in full. */
    private void closedWithoutFullFill(Working w, String how) {
        OrderLink link = w.order.link();
        if (link == null) {
            return;
        }
        OrderGroup g = groups.get(link.groupId());
        if (g == null) {
            return;
        }
        switch (link.kind()) {
            case BRACKET -> {
                if (link.role() != OrderRole.ENTRY) {
                    return;
                }
                if (w.order.filledQuantity().isPositive()) {
                    deferred.add(() -> activateChildren(w));
                } else {
                    for (OrderId child : g.members()) {
                        Working c = working.get(child);
                        if (c != null && c != w && c.open()) {
                            cancelNow(c, "bracket entry " + w.order.id() + " was " + how);
                        }
                    }
                }
            }
            case COMBO -> {
                for (OrderId leg : g.members()) {
                    Working c = working.get(leg);
                    if (c != null && c != w && c.open()) {
                        if (c.order.status() == OrderStatus.NEW && w.order.status() == OrderStatus.REJECTED) {
                            reject(c, w.order.rejection().reason(), "combo leg " + w.order.id() + " was rejected");
                        } else {
                            cancelNow(c, "combo leg " + w.order.id() + " was " + how);
                        }
                    }
                }
                waitingCombos.remove(g.id());
                comboWaitingSince.remove(g.id());
            }
            case OCO -> {
                // A cancelled or rejected leg leaves its partner working.
            }
        }
    }

    /** The entry has filled (or ended after a partial fill): the children go to work for what filled. */
    private void activateChildren(Working entry) {
        OrderGroup g = groups.get(entry.order.link().groupId());
        Quantity filled = entry.order.filledQuantity();
        for (OrderId child : g.members()) {
            Working c = working.get(child);
            if (c == null || c == entry || !c.open() || c.order.status() != OrderStatus.NEW) {
                continue;
            }
            if (c.order.request().quantity().compareTo(filled) > 0) {
                Instant now = ctx.now();
                Order resized = c.order.amend(c.order.request().withQuantity(filled), now);
                c.order = resized;
                ctx.report(
                        resized,
                        new OrderEvent.Modified(
                                resized.id(), now, resized.status(), "sized to the entry's fill of " + filled));
            }
            arrive(c, "activated: bracket entry " + entry.order.id() + " filled " + filled);
        }
    }

    // ---------------------------------------------------------------------------- conditional

    private void startConditional(Working w) {
        MarketState m = w.market;
        OrderRequest r = w.order.request();
        w.conditional = true;
        m.conditional.add(w);
        if (r.type().isTrailing()) {
            long anchor = w.order.trailAnchor() != null
                    ? m.ticks(w.order.trailAnchor())
                    : (w.buy() ? m.askTicks : m.bidTicks);
            w.anchorTicks = anchor;
            w.stopTicks = trailingStop(w, anchor);
            w.order = w.order.trail(m.price(anchor), m.price(w.stopTicks), w.order.updatedAt());
        } else {
            w.stopTicks = m.ticks(w.order.currentStop());
        }
    }

    /** The trailing stop for an anchor: below it for a sell (rounded down to a tick), above for a buy (up). */
    private long trailingStop(Working w, long anchorTicks) {
        MarketState m = w.market;
        BigDecimal anchor = m.px.toDecimal(anchorTicks);
        BigDecimal distance = w.order.request().trail().distanceFrom(anchor);
        BigDecimal distTicks = distance.divide(m.px.unit(), 0, RoundingMode.UP);
        long d = distTicks.longValueExact();
        return w.buy() ? anchorTicks + d : anchorTicks - d;
    }

    private void evaluateAll(MarketState m, long bid, long ask, long trade) {
        if (m.conditional.isEmpty()) {
            return;
        }
        for (Working w : List.copyOf(m.conditional)) {
            if (w.open() && w.conditional) {
                evaluate(w, bid, ask, trade);
            }
        }
    }

    private void evaluate(Working w, long bid, long ask, long trade) {
        OrderType t = w.order.request().type();
        boolean hasBid = bid != Liquidity.MARKET_SELL;
        boolean hasAsk = ask != Liquidity.MARKET_BUY;
        boolean hasTrade = trade != NO_TRADE;
        if (t.isTrailing()) {
            long best = w.anchorTicks;
            if (w.buy()) {
                if (hasAsk) {
                    best = Math.min(best, ask);
                }
                if (hasTrade) {
                    best = Math.min(best, trade);
                }
            } else {
                if (hasBid) {
                    best = Math.max(best, bid);
                }
                if (hasTrade) {
                    best = Math.max(best, trade);
                }
            }
            if (best != w.anchorTicks) {
                moveTrail(w, best);
            }
        }
        long s = w.stopTicks;
        boolean fire;
        String seen;
        if (t.isTakeProfit()) {
            if (w.buy()) {
                fire = (hasAsk && ask <= s) || (hasTrade && trade <= s);
            } else {
                fire = (hasBid && bid >= s) || (hasTrade && trade >= s);
            }
        } else if (w.buy()) {
            fire = (hasAsk && ask >= s) || (hasTrade && trade >= s);
        } else {
            fire = (hasBid && bid <= s) || (hasTrade && trade <= s);
        }
        if (!fire) {
            return;
        }
        MarketState m = w.market;
        if (hasTrade && isTradeTrigger(w, bid, ask)) {
            seen = "trade at " + m.price(trade);
        } else {
            seen = w.buy() ? "ask " + m.price(ask) : "bid " + m.price(bid);
        }
        trigger(w, (t.isTakeProfit() ? "take-profit " : "stop ") + m.price(s) + " reached: " + seen);
    }

    private boolean isTradeTrigger(Working w, long bid, long ask) {
        long s = w.stopTicks;
        boolean tp = w.order.request().type().isTakeProfit();
        if (w.buy()) {
            boolean byQuote = ask != Liquidity.MARKET_BUY && (tp ? ask <= s : ask >= s);
            return !byQuote;
        }
        boolean byQuote = bid != Liquidity.MARKET_SELL && (tp ? bid >= s : bid <= s);
        return !byQuote;
    }

    private void moveTrail(Working w, long anchor) {
        MarketState m = w.market;
        w.anchorTicks = anchor;
        long stop = trailingStop(w, anchor);
        boolean stopMoved = stop != w.stopTicks;
        w.stopTicks = stop;
        w.order = w.order.trail(m.price(anchor), m.price(stop), stamp(w));
        if (stopMoved) {
            ctx.updated(w.order, "trailing stop moved to " + m.price(stop));
        }
    }

    private void trigger(Working w, String why) {
        MarketState m = w.market;
        w.conditional = false;
        m.conditional.remove(w);
        Instant now = ctx.now();
        Order next = w.order.transition(OrderStatus.TRIGGERED, now);
        w.order = next;
        ctx.report(next, new OrderEvent.Triggered(next.id(), now, why));
        w.arrivalMid = m.mid();
        trade(w, limitTicks(w), false, "");
    }

    // ---------------------------------------------------------------------------- market data

    /**
     * Whether {@link #onQuote} of this instrument would only note the quote: its market is fed bars
     * (bars decide fills), no order waits to rest again and no work is deferred. Such a quote reports
     * nothing, so the engine may hand it over outside a step.
     */
    public boolean quietQuote(InstrumentId instrument) {
        MarketState m = market(instrument);
        return deferred.isEmpty() && (m == null || (m.kind() == DataKind.BARS && m.restoring.isEmpty()));
    }

    /**
     * Whether {@link #onBar} of this instrument would only note the bar: no order of its market
     * waits, rests or is conditional, no combo waits and no work is deferred (most bars of a
     * backtest). Such a bar reports nothing, so the engine may hand it over outside a step.
     */
    public boolean quietBar(InstrumentId instrument) {
        MarketState m = market(instrument);
        return deferred.isEmpty()
                && waitingCombos.isEmpty()
                && (m == null
                        || (m.restoring.isEmpty()
                                && m.waitingForBar.isEmpty()
                                && m.resting.isEmpty()
                                && m.conditional.isEmpty()));
    }

    /** A new best bid and offer: queued orders go at the open, resting orders traded through fill, triggers fire. */
    public void onQuote(Quote quote) {
        MarketState m = market(quote.instrumentId());
        if (m == null) {
            return;
        }
        m.onQuote(quote, ctx.nowNanos());
        restoreResting(m);
        if (m.kind() == DataKind.BARS) {
            drain();
            return;
        }
        releaseAtOpen(m);
        if (!m.resting.isEmpty()) {
            FillBuffer out = takeBuffer();
            try {
                m.book.onTouch(m.bidTicks, m.askTicks, out);
                applyResting(m, out);
            } finally {
                spareBuffer = out;
            }
        }
        evaluateAll(m, m.bidTicks, m.askTicks, NO_TRADE);
        retryCombos(m.instrument.id());
        drain();
    }

    /** A public trade: volume for the queue at its price, trade-throughs, and trade-triggered stops. */
    public void onTrade(TradePrint trade) {
        MarketState m = market(trade.instrumentId());
        if (m == null || m.kind() == DataKind.BARS) {
            return;
        }
        long px = m.ticks(trade.price());
        long lots = m.lots(trade.size().value());
        if (!m.resting.isEmpty() && lots > 0) {
            FillBuffer out = takeBuffer();
            try {
                m.book.onTrade(px, lots, trade.aggressor() == Side.BUY, out);
                applyResting(m, out);
            } finally {
                spareBuffer = out;
            }
        }
        evaluateAll(m, Liquidity.MARKET_SELL, Liquidity.MARKET_BUY, px);
        drain();
    }

    /** A published book: the depletion model takes it as the new liquidity. */
    public void onBook(BookSnapshot book) {
        MarketState m = market(book.instrumentId());
        if (m == null || m.live != null) {
            return;
        }
        m.onBook(book, ctx.nowNanos());
        drain();
    }

    private void applyResting(MarketState m, FillBuffer out) {
        for (int i = 0; i < out.size(); i++) {
            Working w = working.get(new OrderId(out.orderId(i)));
            if (w == null || !w.open() || !w.resting) {
                continue;
            }
            long q = m.book.fillResting(w.id(), out.lots(i), !out.through(i));
            if (m.book.restingLots(w.id()) == 0) {
                w.resting = false;
                m.resting.remove(w);
            }
            if (q > 0) {
                fill(w, out.priceTicks(i), q, dev.paperdesk.engine.model.Liquidity.MAKER);
            }
        }
    }

    private void releaseAtOpen(MarketState m) {
        if (m.waitingForOpen.isEmpty() || !ctx.hours(m.instrument).isOpen(ctx.now())) {
            return;
        }
        for (Working w : List.copyOf(m.waitingForOpen)) {
            m.waitingForOpen.remove(w);
            w.waitingForOpen = false;
            if (w.open()) {
                w.arrivalMid = m.mid();
                trade(w, limitTicks(w), false, "");
            }
        }
    }

    /** Restored limit orders join the queue once their market has data again. */
    private void restoreResting(MarketState m) {
        if (m.restoring.isEmpty()) {
            return;
        }
        Liquidity liquidity = m.liquidity();
        for (Working w : List.copyOf(m.restoring)) {
            m.restoring.remove(w);
            if (!w.open()) {
                continue;
            }
            long limit = limitTicks(w);
            long lots = m.lots(w.order.remainingQuantity().value());
            long threshold = m.models.queue().threshold().applyAsLong(liquidity.restingAt(w.buy(), limit));
            m.book.rest(w.id(), w.buy(), limit, lots, threshold, flags(w.order.request()));
            w.resting = true;
            m.resting.add(w);
        }
    }

    // ------------------------------------------------------------------------------------ bars

    /** A bar of imported history: market orders waiting for it fill at its open; other orders follow its path. */
    public void onBar(Bar bar) {
        MarketState m = market(bar.instrumentId());
        if (m == null) {
            return;
        }
        m.barsFeed = true;
        m.lastBar = bar;
        restoreResting(m);
        if (m.waitingForBar.isEmpty() && m.resting.isEmpty() && m.conditional.isEmpty() && waitingCombos.isEmpty()) {
            drain(); // nothing works on this market: most bars of a backtest
            return;
        }
        barOpen = bar.openTime();
        try {
            fillFromBar(m, bar);
        } finally {
            barOpen = null;
        }
        drain();
    }

    /** The work of {@link #onBar} on a market with orders: its fills are stamped with the bar's open. */
    private void fillFromBar(MarketState m, Bar bar) {
        IntrabarPath path =
                new IntrabarPath(m.ticks(bar.open()), m.ticks(bar.high()), m.ticks(bar.low()), m.ticks(bar.close()));
        BigDecimal openMid = bar.open();
        for (Working w : List.copyOf(m.waitingForBar)) {
            m.waitingForBar.remove(w);
            w.waitingForBar = false;
            if (!w.open()) {
                continue;
            }
            w.arrivalMid = openMid;
            long lots = lotsToTrade(w);
            double bps = m.models
                    .slippage()
                    .bps(new SlippageModel.Input(w.order.request().type(), lots, m.lots(bar.volume())), m.random);
            fill(
                    w,
                    slipped(path.open(), bps, w.buy(), limitTicks(w)),
                    lots,
                    dev.paperdesk.engine.model.Liquidity.TAKER);
        }
        retryCombosAtOpen(m);
        int through = m.fillModel() instanceof FillModel.Bars b ? b.throughTicks() : 0;
        record Hit(Working w, double distance, long price, boolean trigger) {}
        List<Hit> hits = new ArrayList<>();
        for (Working w : List.copyOf(m.resting)) {
            long limit = limitTicks(w);
            IntrabarPath.Hit h = w.buy() ? path.first(limit - through, false) : path.first(limit + through, true);
            if (h != null) {
                long price = h.distance() == 0
                        ? (w.buy() ? Math.min(path.open(), limit) : Math.max(path.open(), limit))
                        : limit;
                hits.add(new Hit(w, h.distance(), price, false));
            }
        }
        for (Working w : List.copyOf(m.conditional)) {
            OrderType t = w.order.request().type();
            IntrabarPath.Hit h;
            if (t.isTrailing()) {
                IntrabarPath.Trail trail = path.trailing(w.anchorTicks, a -> trailingStop(w, a), !w.buy());
                if (trail.anchor() != w.anchorTicks) {
                    moveTrail(w, trail.anchor());
                }
                h = trail.hit();
            } else if (t.isTakeProfit()) {
                h = path.first(w.stopTicks, !w.buy());
            } else {
                h = path.first(w.stopTicks, w.buy());
            }
            if (h != null) {
                hits.add(new Hit(w, h.distance(), h.price(), true));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::distance));
        long volume = Math.max(1, m.lots(bar.volume()));
        for (Hit h : hits) {
            Working w = h.w();
            if (!w.open()) {
                continue;
            }
            if (h.trigger()) {
                if (!w.conditional) {
                    continue;
                }
                w.conditional = false;
                m.conditional.remove(w);
                Instant now = stamp(w);
                Order next = w.order.transition(OrderStatus.TRIGGERED, now);
                w.order = next;
                ctx.report(
                        next,
                        new OrderEvent.Triggered(
                                next.id(), now, "bar of " + bar.openTime() + " reached " + m.price(h.price())));
                w.arrivalMid = m.px.toDecimal(h.price());
                long limit = limitTicks(w);
                boolean market = limit == Liquidity.MARKET_BUY || limit == Liquidity.MARKET_SELL;
                boolean marketable = market || (w.buy() ? h.price() <= limit : h.price() >= limit);
                if (marketable) {
                    long lots = lotsToTrade(w);
                    double bps = m.models
                            .slippage()
                            .bps(new SlippageModel.Input(w.order.request().type(), lots, volume), m.random);
                    fill(w, slipped(h.price(), bps, w.buy(), limit), lots, dev.paperdesk.engine.model.Liquidity.TAKER);
                } else {
                    long lots = m.lots(w.order.remainingQuantity().value());
                    m.book.rest(w.id(), w.buy(), limit, lots, Long.MAX_VALUE, flags(w.order.request()));
                    w.resting = true;
                    m.resting.add(w);
                }
            } else if (w.resting) {
                long q = m.book.fillResting(
                        w.id(), m.lots(w.order.remainingQuantity().value()), false);
                w.resting = m.book.isResting(w.id());
                if (!w.resting) {
                    m.resting.remove(w);
                }
                fill(w, h.price(), q, dev.paperdesk.engine.model.Liquidity.MAKER);
            }
        }
    }

    /**
     * When an execution of {@code w} happens: the engine's time, except while a bar of history is worked
     * through, where it is the bar's open — the bar in which the order filled, whether at its open or on
     * its path — and never before the order's own last event. A daily bar's fill is therefore dated the
     * day it traded, not the next one, and a chart's fill marker sits on its bar.
     */
    private Instant stamp(Working w) {
        Instant now = ctx.now();
        Instant open = barOpen;
        if (open == null) {
            return now;
        }
        Instant floor = w.order.updatedAt();
        Instant t = open.isBefore(floor) ? floor : open;
        return t.isAfter(now) ? now : t;
    }

    // ---------------------------------------------------------------------------- cancel, modify

    private void cancelArrived(Working w, String why) {
        if (!w.open()) {
            Instant now = ctx.now();
            ctx.report(
                    w.order,
                    new OrderEvent.AmendRejected(
                            w.order.id(),
                            now,
                            w.order.status(),
                            "cancel arrived too late: the order was already " + w.order.status()));
            return;
        }
        OrderLink link = w.order.link();
        if (link != null && link.kind() == OrderGroupKind.COMBO) {
            // A combo is one unit: cancelling a leg cancels them all.
            for (OrderId leg : groups.get(link.groupId()).members()) {
                Working c = working.get(leg);
                if (c != null && c.open()) {
                    cancelNow(c, why);
                }
            }
            return;
        }
        cancelNow(w, why);
    }

    private void modifyArrived(Working w, OrderRequest next) {
        Instant now = ctx.now();
        if (!w.open()) {
            ctx.report(
                    w.order,
                    new OrderEvent.AmendRejected(
                            w.order.id(),
                            now,
                            w.order.status(),
                            "modify arrived too late: the order was already " + w.order.status()));
            return;
        }
        if (next.quantity().compareTo(w.order.filledQuantity()) <= 0) {
            ctx.report(
                    w.order,
                    new OrderEvent.AmendRejected(
                            w.order.id(),
                            now,
                            w.order.status(),
                            "modify refused: the new quantity " + next.quantity() + " is not above the filled "
                                    + w.order.filledQuantity() + " (cancel instead)"));
            return;
        }
        MarketState m = w.market;
        Order before = w.order;
        Order amended = before.amend(next, now);
        String what = describeChange(before.request(), next);
        if (w.resting) {
            long limit = m.ticks(amended.effectiveLimit());
            Liquidity liquidity = m.liquidity();
            long lots = m.lots(amended.remainingQuantity().value());
            if (Liquidity.crosses(liquidity, w.buy(), limit)) {
                if (next.postOnly()) {
                    ctx.report(
                            before,
                            new OrderEvent.AmendRejected(
                                    before.id(),
                                    now,
                                    before.status(),
                                    "modify refused: post-only at " + m.price(limit) + " would take liquidity"));
                    return;
                }
                m.book.cancel(w.id());
                w.resting = false;
                m.resting.remove(w);
                w.order = amended;
                ctx.report(amended, new OrderEvent.Modified(amended.id(), now, amended.status(), what));
                trade(w, limit, false, "");
                return;
            }
            m.book.amend(w.id(), limit, lots, liquidity);
        }
        w.order = amended;
        if (w.conditional && !amended.request().type().isTrailing()) {
            w.stopTicks = m.ticks(amended.currentStop());
        }
        ctx.report(amended, new OrderEvent.Modified(amended.id(), now, amended.status(), what));
        if (w.conditional && m.kind() != DataKind.BARS) {
            evaluate(w, m.bidTicks, m.askTicks, NO_TRADE);
        }
    }

    private static String describeChange(OrderRequest a, OrderRequest b) {
        List<String> parts = new ArrayList<>();
        if (!a.quantity().equals(b.quantity())) {
            parts.add("quantity " + a.quantity() + " → " + b.quantity());
        }
        if (a.limitPrice() != null && b.limitPrice() != null && a.limitPrice().compareTo(b.limitPrice()) != 0) {
            parts.add("limit " + a.limitPrice() + " → " + b.limitPrice());
        }
        if (a.stopPrice() != null && b.stopPrice() != null && a.stopPrice().compareTo(b.stopPrice()) != 0) {
            parts.add("stop " + a.stopPrice() + " → " + b.stopPrice());
        }
        return parts.isEmpty() ? "modified (no change)" : "modified: " + String.join(", ", parts);
    }

    // ---------------------------------------------------------------------------------- combos

    private void comboArrived(OrderGroup g) {
        List<Working> legs = legs(g);
        if (legs.isEmpty() || legs.stream().anyMatch(w -> !w.open())) {
            return;
        }
        for (Working w : legs) {
            w.arrived = true;
            w.arrivalMid = w.market.mid();
        }
        tryCombo(g, true);
    }

    private List<Working> legs(OrderGroup g) {
        List<Working> out = new ArrayList<>();
        for (OrderId id : g.members()) {
            Working w = working.get(id);
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    private void retryCombos(InstrumentId changed) {
        if (waitingCombos.isEmpty()) {
            return;
        }
        for (OrderGroup g : List.copyOf(waitingCombos.values())) {
            boolean touches =
                    legs(g).stream().anyMatch(w -> w.market.instrument.id().equals(changed));
            if (touches) {
                tryCombo(g, false);
            }
        }
    }

    private void tryCombo(OrderGroup g, boolean fresh) {
        List<Working> legs = legs(g);
        if (legs.size() != g.members().size() || legs.stream().anyMatch(w -> !w.open())) {
            waitingCombos.remove(g.id());
            comboWaitingSince.remove(g.id());
            return;
        }
        TimeInForce tif = legs.get(0).order.request().timeInForce();
        Instant now = ctx.now();
        String problem = null;
        for (Working w : legs) {
            if (!ctx.hours(w.market.instrument).isOpen(now)) {
                problem = w.market.instrument.id() + " is closed";
                break;
            }
        }
        double[] bps = new double[legs.size()];
        BigDecimal net = BigDecimal.ZERO;
        if (problem == null) {
            for (int i = 0; i < legs.size(); i++) {
                Working w = legs.get(i);
                MarketState m = w.market;
                Liquidity liq = m.liquidity();
                long lots = m.lots(w.order.remainingQuantity().value());
                long limit = w.buy() ? Liquidity.MARKET_BUY : Liquidity.MARKET_SELL;
                long[] cost = new long[1];
                long available = liq.peek(w.buy(), limit, lots, (px, q) -> cost[0] += px * q);
                if (available < lots) {
                    problem = "only " + plain(m.qty.toDecimal(available)) + " of " + w.order.remainingQuantity() + " "
                            + m.instrument.id() + " available";
                    break;
                }
                bps[i] = m.models
                        .slippage()
                        .bps(new SlippageModel.Input(OrderType.MARKET, lots, liq.touchLots(w.buy())), m.random);
                BigDecimal avgTicks = BigDecimal.valueOf(cost[0]).divide(BigDecimal.valueOf(lots), Decimals.DIVISION);
                BigDecimal avg = avgTicks.multiply(m.px.unit())
                        .multiply(BigDecimal.ONE.add(BigDecimal.valueOf(
                                bps[i] / 10_000.0 * w.order.request().side().sign())));
                BigDecimal ratio = w.order
                        .request()
                        .quantity()
                        .value()
                        .divide(g.comboQuantity().value(), Decimals.DIVISION);
                net = net.add(avg.multiply(ratio)
                        .multiply(BigDecimal.valueOf(w.order.request().side().sign())));
            }
        }
        if (problem == null
                && g.netLimit() != null
                && net.compareTo(g.netLimit().value()) > 0) {
            problem = "net price "
                    + net.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                    + " is worse than the limit " + g.netLimit();
        }
        if (problem != null) {
            if (tif == TimeInForce.IOC || tif == TimeInForce.FOK) {
                waitingCombos.remove(g.id());
                comboWaitingSince.remove(g.id());
                for (Working w : legs) {
                    if (w.open() && w.order.status() == OrderStatus.NEW) {
                        reject(w, RejectReason.COMBO_NOT_FILLABLE, "combo not fillable in full now: " + problem);
                    } else if (w.open()) {
                        cancelNow(w, "combo not fillable in full now: " + problem);
                    }
                }
            } else if (fresh) {
                for (Working w : legs) {
                    accept(w, "combo waiting until every leg can fill in full (" + problem + ")");
                }
                waitingCombos.put(g.id(), g);
                comboWaitingSince.put(g.id(), now);
            }
            return;
        }
        waitingCombos.remove(g.id());
        comboWaitingSince.remove(g.id());
        for (Working w : legs) {
            accept(w, "combo: every leg fillable");
        }
        for (int i = 0; i < legs.size(); i++) {
            Working w = legs.get(i);
            MarketState m = w.market;
            long lots = m.lots(w.order.remainingQuantity().value());
            long limit = w.buy() ? Liquidity.MARKET_BUY : Liquidity.MARKET_SELL;
            List<long[]> levels = new ArrayList<>();
            m.liquidity().take(w.buy(), limit, lots, (px, q) -> levels.add(new long[] {px, q}));
            for (long[] lv : levels) {
                fill(w, slipped(lv[0], bps[i], w.buy(), limit), lv[1], dev.paperdesk.engine.model.Liquidity.TAKER);
            }
        }
    }

    /**
     * On bar data, a waiting combo trades at the opens of the first bars of one period, one per leg,
     * that opened after it started to wait (no look-ahead): each leg at its bar's open moved by the
     * slippage model, when the net price there respects the net limit; otherwise it keeps waiting.
     */
    private void retryCombosAtOpen(MarketState changed) {
        if (waitingCombos.isEmpty() || changed.lastBar == null) {
            return;
        }
        Instant period = changed.lastBar.openTime();
        for (OrderGroup g : List.copyOf(waitingCombos.values())) {
            List<Working> legs = legs(g);
            if (legs.size() != g.members().size()
                    || legs.stream().anyMatch(w -> !w.open())
                    || legs.stream().noneMatch(w -> w.market == changed)
                    || period.isBefore(comboWaitingSince.getOrDefault(g.id(), Instant.MIN))
                    || !legs.stream()
                            .allMatch(w -> w.market.lastBar != null
                                    && w.market.lastBar.openTime().equals(period))) {
                continue;
            }
            long[] prices = new long[legs.size()];
            long[] lots = new long[legs.size()];
            BigDecimal net = BigDecimal.ZERO;
            for (int i = 0; i < legs.size(); i++) {
                Working w = legs.get(i);
                MarketState m = w.market;
                lots[i] = m.lots(w.order.remainingQuantity().value());
                double bps = m.models
                        .slippage()
                        .bps(new SlippageModel.Input(OrderType.MARKET, lots[i], m.lots(m.lastBar.volume())), m.random);
                prices[i] = slipped(m.ticks(m.lastBar.open()), bps, w.buy(), limitTicks(w));
                BigDecimal ratio = w.order
                        .request()
                        .quantity()
                        .value()
                        .divide(g.comboQuantity().value(), Decimals.DIVISION);
                net = net.add(m.px.toDecimal(prices[i])
                        .multiply(ratio)
                        .multiply(BigDecimal.valueOf(w.order.request().side().sign())));
            }
            if (g.netLimit() != null && net.compareTo(g.netLimit().value()) > 0) {
                continue;
            }
            waitingCombos.remove(g.id());
            comboWaitingSince.remove(g.id());
            for (int i = 0; i < legs.size(); i++) {
                Working w = legs.get(i);
                w.arrivalMid = w.market.lastBar.open();
                fill(w, prices[i], lots[i], dev.paperdesk.engine.model.Liquidity.TAKER);
            }
        }
    }

    // --------------------------------------------------------------------------------- restore

    /** Restores open orders and their groups after a restart (queue positions restart at the back). */
    public void restore(Collection<Order> orders, Collection<OrderGroup> restoredGroups) {
        for (OrderGroup g : restoredGroups) {
            groups.put(g.id(), g);
        }
        for (Order o : orders) {
            if (!o.status().isOpen()) {
                continue;
            }
            MarketState m = market(o.request().instrumentId());
            if (m == null) {
                continue;
            }
            Working w = new Working(o, m);
            w.lastArrivalNanos = ctx.nowNanos();
            working.put(o.id(), w);
            m.working.add(w);
            OrderLink link = o.link();
            if (o.status() == OrderStatus.NEW) {
                boolean child =
                        link != null && (link.role() == OrderRole.TAKE_PROFIT || link.role() == OrderRole.STOP_LOSS);
                if (!child && (link == null || link.kind() != OrderGroupKind.COMBO)) {
                    ctx.schedule(ctx.nowNanos(), () -> {
                        arrive(w, "accepted by " + m.instrument.venue() + " after a restart");
                        drain();
                    });
                }
                continue;
            }
            w.arrived = true;
            if (o.expiresAt() != null) {
                scheduleExpiry(w, o.expiresAt());
            }
            OrderType t = o.request().type();
            if (link != null && link.kind() == OrderGroupKind.COMBO) {
                waitingCombos.put(link.groupId(), groups.get(link.groupId()));
            } else if (o.status() == OrderStatus.ACCEPTED && t.isConditional()) {
                startConditional(w);
            } else if (limitTicks(w) == Liquidity.MARKET_BUY || limitTicks(w) == Liquidity.MARKET_SELL) {
                w.waitingForOpen = true;
                m.waitingForOpen.add(w);
            } else {
                m.restoring.add(w);
            }
        }
        for (OrderGroup g : restoredGroups) {
            if (g.kind() == OrderGroupKind.COMBO
                    && legs(g).stream().anyMatch(w -> w.order.status() == OrderStatus.NEW)) {
                ctx.schedule(ctx.nowNanos(), () -> {
                    comboArrived(g);
                    drain();
                });
            }
        }
    }
}
