package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.backtest.BacktestFiles;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbitrage record} then {@code backtest --strategy builtin:funding-arbitrage --recording}. */
class RecordingBacktestTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        return PaperdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private int run(String... args) {
        return run(new StringWriter(), new StringWriter(), args);
    }

    @Test
    void aRecordedDayBacktestsLikeAnyStrategyAndLandsInTheWorkspaceHistory() throws Exception {
        Path day = dir.resolve("day.pdmr");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "arbitrage", "record", "--seed", "2", "--duration", "2m", "--out", day.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("recorded PT2M of seed 2:").contains(" events, ");

        Path first = dir.resolve("a.json");
        Path second = dir.resolve("b.json");
        Path trades = dir.resolve("trades.csv");
        Path equity = dir.resolve("equity.csv");
        Path workspace = dir.resolve("w.paperdesk");
        out = new StringWriter();
        err = new StringWriter();
        int code = run(
                out,
                err,
                "backtest",
                "--strategy",
                "builtin:funding-arbitrage",
                "--recording",
                day.toString(),
                "--capital",
                "20000",
                "--param",
                "min_confidence=65",
                "--seed",
                "2",
                "--out",
                first.toString(),
                "--trades",
                trades.toString(),
                "--equity",
                equity.toString(),
                "--workspace",
                workspace.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("funding-arbitrage on day.pdmr:").contains(" events, ");
        assertThat(run(
                        "backtest",
                        "--strategy",
                        "builtin:funding-arbitrage",
                        "--recording",
                        day.toString(),
                        "--capital",
                        "20000",
                        "--param",
                        "min_confidence=65",
                        "--seed",
                        "2",
                        "--out",
                        second.toString()))
                .isZero();
        // the same recording and seed give the same file but for the measured run time
        assertThat(withoutRunTime(Files.readString(second))).isEqualTo(withoutRunTime(Files.readString(first)));
        assertThat(dev.paperdesk.engine.arbitrage.ArbitrageFiles.readTree(Files.readString(first))
                        .path("timing")
                        .path("run_ms")
                        .isIntegralNumber())
                .isTrue();

        var json = dev.paperdesk.engine.arbitrage.ArbitrageFiles.readTree(Files.readString(first));
        for (String key : new String[] {"config", "assumptions", "metrics", "trades", "fills", "equity", "timing"}) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        for (String key : new String[] {
            "total_return",
            "cagr",
            "sharpe",
            "sortino",
            "max_drawdown",
            "win_rate",
            "profit_factor",
            "expectancy",
            "exposure",
            "trades"
        }) {
            assertThat(json.path("metrics").has(key)).as(key).isTrue();
        }
        assertThat(json.path("timing").path("bars").asLong()).isPositive();
        assertThat(json.path("config").path("parameters").path("min_confidence").asText())
                .isEqualTo("65");
        assertThat(Files.readString(trades)).startsWith(BacktestFiles.TRADES_HEADER);
        assertThat(Files.readAllLines(equity)).hasSize(3).first().isEqualTo(BacktestFiles.EQUITY_HEADER);

        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(workspace)) {
            var saved = BacktestArchive.list(store.backtests());
            assertThat(saved).hasSize(1);
            assertThat(saved.get(0).source()).isEqualTo("builtin:funding-arbitrage");
            var back =
                    BacktestArchive.load(store.backtests(), saved.get(0).id()).orElseThrow();
            assertThat(BacktestFiles.toJson(back)).isEqualTo(Files.readString(first));
        }
    }

    /** A result file's tree without {@code timing.run_ms}, the wall-clock figure. */
    static com.fasterxml.jackson.databind.JsonNode withoutRunTime(String json) {
        var tree = dev.paperdesk.engine.arbitrage.ArbitrageFiles.readTree(json);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("timing")).remove("run_ms");
        return tree;
    }

    @Test
    void barOptionsAndDamagedRecordingsAreRefusedClearly() throws Exception {
        Path day = dir.resolve("day.pdmr");
        assertThat(run("arbitrage", "record", "--seed", "1", "--duration", "1m", "--out", day.toString()))
                .isZero();
        StringWriter err = new StringWriter();
        int code = run(
                new StringWriter(),
                err,
                "backtest",
                "--strategy",
                "builtin:funding-arbitrage",
                "--recording",
                day.toString(),
                "--data",
                "X=x.csv",
                "--out",
                dir.resolve("r.json").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--data does not apply to builtin:funding-arbitrage");

        err = new StringWriter();
        code = run(
                new StringWriter(),
                err,
                "backtest",
                "--strategy",
                "builtin:sma-cross",
                "--recording",
                day.toString(),
                "--out",
                dir.resolve("r.json").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("for --strategy builtin:funding-arbitrage only");

        byte[] bytes = Files.readAllBytes(day);
        Path cut = dir.resolve("cut.pdmr");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        err = new StringWriter();
        code = run(
                new StringWriter(),
                err,
                "backtest",
                "--strategy",
                "builtin:funding-arbitrage",
                "--recording",
                cut.toString(),
                "--out",
                dir.resolve("r.json").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains(cut.toString()).contains("event ").contains("at byte ");
        assertThat(dir.resolve("r.json")).doesNotExist();
    }
}
