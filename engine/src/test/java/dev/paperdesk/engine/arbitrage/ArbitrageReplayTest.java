package dev.paperdesk.engine.arbitrage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.sim.VenueProfile;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The strategy runs inside a trading session exactly as on its own loop, and a recorded
 * multi-venue market replayed through a session reproduces the live run decision for decision:
 * the backtest of the arbitrage strategy is a replay through the same session API.
 */
class ArbitrageReplayTest {
    private static final Duration RUN = Duration.ofMinutes(5);

    private static MarketDataFeed market() {
        // two symbols on all eight venues keep the recording small; the rest of the model still runs
        Set<String> symbols = Set.of("SOL-USDT-PERP", "BNB-USDT-PERP");
        return ArbitrageSimulation.market(
                5, l -> symbols.contains(l.instrument().id().symbol()));
    }

    private static ArbitrageStrategy strategy() {
        return new ArbitrageStrategy(ArbitrageSettings.defaults(5), VenueProfile.cryptoVenues(), null);
    }

    private static String runInSession(ArbitrageStrategy s, MarketDataFeed feed) {
        SessionConfig config = new SessionConfig(
                null,
                s.wrap(feed),
                StandardFeeModel.DEFAULT,
                ArbitrageSimulation.DEFAULT_START,
                false,
                new BigDecimal("100000"));
        try (TradingSession session = TradingSession.open(config)) {
            s.setRunning(true);
            session.advance(RUN);
        }
        return ArbitrageFiles.json(ArbitrageSimulation.result(
                s, feed, 5, ArbitrageSimulation.DEFAULT_START, ArbitrageSimulation.DEFAULT_START.plus(RUN)));
    }

    @Test
    void aReplayedMultiVenueMarketReproducesTheLiveSessionRun() {
        RecordedMarket.Recorder recorder = new RecordedMarket.Recorder(market());
        ArbitrageStrategy live = strategy();
        String liveResult = runInSession(live, recorder);
        RecordedMarket replay = recorder.replay();
        assertThat(replay.size()).isGreaterThan(10_000);

        ArbitrageStrategy backtest = strategy();
        String replayResult = runInSession(backtest, replay);

        assertThat(live.decisionCount()).isPositive();
        assertThat(replayResult).isEqualTo(liveResult);
        assertThat(backtest.rejectionsByReason().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isPositive();
    }

    @Test
    void inASessionTheStrategyDecidesAsOnItsOwnLoop() {
        ArbitrageStrategy inSession = strategy();
        String session = runInSession(inSession, market());
        ArbitrageStrategy alone = strategy();
        ArbitrageResult own =
                ArbitrageSimulation.run(alone, market(), 5, ArbitrageSimulation.DEFAULT_START, RUN, t -> {});
        assertThat(session).isEqualTo(ArbitrageFiles.json(own));
        assertThat(List.of(own.rejections())).allMatch(n -> n > 0);
    }
}
