package dev.paperdesk.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live trades become candles that are published while they form and kept in the workspace. */
class LiveBarsTest {
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT@binance");
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void completedBarsAreStoredAndFormingBarsArePublished() {
        Path file = dir.resolve("bars.paperdesk");
        List<EngineEvent.BarsUpdated> updates = new ArrayList<>();
        List<Bar> stored;
        SessionConfig config = SessionConfig.simulated(file, START, 5)
                .withFeed(SimulatedMarket.defaultMarket(5, List.of("BTC-USDT@binance")));
        try (TradingSession s = TradingSession.open(config)) {
            s.addListener(e -> {
                if (e instanceof EngineEvent.BarsUpdated b) {
                    updates.add(b);
                }
            });
            s.advance(Duration.ofMinutes(3).plusSeconds(10));
            stored = s.storedBars(BTC, Timeframe.M1, s.now(), 100);
        }
        assertThat(updates).isNotEmpty();
        EngineEvent.BarsUpdated last = updates.get(updates.size() - 1);
        assertThat(last.instrumentId()).isEqualTo(BTC);
        assertThat(last.current()).extracting(Bar::timeframe).contains(Timeframe.M1, Timeframe.H1, Timeframe.D1);

        assertThat(stored).hasSizeGreaterThanOrEqualTo(3);
        assertThat(stored.get(0).openTime()).isEqualTo(START);
        assertThat(stored).extracting(Bar::openTime).isSorted();
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file)) {
            var info = store.bars().info(new SeriesKey(BTC, Timeframe.M1)).orElseThrow();
            // Three whole minutes were stored; the minute still forming at close is not (a restart in
            // the same minute would otherwise store two bars with one open time).
            assertThat(info.rows()).isEqualTo(3);
            assertThat(store.bars().info(new SeriesKey(BTC, Timeframe.D1))).isEmpty();
        }
    }
}
