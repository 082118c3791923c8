package dev.paperdesk.engine.arbitrage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.store.ArbitrageStore;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every decision, trade and ranked scan reaches the workspace, and survives reopening it. */
class ArbitragePersistenceTest {
    @TempDir
    Path dir;

    @Test
    void decisionsTradesAndOpportunitiesArePersistedInTheWorkspace() {
        Path file = dir.resolve("arb.paperdesk");
        List<Decision> logged;
        TradeRecord closed;
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file)) {
            ArbitrageSettings d = ArbitrageSettings.defaults(7);
            ScriptedMarket market = new ScriptedMarket(List.of(
                    new ScriptedMarket.Venue(
                            "paradex", 8, t -> 10_000, 0.5, 2, 5, t -> -0.0002, t -> true, t -> true, 0.5),
                    new ScriptedMarket.Venue(
                            "binance",
                            8,
                            t -> 10_020,
                            0.5,
                            2,
                            5,
                            t -> t >= 5_000_000_000L ? -0.0002 : 0.0003,
                            t -> t >= 3_000_000_000L,
                            t -> t >= 3_000_000_000L,
                            0.5)));
            Harness h = new Harness(
                            market,
                            List.of(
                                    ScriptedMarket.profile("paradex", 20, 1, 5),
                                    ScriptedMarket.profile("binance", 250, 1, 5)),
                            d.withThresholds(50, d.minSpreadBps(), d.minFundingDelta8h(), d.minDepthUsd()),
                            store.arbitrage())
                    .run(Duration.ofSeconds(3));
            h.strategy.flushStore();
            logged = h.decisions;
            closed = h.strategy.trades().isEmpty() ? null : h.strategy.trades().get(0);
        }
        try (SqliteWorkspaceStore reopened = SqliteWorkspaceStore.open(file)) {
            ArbitrageStore a = reopened.arbitrage();
            List<ArbitrageStore.DecisionRow> rows = a.decisions(1_000);
            assertThat(rows).hasSize(logged.size());
            // binance is stale (250 ms): a latency violation, and every scan rejected on latency
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.kind()).isEqualTo("LATENCY_VIOLATION");
                assertThat(r.subject()).isEqualTo("binance");
            });
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.kind()).isEqualTo("REJECTION");
                assertThat(r.reason()).isEqualTo("latency");
                assertThat(r.subject()).isEqualTo("BTC-USDT-PERP paradex/binance");
            });
            assertThat(rows.get(0).time())
                    .isAfterOrEqualTo(rows.get(rows.size() - 1).time());
            assertThat(closed).isNull();
            assertThat(a.trades()).isEmpty();
        }
    }

    @Test
    void aTradeIsKeptAsJsonWithItsStatusAndProfit() {
        Path file = dir.resolve("trades.paperdesk");
        TradeRecord t;
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file)) {
            ArbitrageSettings d = ArbitrageSettings.defaults(7);
            ScriptedMarket market = new ScriptedMarket(List.of(
                    new ScriptedMarket.Venue(
                            "paradex", 8, t0 -> 10_000, 0.5, 2, 5, t0 -> -0.0002, t0 -> true, t0 -> true, 0.5),
                    new ScriptedMarket.Venue(
                            "binance",
                            8,
                            t0 -> 10_020,
                            0.5,
                            2,
                            5,
                            t0 -> t0 >= 5_000_000_000L ? -0.0002 : 0.0003,
                            t0 -> t0 >= 1_700_000_000L,
                            t0 -> t0 >= 1_700_000_000L,
                            0.5)));
            Harness h = new Harness(
                            market,
                            List.of(
                                    ScriptedMarket.profile("paradex", 20, 1, 5),
                                    ScriptedMarket.profile("binance", 20, 1, 5)),
                            d.withThresholds(50, d.minSpreadBps(), d.minFundingDelta8h(), d.minDepthUsd()),
                            store.arbitrage())
                    .run(Duration.ofSeconds(8));
            h.strategy.flushStore();
            t = h.strategy.closedTrades().get(0);
            assertThat(store.arbitrage().opportunitySnapshots()).isPositive();
        }
        try (SqliteWorkspaceStore reopened = SqliteWorkspaceStore.open(file)) {
            List<ArbitrageStore.TradeRow> rows = reopened.arbitrage().trades();
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(t.id());
                assertThat(r.status()).isEqualTo("CLOSED");
                assertThat(r.profit()).isEqualTo(t.actualProfit().doubleValue());
                var json = ArbitrageFiles.readTree(r.json());
                // the entry's leg-out cost more than the loss limit allows: cut at the first monitor
                assertThat(json.get("exit_reason").asText()).isEqualTo("loss_limit");
                assertThat(json.get("leg_outs")).hasSize(1);
                assertThat(json.get("orders").get(0).get("queue_threshold").asDouble())
                        .isEqualTo(0.2);
            });
            assertThat(reopened.arbitrage().decisions(10))
                    .extracting(ArbitrageStore.DecisionRow::kind)
                    .contains("EXIT", "LEG_OUT", "ENTRY");
        }
    }
}
