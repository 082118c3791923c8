package dev.paperdesk.engine.session;

import static dev.paperdesk.engine.session.OptionsSessionTest.STOCK;
import static dev.paperdesk.engine.session.OptionsSessionTest.pid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.options.OptionChainView;
import dev.paperdesk.engine.options.OptionQuoteView;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Limit orders, depth and short-option margin on option contracts through the session. */
class OptionOrdersSessionTest {

    private static OptionQuoteView atmCall(TradingSession s) {
        OptionChainView chain =
                s.optionChain(STOCK, s.optionExpiries(STOCK).get(2).date()).orElseThrow();
        return chain.row(chain.atmStrike()).orElseThrow().call();
    }

    private static Order latest(TradingSession s, Order o) {
        return s.orders().stream()
                .filter(x -> x.id().equals(o.id()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aMarketableLimitFillsAtTheAskAndOneBelowTheBidRests() {
        try (TradingSession s = OptionsSessionTest.open()) {
            PortfolioId p = pid(s);
            OptionQuoteView call = atmCall(s);
            InstrumentId id = call.instrumentId();
            Order resting = TradingSession.await(s.submit(OrderRequest.limit(
                    p,
                    id,
                    Side.BUY,
                    Quantity.of(1),
                    new Price(call.bid().value().subtract(new BigDecimal("0.50"))))));
            Order taking =
                    TradingSession.await(s.submit(OrderRequest.limit(p, id, Side.BUY, Quantity.of(1), call.ask())));
            s.advance(Duration.ofSeconds(1));
            assertThat(latest(s, taking).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(latest(s, taking).averageFillPrice().value())
                    .isLessThanOrEqualTo(call.ask().value());
            assertThat(latest(s, resting).status().isOpen()).isTrue();
        }
    }

    @Test
    void aLargeMarketOrderWalksTheDepthToWorsePrices() {
        try (TradingSession s = OptionsSessionTest.open()) {
            PortfolioId p = pid(s);
            OptionQuoteView call = atmCall(s);
            Order big = TradingSession.await(
                    s.submit(OrderRequest.market(p, call.instrumentId(), Side.BUY, Quantity.of(300))));
            s.advance(Duration.ofSeconds(1));
            Order done = latest(s, big);
            assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(done.averageFillPrice().value()).isGreaterThan(call.ask().value());
            assertThat(s.fills().stream()
                            .filter(f -> f.orderId().equals(big.id()))
                            .count())
                    .isGreaterThan(1);
        }
    }

    @Test
    void aNakedShortCallNeedsMarginThatASmallAccountLacks() {
        try (TradingSession s = OptionsSessionTest.open()) {
            PortfolioId small = TradingSession.await(
                            s.createPortfolio("Small", "", Currency.USD, new BigDecimal("2000"), CostBasisMethod.FIFO))
                    .id();
            OptionQuoteView call = atmCall(s);
            Order sell = TradingSession.await(
                    s.submit(OrderRequest.market(small, call.instrumentId(), Side.SELL, Quantity.of(5))));
            assertThat(sell.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(sell.rejection().reason()).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
            // buying the same calls only needs the premium
            Order buy = TradingSession.await(
                    s.submit(OrderRequest.market(small, call.instrumentId(), Side.BUY, Quantity.of(1))));
            s.advance(Duration.ofSeconds(1));
            assertThat(latest(s, buy).status()).isEqualTo(OrderStatus.FILLED);
        }
    }
}
