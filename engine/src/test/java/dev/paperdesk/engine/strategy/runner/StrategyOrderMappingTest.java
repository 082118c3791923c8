package dev.paperdesk.engine.strategy.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderGroupKind;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.JournalEntry;
import dev.paperdesk.engine.strategy.api.Offset;
import dev.paperdesk.engine.strategy.api.OrderTerms;
import dev.paperdesk.engine.strategy.api.ParameterValues;
import dev.paperdesk.engine.strategy.api.Strategy;
import dev.paperdesk.engine.strategy.api.StrategyContext;
import dev.paperdesk.engine.strategy.api.StrategyOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every strategy order type under every time in force and flag that applies to it, run through the
 * {@link StrategyRunner} against a real {@link TradingSession} on a simulated clock with
 * frictionless fills at scripted quotes: the engine must receive the same type, time in force and
 * flags, and the order must live the expected life (journal) and fill at the expected price.
 *
 * <p>The script (A's quotes; B stays at 50.00/50.02): 1 s 100.00/100.02 (the strategy sends its
 * order on this first quote), 2 s 101.00/101.02, 3 s 98.00/98.02, 4 s 102.00/102.02, 5 s
 * 100.00/100.02. The session starts ten seconds before midnight UTC, so DAY orders expire at 10 s.
 */
class StrategyOrderMappingTest {
    static final Instant START = Instant.parse("2026-03-02T23:59:50Z");
    static final InstrumentId A = InstrumentId.parse("AAA-USD-PERP@sim");
    static final InstrumentId B = InstrumentId.parse("BBB-USD-PERP@sim");
    static final Quantity TEN = Quantity.of(10);

    static Instrument perpetual(InstrumentId id) {
        return new Instrument.Perpetual(
                id,
                Currency.of(id.symbol().substring(0, 3)),
                Currency.USD,
                new BigDecimal("0.01"),
                BigDecimal.ONE,
                BigDecimal.ONE,
                8);
    }

    /** What one engine order must look like once the script has run. */
    record Expected(
            OrderType type,
            TimeInForce tif,
            String flags,
            OrderStatus status,
            List<String> journal,
            String filled,
            String price,
            RejectReason rejection) {}

    record Case(String name, Function<StrategyContext, StrategyOrder> order, List<Expected> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<String> FILLED_AT_ONCE = List.of("CREATED", "ACCEPTED", "FILLED");
    static final List<String> TRIGGERED_THEN_FILLED = List.of("CREATED", "ACCEPTED", "TRIGGERED", "FILLED");

    static Expected filled(OrderType type, TimeInForce tif, String flags, List<String> journal, String price) {
        return new Expected(type, tif, flags, OrderStatus.FILLED, journal, "10", price, null);
    }

    static Expected ended(OrderType type, TimeInForce tif, String flags, OrderStatus status, List<String> journal) {
        return new Expected(type, tif, flags, status, journal, "0", null, null);
    }

    static Expected rejected(OrderType type, TimeInForce tif, String flags, RejectReason why) {
        return new Expected(type, tif, flags, OrderStatus.REJECTED, List.of("CREATED", "REJECTED"), "0", null, why);
    }

    static Case single(String name, Function<StrategyContext, StrategyOrder> order, Expected expected) {
        return new Case(name, order, List.of(expected));
    }

    static Price p(String v) {
        return Price.of(v);
    }

    static OrderTerms gtd(StrategyContext c, int seconds) {
        return OrderTerms.goodTill(c.now().plusSeconds(seconds));
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Side buy = Side.BUY;
        // ---- market: fills at the ask under every time in force (the market never closes)
        for (TimeInForce tif : List.of(TimeInForce.IOC, TimeInForce.FOK, TimeInForce.DAY, TimeInForce.GTC)) {
            cases.add(single(
                    "market " + tif,
                    c -> new StrategyOrder.Market(A, buy, TEN, OrderTerms.of(tif), false, "m"),
                    filled(OrderType.MARKET, tif, "", FILLED_AT_ONCE, "100.02")));
        }
        cases.add(single(
                "market GTD",
                c -> new StrategyOrder.Market(A, buy, TEN, gtd(c, 60), false, "m"),
                filled(OrderType.MARKET, TimeInForce.GTD, "", FILLED_AT_ONCE, "100.02")));
        cases.add(single(
                "market reduce-only while flat",
                c -> new StrategyOrder.Market(A, Side.SELL, TEN, true, "m"),
                rejected(OrderType.MARKET, TimeInForce.IOC, "reduce-only", RejectReason.REDUCE_ONLY_WOULD_INCREASE)));
        // ---- limit: rests at 99 and fills at its limit when the ask goes through (3 s)
        List<String> rested = FILLED_AT_ONCE;
        cases.add(single(
                "limit GTC",
                c -> new StrategyOrder.Limit(A, buy, TEN, p("99.00"), OrderTerms.GTC, false, "l"),
                filled(OrderType.LIMIT, TimeInForce.GTC, "", rested, "99.00")));
        cases.add(single(
                "limit DAY fills before the close",
                c -> new StrategyOrder.Limit(A, buy, TEN, p("99.00"), OrderTerms.DAY, false, "l"),
                filled(OrderType.LIMIT, TimeInForce.DAY, "", rested, "99.00")));
        cases.add(single(
                "limit DAY expires at the close",
                c -> new StrategyOrder.Limit(A, buy, TEN, p("95.00"), OrderTerms.DAY, false, "l"),
                ended(
                        OrderType.LIMIT,
                        TimeInForce.DAY,
                        "",
                        OrderStatus.EXPIRED,
                        List.of("CREATED", "ACCEPTED", "EXPIRED"))));
        cases.add(single(
                "limit GTD expires at its time",
                c -> new StrategyOrder.Limit(A, buy, TEN, p("95.00"), gtd(c, 4), false, "l"),
                ended(
                        OrderType.LIMIT,
                        TimeInForce.GTD,
                        "",
                        OrderStatus.EXPIRED,
                        List.of("CREATED", "ACCEPTED", "EXPIRED"))));
        cases.add(single(
                "limit GTD fills before its time",
                c -> new StrategyOrder.Limit(A, buy, TEN, p("99.00"), gtd(c, 30), false, "l"),
                filled(OrderType.LIMIT, TimeInForce.GTD, "", rested, "99.00")));
        cases.add(single(
                "limit IOC not marketable",
                c -> new StrategyOrder.Limit(A, buy, TEN, p("99.00"), OrderTerms.IOC, false, "l"),
                ended(
                        OrderType.LIMIT,
                        TimeInForce.IOC,
                        "",
                        OrderStatus.CANCELLED,
                        List.of("CREATED", "ACCEPTED", "CANCELLED"))));
        cases.add(single(
                "limit IOC marketable",
                c -> new StrategyOrder.Limit(A, buy, TEN, p("101.00"), OrderTerms.IOC, false, "l"),
                filled(OrderType.LIMIT, TimeInForce.IOC, "", FILLED_AT_ONCE, "100.02")));
        cases.add(single(
                "limit FOK marketable",
                c -> new StrategyOrder.Limit(A, buy, TEN, p("101.00"), OrderTerms.FOK, false, "l"),
                filled(OrderType.LIMIT, TimeInForce.FOK, "", FILLED_AT_ONCE, "100.02")));
        cases.add(single(
                "limit FOK not fillable",
                c -> new StrategyOrder.Limit(A, buy, TEN, p("99.00"), OrderTerms.FOK, false, "l"),
                rejected(OrderType.LIMIT, TimeInForce.FOK, "", RejectReason.FOK_NOT_FILLABLE)));
        cases.add(single(
                "limit post-only",
                c -> new StrategyOrder.Limit(A, buy, TEN, p("99.00"), OrderTerms.GTC.withPostOnly(), false, "l"),
                filled(OrderType.LIMIT, TimeInForce.GTC, "post-only", rested, "99.00")));
        cases.add(single(
                "limit post-only would cross",
                c -> new StrategyOrder.Limit(A, buy, TEN, p("101.00"), OrderTerms.GTC.withPostOnly(), false, "l"),
                rejected(OrderType.LIMIT, TimeInForce.GTC, "post-only", RejectReason.POST_ONLY_WOULD_CROSS)));
        cases.add(single(
                "limit all-or-none",
                c -> new StrategyOrder.Limit(A, buy, TEN, p("99.00"), OrderTerms.DAY.withAllOrNone(), false, "l"),
                filled(OrderType.LIMIT, TimeInForce.DAY, "all-or-none", rested, "99.00")));
        cases.add(single(
                "limit FOK all-or-none",
                c -> new StrategyOrder.Limit(A, buy, TEN, p("101.00"), OrderTerms.FOK.withAllOrNone(), false, "l"),
                filled(OrderType.LIMIT, TimeInForce.FOK, "all-or-none", FILLED_AT_ONCE, "100.02")));
        // ---- stop at 101: triggers when the ask reaches it (2 s), then takes the ask
        for (TimeInForce tif : List.of(TimeInForce.GTC, TimeInForce.DAY)) {
            cases.add(single(
                    "stop " + tif,
                    c -> new StrategyOrder.Stop(A, buy, TEN, p("101.00"), OrderTerms.of(tif), false, "s"),
                    filled(OrderType.STOP, tif, "", TRIGGERED_THEN_FILLED, "101.02")));
        }
        cases.add(single(
                "stop GTD",
                c -> new StrategyOrder.Stop(A, buy, TEN, p("101.00"), gtd(c, 30), false, "s"),
                filled(OrderType.STOP, TimeInForce.GTD, "", TRIGGERED_THEN_FILLED, "101.02")));
        cases.add(single(
                "stop GTD expires untriggered",
                c -> new StrategyOrder.Stop(A, buy, TEN, p("110.00"), gtd(c, 6), false, "s"),
                ended(
                        OrderType.STOP,
                        TimeInForce.GTD,
                        "",
                        OrderStatus.EXPIRED,
                        List.of("CREATED", "ACCEPTED", "EXPIRED"))));
        cases.add(single(
                "stop-limit GTC",
                c -> new StrategyOrder.StopLimit(A, buy, TEN, p("101.00"), p("101.50"), OrderTerms.GTC, false, "sl"),
                filled(OrderType.STOP_LIMIT, TimeInForce.GTC, "", TRIGGERED_THEN_FILLED, "101.02")));
        cases.add(single(
                "stop-limit DAY post-only rests after the trigger",
                c -> new StrategyOrder.StopLimit(
                        A, buy, TEN, p("101.00"), p("100.50"), OrderTerms.DAY.withPostOnly(), false, "sl"),
                filled(OrderType.STOP_LIMIT, TimeInForce.DAY, "post-only", TRIGGERED_THEN_FILLED, "100.50")));
        // ---- take-profit at 99: a buy triggers when the ask falls to it (3 s)
        for (TimeInForce tif : List.of(TimeInForce.GTC, TimeInForce.DAY)) {
            cases.add(single(
                    "take-profit " + tif,
                    c -> new StrategyOrder.TakeProfit(A, buy, TEN, p("99.00"), OrderTerms.of(tif), false, "tp"),
                    filled(OrderType.TAKE_PROFIT, tif, "", TRIGGERED_THEN_FILLED, "98.02")));
        }
        cases.add(single(
                "take-profit GTD",
                c -> new StrategyOrder.TakeProfit(A, buy, TEN, p("99.00"), gtd(c, 30), false, "tp"),
                filled(OrderType.TAKE_PROFIT, TimeInForce.GTD, "", TRIGGERED_THEN_FILLED, "98.02")));
        cases.add(single(
                "take-profit limit GTC",
                c -> new StrategyOrder.TakeProfitLimit(
                        A, buy, TEN, p("99.00"), p("98.50"), OrderTerms.GTC, false, "tpl"),
                filled(OrderType.TAKE_PROFIT_LIMIT, TimeInForce.GTC, "", TRIGGERED_THEN_FILLED, "98.02")));
        cases.add(single(
                "take-profit limit DAY all-or-none",
                c -> new StrategyOrder.TakeProfitLimit(
                        A, buy, TEN, p("99.00"), p("98.50"), OrderTerms.DAY.withAllOrNone(), false, "tpl"),
                filled(OrderType.TAKE_PROFIT_LIMIT, TimeInForce.DAY, "all-or-none", TRIGGERED_THEN_FILLED, "98.02")));
        cases.add(single(
                "take-profit limit GTD expires untriggered",
                c -> new StrategyOrder.TakeProfitLimit(A, buy, TEN, p("90.00"), p("90.00"), gtd(c, 6), false, "tpl"),
                ended(
                        OrderType.TAKE_PROFIT_LIMIT,
                        TimeInForce.GTD,
                        "",
                        OrderStatus.EXPIRED,
                        List.of("CREATED", "ACCEPTED", "EXPIRED"))));
        // ---- trailing: 1.00 above the lowest ask (100.02) triggers at 101.02 (2 s); 1 % only at 4 s
        cases.add(single(
                "trailing stop amount GTC",
                c -> new StrategyOrder.TrailingStop(
                        A, buy, TEN, new Offset.Points(new BigDecimal("1.00")), OrderTerms.GTC, false, "ts"),
                filled(OrderType.TRAILING_STOP, TimeInForce.GTC, "", TRIGGERED_THEN_FILLED, "101.02")));
        cases.add(single(
                "trailing stop percent DAY",
                c -> new StrategyOrder.TrailingStop(
                        A, buy, TEN, new Offset.Percent(BigDecimal.ONE), OrderTerms.DAY, false, "ts"),
                filled(OrderType.TRAILING_STOP, TimeInForce.DAY, "", TRIGGERED_THEN_FILLED, "102.02")));
        cases.add(single(
                "trailing stop DAY expires untriggered",
                c -> new StrategyOrder.TrailingStop(
                        A, buy, TEN, new Offset.Points(new BigDecimal("5.00")), OrderTerms.DAY, false, "ts"),
                ended(
                        OrderType.TRAILING_STOP,
                        TimeInForce.DAY,
                        "",
                        OrderStatus.EXPIRED,
                        List.of("CREATED", "ACCEPTED", "EXPIRED"))));
        cases.add(single(
                "trailing stop limit GTC",
                c -> new StrategyOrder.TrailingStopLimit(
                        A,
                        buy,
                        TEN,
                        new Offset.Points(new BigDecimal("1.00")),
                        p("0.50"),
                        OrderTerms.GTC,
                        false,
                        "tsl"),
                filled(OrderType.TRAILING_STOP_LIMIT, TimeInForce.GTC, "", TRIGGERED_THEN_FILLED, "101.02")));
        cases.add(single(
                "trailing stop limit GTD",
                c -> new StrategyOrder.TrailingStopLimit(
                        A, buy, TEN, new Offset.Percent(BigDecimal.ONE), p("0.00"), gtd(c, 15), false, "tsl"),
                // triggers at 4 s at its stop 99.01 (1 % above the low ask 98.02, rounded up to the
                // tick); its limit, the stop itself, is below every later ask: it rests until expiry
                new Expected(
                        OrderType.TRAILING_STOP_LIMIT,
                        TimeInForce.GTD,
                        "",
                        OrderStatus.EXPIRED,
                        List.of("CREATED", "ACCEPTED", "TRIGGERED", "EXPIRED"),
                        "0",
                        null,
                        null)));
        // ---- OCO: a buy limit at 99 and a buy stop at 101.50; the limit executes first (3 s)
        cases.add(new Case(
                "OCO limit and stop",
                c -> new StrategyOrder.Oco(
                        new StrategyOrder.Limit(A, buy, TEN, p("99.00"), OrderTerms.GTC, false, "oco"),
                        new StrategyOrder.Stop(A, buy, TEN, p("101.50"), OrderTerms.DAY, false, "oco")),
                List.of(
                        filled(OrderType.LIMIT, TimeInForce.GTC, "", rested, "99.00"),
                        ended(
                                OrderType.STOP,
                                TimeInForce.DAY,
                                "",
                                OrderStatus.CANCELLED,
                                List.of("CREATED", "ACCEPTED", "CANCELLED")))));
        cases.add(new Case(
                "OCO take-profit and trailing stop",
                c -> new StrategyOrder.Oco(
                        new StrategyOrder.TakeProfit(A, buy, TEN, p("97.00"), OrderTerms.GTC, false, "oco"),
                        new StrategyOrder.TrailingStop(
                                A, buy, TEN, new Offset.Points(new BigDecimal("1.00")), OrderTerms.GTC, false, "oco")),
                List.of(
                        ended(
                                OrderType.TAKE_PROFIT,
                                TimeInForce.GTC,
                                "",
                                OrderStatus.CANCELLED,
                                List.of("CREATED", "ACCEPTED", "CANCELLED")),
                        filled(OrderType.TRAILING_STOP, TimeInForce.GTC, "", TRIGGERED_THEN_FILLED, "101.02"))));
        // ---- combos: buy 1 A, sell 2 B per unit, 10 units
        for (TimeInForce tif : List.of(TimeInForce.IOC, TimeInForce.FOK)) {
            cases.add(new Case(
                    "combo " + tif,
                    c -> new StrategyOrder.Combo(
                            List.of(new StrategyOrder.Leg(A, buy, 1), new StrategyOrder.Leg(B, Side.SELL, 2)),
                            TEN,
                            null,
                            tif,
                            "spread"),
                    List.of(
                            filled(OrderType.MARKET, tif, "", FILLED_AT_ONCE, "100.02"),
                            new Expected(
                                    OrderType.MARKET,
                                    tif,
                                    "",
                                    OrderStatus.FILLED,
                                    FILLED_AT_ONCE,
                                    "20",
                                    "50.00",
                                    null))));
        }
        // net per unit 100.02 − 2 × 50.00 = 0.02 at first: above the 0.00 limit until the ask is 98.02
        for (TimeInForce tif : List.of(TimeInForce.GTC, TimeInForce.DAY)) {
            cases.add(new Case(
                    "combo " + tif + " waits for its net limit",
                    c -> new StrategyOrder.Combo(
                            List.of(new StrategyOrder.Leg(A, buy, 1), new StrategyOrder.Leg(B, Side.SELL, 2)),
                            TEN,
                            p("0.00"),
                            tif,
                            "spread"),
                    List.of(
                            filled(OrderType.MARKET, tif, "", FILLED_AT_ONCE, "98.02"),
                            new Expected(
                                    OrderType.MARKET,
                                    tif,
                                    "",
                                    OrderStatus.FILLED,
                                    FILLED_AT_ONCE,
                                    "20",
                                    "50.00",
                                    null))));
        }
        return cases.stream();
    }

    /** Sends the case's order on the first quote of A, once. */
    static final class OneOrder implements Strategy {
        private final Function<StrategyContext, StrategyOrder> order;
        private StrategyContext ctx;
        final List<Fill> fills = new ArrayList<>();
        StrategyOrder sent;

        OneOrder(Function<StrategyContext, StrategyOrder> order) {
            this.order = order;
        }

        @Override
        public String name() {
            return "one order";
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            context.subscribeQuotes(A);
        }

        @Override
        public void onQuote(Quote quote) {
            if (sent == null) {
                sent = order.apply(ctx);
                ctx.submit(sent);
            }
        }

        @Override
        public void onFill(Fill fill) {
            fills.add(fill);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theEngineReceivesAndExecutesWhatTheStrategyAskedFor(Case c) {
        StrategyRunner runner = new StrategyRunner();
        QuoteScriptFeed feed = new QuoteScriptFeed(List.of(perpetual(A), perpetual(B)))
                .quote(1, B, "50.00", "50.02")
                .quote(1, A, "100.00", "100.02")
                .quote(2, A, "101.00", "101.02")
                .quote(3, A, "98.00", "98.02")
                .quote(4, A, "102.00", "102.02")
                .quote(5, A, "100.00", "100.02");
        SessionConfig config = new SessionConfig(
                        null,
                        runner.wrap(feed),
                        StandardFeeModel.DEFAULT,
                        START,
                        false,
                        SessionConfig.DEFAULT_STARTING_BALANCE)
                .withFrictionlessFills();
        try (TradingSession session = TradingSession.open(config)) {
            PortfolioId portfolio = TradingSession.await(session.createPortfolio(
                            "strategy", "", Currency.USD, new BigDecimal("1000000"), CostBasisMethod.FIFO))
                    .id();
            OneOrder strategy = new OneOrder(c.order());
            long id = runner.start(strategy, ParameterValues.empty(), portfolio);
            session.advance(Duration.ofSeconds(20));

            assertThat(runner.status(id).orElseThrow().state()).isEqualTo(StrategyState.RUNNING);
            List<Order> orders = session.orders();
            assertThat(orders).hasSameSizeAs(c.expected());
            OrderGroupKind group =
                    switch (strategy.sent) {
                        case StrategyOrder.Oco o -> OrderGroupKind.OCO;
                        case StrategyOrder.Combo o -> OrderGroupKind.COMBO;
                        default -> null;
                    };
            assertThat(orders).allSatisfy(o -> assertThat(
                            o.link() == null ? null : o.link().kind())
                    .as(c.name() + " group")
                    .isEqualTo(group));
            for (int i = 0; i < orders.size(); i++) {
                Order o = orders.get(i);
                Expected e = c.expected().get(i);
                String what = c.name() + " order " + (i + 1);
                assertThat(o.request().portfolioId()).as(what).isEqualTo(portfolio);
                assertThat(o.request().type()).as(what + " type").isEqualTo(e.type());
                assertThat(o.request().timeInForce())
                        .as(what + " time in force")
                        .isEqualTo(e.tif());
                assertThat(flags(o)).as(what + " flags").isEqualTo(e.flags());
                assertThat(o.request().tag()).as(what + " tag").isEqualTo(strategy.sent.tag());
                assertThat(o.status())
                        .as(what + " status (" + o.rejection() + ")")
                        .isEqualTo(e.status());
                assertThat(session.journal(o.id()))
                        .as(what + " journal")
                        .extracting(JournalEntry::kind)
                        .containsExactlyElementsOf(e.journal());
                assertThat(o.filledQuantity().value()).as(what + " filled").isEqualByComparingTo(e.filled());
                if (e.price() != null) {
                    assertThat(o.averageFillPrice().value()).as(what + " price").isEqualByComparingTo(e.price());
                }
                if (e.rejection() != null) {
                    assertThat(o.rejection().reason()).as(what + " rejection").isEqualTo(e.rejection());
                }
                if (o.request().timeInForce() == TimeInForce.GTD) {
                    assertThat(o.request().expireAt()).as(what + " expiry").isAfter(START);
                }
            }
            // the strategy heard of every fill the engine booked for it
            assertThat(strategy.fills).hasSameSizeAs(session.fills());
            assertThat(session.fills())
                    .allSatisfy(f -> assertThat(f.portfolioId()).isEqualTo(portfolio));
        }
    }

    private static String flags(Order o) {
        List<String> f = new ArrayList<>();
        if (o.request().postOnly()) {
            f.add("post-only");
        }
        if (o.request().allOrNone()) {
            f.add("all-or-none");
        }
        if (o.request().reduceOnly()) {
            f.add("reduce-only");
        }
        return String.join(" ", f);
    }
}
