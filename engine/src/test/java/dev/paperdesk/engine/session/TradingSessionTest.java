package dev.paperdesk.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradingSessionTest {
    private static final Instant START = Instant.parse("2026-03-02T14:30:00Z");
    private static final InstrumentId ACME = new InstrumentId("ACME", "sim");
    private static final InstrumentId BTC = new InstrumentId("BTC-USD", "sim");

    private static TradingSession open() {
        return TradingSession.open(SessionConfig.simulated(null, START, 7));
    }

    @Test
    void freshWorkspaceHasTheDemoPortfolioAndLivePrices() {
        try (TradingSession s = open()) {
            assertThat(s.portfolios()).singleElement().satisfies(p -> {
                assertThat(p.name()).isEqualTo("Demo");
                assertThat(p.cash()).isEqualByComparingTo("5000000");
                assertThat(p.equity()).isEqualByComparingTo("5000000");
            });
            assertThat(s.quote(ACME)).isPresent();
            s.advance(Duration.ofSeconds(5));
            assertThat(s.quote(ACME).orElseThrow().timestamp()).isEqualTo(START.plusSeconds(5));
        }
    }

    @Test
    void marketBuyFillsAtTheAskPlusModelSlippageAndBooksPositionCashAndFee() {
        try (TradingSession s = open()) {
            PortfolioSnapshot demo = s.portfolios().get(0);
            s.advance(Duration.ofSeconds(1));
            Quote quote = s.quote(ACME).orElseThrow();
            List<EngineEvent> events = new ArrayList<>();
            s.addListener(events::add);

            Order order =
                    TradingSession.await(s.submit(OrderRequest.market(demo.id(), ACME, Side.BUY, Quantity.of(300))));

            assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
            // Quotes only: the whole order fills at the touch, priced by size against the displayed
            // depth (2 bps + size/depth × 3 bps, capped at 5 bps), rounded down to whole ticks.
            BigDecimal ask = quote.ask().value();
            BigDecimal cap = ask.multiply(new BigDecimal("0.0005"));
            Fill fill = s.fills().get(0);
            assertThat(s.fills()).hasSize(1);
            assertThat(fill.price().value()).isBetween(ask.add(new BigDecimal("0.02")), ask.add(cap));
            assertThat(order.averageFillPrice()).isEqualTo(fill.price());
            // Slippage is recorded against the arrival mid: half the spread plus the model's part.
            assertThat(fill.slippage())
                    .isEqualByComparingTo(
                            fill.price().value().subtract(quote.mid().value()));
            // 300 shares × $0.005 = $1.50 (above the $1.00 minimum)
            assertThat(fill.fee().amount()).isEqualByComparingTo("1.50");
            PortfolioSnapshot after = s.portfolio(demo.id()).orElseThrow();
            BigDecimal cost = fill.price().value().multiply(BigDecimal.valueOf(300));
            assertThat(after.cash())
                    .isEqualByComparingTo(
                            new BigDecimal("5000000").subtract(cost).subtract(new BigDecimal("1.50")));
            assertThat(after.positions()).singleElement().satisfies(p -> {
                assertThat(p.instrumentId()).isEqualTo(ACME);
                assertThat(p.quantity()).isEqualByComparingTo("300");
            });
            assertThat(events)
                    .extracting(e -> e.getClass().getSimpleName())
                    .contains("OrderUpdated", "FillBooked", "PortfolioChanged");
            assertThat(s.journal()).extracting(j -> j.kind()).containsExactly("CREATED", "ACCEPTED", "FILLED");
        }
    }

    @Test
    void rejectionsAreValuesWithReasons() {
        try (TradingSession s = open()) {
            var pid = s.portfolios().get(0).id();
            Order tooBig = TradingSession.await(s.submit(OrderRequest.market(pid, BTC, Side.BUY, Quantity.of(1000))));
            assertThat(tooBig.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(tooBig.rejection().reason()).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
            assertThat(tooBig.rejection().message()).contains("USD");

            Order badLot =
                    TradingSession.await(s.submit(OrderRequest.market(pid, BTC, Side.BUY, Quantity.of("0.00005"))));
            assertThat(badLot.rejection().reason()).isEqualTo(RejectReason.INVALID_LOT);

            Order unknown = TradingSession.await(
                    s.submit(OrderRequest.market(pid, new InstrumentId("NOPE", "sim"), Side.BUY, Quantity.of(1))));
            assertThat(unknown.rejection().reason()).isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);

            Order offTick = TradingSession.await(
                    s.submit(OrderRequest.limit(pid, ACME, Side.BUY, Quantity.of(1), Price.of("1.005"))));
            assertThat(offTick.rejection().reason()).isEqualTo(RejectReason.INVALID_TICK);
            assertThat(offTick.rejection().message()).contains("1.005").contains("0.01");

            Order postOnlyMarket =
                    TradingSession.await(s.submit(OrderRequest.builder(pid, ACME, Side.BUY, Quantity.of(1))
                            .postOnly(true)
                            .build()));
            assertThat(postOnlyMarket.rejection().reason()).isEqualTo(RejectReason.UNSUPPORTED_ORDER);

            // A limit far from the market is accepted and rests; it no longer gets rejected.
            Order limit = TradingSession.await(
                    s.submit(OrderRequest.limit(pid, ACME, Side.BUY, Quantity.of(1), Price.of("1.00"))));
            assertThat(limit.status()).isEqualTo(OrderStatus.ACCEPTED);

            assertThat(s.fills()).isEmpty();
            assertThat(s.portfolios().get(0).cash()).isEqualByComparingTo("5000000");
        }
    }

    @Test
    void sellingWithoutAPositionOpensAShortCoveredByFreeCash() {
        try (TradingSession s = open()) {
            var pid = s.portfolios().get(0).id();
            Order sell = TradingSession.await(s.submit(OrderRequest.market(pid, ACME, Side.SELL, Quantity.of(100))));
            assertThat(sell.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(s.portfolios().get(0).positions().get(0).quantity()).isEqualByComparingTo("-100");
            Order cover = TradingSession.await(s.submit(OrderRequest.market(pid, ACME, Side.BUY, Quantity.of(100))));
            assertThat(cover.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(s.portfolios().get(0).positions().get(0).quantity()).isZero();
        }
    }

    @Test
    void sameSeedGivesTheSameQuotes() {
        List<Quote> a = quotes(11);
        List<Quote> b = quotes(11);
        List<Quote> c = quotes(12);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void barsOfAFileWorkspaceSurviveReopeningAndAnInMemoryWorkspaceHasNone(@TempDir Path dir) {
        Path file = dir.resolve("bars.paperdesk");
        InstrumentId orcl = new InstrumentId("ORCL", "hist");
        SeriesKey key = new SeriesKey(orcl, Timeframe.D1);
        Bar bar = new Bar(
                orcl,
                Timeframe.D1,
                Instant.parse("2024-01-02T00:00:00Z"),
                new BigDecimal("105"),
                new BigDecimal("106"),
                new BigDecimal("104"),
                new BigDecimal("105.5"),
                new BigDecimal("1000"));
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(file, START, 1))) {
            assertThat(s.bars().orElseThrow().insert(key, List.of(bar), BarStore.WriteMode.REFUSE_OVERLAP))
                    .isInstanceOf(BarStore.InsertResult.Inserted.class);
        }
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(file, START, 1))) {
            assertThat(s.bars().orElseThrow().read(key, Instant.EPOCH, Instant.MAX, 10))
                    .containsExactly(bar);
        }
        try (TradingSession s = open()) {
            assertThat(s.bars()).isEmpty();
        }
    }

    private static List<Quote> quotes(long seed) {
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(null, START, seed))) {
            List<Quote> seen = new ArrayList<>();
            s.addListener(e -> {
                if (e instanceof EngineEvent.QuoteUpdated q) {
                    seen.add(q.quote());
                }
            });
            s.advance(Duration.ofMinutes(2));
            return seen;
        }
    }
}
