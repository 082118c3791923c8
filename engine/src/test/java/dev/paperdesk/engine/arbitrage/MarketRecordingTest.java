package dev.paperdesk.engine.arbitrage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.clock.SimulatedClock;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.FundingRate;
import dev.paperdesk.engine.market.MarkPrice;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.OpenInterest;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.market.sim.VenueProfile;
import dev.paperdesk.engine.model.Quote;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording is exact: a full-book file replays every event of the live feed, value for value and
 * scale for scale, at its engine time; a file capped to the strategy's depth band differs only in
 * the book levels beyond the band, and the strategy decides on it exactly as on the live market.
 */
class MarketRecordingTest {
    private static final long SEED = 3;
    private static final Duration RUN = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private static MarketDataFeed market() {
        Set<String> symbols = Set.of("ETH-USDT-PERP", "DOGE-USDT-PERP");
        return ArbitrageSimulation.market(
                SEED, l -> symbols.contains(l.instrument().id().symbol()));
    }

    /** Every perpetual event of {@code feed} over the run, as text with its engine time. */
    private static List<String> events(MarketDataFeed feed, UnaryOperator<BookSnapshot> book) {
        EventLoop loop = new EventLoop(new SimulatedClock(ArbitrageSimulation.DEFAULT_START));
        List<String> out = new ArrayList<>();
        MarketDataSink sink = new MarketDataSink() {
            @Override
            public void onQuote(Quote q) {
                out.add(loop.nowNanos() + " " + q);
            }

            @Override
            public void onTrade(TradePrint t) {
                out.add(loop.nowNanos() + " " + t);
            }

            @Override
            public void onBook(BookSnapshot b) {
                out.add(loop.nowNanos() + " " + book.apply(b));
            }

            @Override
            public void onMarkPrice(MarkPrice m) {
                out.add(loop.nowNanos() + " " + m);
            }

            @Override
            public void onFundingRate(FundingRate f) {
                out.add(loop.nowNanos() + " " + f);
            }

            @Override
            public void onOpenInterest(OpenInterest o) {
                out.add(loop.nowNanos() + " " + o);
            }
        };
        loop.execute(() -> feed.start(loop, sink));
        loop.runUntil(Clock.toNanos(ArbitrageSimulation.DEFAULT_START.plus(RUN)) - 1);
        feed.stop();
        return out;
    }

    private static BookSnapshot capped(BookSnapshot b, double bps) {
        return new BookSnapshot(b.instrumentId(), b.timestamp(), cut(b.bids(), false, bps), cut(b.asks(), true, bps));
    }

    private static List<BookLevel> cut(List<BookLevel> levels, boolean asks, double bps) {
        if (levels.isEmpty()) {
            return levels;
        }
        double touch = levels.get(0).price().toDouble();
        List<BookLevel> out = new ArrayList<>();
        for (BookLevel l : levels) {
            if (!ListingState.withinBand(touch, l.price().toDouble(), asks, bps)) {
                break;
            }
            out.add(l);
        }
        return out;
    }

    private Path record(BigDecimal band, String name) throws Exception {
        Path file = dir.resolve(name);
        MarketRecording.record(market(), "test", SEED, ArbitrageSimulation.DEFAULT_START, RUN, band, file, t -> {});
        return file;
    }

    @Test
    void aFullBookRecordingReplaysEveryEventExactly() throws Exception {
        Path file = record(BigDecimal.ZERO, "full.pdmr");
        List<String> live = events(market(), b -> b);
        List<String> replayed;
        try (MarketRecording.Replay replay = MarketRecording.open(file)) {
            assertThat(replay.header().fullBooks()).isTrue();
            replayed = events(replay, b -> b);
        }
        assertThat(live).hasSizeGreaterThan(5_000);
        assertThat(live.stream().anyMatch(e -> e.contains("BookSnapshot"))).isTrue();
        assertThat(replayed).isEqualTo(live);
    }

    @Test
    void aCappedRecordingKeepsTheBandAndEverythingElse() throws Exception {
        Path full = record(BigDecimal.ZERO, "full.pdmr");
        Path file = record(MarketRecording.STRATEGY_BOOK_BAND_BPS, "capped.pdmr");
        MarketRecording.Header header = MarketRecording.readHeader(file);
        assertThat(header.bookBandBps()).isEqualByComparingTo("2");
        assertThat(header.coversBand(ArbitrageStrategy.DEPTH_BAND_BPS)).isTrue();
        assertThat(header.coversBand(3)).isFalse();
        List<String> live = events(market(), b -> capped(b, 2));
        List<String> replayed;
        try (MarketRecording.Replay replay = MarketRecording.open(file)) {
            replayed = events(replay, b -> b);
        }
        assertThat(replayed).isEqualTo(live);
        System.out.println("SIZES file " + Files.size(file) + " full " + Files.size(full));
        assertThat(Files.size(file)).isLessThan(Files.size(full) * 3 / 4);
    }

    @Test
    void theStrategyDecidesOnACappedRecordingAsOnTheLiveMarket() throws Exception {
        Path file = record(MarketRecording.STRATEGY_BOOK_BAND_BPS, "capped.pdmr");
        ArbitrageStrategy live =
                new ArbitrageStrategy(ArbitrageSettings.defaults(SEED), VenueProfile.cryptoVenues(), null);
        ArbitrageResult headless =
                ArbitrageSimulation.run(live, market(), SEED, ArbitrageSimulation.DEFAULT_START, RUN, t -> {});
        ArbitrageBacktest.Outcome replay =
                ArbitrageBacktest.run(file, ArbitrageSettings.DEFAULT_CAPITAL, Map.of(), SEED, t -> {});
        assertThat(headless.rejections()).isPositive();
        assertThat(ArbitrageFiles.json(replay.arbitrage())).isEqualTo(ArbitrageFiles.json(headless));
    }
}
