package dev.paperdesk.engine.execution.orders;

import static dev.paperdesk.engine.execution.orders.VenueHarness.COIN;
import static dev.paperdesk.engine.execution.orders.VenueHarness.level;
import static dev.paperdesk.engine.execution.orders.VenueHarness.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.models.DataKind;
import dev.paperdesk.engine.execution.models.FillModel;
import dev.paperdesk.engine.execution.models.LatencyModel;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.execution.models.QueueModel;
import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.execution.models.VenueFeeModel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TrailingOffset;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderEstimatorTest {
    static final Instant T = Instant.parse("2026-03-02T15:00:00Z");
    static final Quote QUOTE =
            new Quote(COIN.id(), T, Price.of("99.99"), Price.of("100.01"), Quantity.of("2"), Quantity.of("2"));
    static final BookSnapshot BOOK = new BookSnapshot(
            COIN.id(),
            T,
            List.of(level("99.99", "2"), level("99.98", "10")),
            List.of(level("100.01", "2"), level("100.03", "8")));
    static final ModelSet WALK = new ModelSet(
            new FillModel.BookWalk(),
            new SlippageModel.None(),
            new LatencyModel.Zero(),
            VenueFeeModel.DEFAULT,
            QueueModel.QueuePosition.DEFAULT);

    private static OrderEstimate estimate(OrderRequest r, ModelSet m, BookSnapshot book, DataKind kind) {
        return OrderEstimator.estimate(COIN, r, QUOTE, book, m, kind, new BigDecimal("1"));
    }

    @Test
    void aMarketOrderWalksTheBookAndReportsCostAgainstTheMid() {
        OrderEstimate e = estimate(order(COIN, Side.BUY, "4").build(), WALK, BOOK, DataKind.BOOK_SNAPSHOTS);
        assertThat(e.available()).isTrue();
        assertThat(e.takesLiquidity()).isTrue();
        assertThat(e.price().value()).isEqualByComparingTo("100.02");
        assertThat(e.notional()).isEqualByComparingTo("400.08");
        assertThat(e.slippageVsMid()).isEqualByComparingTo("0.08");
        assertThat(e.slippageBps()).isCloseTo(2.0, within(1e-9));
        assertThat(e.resultingPosition()).isEqualByComparingTo("5");
        // unknown venue: 5 bps taker fallback on 400.08
        assertThat(e.fee().amount()).isEqualByComparingTo("0.20");
        assertThat(e.note()).isEqualTo("walking the book");
        OrderEstimate thin = estimate(order(COIN, Side.BUY, "20").build(), WALK, BOOK, DataKind.BOOK_SNAPSHOTS);
        assertThat(thin.note()).startsWith("only 10 visible");
    }

    @Test
    void atTheTouchTheSlippageModelPricesTheSize() {
        ModelSet touch = WALK.withFill(new FillModel.Touch()).withSlippage(SlippageModel.SizeVsDepth.DEFAULT);
        OrderEstimate e = estimate(order(COIN, Side.SELL, "4").build(), touch, BOOK, DataKind.QUOTES);
        // 99.99 less 5 bps (size 4 vs depth 2 is capped at 5 bps)
        assertThat(e.price().value()).isCloseTo(new BigDecimal("99.94"), within(new BigDecimal("0.001")));
        assertThat(e.resultingPosition()).isEqualByComparingTo("-3");
        assertThat(e.note()).startsWith("at the touch").contains("model slippage 5.00 bps");
    }

    @Test
    void restingAndConditionalOrdersAreEstimatedAtTheirOwnPrices() {
        OrderEstimate rest =
                estimate(order(COIN, Side.BUY, "1").limit(Price.of("99.00")).build(), WALK, null, DataKind.QUOTES);
        assertThat(rest.takesLiquidity()).isFalse();
        assertThat(rest.price().value()).isEqualByComparingTo("99");
        assertThat(rest.slippageVsMid()).isEqualByComparingTo("-1.00");
        OrderEstimate crossing = estimate(
                order(COIN, Side.BUY, "3").limit(Price.of("100.01")).build(), WALK, BOOK, DataKind.BOOK_SNAPSHOTS);
        assertThat(crossing.takesLiquidity()).isTrue();
        assertThat(crossing.price().value()).isEqualByComparingTo("100.01");
        OrderEstimate stop = estimate(
                order(COIN, Side.SELL, "1")
                        .type(OrderType.STOP)
                        .stop(Price.of("98.00"))
                        .build(),
                WALK,
                null,
                DataKind.QUOTES);
        assertThat(stop.price().value()).isEqualByComparingTo("98");
        assertThat(stop.note()).contains("when the stop triggers at 98");
        OrderEstimate tp = estimate(
                order(COIN, Side.SELL, "1")
                        .type(OrderType.TAKE_PROFIT)
                        .stop(Price.of("101.00"))
                        .build(),
                WALK,
                null,
                DataKind.QUOTES);
        assertThat(tp.note()).contains("when the price reaches 101");
        OrderEstimate trail = estimate(
                order(COIN, Side.SELL, "1")
                        .type(OrderType.TRAILING_STOP)
                        .trail(TrailingOffset.amount(BigDecimal.ONE))
                        .build(),
                WALK,
                null,
                DataKind.QUOTES);
        assertThat(trail.price().value()).isEqualByComparingTo("98.99");
        assertThat(trail.takesLiquidity()).isTrue();
        assertThat(OrderEstimator.estimate(
                                COIN,
                                order(COIN, Side.BUY, "1").build(),
                                null,
                                null,
                                WALK,
                                DataKind.QUOTES,
                                BigDecimal.ZERO)
                        .note())
                .isEqualTo("No price yet");
        OrderEstimate none = OrderEstimator.estimate(
                COIN,
                order(COIN, Side.BUY, "1").build(),
                QUOTE,
                new BookSnapshot(COIN.id(), T, List.of(), List.of()),
                WALK.withFee(FeeModel.NONE),
                DataKind.BOOK_SNAPSHOTS,
                BigDecimal.ZERO);
        assertThat(none.available()).isTrue();
    }
}
