package dev.paperdesk.engine.arbitrage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.backtest.BacktestFiles;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.sim.VenueProfile;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorded multi-venue market file backtests the strategy like any other: the same recording and
 * seed give the same bytes, the replay decides exactly as the live run on the same market, and a
 * damaged file is refused naming the file, event, offset and field.
 */
class ArbitrageBacktestTest {
    private static final Duration RUN = Duration.ofMinutes(5);
    private static final long SEED = 5;

    @TempDir
    static Path dir;

    private static Path recording;
    private static long recorded;

    private static MarketDataFeed market() {
        Set<String> symbols = Set.of("SOL-USDT-PERP", "BNB-USDT-PERP");
        return ArbitrageSimulation.market(
                SEED, l -> symbols.contains(l.instrument().id().symbol()));
    }

    @BeforeAll
    static void record() throws Exception {
        recording = dir.resolve("day" + MarketRecording.EXTENSION);
        recorded = MarketRecording.record(
                market(), "test market", SEED, ArbitrageSimulation.DEFAULT_START, RUN, recording, t -> {});
    }

    @Test
    void theRecordingHoldsTheMarketWithAHeader() throws Exception {
        MarketRecording.Header h = MarketRecording.readHeader(recording);
        assertThat(h.version()).isEqualTo(MarketRecording.VERSION);
        assertThat(h.start()).isEqualTo(ArbitrageSimulation.DEFAULT_START);
        assertThat(h.duration()).isEqualTo(RUN);
        assertThat(h.instruments()).hasSize(16);
        assertThat(recorded).isGreaterThan(10_000);
        assertThat(MarketRecording.verify(recording)).isEqualTo(recorded);
    }

    @Test
    void theSameRecordingAndSeedGiveTheSameResultBytes() throws Exception {
        ArbitrageBacktest.Outcome a =
                ArbitrageBacktest.run(recording, new BigDecimal("20000"), Map.of(), SEED, t -> {});
        ArbitrageBacktest.Outcome b =
                ArbitrageBacktest.run(recording, new BigDecimal("20000"), Map.of(), SEED, t -> {});
        String json = BacktestFiles.toJson(a.result());
        // identical but for the measured run time, which RESULT.json reports as bar backtests do
        assertThat(withoutRunTime(json)).isEqualTo(withoutRunTime(BacktestFiles.toJson(b.result())));
        assertThat(a.result().timing().runMs()).isNotNegative();
        BacktestResult back = BacktestFiles.fromJson(json);
        assertThat(back.config().source()).isEqualTo(ArbitrageBacktest.STRATEGY);
        assertThat(back.timing().bars()).isEqualTo(a.events()).isPositive();
        // a mark a minute, and the last at the end
        assertThat(back.equity()).hasSize(5);
        assertThat(back.equity().get(4).time()).isEqualTo(ArbitrageSimulation.DEFAULT_START.plus(RUN));
        assertThat(back.metrics().trades()).isEqualTo((int) a.arbitrage().trades().stream()
                .filter(t -> t.status() == TradeStatus.CLOSED)
                .count());
        // closed trades carry the spread's excursions, so the trades file has every column
        assertThat(back.trades()).allSatisfy(t -> {
            assertThat(t.mae()).isNotNegative();
            assertThat(t.mfe()).isNotNegative();
        });
        assertThat(BacktestFiles.tradesCsv(back)).startsWith(BacktestFiles.TRADES_HEADER);
        BigDecimal last = back.equity().get(4).equity();
        BigDecimal realised =
                new BigDecimal("20000").add(a.arbitrage().portfolio().cumulativePnl());
        if (a.arbitrage().portfolio().activeTrades() == 0) {
            assertThat(last).isEqualByComparingTo(realised);
        }
    }

    @Test
    void theReplayedBacktestDecidesAsTheLiveRunOnTheSameMarket() throws Exception {
        ArbitrageStrategy live =
                new ArbitrageStrategy(ArbitrageSettings.defaults(SEED), VenueProfile.cryptoVenues(), null);
        ArbitrageResult headless =
                ArbitrageSimulation.run(live, market(), SEED, ArbitrageSimulation.DEFAULT_START, RUN, t -> {});
        ArbitrageBacktest.Outcome replay =
                ArbitrageBacktest.run(recording, ArbitrageSettings.DEFAULT_CAPITAL, Map.of(), SEED, t -> {});
        assertThat(live.decisionCount()).isPositive();
        assertThat(headless.rejections()).isPositive();
        assertThat(ArbitrageFiles.json(replay.arbitrage())).isEqualTo(ArbitrageFiles.json(headless));
    }

    @Test
    void parametersOverrideTheThresholdsByName() {
        ArbitrageSettings s = ArbitrageBacktest.settings(
                new BigDecimal("5000"), Map.of("min_confidence", "60", "queue_share", "0.1"), 9);
        assertThat(s.minConfidence()).isEqualTo(60);
        assertThat(s.queueShare()).isEqualTo(0.1);
        assertThat(s.startingCapital()).isEqualByComparingTo("5000");
        assertThat(s.seed()).isEqualTo(9);
        assertThatThrownBy(() -> ArbitrageBacktest.settings(BigDecimal.TEN, Map.of("fast", "3"), 1))
                .hasMessageContaining("unknown parameter 'fast'")
                .hasMessageContaining("min_confidence");
        assertThatThrownBy(() -> ArbitrageBacktest.settings(BigDecimal.TEN, Map.of("min_confidence", "x"), 1))
                .hasMessageContaining("min_confidence needs a int");
    }

    @Test
    void aTruncatedRecordingIsRefusedNamingTheFileEventAndOffset() throws Exception {
        byte[] plain = gunzip(Files.readAllBytes(recording));
        Path cut = dir.resolve("cut.pdmr");
        Files.write(cut, gzip(java.util.Arrays.copyOf(plain, plain.length / 2)));
        assertThatThrownBy(() -> ArbitrageBacktest.run(cut, BigDecimal.TEN, Map.of(), SEED, t -> {}))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining(cut.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("event ")
                .hasMessageContaining("at byte ");
        // a gzip stream cut short is refused too
        byte[] raw = Files.readAllBytes(recording);
        Path shortGzip = dir.resolve("short.pdmr");
        Files.write(shortGzip, java.util.Arrays.copyOf(raw, raw.length - 100));
        assertThatThrownBy(() -> MarketRecording.verify(shortGzip))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining(shortGzip.toString());
    }

    @Test
    void aCorruptFieldIsNamed() throws Exception {
        byte[] plain = gunzip(Files.readAllBytes(recording));
        Path bad = dir.resolve("bad.pdmr");
        byte[] badVersion = plain.clone();
        badVersion[9] = 7;
        Files.write(bad, gzip(badVersion));
        assertThatThrownBy(() -> MarketRecording.readHeader(bad))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("header, field version at byte 8")
                .hasMessageContaining("format version 7 is not supported");
        Path text = dir.resolve("text.pdmr");
        Files.writeString(text, "time,bid,ask\n");
        assertThatThrownBy(() -> MarketRecording.open(text))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("field magic");
        // an unknown event kind in the middle of the stream
        long offset = firstEventOffset(plain);
        byte[] badKind = plain.clone();
        badKind[(int) offset] = 7;
        Path kind = dir.resolve("kind.pdmr");
        Files.write(kind, gzip(badKind));
        assertThatThrownBy(() -> MarketRecording.verify(kind))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("event 0, field kind at byte " + offset)
                .hasMessageContaining("unknown event kind 7");
    }

    /** The offset of the first event: where a reader stopped reading the header. */
    private static long firstEventOffset(byte[] plain) throws Exception {
        byte[] cut = java.util.Arrays.copyOf(plain, plain.length);
        // the header ends where the first event's kind (1..6) starts: find it by reading a header-only file
        for (int n = 20; n < cut.length; n++) {
            Path p = dir.resolve("probe.pdmr");
            Files.write(p, gzip(java.util.Arrays.copyOf(plain, n)));
            try {
                MarketRecording.readHeader(p);
                return n;
            } catch (RecordingFormatException e) {
                // header not complete yet
            }
        }
        throw new AssertionError("no header end found");
    }

    private static com.fasterxml.jackson.databind.JsonNode withoutRunTime(String json) {
        var tree = ArbitrageFiles.readTree(json);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("timing")).remove("run_ms");
        return tree;
    }

    private static byte[] gunzip(byte[] data) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
