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
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The equity handed to an {@link EquityReader} is the equity of record, value and scale: as a scaled
 * long while a held position is re-marked by the account's running book, else as the decimal; equal
 * to {@link TradingSession#equity(PortfolioId)} and to the snapshot the engine thread reads.
 */
class EquityReaderTest {
    private static final Instant START = Instant.parse("2026-03-02T15:00:00Z");
    private static final Instrument ACME = new Instrument.Equity(
            new InstrumentId("ACME", "sim"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "Industrials");

    /** What one read on the engine thread saw. */
    record Read(BigDecimal reader, boolean inLongs, BigDecimal optional, BigDecimal snapshot, BigDecimal after) {}

    @Test
    void theReadersEquityIsTheEquityOfRecordInValueAndScale() {
        ManualFeed feed = new ManualFeed(List.of(ACME));
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(null, START, 5)
                .withFeed(feed)
                .withFees(dev.paperdesk.engine.execution.StandardFeeModel.DEFAULT))) {
            quote(s, feed, "100.00");
            PortfolioId p = s.portfolios().get(0).id();
            List<Read> reads = new ArrayList<>();
            read(s, feed, p, reads); // flat: the decimal
            Order bought = TradingSession.await(s.submit(OrderRequest.market(p, ACME.id(), Side.BUY, Quantity.of(7))));
            assertThat(bought.status()).isEqualTo(OrderStatus.FILLED);
            read(s, feed, p, reads); // just filled, no price since
            BigDecimal peak = reads.get(0).reader();
            for (String mid :
                    List.of("101.37", "101.38", "99.1", "100", "101.39", "100.00", "101.375", "0.05", "123456.78")) {
                quote(s, feed, mid);
                read(s, feed, p, reads);
                peak = peak.max(reads.get(reads.size() - 1).reader());
                // the peak rises with the equity read as a scaled long, and only then
                BigDecimal recorded =
                        s.portfolio(p).orElseThrow().account().marks().peakEquity();
                assertThat(recorded).isEqualByComparingTo(peak);
            }
            Order sold = TradingSession.await(s.submit(OrderRequest.market(p, ACME.id(), Side.SELL, Quantity.of(7))));
            assertThat(sold.status()).isEqualTo(OrderStatus.FILLED);
            quote(s, feed, "98.50");
            read(s, feed, p, reads); // flat again

            assertThat(reads).hasSize(12);
            for (Read r : reads) {
                // equals: the same value in the same scale
                assertThat(r.reader())
                        .isEqualTo(r.optional())
                        .isEqualTo(r.snapshot())
                        .isEqualTo(r.after());
            }
            assertThat(reads.get(0).inLongs()).isFalse();
            assertThat(reads.subList(2, 11))
                    .allSatisfy(r -> assertThat(r.inLongs()).isTrue());
            assertThat(reads.get(11).inLongs()).isFalse();
            // off the engine thread: the published snapshot's equity, as a decimal
            BigDecimal[] off = new BigDecimal[1];
            assertThat(s.equity(p, reader(off, new boolean[1]))).isTrue();
            assertThat(off[0]).isEqualTo(s.portfolio(p).orElseThrow().equity());
            assertThat(s.equity(new PortfolioId(999), reader(off, new boolean[1])))
                    .isFalse();
        }
    }

    /**
     * With nobody following portfolios, a step that places or fills an order leaves the snapshot to
     * be made when read: the engine thread's first read and the reads after the advance returns
     * show the fill, with the equity of record worked out at the step.
     */
    @Test
    void aSnapshotLeftToItsReadShowsTheStepThatChangedThePortfolio() {
        ManualFeed feed = new ManualFeed(List.of(ACME));
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(null, START, 5)
                .withFeed(feed)
                .withFees(dev.paperdesk.engine.execution.StandardFeeModel.DEFAULT))) {
            quote(s, feed, "100.00");
            PortfolioId p = s.portfolios().get(0).id();
            BigDecimal cashBefore = s.portfolio(p).orElseThrow().cash();
            List<Object[]> inLoop = new ArrayList<>();
            feed.push(sink -> {
                // engine thread, right after the fill's step: the equity of record first, then the snapshot
                Order o = TradingSession.await(s.submit(OrderRequest.market(p, ACME.id(), Side.BUY, Quantity.of(7))));
                BigDecimal recorded = s.equity(p).orElseThrow();
                inLoop.add(new Object[] {o.status(), recorded, s.portfolio(p).orElseThrow()});
            });
            s.advance(Duration.ofSeconds(1));
            assertThat(inLoop).hasSize(1);
            assertThat(inLoop.get(0)[0]).isEqualTo(OrderStatus.FILLED);
            var seen = (dev.paperdesk.engine.portfolio.PortfolioSnapshot) inLoop.get(0)[2];
            assertThat(seen.positions()).singleElement().satisfies(v -> assertThat(v.quantity())
                    .isEqualByComparingTo("7"));
            assertThat(seen.cash()).isLessThan(cashBefore);
            assertThat(inLoop.get(0)[1]).isEqualTo(seen.equity()); // value and scale
            // off the engine thread once the advance is back: the same portfolio, current
            var after = s.portfolio(p).orElseThrow();
            assertThat(after.positions()).singleElement().satisfies(v -> assertThat(v.quantity())
                    .isEqualByComparingTo("7"));
            assertThat(after.cash()).isEqualTo(seen.cash());
            assertThat(s.equity(p).orElseThrow()).isEqualTo(after.equity());
        }
    }

    private static EquityReader reader(BigDecimal[] into, boolean[] inLongs) {
        return new EquityReader() {
            @Override
            public void scaled(long unscaled, int scale) {
                inLongs[0] = true;
                into[0] = BigDecimal.valueOf(unscaled, scale);
            }

            @Override
            public void decimal(BigDecimal equity) {
                inLongs[0] = false;
                into[0] = equity;
            }
        };
    }

    private static void read(TradingSession s, ManualFeed feed, PortfolioId p, List<Read> reads) {
        feed.push(sink -> {
            BigDecimal[] got = new BigDecimal[1];
            boolean[] inLongs = new boolean[1];
            boolean found = s.equity(p, reader(got, inLongs));
            BigDecimal optional = s.equity(p).orElseThrow();
            BigDecimal snapshot = s.portfolio(p).orElseThrow().equity();
            BigDecimal after = s.equity(p).orElseThrow(); // a read is no revaluation
            if (found) {
                reads.add(new Read(got[0], inLongs[0], optional, snapshot, after));
            }
        });
        s.advance(Duration.ofSeconds(1));
    }

    private static void quote(TradingSession s, ManualFeed feed, String mid) {
        BigDecimal m = new BigDecimal(mid);
        feed.push(sink -> sink.onQuote(new Quote(
                ACME.id(),
                feed.now(),
                Price.of(m),
                Price.of(m.add(new BigDecimal("0.02"))),
                Quantity.of(1_000_000),
                Quantity.of(1_000_000))));
        s.advance(Duration.ofSeconds(1));
    }
}
