package dev.paperdesk.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.BacktestStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestArchiveTest {
    @TempDir
    Path dir;

    @Test
    void resultsSurviveTheWorkspaceAndTheJsonRoundTrip() {
        BacktestResult result = Backtester.run(BacktesterTest.smaCross());
        Path workspace = dir.resolve("w.paperdesk");
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        long id;
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(workspace, at, 1))) {
            BacktestStore store = s.backtests().orElseThrow();
            id = BacktestArchive.save(store, result, at);
        }
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(workspace, at, 1))) {
            BacktestStore store = s.backtests().orElseThrow();
            assertThat(BacktestArchive.list(store)).singleElement().satisfies(sum -> {
                assertThat(sum.id()).isEqualTo(id);
                assertThat(sum.createdAt()).isEqualTo(at);
                assertThat(sum.strategy()).isEqualTo("sma-cross");
                assertThat(sum.instruments()).isEqualTo("ACME@hist");
                assertThat(sum.trades()).isEqualTo(result.trades().size());
                assertThat(sum.totalReturn()).isEqualTo(result.metrics().totalReturn());
            });
            BacktestResult back = BacktestArchive.load(store, id).orElseThrow();
            assertThat(back)
                    .usingRecursiveComparison()
                    .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                    .isEqualTo(result);
            assertThat(store.delete(id)).isTrue();
            assertThat(store.list()).isEmpty();
        }
        try (TradingSession memory = TradingSession.open(SessionConfig.simulated(null, at, 1))) {
            assertThat(memory.backtests()).isEmpty();
        }
    }
}
