package dev.paperdesk.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The snapshot the engine publishes after each step equals, value and scale, a valuation made afresh
 * from the live portfolio, also when the engine re-uses the previous valuation because only what the
 * working orders reserve has moved (an order rested, was cancelled or was rejected).
 */
class PublishedSnapshotTest {
    private static final Instant START = Instant.parse("2026-03-02T15:00:00Z");
    private static final Instrument ACME = new Instrument.Equity(
            new InstrumentId("ACME", "sim"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "Industrials");

    @Test
    void everyPublishedSnapshotEqualsAFreshValuation() {
        ManualFeed feed = new ManualFeed(List.of(ACME));
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(null, START, 5)
                .withFeed(feed)
                .withFees(dev.paperdesk.engine.execution.StandardFeeModel.DEFAULT))) {
            quote(s, feed, "100.00");
            PortfolioId p = s.portfolios().get(0).id();
            List<BigDecimal> reservedSeen = new ArrayList<>();
            Runnable same = () -> {
                PortfolioSnapshot published = s.portfolio(p).orElseThrow();
                PortfolioSnapshot fresh = TradingSession.await(s.revalued(p));
                assertThat(published).isEqualTo(fresh);
                assertThat(published.equity().scale()).isEqualTo(fresh.equity().scale());
                assertThat(published.reservedForOrders().scale())
                        .isEqualTo(fresh.reservedForOrders().scale());
                reservedSeen.add(published.reservedForOrders());
            };
            same.run();
            Order resting = TradingSession.await(s.submit(limit(p, Side.BUY, 7, "50.00")));
            assertThat(resting.status()).isEqualTo(OrderStatus.ACCEPTED);
            same.run(); // rested: only the reservation moved
            Order second = TradingSession.await(s.submit(limit(p, Side.BUY, 3, "60.00")));
            same.run();
            TradingSession.await(s.cancel(resting.id()));
            same.run(); // cancelled: the reservation shrinks
            Order bought = TradingSession.await(s.submit(OrderRequest.market(p, ACME.id(), Side.BUY, Quantity.of(5))));
            assertThat(bought.status()).isEqualTo(OrderStatus.FILLED);
            same.run(); // a fill: valued again
            quote(s, feed, "101.37");
            same.run(); // a new mark
            Order sell = TradingSession.await(s.submit(limit(p, Side.SELL, 5, "150.00")));
            same.run();
            TradingSession.await(s.cancel(sell.id()));
            TradingSession.await(s.cancel(second.id()));
            same.run(); // nothing reserved any more
            Order tooBig = TradingSession.await(s.submit(limit(p, Side.BUY, 1_000_000, "99.00")));
            assertThat(tooBig.status()).isEqualTo(OrderStatus.REJECTED);
            same.run();
            assertThat(reservedSeen).anySatisfy(r -> assertThat(r).isPositive());
            assertThat(reservedSeen.get(reservedSeen.size() - 1)).isZero();
        }
    }

    private static OrderRequest limit(PortfolioId p, Side side, int qty, String price) {
        return OrderRequest.limit(p, ACME.id(), side, Quantity.of(qty), Price.of(price));
    }

    private static void quote(TradingSession s, ManualFeed feed, String mid) {
        EquityReaderTest.quote(s, feed, ACME, mid);
    }
}
