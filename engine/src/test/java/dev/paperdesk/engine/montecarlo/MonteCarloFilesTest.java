package dev.paperdesk.engine.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MonteCarloFilesTest {
    @Test
    void summariesRoundTripThroughMcJson() {
        Random random = new Random(4);
        double[] pnl = new double[300];
        for (int i = 0; i < pnl.length; i++) {
            pnl[i] = Math.round(random.nextGaussian() * 100 + 5);
        }
        MonteCarloResult r = MonteCarloRunner.run(
                new TradeBootstrap(TradeSample.of(pnl, Duration.ofDays(400))),
                MonteCarloConfig.defaults(10_000, 3).withPaths(1000).withParallelism(2));
        MonteCarloFiles.Header header = new MonteCarloFiles.Header(
                "bootstrap", "sma-cross", List.of("ACME@hist"), "trade", new double[] {1, 2}, Double.NaN, Double.NaN);
        String json = MonteCarloFiles.toJson(header, r);
        MonteCarloFiles.Loaded back = MonteCarloFiles.fromJson(json);

        MonteCarloResult b = back.result();
        assertThat(b.bands()).isEqualTo(r.bands());
        assertThat(b.method()).isEqualTo("trade-bootstrap");
        assertThat(b.paths()).isEqualTo(1000);
        assertThat(b.config().seed()).isEqualTo(3);
        assertThat(b.original()).isEqualTo(r.original());
        assertThat(b.probabilityOfProfit()).isEqualTo(r.probabilityOfProfit());
        for (Distribution[] d : List.of(
                new Distribution[] {r.finalEquity(), b.finalEquity()},
                new Distribution[] {r.maxDrawdown(), b.maxDrawdown()},
                new Distribution[] {r.sharpe(), b.sharpe()})) {
            assertThat(d[1].p5()).isEqualTo(d[0].p5());
            assertThat(d[1].p50()).isEqualTo(d[0].p50());
            assertThat(d[1].p95()).isEqualTo(d[0].p95());
            assertThat(d[1].mean()).isEqualTo(d[0].mean());
            assertThat(d[1].interval()).isEqualTo(d[0].interval());
            assertThat(d[1].histogram()).isEqualTo(d[0].histogram());
        }
        assertThat(back.header().originalEquity()).containsExactly(1, 2);
        assertThat(back.header().method()).isEqualTo("bootstrap");
        assertThat(json).doesNotContain("parallelism");
        // written again from what was read, the file is the same
        assertThat(MonteCarloFiles.toJson(back.header(), b)).isEqualTo(json);
    }

    @Test
    void aFileWithoutItsKeysIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> MonteCarloFiles.fromJson("{\"method\": \"shuffle\"}"))
                .hasMessageContaining("key 'strategy' is missing");
        assertThatThrownBy(() -> MonteCarloFiles.fromJson("[1, 2")).hasMessageStartingWith("not a Monte Carlo file");
    }
}
