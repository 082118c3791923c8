package dev.paperdesk.engine.execution.orders;

import static dev.paperdesk.engine.execution.orders.VenueHarness.COIN;
import static dev.paperdesk.engine.execution.orders.VenueHarness.PERP;
import static dev.paperdesk.engine.execution.orders.VenueHarness.STOCK;
import static dev.paperdesk.engine.execution.orders.VenueHarness.level;
import static dev.paperdesk.engine.execution.orders.VenueHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.models.FillModel;
import dev.paperdesk.engine.execution.models.LatencyModel;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.execution.models.QueueModel;
import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.market.HolidayCalendar;
import dev.paperdesk.engine.market.TradingHours;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.model.TrailingOffset;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PaperVenueTest {
    static final ModelSet BOOK_WALK = new ModelSet(
            new FillModel.BookWalk(),
            new SlippageModel.None(),
            new LatencyModel.Zero(),
            FeeModel.NONE,
            QueueModel.QueuePosition.DEFAULT);
    static final ModelSet TOUCH =
            BOOK_WALK.withFill(new FillModel.Touch()).withSlippage(SlippageModel.SizeVsDepth.DEFAULT);

    /** A book around 100: asks 100.01 (2), 100.02 (3), 100.05 (5); bids 99.99 (2), 99.98 (10). */
    static VenueHarness withBook(ModelSet models) {
        VenueHarness h = new VenueHarness(models);
        h.quote(COIN, "99.99", "100.01", "2");
        h.book(
                COIN,
                List.of(level("99.99", "2"), level("99.98", "10")),
                List.of(level("100.01", "2"), level("100.02", "3"), level("100.05", "5")));
        return h;
    }

    @Nested
    class BookWalk {
        @Test
        void aMarketOrderTakesLevelByLevelWithOneFillPerLevel() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(order(COIN, Side.BUY, "4").build());
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.fillsOf(o.id()))
                    .extracting(f -> f.price().toString() + "x" + f.quantity())
                    .containsExactly("100.01x2", "100.02x2");
            assertThat(h.fillsOf(o.id())).allMatch(f -> f.liquidity() == Liquidity.TAKER);
            // Average 100.015 against the arrival mid 100.00.
            assertThat(h.order(o).averageFillPrice().value()).isEqualByComparingTo("100.015");
            assertThat(h.fillsOf(o.id()).get(1).slippage()).isEqualByComparingTo("0.02");
            assertThat(h.kinds(o.id())).containsExactly("ACCEPTED", "FILLED", "FILLED");
        }

        @Test
        void twoLargeOrdersInARowSeeWorsePricesThanOneBecauseTakenLiquidityRefillsSlowly() {
            VenueHarness h = withBook(BOOK_WALK);
            Order first = h.submit(order(COIN, Side.BUY, "3").build());
            Order second = h.submit(order(COIN, Side.BUY, "3").build());
            assertThat(h.order(second).averageFillPrice())
                    .isGreaterThan(h.order(first).averageFillPrice());
            // After several half-lives the book is back to its published depth.
            h.advance(Duration.ofSeconds(30));
            h.book(
                    COIN,
                    List.of(level("99.99", "2")),
                    List.of(level("100.01", "2"), level("100.02", "3"), level("100.05", "5")));
            Order later = h.submit(order(COIN, Side.BUY, "3").build());
            assertThat(h.order(later).averageFillPrice())
                    .isEqualTo(h.order(first).averageFillPrice());
        }

        @Test
        void aMarketOrderLargerThanTheBookFillsWhatThereIsAndCancelsTheRest() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(order(COIN, Side.BUY, "12").build());
            Order after = h.order(o);
            assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(after.filledQuantity()).hasToString("10");
            assertThat(h.reports.get(h.reports.size() - 1).event().reason()).contains("no more liquidity");
        }

        @Test
        void aMarketableLimitTakesUpToItsLimitAndRestsTheRest() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(
                    order(COIN, Side.BUY, "4").limit(Price.of("100.01")).build());
            assertThat(h.fillsOf(o.id())).singleElement().satisfies(f -> {
                assertThat(f.price()).isEqualTo(Price.of("100.01"));
                assertThat(f.quantity()).hasToString("2");
            });
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        }
    }

    @Nested
    class Touch {
        @Test
        void fillsInFullAtTheTouchPlusSizeAgainstDepthSlippage() {
            VenueHarness h = new VenueHarness(TOUCH);
            h.quote(COIN, "99.99", "100.01", "2");
            // size 4 vs depth 2: 2 + 2 × 3 = 8 bps, capped at 5 bps = 0.05 on 100.01 → 5 ticks.
            Order o = h.submit(order(COIN, Side.BUY, "4").build());
            assertThat(h.fillsOf(o.id())).singleElement().satisfies(f -> {
                assertThat(f.price()).isEqualTo(Price.of("100.06"));
                assertThat(f.slippage()).isEqualByComparingTo("0.06");
            });
            // A small order pays the base 2 bps plus 0.001/2 × 3 bps → 2 ticks.
            Order small = h.submit(order(COIN, Side.SELL, "0.001").build());
            assertThat(h.fillsOf(small.id()).get(0).price()).isEqualTo(Price.of("99.97"));
        }

        @Test
        void slippageNeverPushesALimitOrderPastItsLimit() {
            VenueHarness h = new VenueHarness(TOUCH);
            h.quote(COIN, "99.99", "100.01", "2");
            Order o = h.submit(
                    order(COIN, Side.BUY, "4").limit(Price.of("100.03")).build());
            assertThat(h.fillsOf(o.id()))
                    .singleElement()
                    .extracting(Fill::price)
                    .isEqualTo(Price.of("100.03"));
        }
    }

    @Nested
    class RestingLimits {
        @Test
        void aRestingBuyFillsOnceTradedVolumeAtItsPriceExceedsTwentyPercentOfTheDepthItFound() {
            VenueHarness h = withBook(BOOK_WALK);
            // Joins 10 lots at 99.98: its turn comes after 2 lots (20 %) have traded there.
            Order o =
                    h.submit(order(COIN, Side.BUY, "3").limit(Price.of("99.98")).build());
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.ACCEPTED);
            h.trade(COIN, "99.98", "1.5", Side.SELL);
            assertThat(h.fillsOf(o.id())).isEmpty();
            h.trade(COIN, "99.98", "1", Side.SELL);
            assertThat(h.fillsOf(o.id())).singleElement().satisfies(f -> {
                assertThat(f.quantity()).hasToString("0.5");
                assertThat(f.price()).isEqualTo(Price.of("99.98"));
                assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
            });
            // Buyer-initiated prints do not reach a resting bid.
            h.trade(COIN, "99.98", "5", Side.BUY);
            assertThat(h.fillsOf(o.id())).hasSize(1);
            // A print through its price fills the rest at its limit.
            h.trade(COIN, "99.97", "0.1", Side.SELL);
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.fillsOf(o.id())).last().satisfies(f -> {
                assertThat(f.quantity()).hasToString("2.5");
                assertThat(f.price()).isEqualTo(Price.of("99.98"));
            });
        }

        @Test
        void aQuoteThroughTheLimitFillsTheRestingOrder() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(
                    order(COIN, Side.SELL, "1").limit(Price.of("100.10")).build());
            h.quote(COIN, "100.10", "100.12", "1");
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.ACCEPTED);
            h.quote(COIN, "100.11", "100.13", "1");
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.fillsOf(o.id()).get(0).price()).isEqualTo(Price.of("100.10"));
        }

        @Test
        void theTradeThroughQueueModelIgnoresVolumeAtThePrice() {
            VenueHarness h = withBook(BOOK_WALK.withQueue(new QueueModel.TradeThrough()));
            Order o =
                    h.submit(order(COIN, Side.BUY, "1").limit(Price.of("99.98")).build());
            h.trade(COIN, "99.98", "100", Side.SELL);
            assertThat(h.fillsOf(o.id())).isEmpty();
            h.trade(COIN, "99.97", "0.001", Side.SELL);
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.FILLED);
        }

        @Test
        void allOrNoneWaitsUntilItsWholeQuantityCanFill() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(order(COIN, Side.BUY, "3")
                    .limit(Price.of("99.98"))
                    .allOrNone(true)
                    .build());
            h.trade(COIN, "99.98", "4", Side.SELL); // 4 - 2 = 2 available, not 3
            assertThat(h.fillsOf(o.id())).isEmpty();
            h.trade(COIN, "99.98", "1", Side.SELL);
            assertThat(h.fillsOf(o.id()))
                    .singleElement()
                    .extracting(Fill::quantity)
                    .hasToString("3");
        }
    }

    @Nested
    class Flags {
        @Test
        void postOnlyThatWouldCrossIsRejectedWithTheReason() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(order(COIN, Side.BUY, "1")
                    .limit(Price.of("100.02"))
                    .postOnly(true)
                    .build());
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(h.order(o).rejection().reason()).isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS);
            assertThat(h.order(o).rejection().message()).contains("100.02").contains("ask at 100.01");
        }

        @Test
        void fillOrKillFillsCompletelyOrIsRejected() {
            VenueHarness h = withBook(BOOK_WALK);
            Order no = h.submit(order(COIN, Side.BUY, "6")
                    .limit(Price.of("100.02"))
                    .timeInForce(TimeInForce.FOK)
                    .build());
            assertThat(h.order(no).rejection().reason()).isEqualTo(RejectReason.FOK_NOT_FILLABLE);
            assertThat(h.order(no).rejection().message()).contains("only 5 of 6");
            assertThat(h.fills).isEmpty();
            Order yes = h.submit(order(COIN, Side.BUY, "5")
                    .limit(Price.of("100.02"))
                    .timeInForce(TimeInForce.FOK)
                    .build());
            assertThat(h.order(yes).status()).isEqualTo(OrderStatus.FILLED);
        }

        @Test
        void immediateOrCancelNeverRests() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(order(COIN, Side.BUY, "4")
                    .limit(Price.of("100.01"))
                    .timeInForce(TimeInForce.IOC)
                    .build());
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(h.order(o).filledQuantity()).hasToString("2");
            assertThat(h.venue.openOrders()).isEmpty();
        }

        @Test
        void reduceOnlyIsRejectedWhenItWouldIncreaseAndCappedAtThePosition() {
            VenueHarness h = new VenueHarness(BOOK_WALK);
            h.quote(PERP, "99.9", "100.1", "50");
            Order opening =
                    h.submit(order(PERP, Side.SELL, "1").reduceOnly(true).build());
            assertThat(h.order(opening).rejection().reason()).isEqualTo(RejectReason.REDUCE_ONLY_WOULD_INCREASE);
            h.submit(order(PERP, Side.BUY, "3").build());
            Order reduce = h.submit(order(PERP, Side.SELL, "5").reduceOnly(true).build());
            assertThat(h.order(reduce).filledQuantity()).hasToString("3");
            assertThat(h.order(reduce).status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(h.position(PERP)).isZero();
        }
    }

    @Nested
    class Conditional {
        @Test
        void aStopTriggersWhenTheAskReachesItAndThenTradesAtMarket() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(order(COIN, Side.BUY, "1")
                    .type(OrderType.STOP)
                    .stop(Price.of("100.50"))
                    .timeInForce(TimeInForce.GTC)
                    .build());
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.ACCEPTED);
            h.quote(COIN, "100.40", "100.49", "5");
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.ACCEPTED);
            h.quote(COIN, "100.48", "100.50", "5");
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.kinds(o.id())).containsExactly("ACCEPTED", "TRIGGERED", "FILLED");
            assertThat(h.reports.stream()
                            .filter(r -> r.event().kind().equals("TRIGGERED"))
                            .findFirst()
                            .orElseThrow()
                            .event()
                            .reason())
                    .contains("stop 100.5 reached: ask 100.5");
        }

        @Test
        void aStopLimitRestsAtItsLimitOnceTriggered() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(order(COIN, Side.SELL, "1")
                    .type(OrderType.STOP_LIMIT)
                    .stop(Price.of("99.50"))
                    .limitPrice(Price.of("99.48"))
                    .timeInForce(TimeInForce.GTC)
                    .build());
            h.quote(COIN, "99.45", "99.47", "1");
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.TRIGGERED);
            assertThat(h.fillsOf(o.id())).isEmpty();
            h.quote(COIN, "99.49", "99.51", "1");
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.fillsOf(o.id()).get(0).price()).isEqualTo(Price.of("99.48"));
            assertThat(h.fillsOf(o.id()).get(0).liquidity()).isEqualTo(Liquidity.MAKER);
        }

        @Test
        void aTakeProfitTriggersWhenThePriceMovesInTheTradersFavour() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(order(COIN, Side.SELL, "1")
                    .type(OrderType.TAKE_PROFIT)
                    .stop(Price.of("101.00"))
                    .timeInForce(TimeInForce.GTC)
                    .build());
            h.quote(COIN, "99.00", "99.02", "1");
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.ACCEPTED);
            h.quote(COIN, "101.00", "101.02", "1");
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.fillsOf(o.id()).get(0).price()).isEqualTo(Price.of("101.00"));
        }

        @Test
        void aTrailingStopFollowsTheBidUpAndTriggersOnTheWayDown() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(order(COIN, Side.SELL, "1")
                    .type(OrderType.TRAILING_STOP)
                    .trail(TrailingOffset.amount(new BigDecimal("0.50")))
                    .timeInForce(TimeInForce.GTC)
                    .build());
            assertThat(h.order(o).currentStop()).isEqualTo(Price.of("99.49"));
            h.quote(COIN, "101.00", "101.02", "1");
            assertThat(h.order(o).currentStop()).isEqualTo(Price.of("100.50"));
            assertThat(h.order(o).trailAnchor()).isEqualTo(Price.of("101.00"));
            h.quote(COIN, "100.60", "100.62", "1");
            assertThat(h.order(o).currentStop()).isEqualTo(Price.of("100.50"));
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.ACCEPTED);
            h.quote(COIN, "100.50", "100.52", "1");
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.FILLED);
        }

        @Test
        void aPercentTrailingStopLimitPlacesItsLimitBeyondTheStop() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(order(COIN, Side.BUY, "1")
                    .type(OrderType.TRAILING_STOP_LIMIT)
                    .trail(TrailingOffset.percent(new BigDecimal("1")))
                    .limitOffset(Price.of("0.05"))
                    .timeInForce(TimeInForce.GTC)
                    .build());
            // Anchor at the ask 100.01; 1 % = 1.0001 → rounded up to 1.01: stop 101.02.
            assertThat(h.order(o).currentStop()).isEqualTo(Price.of("101.02"));
            h.quote(COIN, "98.00", "98.02", "1");
            assertThat(h.order(o).currentStop()).isEqualTo(Price.of("99.01"));
            h.quote(COIN, "99.10", "99.12", "1");
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.TRIGGERED);
            assertThat(h.order(o).effectiveLimit()).isEqualTo(Price.of("99.06"));
        }
    }

    @Nested
    class Groups {
        @Test
        void whenOneOcoLegExecutesTheOtherIsCancelled() {
            VenueHarness h = withBook(BOOK_WALK);
            List<Order> legs = h.oco(
                    order(COIN, Side.SELL, "1").limit(Price.of("101.00")).build(),
                    order(COIN, Side.SELL, "1")
                            .type(OrderType.STOP)
                            .stop(Price.of("99.00"))
                            .timeInForce(TimeInForce.GTC)
                            .build());
            h.quote(COIN, "101.01", "101.03", "1");
            assertThat(h.order(legs.get(0)).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.order(legs.get(1)).status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(h.reports.get(h.reports.size() - 1).event().reason()).contains("OCO");
        }

        @Test
        void oneTradeThroughBothOcoLegsExecutesOnlyOne() {
            VenueHarness h = withBook(BOOK_WALK);
            List<Order> legs = h.oco(
                    order(COIN, Side.BUY, "1").limit(Price.of("99.90")).build(),
                    order(COIN, Side.BUY, "1").limit(Price.of("99.80")).build());
            h.trade(COIN, "99.00", "5", Side.SELL);
            long executed = legs.stream()
                    .filter(o -> h.order(o).filledQuantity().isPositive())
                    .count();
            assertThat(executed).isEqualTo(1);
        }

        @Test
        void bracketChildrenWaitForTheEntryThenWorkAsAnOcoPair() {
            VenueHarness h = withBook(BOOK_WALK);
            List<Order> b = h.bracket(
                    order(COIN, Side.BUY, "1").limit(Price.of("99.98")).build(),
                    order(COIN, Side.SELL, "1").limit(Price.of("100.50")).build(),
                    order(COIN, Side.SELL, "1")
                            .type(OrderType.STOP)
                            .stop(Price.of("99.50"))
                            .timeInForce(TimeInForce.GTC)
                            .build());
            assertThat(h.order(b.get(1)).status()).isEqualTo(OrderStatus.NEW);
            // Price runs up: the take-profit would have filled, but it waits for the entry.
            h.quote(COIN, "100.60", "100.62", "1");
            assertThat(h.order(b.get(1)).status()).isEqualTo(OrderStatus.NEW);
            assertThat(h.fillsOf(b.get(1).id())).isEmpty();
            h.quote(COIN, "99.90", "99.97", "1"); // through the entry's limit
            assertThat(h.order(b.get(0)).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.order(b.get(1)).status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(h.order(b.get(2)).status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(h.kinds(b.get(1).id())).containsExactly("ACCEPTED");
            h.quote(COIN, "100.51", "100.53", "1");
            assertThat(h.order(b.get(1)).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.order(b.get(2)).status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(h.position(COIN)).isZero();
        }

        @Test
        void cancellingTheEntryCancelsTheChildrenButAPartialEntrySizesThem() {
            VenueHarness h = withBook(BOOK_WALK);
            List<Order> b = h.bracket(
                    order(COIN, Side.BUY, "4").limit(Price.of("100.01")).build(),
                    order(COIN, Side.SELL, "4").limit(Price.of("100.50")).build(),
                    order(COIN, Side.SELL, "4")
                            .type(OrderType.STOP)
                            .stop(Price.of("99.50"))
                            .timeInForce(TimeInForce.GTC)
                            .build());
            assertThat(h.order(b.get(0)).filledQuantity()).hasToString("2");
            h.cancel(b.get(0).id());
            assertThat(h.order(b.get(1)).status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(h.order(b.get(1)).request().quantity()).hasToString("2");
            assertThat(h.order(b.get(2)).request().quantity()).hasToString("2");

            List<Order> c = h.bracket(
                    order(COIN, Side.BUY, "1").limit(Price.of("90.00")).build(),
                    order(COIN, Side.SELL, "1").limit(Price.of("100.50")).build(),
                    order(COIN, Side.SELL, "1")
                            .type(OrderType.STOP)
                            .stop(Price.of("89.00"))
                            .timeInForce(TimeInForce.GTC)
                            .build());
            h.cancel(c.get(0).id());
            assertThat(c).allSatisfy(o -> assertThat(h.order(o).status()).isEqualTo(OrderStatus.CANCELLED));
        }

        @Test
        void aComboFillsEveryLegOrNone() {
            VenueHarness h = new VenueHarness(BOOK_WALK);
            h.quote(COIN, "99.99", "100.01", "10");
            h.quote(STOCK, "49.99", "50.01", "100");
            List<OrderRequest> legs = List.of(
                    order(COIN, Side.BUY, "2").timeInForce(TimeInForce.IOC).build(),
                    order(STOCK, Side.SELL, "4").timeInForce(TimeInForce.IOC).build());
            // Net per unit: 2 × 100.01 − 4 × 49.99 = 0.06 > 0.05: not fillable, IOC → all rejected.
            List<Order> refused = h.combo(legs, Quantity.of("1"), Price.of("0.05"));
            assertThat(refused).allSatisfy(o -> {
                assertThat(h.order(o).status()).isEqualTo(OrderStatus.REJECTED);
                assertThat(h.order(o).rejection().reason()).isEqualTo(RejectReason.COMBO_NOT_FILLABLE);
            });
            assertThat(h.order(refused.get(0)).rejection().message()).contains("net price 0.06");
            List<Order> filled = h.combo(legs, Quantity.of("1"), Price.of("0.06"));
            assertThat(filled).allSatisfy(o -> assertThat(h.order(o).status()).isEqualTo(OrderStatus.FILLED));
            assertThat(h.position(COIN)).isEqualByComparingTo("2");
            assertThat(h.position(STOCK)).isEqualByComparingTo("-4");
        }

        @Test
        void aGoodTillCancelledComboWaitsUntilEveryLegCanFill() {
            VenueHarness h = new VenueHarness(BOOK_WALK.withFill(new FillModel.BookWalk()));
            h.quote(COIN, "99.99", "100.01", "1");
            h.quote(STOCK, "49.99", "50.01", "100");
            List<Order> combo = h.combo(
                    List.of(
                            order(COIN, Side.BUY, "2")
                                    .timeInForce(TimeInForce.GTC)
                                    .build(),
                            order(STOCK, Side.SELL, "4")
                                    .timeInForce(TimeInForce.GTC)
                                    .build()),
                    Quantity.of("1"),
                    null);
            assertThat(combo).allSatisfy(o -> assertThat(h.order(o).status()).isEqualTo(OrderStatus.ACCEPTED));
            assertThat(h.fills).isEmpty();
            h.quote(COIN, "99.99", "100.01", "5");
            assertThat(combo).allSatisfy(o -> assertThat(h.order(o).status()).isEqualTo(OrderStatus.FILLED));
        }
    }

    @Nested
    class LatencyAndTime {
        @Test
        void ordersArriveAfterTheLatencyAndACancelCanLoseTheRaceWithAFill() {
            VenueHarness h = withBook(BOOK_WALK.withLatency(new LatencyModel.Uniform(100, 100)));
            Order o = h.submit(
                    order(COIN, Side.SELL, "1").limit(Price.of("100.10")).build());
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.NEW);
            h.advance(Duration.ofMillis(100));
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.ACCEPTED);
            h.cancel(o.id());
            h.advance(Duration.ofMillis(50));
            h.quote(COIN, "100.20", "100.22", "1"); // fills before the cancel arrives
            h.advance(Duration.ofMillis(60));
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.kinds(o.id())).containsExactly("ACCEPTED", "FILLED", "AMEND_REJECTED");
            assertThat(h.reports.get(h.reports.size() - 1).event().reason())
                    .isEqualTo("cancel arrived too late: the order was already FILLED");
        }

        @Test
        void dayOrdersOnAroundTheClockMarketsExpireAtMidnightUtc() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(order(COIN, Side.BUY, "1")
                    .limit(Price.of("90.00"))
                    .timeInForce(TimeInForce.DAY)
                    .build());
            assertThat(h.order(o).expiresAt()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
            h.advance(Duration.ofHours(8).plusMinutes(59));
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.ACCEPTED);
            h.advance(Duration.ofMinutes(2));
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.EXPIRED);
        }

        @Test
        void gtdOrdersExpireAtTheirTime() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o = h.submit(order(COIN, Side.BUY, "1")
                    .limit(Price.of("90.00"))
                    .goodTill(VenueHarness.START.plusSeconds(30))
                    .build());
            h.advance(Duration.ofSeconds(31));
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(h.reports.get(h.reports.size() - 1).event().reason()).contains("GTD");
        }

        @Test
        void equityOrdersOutsideTheSessionQueueUntilTheOpenOrAreRejectedPerTif() {
            VenueHarness h = new VenueHarness(BOOK_WALK);
            h.hours.put(STOCK.id(), TradingHours.usEquities(HolidayCalendar.NONE));
            h.quote(STOCK, "49.99", "50.01", "100");
            h.advance(Duration.ofHours(6)); // 21:00 UTC, after the 16:00 New York close
            Order ioc = h.submit(order(STOCK, Side.BUY, "10").build());
            assertThat(h.order(ioc).rejection().reason()).isEqualTo(RejectReason.MARKET_CLOSED);
            Order day = h.submit(
                    order(STOCK, Side.BUY, "10").timeInForce(TimeInForce.DAY).build());
            assertThat(h.order(day).status()).isEqualTo(OrderStatus.ACCEPTED);
            // A DAY order accepted while closed lives until the next session's close.
            assertThat(h.order(day).expiresAt()).isEqualTo(Instant.parse("2026-03-03T21:00:00Z"));
            h.advance(Duration.ofHours(17).plusMinutes(31)); // 14:31 UTC = 09:31 New York
            h.quote(STOCK, "50.49", "50.51", "100");
            assertThat(h.order(day).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.fillsOf(day.id()).get(0).price()).isEqualTo(Price.of("50.51"));
        }
    }

    @Nested
    class Modify {
        @Test
        void aModifiedPriceLosesTheQueuePlaceAndASmallerSizeKeepsIt() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o =
                    h.submit(order(COIN, Side.BUY, "3").limit(Price.of("99.98")).build());
            h.trade(COIN, "99.98", "1.9", Side.SELL);
            h.modify(o.id(), h.order(o).request().withQuantity(Quantity.of("2")));
            assertThat(h.kinds(o.id())).last().isEqualTo("MODIFIED");
            h.trade(COIN, "99.98", "0.2", Side.SELL); // 2.1 traded > 2 needed: 0.1 fills
            assertThat(h.fillsOf(o.id()))
                    .singleElement()
                    .extracting(Fill::quantity)
                    .hasToString("0.1");
            h.modify(o.id(), h.order(o).request().withLimitPrice(Price.of("99.99")));
            h.trade(COIN, "99.99", "0.3", Side.SELL); // joined 2 lots at 99.99: needs 0.4
            assertThat(h.fillsOf(o.id())).hasSize(1);
        }

        @Test
        void aModifyThatMakesTheLimitMarketableTakesLiquidity() {
            VenueHarness h = withBook(BOOK_WALK);
            Order o =
                    h.submit(order(COIN, Side.BUY, "1").limit(Price.of("99.98")).build());
            h.modify(o.id(), h.order(o).request().withLimitPrice(Price.of("100.01")));
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.fillsOf(o.id()).get(0).liquidity()).isEqualTo(Liquidity.TAKER);
        }
    }

    @Nested
    class Bars {
        static final ModelSet NEXT_OPEN = BOOK_WALK.withFill(FillModel.Bars.DEFAULT);

        VenueHarness replay(ModelSet models) {
            VenueHarness h =
                    new VenueHarness(dev.paperdesk.engine.execution.models.ExecutionSettings.of(3, models), true);
            h.quote(COIN, "99.99", "100.01", "10");
            h.bar(COIN, "99.00", "100.50", "98.80", "100.00", "50");
            return h;
        }

        @Test
        void marketOrdersFillAtTheNextBarsOpen() {
            VenueHarness h = replay(NEXT_OPEN);
            Order o = h.submit(order(COIN, Side.BUY, "1").build());
            assertThat(h.order(o).status()).isEqualTo(OrderStatus.ACCEPTED);
            h.advance(Duration.ofMinutes(1));
            h.bar(COIN, "100.20", "100.80", "100.10", "100.70", "40");
            assertThat(h.fillsOf(o.id()))
                    .singleElement()
                    .extracting(Fill::price)
                    .isEqualTo(Price.of("100.20"));
        }

        @Test
        void limitsNeedThePriceToTradeThroughByATick() {
            VenueHarness h = replay(NEXT_OPEN);
            Order touched =
                    h.submit(order(COIN, Side.BUY, "1").limit(Price.of("99.50")).build());
            Order through =
                    h.submit(order(COIN, Side.BUY, "1").limit(Price.of("99.51")).build());
            h.bar(COIN, "100.00", "100.10", "99.50", "99.80", "40");
            assertThat(h.fillsOf(touched.id())).isEmpty();
            assertThat(h.fillsOf(through.id()))
                    .singleElement()
                    .extracting(Fill::price)
                    .isEqualTo(Price.of("99.51"));
        }

        @Test
        void stopsFollowTheIntrabarPathAndTheFirstOcoLegReachedWins() {
            VenueHarness h = replay(NEXT_OPEN);
            // open 100 → low 99.40 (nearer) → high 101 → close: the stop at 99.50 is reached first.
            List<Order> legs = h.oco(
                    order(COIN, Side.SELL, "1").limit(Price.of("100.90")).build(),
                    order(COIN, Side.SELL, "1")
                            .type(OrderType.STOP)
                            .stop(Price.of("99.50"))
                            .timeInForce(TimeInForce.GTC)
                            .build());
            h.bar(COIN, "100.00", "101.00", "99.40", "100.50", "40");
            assertThat(h.order(legs.get(1)).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(h.fillsOf(legs.get(1).id()).get(0).price()).isEqualTo(Price.of("99.50"));
            assertThat(h.order(legs.get(0)).status()).isEqualTo(OrderStatus.CANCELLED);
        }

        @Test
        void aGapThroughAStopFillsAtTheOpen() {
            VenueHarness h = replay(NEXT_OPEN);
            Order o = h.submit(order(COIN, Side.SELL, "1")
                    .type(OrderType.STOP)
                    .stop(Price.of("99.50"))
                    .timeInForce(TimeInForce.GTC)
                    .build());
            h.bar(COIN, "98.00", "98.50", "97.00", "98.20", "40");
            assertThat(h.fillsOf(o.id()).get(0).price()).isEqualTo(Price.of("98.00"));
        }

        @Test
        void inTouchModeMarketOrdersFillAtOnceAtTheReplayedQuote() {
            VenueHarness h = replay(BOOK_WALK.withFill(new FillModel.Bars(FillModel.BarMode.TOUCH, 1)));
            Order o = h.submit(order(COIN, Side.BUY, "1").build());
            assertThat(h.fillsOf(o.id()))
                    .singleElement()
                    .extracting(Fill::price)
                    .isEqualTo(Price.of("100.01"));
        }
    }

    @Test
    void restoredOrdersKeepWorkingWithTheirLinksAndTrailingState() {
        VenueHarness h = withBook(BOOK_WALK);
        List<Order> b = h.bracket(
                order(COIN, Side.BUY, "1").limit(Price.of("99.00")).build(),
                order(COIN, Side.SELL, "1").limit(Price.of("101.00")).build(),
                order(COIN, Side.SELL, "1")
                        .type(OrderType.TRAILING_STOP)
                        .trail(TrailingOffset.amount(new BigDecimal("1.00")))
                        .timeInForce(TimeInForce.GTC)
                        .build());
        VenueHarness again = new VenueHarness(BOOK_WALK);
        List<Order> open = b.stream().map(h::order).toList();
        again.loop.execute(() -> again.venue.restore(
                open,
                List.of(new dev.paperdesk.engine.model.OrderGroup(
                        1,
                        dev.paperdesk.engine.model.OrderGroupKind.BRACKET,
                        b.stream().map(Order::id).toList(),
                        null,
                        null))));
        again.loop.runUntil(again.loop.nowNanos());
        for (Order o : open) {
            again.latest.put(o.id(), o);
        }
        again.quote(COIN, "98.90", "98.95", "3"); // through the entry's limit
        assertThat(again.order(b.get(0)).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(again.order(b.get(2)).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(again.order(b.get(2)).currentStop()).isEqualTo(Price.of("97.90"));
        again.quote(COIN, "100.50", "100.52", "3");
        assertThat(again.order(b.get(2)).currentStop()).isEqualTo(Price.of("99.50"));
        again.quote(COIN, "99.50", "99.52", "3");
        assertThat(again.order(b.get(2)).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(again.order(b.get(1)).status()).isEqualTo(OrderStatus.CANCELLED);
    }
}
