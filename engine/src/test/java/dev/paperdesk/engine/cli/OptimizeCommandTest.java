package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizeCommandTest {
    @TempDir
    Path dir;

    private QuantCli.Run optimize(Path csv, Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "optimize",
                "--strategy",
                "builtin:sma-cross",
                "--data",
                "ACME=" + csv,
                "--param",
                "fast=5:15:5",
                "--param",
                "slow=20:40:10",
                "--out",
                out.toString()));
        args.addAll(List.of(extra));
        return QuantCli.run(args.toArray(String[]::new));
    }

    @Test
    void writesEveryTrialTheBestTheHeatmapAndTheCsv() throws Exception {
        Path csv = QuantCli.yahooFile(dir, 300);
        Path opt = dir.resolve("opt.json");
        Path table = dir.resolve("opt.csv");
        QuantCli.Run r = optimize(csv, opt, "--objective", "sharpe", "--csv", table.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("sma-cross on ACME@hist: 9 trials (grid), best fast=");

        JsonNode json = new ObjectMapper().readTree(opt.toFile());
        assertThat(json.path("objective").asText()).isEqualTo("sharpe");
        assertThat(json.path("method").path("name").asText()).isEqualTo("grid");
        assertThat(json.path("parameters")).hasSize(2);
        assertThat(json.path("parameters").get(0).path("name").asText()).isEqualTo("fast");
        assertThat(json.path("parameters").get(1).path("count").asInt()).isEqualTo(3);
        JsonNode rows = json.path("results");
        assertThat(rows).hasSize(9);
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode row : rows) {
            assertThat(row.path("metrics").has("net_profit")).isTrue();
            assertThat(row.path("error").isNull()).isTrue();
            max = Math.max(max, row.path("objective").asDouble());
        }
        JsonNode best = json.path("best");
        assertThat(best.path("objective").asDouble()).isEqualTo(max);
        JsonNode heat = json.path("heatmap");
        assertThat(heat.path("x").asText()).isEqualTo("fast");
        assertThat(heat.path("values")).hasSize(3);
        assertThat(heat.path("values").get(0)).hasSize(3);
        assertThat(json.has("walk_forward")).isFalse();

        // the best row is what a plain backtest with those parameters gives
        Path single = dir.resolve("single.json");
        QuantCli.Run b = QuantCli.run(
                "backtest",
                "--strategy",
                "builtin:sma-cross",
                "--data",
                "ACME=" + csv,
                "--param",
                "fast=" + best.path("parameters").path("fast").asText(),
                "--param",
                "slow=" + best.path("parameters").path("slow").asText(),
                "--out",
                single.toString());
        assertThat(b.code()).as(b.err()).isZero();
        JsonNode m = new ObjectMapper().readTree(single.toFile()).path("metrics");
        assertThat(best.path("metrics").path("sharpe").asDouble())
                .isEqualTo(m.path("sharpe").asDouble());
        assertThat(best.path("metrics").path("trades").asInt())
                .isEqualTo(m.path("trades").asInt());

        List<String> lines = Files.readAllLines(table);
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).startsWith("index,fast,slow,objective,net_profit,");
        assertThat(lines.get(1)).startsWith("0,5,20,");
    }

    @Test
    void sameInputsGiveTheSameFileWhateverTheThreads() throws Exception {
        Path csv = QuantCli.yahooFile(dir, 250);
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        String[] common = {"--objective", "net_profit / (1 - max_drawdown)", "--method", "random", "--samples", "4"};
        assertThat(optimize(csv, a, concat(common, "--threads", "1")).code()).isZero();
        assertThat(optimize(csv, b, concat(common, "--threads", "2")).code()).isZero();
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        JsonNode json = new ObjectMapper().readTree(a.toFile());
        assertThat(json.path("results")).hasSize(4);
        assertThat(json.path("method").path("seed").asLong()).isEqualTo(42);
    }

    @Test
    void walkForwardWindowsAndStitchedEquity() throws Exception {
        Path csv = QuantCli.yahooFile(dir, 400);
        Path opt = dir.resolve("wf.json");
        QuantCli.Run r = optimize(csv, opt, "--objective", "net_profit", "--walk-forward", "200:50");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("walk-forward 200:50: 4 windows");
        JsonNode wf = new ObjectMapper().readTree(opt.toFile()).path("walk_forward");
        assertThat(wf.path("unit").asText()).isEqualTo("bars");
        assertThat(wf.path("windows")).hasSize(4);
        double compounded = 100000;
        for (JsonNode w : wf.path("windows")) {
            assertThat(w.path("in_sample_bars").asInt()).isEqualTo(200);
            assertThat(w.path("out_of_sample_bars").asInt()).isEqualTo(50);
            assertThat(w.path("trials").asInt()).isEqualTo(9);
            compounded *= 1 + w.path("out_of_sample_return").asDouble();
        }
        JsonNode eq = wf.path("oos_equity");
        assertThat(eq.get(0).path("equity").asDouble()).isEqualTo(100000);
        assertThat(eq.get(eq.size() - 1).path("equity").asDouble())
                .isCloseTo(compounded, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(wf.has("efficiency")).isTrue();
    }

    @Test
    void badRangesAndObjectivesAreRefusedWithTheReason() throws Exception {
        Path csv = QuantCli.yahooFile(dir, 100);
        QuantCli.Run r = QuantCli.run(
                "optimize",
                "--strategy",
                "builtin:sma-cross",
                "--data",
                "ACME=" + csv,
                "--param",
                "fastest=5:15:5",
                "--objective",
                "sharpe",
                "--out",
                dir.resolve("x.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown parameter 'fastest' (declared: fast, slow, qty)");

        QuantCli.Run e = optimize(csv, dir.resolve("y.json"), "--objective", "sharpe * drawdown");
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err())
                .contains("--objective: objective expression 'sharpe * drawdown', column 10: unknown metric");

        QuantCli.Run m = optimize(csv, dir.resolve("z.json"), "--objective", "sharpe", "--param", "slow=5:1:1");
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err()).contains("slow: from 5 is above to 1");
        assertThat(Files.exists(dir.resolve("x.json"))).isFalse();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
