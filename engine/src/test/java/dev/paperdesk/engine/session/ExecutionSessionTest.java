package dev.paperdesk.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.execution.models.DataKind;
import dev.paperdesk.engine.execution.models.ExecutionSettings;
import dev.paperdesk.engine.execution.models.LatencyModel;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.execution.orders.OrderEstimate;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderChange;
import dev.paperdesk.engine.model.OrderGroupKind;
import dev.paperdesk.engine.model.OrderPlacement;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderRole;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.model.TrailingOffset;
import dev.paperdesk.engine.store.JournalEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The execution feature through the session facade, on the simulated market and a real workspace file. */
class ExecutionSessionTest {
    private static final Instant START = Instant.parse("2026-03-02T15:00:00Z");
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT@binance");
    private static final InstrumentId STOCK = InstrumentId.parse("ORBZ@nasdaq");

    @TempDir
    Path dir;

    private static SessionConfig simulatedMarket(Path file) {
        return new SessionConfig(
                file,
                SimulatedMarket.defaultMarket(11, List.of("BTC-USDT@binance", "ORBZ@nasdaq")),
                StandardFeeModel.DEFAULT,
                START,
                true,
                SessionConfig.DEFAULT_STARTING_BALANCE);
    }

    private static Quote warmUp(TradingSession s) {
        s.advance(Duration.ofSeconds(3));
        return s.quote(BTC).orElseThrow();
    }

    private static PortfolioId pid(TradingSession s) {
        return s.portfolios().get(0).id();
    }

    @Test
    void marketOrdersWalkTheSimulatorsBookAndTwoInARowPayMoreThanOne() {
        try (TradingSession s = TradingSession.open(simulatedMarket(null))) {
            warmUp(s);
            assertThat(s.executionSettings()
                            .resolve(s.instrument(BTC).orElseThrow())
                            .slippage())
                    .isEqualTo(new SlippageModel.None());
            BigDecimal depth = s.book(BTC).orElseThrow().asks().stream()
                    .map(l -> l.size().value())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Quantity big = Quantity.of(depth.divide(BigDecimal.valueOf(3), 4, RoundingMode.DOWN));
            Order first = TradingSession.await(s.submit(OrderRequest.market(pid(s), BTC, Side.BUY, big)));
            Order second = TradingSession.await(s.submit(OrderRequest.market(pid(s), BTC, Side.BUY, big)));
            assertThat(first.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(s.fills().stream()
                            .filter(f -> f.orderId().equals(first.id()))
                            .count())
                    .as("one fill per level taken")
                    .isGreaterThan(1);
            assertThat(second.averageFillPrice()).isGreaterThan(first.averageFillPrice());
            assertThat(TradingSession.await(s.modelAssumptions()).resolvedFillModels())
                    .contains("BTC-USDT@binance: LIVE_BOOK → book-walk");
        }
    }

    @Test
    void aBracketPlacedThroughTheSessionActivatesItsChildrenWhoCanBeCancelledOneByOne() {
        try (TradingSession s = TradingSession.open(simulatedMarket(null))) {
            Quote q = warmUp(s);
            BigDecimal ask = q.ask().value();
            List<Order> b = TradingSession.await(s.place(OrderPlacement.Bracket.of(
                    OrderRequest.market(pid(s), BTC, Side.BUY, Quantity.of("0.01")),
                    new Price(ask.add(new BigDecimal("500")).setScale(2)),
                    new Price(ask.subtract(new BigDecimal("500")).setScale(2)))));
            assertThat(b)
                    .extracting(o -> o.link().role())
                    .containsExactly(OrderRole.ENTRY, OrderRole.TAKE_PROFIT, OrderRole.STOP_LOSS);
            assertThat(b.get(0).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(b.get(1).status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(b.get(2).status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(s.groups()).singleElement().satisfies(g -> assertThat(g.kind())
                    .isEqualTo(OrderGroupKind.BRACKET));
            Order cancelled = TradingSession.await(s.cancel(b.get(1).id()));
            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            Order stopLoss = s.orders().stream()
                    .filter(o -> o.id().equals(b.get(2).id()))
                    .findFirst()
                    .orElseThrow();
            assertThat(stopLoss.status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(s.journal(b.get(1).id()))
                    .extracting(JournalEntry::kind)
                    .containsExactly("CREATED", "ACCEPTED", "CANCELLED");
            assertThat(s.journal(b.get(1).id()).get(1).reason()).contains("activated: bracket entry");
        }
    }

    @Test
    void anInvalidGroupRejectsAllItsOrdersWithTheReason() {
        try (TradingSession s = TradingSession.open(simulatedMarket(null))) {
            Quote q = warmUp(s);
            OrderRequest entry = OrderRequest.market(pid(s), BTC, Side.BUY, Quantity.of("0.01"));
            List<Order> bad = TradingSession.await(s.place(OrderPlacement.Bracket.of(
                    entry,
                    new Price(q.bid().value().subtract(BigDecimal.TEN)),
                    new Price(q.ask().value().add(BigDecimal.TEN)))));
            assertThat(bad).allSatisfy(o -> {
                assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
                assertThat(o.rejection().reason()).isEqualTo(RejectReason.INVALID_GROUP);
                assertThat(o.rejection().message()).contains("must be above the stop-loss");
            });
            List<Order> oco = TradingSession.await(s.place(new OrderPlacement.Oco(
                    OrderRequest.limit(pid(s), BTC, Side.SELL, Quantity.of("0.01"), Price.of("1000000")),
                    OrderRequest.limit(pid(s), BTC, Side.SELL, Quantity.of("0.01"), Price.of("1.005")))));
            assertThat(oco.get(1).rejection().reason()).isEqualTo(RejectReason.INVALID_TICK);
            assertThat(oco.get(0).rejection().message())
                    .startsWith("rejected with " + oco.get(1).id());
        }
    }

    @Test
    void modifyCancelAllAndRefusedAmendmentsAreJournaled() {
        try (TradingSession s = TradingSession.open(simulatedMarket(null))) {
            Quote q = warmUp(s);
            Price far =
                    new Price(q.bid().value().subtract(new BigDecimal("1000")).setScale(2));
            Order a =
                    TradingSession.await(s.submit(OrderRequest.limit(pid(s), BTC, Side.BUY, Quantity.of("0.01"), far)));
            Order b =
                    TradingSession.await(s.submit(OrderRequest.limit(pid(s), BTC, Side.BUY, Quantity.of("0.02"), far)));
            Order modified = TradingSession.await(s.modify(
                    a.id(), new OrderChange(new Price(far.value().add(BigDecimal.ONE)), null, Quantity.of("0.03"))));
            assertThat(modified.request().quantity()).isEqualTo(Quantity.of("0.03"));
            assertThat(s.journal(a.id())).last().satisfies(j -> {
                assertThat(j.kind()).isEqualTo("MODIFIED");
                assertThat(j.reason()).contains("quantity 0.01 → 0.03").contains("limit");
            });
            Order refused = TradingSession.await(s.modify(a.id(), new OrderChange(null, Price.of("5"), null)));
            assertThat(refused).isEqualTo(modified);
            assertThat(s.journal(a.id())).last().satisfies(j -> {
                assertThat(j.kind()).isEqualTo("AMEND_REJECTED");
                assertThat(j.reason()).contains("no stop price");
            });
            List<Order> cancelled = TradingSession.await(s.cancelAll(pid(s), null));
            assertThat(cancelled).extracting(Order::id).containsExactly(a.id(), b.id());
            assertThat(cancelled).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED));
            TradingSession.await(s.cancel(a.id()));
            assertThat(s.journal(a.id())).last().satisfies(j -> assertThat(j.reason())
                    .contains("already CANCELLED"));
        }
    }

    @Test
    void theTicketEstimateShowsPriceFeesSlippageAndTheResultingPosition() {
        try (TradingSession s = TradingSession.open(simulatedMarket(null))) {
            Quote q = warmUp(s);
            OrderEstimate e = s.estimate(OrderRequest.market(pid(s), BTC, Side.BUY, Quantity.of("0.5")));
            assertThat(e.available()).isTrue();
            assertThat(e.takesLiquidity()).isTrue();
            assertThat(e.price()).isGreaterThanOrEqualTo(q.ask());
            assertThat(e.slippageVsMid()).isPositive();
            // binance spot taker 10 bps of notional.
            assertThat(e.fee().amount())
                    .isCloseTo(
                            e.notional().multiply(new BigDecimal("0.001")),
                            org.assertj.core.api.Assertions.within(new BigDecimal("0.0001")));
            assertThat(e.resultingPosition()).isEqualByComparingTo("0.5");
            OrderEstimate resting =
                    s.estimate(OrderRequest.limit(pid(s), BTC, Side.SELL, Quantity.of("0.5"), Price.of("1000000")));
            assertThat(resting.takesLiquidity()).isFalse();
            assertThat(resting.note()).contains("maker");
            assertThat(resting.resultingPosition()).isEqualByComparingTo("-0.5");
            assertThat(s.estimate(OrderRequest.market(pid(s), InstrumentId.parse("NOPE@x"), Side.BUY, Quantity.of(1)))
                            .available())
                    .isFalse();
        }
    }

    @Test
    void equityOrdersQueueOutsideTheSessionAndDayOrdersExpireAtTheClose() {
        try (TradingSession s = TradingSession.open(simulatedMarket(null))) {
            warmUp(s);
            Quote q = s.quote(STOCK).orElseThrow();
            Order day = TradingSession.await(s.submit(OrderRequest.builder(pid(s), STOCK, Side.BUY, Quantity.of(10))
                    .limit(new Price(q.bid().value().subtract(BigDecimal.TEN)))
                    .timeInForce(TimeInForce.DAY)
                    .build()));
            assertThat(day.status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(day.expiresAt()).isEqualTo(Instant.parse("2026-03-02T21:00:00Z"));
            s.advance(Duration.ofHours(6).plusMinutes(1));
            Order expired = s.orders().stream()
                    .filter(o -> o.id().equals(day.id()))
                    .findFirst()
                    .orElseThrow();
            assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
            Order ioc = TradingSession.await(s.submit(OrderRequest.market(pid(s), STOCK, Side.BUY, Quantity.of(10))));
            assertThat(ioc.rejection().reason()).isEqualTo(RejectReason.MARKET_CLOSED);
        }
    }

    @Test
    void workingOrdersWithTheirLinksTrailingStateAndSettingsSurviveARestart() {
        Path file = dir.resolve("exec.paperdesk");
        List<Order> bracket;
        Order trailing;
        ExecutionSettings custom;
        try (TradingSession s = TradingSession.open(simulatedMarket(file))) {
            Quote q = warmUp(s);
            bracket = TradingSession.await(s.place(OrderPlacement.Bracket.of(
                    OrderRequest.limit(
                            pid(s),
                            BTC,
                            Side.BUY,
                            Quantity.of("0.01"),
                            new Price(q.bid()
                                    .value()
                                    .subtract(new BigDecimal("2000"))
                                    .setScale(2))),
                    new Price(q.ask().value().add(new BigDecimal("2000")).setScale(2)),
                    new Price(q.bid().value().subtract(new BigDecimal("4000")).setScale(2)))));
            TradingSession.await(s.submit(OrderRequest.market(pid(s), BTC, Side.BUY, Quantity.of("0.02"))));
            trailing = TradingSession.await(s.submit(OrderRequest.builder(pid(s), BTC, Side.SELL, Quantity.of("0.02"))
                    .type(OrderType.TRAILING_STOP)
                    .trail(TrailingOffset.percent(new BigDecimal("5")))
                    .timeInForce(TimeInForce.GTC)
                    .build()));
            assertThat(trailing.trailAnchor()).isNotNull();
            custom = s.executionSettings()
                    .withDefaults(s.executionSettings().defaults().withLatency(new LatencyModel.Uniform(10, 20)));
            TradingSession.await(s.updateExecutionSettings(custom));
        }
        try (TradingSession again = TradingSession.open(simulatedMarket(file))) {
            assertThat(again.executionSettings().format()).isEqualTo(custom.format());
            assertThat(again.groups()).hasSize(1);
            Order entry = find(again, bracket.get(0));
            Order tp = find(again, bracket.get(1));
            assertThat(entry.status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(tp.status()).isEqualTo(OrderStatus.NEW);
            assertThat(tp.link()).isEqualTo(bracket.get(1).link());
            Order t = find(again, trailing);
            assertThat(t.trailAnchor()).isEqualTo(trailing.trailAnchor());
            assertThat(t.currentStop()).isEqualTo(trailing.currentStop());
            again.advance(Duration.ofSeconds(2));
            // The restored entry still works: move it to the market and the children activate.
            Quote q = again.quote(BTC).orElseThrow();
            TradingSession.await(again.modify(
                    entry.id(), new OrderChange(new Price(q.ask().value().add(BigDecimal.TEN)), null, null)));
            again.advance(Duration.ofMillis(300));
            assertThat(find(again, bracket.get(0)).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(find(again, bracket.get(1)).status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(find(again, bracket.get(2)).status()).isEqualTo(OrderStatus.ACCEPTED);
        }
    }

    @Test
    void theDataKindDecidesTheAutomaticFillModel() {
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(null, START, 3))) {
            assertThat(s.executionSettings().defaults().fill().spec()).isEqualTo("auto");
            assertThat(s.executionSettings().defaults().latency()).isEqualTo(new LatencyModel.Zero());
            assertThat(TradingSession.await(s.modelAssumptions()).resolvedFillModels())
                    .contains("ACME@sim: " + DataKind.QUOTES + " → touch");
        }
        SessionConfig paper = SessionConfig.paperTrading(null);
        assertThat(paper.execution().defaults()).isEqualTo(ModelSet.paperTrading());
    }

    private static Order find(TradingSession s, Order o) {
        return s.orders().stream()
                .filter(x -> x.id().equals(o.id()))
                .findFirst()
                .orElseThrow();
    }
}
