package dev.paperdesk.engine.execution.orders;

import dev.paperdesk.engine.clock.SimulatedClock;
import dev.paperdesk.engine.execution.models.ExecutionSettings;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.market.TradingHours;
import dev.paperdesk.engine.market.sim.OrderBook;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderGroup;
import dev.paperdesk.engine.model.OrderGroupKind;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderLink;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderRole;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.Timeframe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PaperVenue} on a simulated clock with a scripted market and a fake engine: positions
 * follow the fills, every report is recorded in order.
 */
final class VenueHarness {
    static final PortfolioId PID = new PortfolioId(1);
    static final Instant START = Instant.parse("2026-03-02T15:00:00Z");

    /** A crypto spot pair: 0.01 tick, 0.001 lot, trades around the clock. */
    static final Instrument COIN = new Instrument.CryptoSpot(
            new InstrumentId("COIN-USD", "test"),
            Currency.BTC,
            Currency.USD,
            new BigDecimal("0.01"),
            new BigDecimal("0.001"));
    /** An equity: 0.01 tick, 1 share lot. */
    static final Instrument STOCK = new Instrument.Equity(
            new InstrumentId("STK", "test"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "Tech");
    /** A perpetual, for reduce-only. */
    static final Instrument PERP = new Instrument.Perpetual(
            new InstrumentId("COIN-PERP", "test"),
            Currency.BTC,
            Currency.USD,
            new BigDecimal("0.1"),
            BigDecimal.ONE,
            BigDecimal.ONE,
            8);

    record Report(Order order, OrderEvent event) {}

    final SimulatedClock clock = new SimulatedClock(START);
    final EventLoop loop = new EventLoop(clock);
    final Map<String, BigDecimal> positions = new HashMap<>();
    final List<Report> reports = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    final Map<OrderId, Order> latest = new LinkedHashMap<>();
    final Map<InstrumentId, TradingHours> hours = new HashMap<>();
    final Map<InstrumentId, OrderBook> liveBooks = new HashMap<>();
    final PaperVenue venue;
    private long nextOrder = 1;
    private long nextFill = 1;
    private long nextGroup = 1;

    VenueHarness(ModelSet models) {
        this(ExecutionSettings.of(7, models), false);
    }

    VenueHarness(ExecutionSettings settings, boolean bars) {
        venue = new PaperVenue(new Ctx(), settings, List.of(COIN, STOCK, PERP), bars);
    }

    private final class Ctx implements VenueContext {
        @Override
        public long nowNanos() {
            return loop.nowNanos();
        }

        @Override
        public Instant now() {
            return clock.now();
        }

        @Override
        public void schedule(long atNanos, Runnable task) {
            loop.schedule(atNanos, task);
        }

        @Override
        public BigDecimal position(PortfolioId portfolio, InstrumentId instrument) {
            return positions.getOrDefault(portfolio + "|" + instrument, BigDecimal.ZERO);
        }

        @Override
        public void report(Order order, OrderEvent event) {
            reports.add(new Report(order, event));
            latest.put(order.id(), order);
            if (event instanceof OrderEvent.Filled f) {
                Fill fill = f.fill();
                fills.add(fill);
                positions.merge(
                        fill.portfolioId() + "|" + fill.instrumentId(),
                        fill.quantity()
                                .value()
                                .multiply(BigDecimal.valueOf(fill.side().sign())),
                        BigDecimal::add);
            }
        }

        @Override
        public void updated(Order order, String note) {
            latest.put(order.id(), order);
        }

        @Override
        public FillId nextFillId() {
            return new FillId(nextFill++);
        }

        @Override
        public TradingHours hours(Instrument instrument) {
            return hours.getOrDefault(instrument.id(), TradingHours.continuous());
        }

        @Override
        public Optional<OrderBook> liveBook(InstrumentId instrument) {
            return Optional.ofNullable(liveBooks.get(instrument));
        }
    }

    // ------------------------------------------------------------------ driving the market

    void advance(Duration d) {
        loop.runUntil(loop.nowNanos() + d.toNanos());
    }

    void quote(Instrument i, String bid, String ask, String size) {
        Quote q = new Quote(i.id(), clock.now(), Price.of(bid), Price.of(ask), Quantity.of(size), Quantity.of(size));
        loop.execute(() -> venue.onQuote(q));
        loop.runUntil(loop.nowNanos());
    }

    void book(Instrument i, List<BookLevel> bids, List<BookLevel> asks) {
        BookSnapshot b = new BookSnapshot(i.id(), clock.now(), bids, asks);
        loop.execute(() -> venue.onBook(b));
        loop.runUntil(loop.nowNanos());
    }

    static BookLevel level(String price, String size) {
        return new BookLevel(Price.of(price), Quantity.of(size));
    }

    void trade(Instrument i, String price, String size, Side aggressor) {
        TradePrint t = new TradePrint(i.id(), clock.now(), Price.of(price), Quantity.of(size), aggressor);
        loop.execute(() -> venue.onTrade(t));
        loop.runUntil(loop.nowNanos());
    }

    void bar(Instrument i, String open, String high, String low, String close, String volume) {
        Bar b = new Bar(
                i.id(),
                Timeframe.parse("1m"),
                clock.now().minusSeconds(60),
                new BigDecimal(open),
                new BigDecimal(high),
                new BigDecimal(low),
                new BigDecimal(close),
                new BigDecimal(volume));
        loop.execute(() -> venue.onBar(b));
        loop.runUntil(loop.nowNanos());
    }

    // ------------------------------------------------------------------ orders

    static OrderRequest.Builder order(Instrument i, Side side, String qty) {
        return OrderRequest.builder(PID, i.id(), side, Quantity.of(qty));
    }

    Order submit(OrderRequest r) {
        return place(List.of(r), null).get(0);
    }

    List<Order> oco(OrderRequest a, OrderRequest b) {
        return place(List.of(a, b), OrderGroupKind.OCO);
    }

    List<Order> bracket(OrderRequest entry, OrderRequest tp, OrderRequest sl) {
        return place(List.of(entry, tp, sl), OrderGroupKind.BRACKET);
    }

    List<Order> combo(List<OrderRequest> legs, Quantity units, Price netLimit) {
        return place(legs, OrderGroupKind.COMBO, units, netLimit);
    }

    List<Order> place(List<OrderRequest> requests, OrderGroupKind kind) {
        return place(requests, kind, null, null);
    }

    List<Order> place(List<OrderRequest> requests, OrderGroupKind kind, Quantity units, Price netLimit) {
        List<OrderId> ids = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ids.add(new OrderId(nextOrder++));
        }
        OrderGroup group = null;
        long gid = 0;
        if (kind != null) {
            gid = nextGroup++;
            group = new OrderGroup(gid, kind, ids, netLimit, units);
        }
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            OrderLink link = null;
            if (kind != null) {
                OrderRole role =
                        switch (kind) {
                            case OCO -> OrderRole.OCO_LEG;
                            case COMBO -> OrderRole.COMBO_LEG;
                            case BRACKET -> i == 0
                                    ? OrderRole.ENTRY
                                    : (i == 1 ? OrderRole.TAKE_PROFIT : OrderRole.STOP_LOSS);
                        };
                link = new OrderLink(gid, kind, role);
            }
            Order o = Order.create(ids.get(i), requests.get(i), clock.now(), link);
            latest.put(o.id(), o);
            orders.add(o);
        }
        OrderGroup g = group;
        loop.execute(() -> venue.place(orders, g));
        loop.runUntil(loop.nowNanos());
        return ids.stream().map(latest::get).toList();
    }

    void cancel(OrderId id) {
        loop.execute(() -> venue.cancel(id, "test cancel"));
        loop.runUntil(loop.nowNanos());
    }

    void modify(OrderId id, OrderRequest next) {
        loop.execute(() -> venue.modify(id, next));
        loop.runUntil(loop.nowNanos());
    }

    Order order(OrderId id) {
        return latest.get(id);
    }

    Order order(Order o) {
        return latest.get(o.id());
    }

    List<Fill> fillsOf(OrderId id) {
        return fills.stream().filter(f -> f.orderId().equals(id)).toList();
    }

    List<String> kinds(OrderId id) {
        return reports.stream()
                .filter(r -> r.order().id().equals(id))
                .map(r -> r.event().kind())
                .toList();
    }

    long venueTicks(Price p) {
        return p.value().movePointRight(2).longValueExact();
    }

    BigDecimal position(Instrument i) {
        return positions.getOrDefault(PID + "|" + i.id(), BigDecimal.ZERO);
    }
}
