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
        try (TradingSession s = open(feed)) {
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
        try (TradingSession s = open(feed)) {
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

    /**
     * With nobody following portfolios, every holder of a quoted instrument gets its equity of record
     * from its own book, re-marked for the quote: several portfolios hold the instrument (one of them
     * a second instrument too, whose book values two positions), and after each quote each one's
     * equity of record equals its snapshot's, value and scale.
     */
    @Test
    void everyHolderOfAQuotedInstrumentHasItsOwnEquityOfRecord() {
        Instrument beta = new Instrument.Equity(
                new InstrumentId("BETA", "sim"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "Energy");
        ManualFeed feed = new ManualFeed(List.of(ACME, beta));
        try (TradingSession s = open(feed)) {
            quote(s, feed, ACME, "100.00");
            quote(s, feed, beta, "20.00");
            PortfolioId first = s.portfolios().get(0).id();
            PortfolioId second = TradingSession.await(s.createPortfolio(
                            "Second",
                            "",
                            Currency.USD,
                            new BigDecimal("50000.5"),
                            dev.paperdesk.engine.portfolio.CostBasisMethod.FIFO))
                    .id();
            PortfolioId third = TradingSession.await(s.createPortfolio(
                            "Third",
                            "",
                            Currency.USD,
                            new BigDecimal("7000"),
                            dev.paperdesk.engine.portfolio.CostBasisMethod.FIFO))
                    .id();
            buy(s, first, ACME, "7");
            buy(s, second, ACME, "4");
            buy(s, second, beta, "11");
            buy(s, third, beta, "2");
            List<PortfolioId> all = List.of(first, second, third);
            List<String> mids = List.of("101.37", "99.105", "100", "100.00", "0.05", "123456.78");
            for (int k = 0; k < mids.size(); k++) {
                quote(s, feed, k % 3 == 2 ? beta : ACME, mids.get(k));
                List<BigDecimal[]> seen = new ArrayList<>();
                feed.push(sink -> {
                    for (PortfolioId p : all) {
                        BigDecimal recorded = s.equity(p).orElseThrow();
                        BigDecimal snapshot = s.portfolio(p).orElseThrow().equity();
                        seen.add(new BigDecimal[] {recorded, snapshot});
                    }
                });
                s.advance(Duration.ofSeconds(1));
                assertThat(seen).hasSize(3).allSatisfy(r -> assertThat(r[0]).isEqualTo(r[1]));
            }
            // each at its own positions' last mids: ACME 0.06, BETA 123,456.79
            var p1 = s.portfolio(first).orElseThrow();
            assertThat(p1.equity().subtract(p1.cash())).isEqualByComparingTo("0.42");
            var p2 = s.portfolio(second).orElseThrow();
            assertThat(p2.equity().subtract(p2.cash())).isEqualByComparingTo("1358024.93");
            var p3 = s.portfolio(third).orElseThrow();
            assertThat(p3.equity().subtract(p3.cash())).isEqualByComparingTo("246913.58");
        }
    }

    private static void buy(TradingSession s, PortfolioId p, Instrument i, String quantity) {
        Order o = TradingSession.await(
                s.submit(OrderRequest.market(p, i.id(), Side.BUY, Quantity.of(new BigDecimal(quantity)))));
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    }

    /** A simulated session on {@code feed} with the standard fees. */
    private static TradingSession open(ManualFeed feed) {
        return TradingSession.open(SessionConfig.simulated(null, START, 5)
                .withFeed(feed)
                .withFees(dev.paperdesk.engine.execution.StandardFeeModel.DEFAULT));
    }

    /** A quote of {@code i} at bid {@code mid} and ask 0.02 above, a million each side, then a second. */
    static void quote(TradingSession s, ManualFeed feed, Instrument i, String mid) {
        BigDecimal m = new BigDecimal(mid);
        feed.push(sink -> sink.onQuote(new Quote(
                i.id(),
                feed.now(),
                Price.of(m),
                Price.of(m.add(new BigDecimal("0.02"))),
                Quantity.of(1_000_000),
                Quantity.of(1_000_000))));
        s.advance(Duration.ofSeconds(1));
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
        quote(s, feed, ACME, mid);
    }
}
