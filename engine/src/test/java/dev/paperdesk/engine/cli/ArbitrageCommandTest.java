package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperdesk.engine.arbitrage.ArbitrageFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArbitrageCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        return PaperdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void simulateWritesTheDocumentedResultKeysAndTheSameFileForTheSameSeed() throws Exception {
        Path first = dir.resolve("a.json");
        Path second = dir.resolve("b.json");
        Path trades = dir.resolve("trades.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(
                out,
                err,
                "arbitrage",
                "simulate",
                "--seed",
                "3",
                "--duration",
                "5m",
                "--capital",
                "15000",
                "--out",
                first.toString(),
                "--trades",
                trades.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("arbitrage seed 3, PT5M simulated").contains("rejections: depth=");
        assertThat(run(
                        new StringWriter(),
                        new StringWriter(),
                        "arbitrage",
                        "simulate",
                        "--seed",
                        "3",
                        "--duration",
                        "5m",
                        "--capital",
                        "15000",
                        "--out",
                        second.toString()))
                .isZero();
        String json = Files.readString(first);
        assertThat(json).isEqualTo(Files.readString(second));

        JsonNode root = ArbitrageFiles.readTree(json);
        for (String key : List.of(
                "seed",
                "start",
                "end",
                "duration",
                "symbols",
                "venues",
                "settings",
                "portfolio",
                "trades",
                "rejections_by_reason",
                "leg_out_events",
                "latency_violations",
                "top_opportunities",
                "decisions")) {
            assertThat(root.has(key)).as(key).isTrue();
        }
        assertThat(root.get("duration").asText()).isEqualTo("PT5M");
        assertThat(root.get("venues")).hasSize(8);
        JsonNode p = root.get("portfolio");
        assertThat(p.get("starting_capital").decimalValue()).isEqualByComparingTo("15000");
        for (String key : List.of(
                "available_capital",
                "open_exposure",
                "utilization_pct",
                "total_trades",
                "win_rate_pct",
                "cumulative_pnl",
                "pnl_pct",
                "leg_out_count",
                "leg_out_total_loss",
                "leg_out_loss_pct",
                "realistic_apr_pct")) {
            assertThat(p.has(key)).as(key).isTrue();
        }
        assertThat(root.get("rejections_by_reason").has("harder_leg_unfilled")).isTrue();
        assertThat(root.get("rejections_by_reason").get("funding_delta").asLong())
                .isPositive();
        // five minutes of all eight venues always see paradex's latency spike past 200 ms at least once
        assertThat(root.get("latency_violations")).isNotEmpty();
        assertThat(root.get("latency_violations").get(0).has("average_millis")).isTrue();

        List<String> rows = Files.readAllLines(trades);
        assertThat(rows.get(0)).isEqualTo(ArbitrageFiles.TRADES_HEADER);
        assertThat(rows).hasSize(root.get("trades").size() + 1);
    }

    @Test
    void badArgumentsAreRefusedWithAMessage() {
        StringWriter err = new StringWriter();
        int code = run(
                new StringWriter(),
                err,
                "arbitrage",
                "simulate",
                "--seed",
                "1",
                "--duration",
                "tomorrow",
                "--out",
                dir.resolve("x.json").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--duration must be a number with s, m, h or d");
        StringWriter err2 = new StringWriter();
        assertThat(run(
                        new StringWriter(),
                        err2,
                        "arbitrage",
                        "simulate",
                        "--seed",
                        "1",
                        "--duration",
                        "1h",
                        "--capital",
                        "-5",
                        "--out",
                        dir.resolve("y.json").toString()))
                .isEqualTo(2);
        assertThat(err2.toString()).contains("--capital must be positive");
        assertThat(Files.exists(dir.resolve("x.json"))).isFalse();
    }

    @Test
    void helpDocumentsTheResultKeys() {
        StringWriter out = new StringWriter();
        assertThat(run(out, new StringWriter(), "arbitrage", "simulate", "--help"))
                .isZero();
        assertThat(out.toString())
                .contains("rejections_by_reason")
                .contains("leg_out_events")
                .contains("latency_violations")
                .contains("realistic_apr_pct")
                .contains("--trades");
    }
}
