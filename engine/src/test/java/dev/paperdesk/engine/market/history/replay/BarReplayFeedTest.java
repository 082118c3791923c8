package dev.paperdesk.engine.market.history.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.clock.SimulatedClock;
import dev.paperdesk.engine.clock.WallClock;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.history.replay.BarReplayFeed.ReplaySeries;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import dev.paperdesk.engine.store.BarStore.WriteMode;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarReplayFeedTest {
    private static final Instant T0 = Instant.parse("2024-01-02T09:30:00Z");
    private static final Instrument ACME = new Instrument.Equity(
            new InstrumentId("ACME", "hist"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "Industrials");
    private static final Instrument BTC = new Instrument.CryptoSpot(
            new InstrumentId("BTC-USD", "hist"),
            Currency.BTC,
            Currency.USD,
            new BigDecimal("0.5"),
            new BigDecimal("0.001"));

    @TempDir
    Path dir;

    private SqliteWorkspaceStore workspace;
    private BarStore store;

    @BeforeEach
    void open() {
        workspace = SqliteWorkspaceStore.open(dir.resolve("w.paperdesk"));
        store = workspace.bars();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private void series(Instrument instrument, Timeframe tf, int n, String volume) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigDecimal c = new BigDecimal(100 + i);
            bars.add(new Bar(
                    instrument.id(),
                    tf,
                    T0.plus(tf.duration().multipliedBy(i)),
                    c,
                    c.add(BigDecimal.ONE),
                    c.subtract(BigDecimal.ONE),
                    c,
                    new BigDecimal(volume)));
        }
        store.insert(new SeriesKey(instrument.id(), tf), bars, WriteMode.REFUSE_OVERLAP);
    }

    /** Records what the sink sees and when, in loop time. */
    private static final class Recorder implements MarketDataSink {
        final List<String> events = new ArrayList<>();
        final List<Quote> quotes = new ArrayList<>();
        final List<Bar> bars = new ArrayList<>();
        private final EventLoop loop;
        final CountDownLatch done;

        Recorder(EventLoop loop, int expectedBars) {
            this.loop = loop;
            this.done = new CountDownLatch(expectedBars);
        }

        @Override
        public void onQuote(Quote quote) {
            quotes.add(quote);
            events.add("Q " + quote.instrumentId().symbol() + " " + loop.clock().now());
        }

        @Override
        public void onBar(Bar bar) {
            bars.add(bar);
            events.add("B " + bar.instrumentId().symbol() + " " + bar.timeframe() + " " + bar.openTime() + " @ "
                    + loop.clock().now());
            done.countDown();
        }
    }

    @Test
    void deliversBarsOfSeveralSeriesAtTheirCloseInTimeThenSeriesOrder() {
        series(ACME, Timeframe.M1, 10, "500");
        series(BTC, Timeframe.M5, 2, "0.0001");
        BarReplayFeed feed = new BarReplayFeed(
                store,
                List.of(new ReplaySeries(BTC, Timeframe.M5), new ReplaySeries(ACME, Timeframe.M1)),
                Instant.MIN,
                Instant.MAX);
        assertThat(feed.startTime()).isEqualTo(T0);
        assertThat(feed.instruments()).containsExactly(BTC, ACME);
        EventLoop loop = new EventLoop(new SimulatedClock(feed.startTime()));
        Recorder sink = new Recorder(loop, 12);
        feed.start(loop, sink);
        loop.runUntilIdle();

        assertThat(sink.bars).hasSize(12);
        assertThat(feed.delivered()).isEqualTo(12);
        // Every bar arrives at its close, right after a quote at the same instant.
        for (int i = 0; i < sink.events.size(); i += 2) {
            assertThat(sink.events.get(i)).startsWith("Q ");
            assertThat(sink.events.get(i + 1)).startsWith("B ");
        }
        List<String> barEvents =
                sink.events.stream().filter(e -> e.startsWith("B ")).toList();
        assertThat(barEvents.subList(0, 6))
                .containsExactly(
                        "B ACME 1m 2024-01-02T09:30:00Z @ 2024-01-02T09:31:00Z",
                        "B ACME 1m 2024-01-02T09:31:00Z @ 2024-01-02T09:32:00Z",
                        "B ACME 1m 2024-01-02T09:32:00Z @ 2024-01-02T09:33:00Z",
                        "B ACME 1m 2024-01-02T09:33:00Z @ 2024-01-02T09:34:00Z",
                        // Both close at 09:35: the series listed first goes first.
                        "B BTC-USD 5m 2024-01-02T09:30:00Z @ 2024-01-02T09:35:00Z",
                        "B ACME 1m 2024-01-02T09:34:00Z @ 2024-01-02T09:35:00Z");
        assertThat(barEvents.get(11)).isEqualTo("B ACME 1m 2024-01-02T09:39:00Z @ 2024-01-02T09:40:00Z");
        assertThat(loop.clock().now()).isAfterOrEqualTo(Instant.parse("2024-01-02T09:40:00Z"));
    }

    @Test
    void eachQuoteIsStampedAtItsBarsCloseAcrossGapsAndPages() {
        // bars without gaps, then a gap of an hour, then one more bar; more bars than a page
        int n = BarReplayFeed.PAGE + 3;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant open = T0.plusSeconds(60L * i + (i == n - 1 ? 3600 : 0));
            BigDecimal c = new BigDecimal(100 + i % 7);
            bars.add(new Bar(ACME.id(), Timeframe.M1, open, c, c, c, c, BigDecimal.TEN));
        }
        store.insert(new SeriesKey(ACME.id(), Timeframe.M1), bars, WriteMode.REFUSE_OVERLAP);
        BarReplayFeed feed =
                new BarReplayFeed(store, List.of(new ReplaySeries(ACME, Timeframe.M1)), Instant.MIN, Instant.MAX, 0);
        EventLoop loop = new EventLoop(new SimulatedClock(feed.startTime()));
        Recorder sink = new Recorder(loop, n);
        feed.start(loop, sink);
        loop.runUntilIdle();

        assertThat(sink.quotes).hasSize(n);
        for (int i = 0; i < n; i++) {
            Instant close = sink.bars.get(i).openTime().plusSeconds(60);
            assertThat(sink.quotes.get(i).timestamp()).as("quote %d", i).isEqualTo(close);
        }
        // before the gap the close is the next bar's open; after it, it is not
        assertThat(sink.quotes.get(n - 2).timestamp())
                .isBefore(sink.bars.get(n - 1).openTime());
    }

    @Test
    void quotesStraddleTheCloseByTheHalfSpreadAndShowTheVolume() {
        series(ACME, Timeframe.M1, 1, "500");
        series(BTC, Timeframe.M1, 1, "0.0001");
        BarReplayFeed feed = new BarReplayFeed(
                store,
                List.of(new ReplaySeries(ACME, Timeframe.M1), new ReplaySeries(BTC, Timeframe.M1)),
                Instant.MIN,
                Instant.MAX,
                2);
        EventLoop loop = new EventLoop(new SimulatedClock(T0));
        Recorder sink = new Recorder(loop, 2);
        feed.start(loop, sink);
        loop.runUntilIdle();
        Quote acme = sink.quotes.get(0);
        assertThat(acme.timestamp()).isEqualTo(T0.plusSeconds(60));
        assertThat(acme.bid().value()).isEqualByComparingTo("99.98");
        assertThat(acme.ask().value()).isEqualByComparingTo("100.02");
        assertThat(acme.bidSize().value()).isEqualByComparingTo("500");
        Quote btc = sink.quotes.get(1);
        assertThat(btc.bid().value()).isEqualByComparingTo("99");
        assertThat(btc.ask().value()).isEqualByComparingTo("101");
        assertThat(btc.askSize().value()).isEqualByComparingTo("0.001"); // at least one lot
    }

    @Test
    void pagesThroughLongSeriesAndHonoursTheRange() {
        int n = BarReplayFeed.PAGE * 2 + 17;
        series(ACME, Timeframe.M1, n, "1");
        Instant from = T0.plusSeconds(60L * 5);
        Instant to = T0.plusSeconds(60L * (n - 5));
        BarReplayFeed feed = new BarReplayFeed(store, List.of(new ReplaySeries(ACME, Timeframe.M1)), from, to);
        EventLoop loop = new EventLoop(new SimulatedClock(T0));
        Recorder sink = new Recorder(loop, n - 10);
        feed.start(loop, sink);
        loop.runUntilIdle();
        assertThat(sink.bars).hasSize(n - 10);
        assertThat(sink.bars.get(0).openTime()).isEqualTo(from);
        for (int i = 1; i < sink.bars.size(); i++) {
            assertThat(sink.bars.get(i).openTime())
                    .isEqualTo(sink.bars.get(i - 1).openTime().plusSeconds(60));
        }
    }

    @Test
    void resumesFromTheClockAndStopsWhenAsked() {
        series(ACME, Timeframe.M1, 10, "1");
        BarReplayFeed feed =
                new BarReplayFeed(store, List.of(new ReplaySeries(ACME, Timeframe.M1)), Instant.MIN, Instant.MAX);
        // The clock is at 09:35: bars that closed before are skipped, the one closing now is delivered.
        EventLoop loop = new EventLoop(new SimulatedClock(T0.plusSeconds(300)));
        Recorder sink = new Recorder(loop, 10);
        feed.start(loop, sink);
        loop.runUntil(Clock.toNanos(T0.plusSeconds(420)));
        assertThat(sink.bars)
                .extracting(Bar::openTime)
                .containsExactly(T0.plusSeconds(240), T0.plusSeconds(300), T0.plusSeconds(360));
        feed.stop();
        loop.runUntilIdle();
        assertThat(sink.bars).hasSize(3);
    }

    @Test
    void runsOnAWallClockAtItsSpeedFactor() throws Exception {
        series(ACME, Timeframe.M1, 5, "1");
        BarReplayFeed feed =
                new BarReplayFeed(store, List.of(new ReplaySeries(ACME, Timeframe.M1)), Instant.MIN, Instant.MAX);
        WallClock clock = new WallClock(feed.startTime());
        clock.setSpeed(6_000); // a minute bar every 10 ms of real time
        // Hold engine time until the feed is scheduled: at 6000× a slow start would skip bars.
        clock.setPaused(true);
        EventLoop loop = new EventLoop(clock);
        Recorder sink = new Recorder(loop, 5);
        loop.start("replay-test");
        try {
            loop.execute(() -> {
                feed.start(loop, sink);
                clock.setPaused(false);
            });
            assertThat(sink.done.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            loop.stop();
        }
        assertThat(sink.bars)
                .extracting(Bar::openTime)
                .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(180), T0.plusSeconds(240));
        // Engine time never runs ahead of the bar being delivered: each quote is stamped at its close.
        for (int i = 0; i < 5; i++) {
            assertThat(sink.quotes.get(i).timestamp()).isEqualTo(T0.plusSeconds(60L * (i + 1)));
        }
    }
}
