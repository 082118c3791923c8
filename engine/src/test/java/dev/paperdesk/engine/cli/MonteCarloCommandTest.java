package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperdesk.engine.report.pdf.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonteCarloCommandTest {
    @TempDir
    Path dir;

    private Path csv;

    private Path backtest() throws Exception {
        csv = QuantCli.yahooFile(dir, 500);
        Path result = dir.resolve("result.json");
        QuantCli.Run r = QuantCli.run(
                "backtest",
                "--strategy",
                "builtin:sma-cross",
                "--param",
                "fast=5",
                "--param",
                "slow=20",
                "--data",
                "ACME=" + csv,
                "--capital",
                "10000",
                "--out",
                result.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return result;
    }

    private QuantCli.Run mc(Path result, Path out, String method, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "montecarlo",
                "--result",
                result.toString(),
                "--method",
                method,
                "--seed",
                "7",
                "--out",
                out.toString()));
        if (!java.util.List.of(extra).contains("--paths")) {
            args.addAll(java.util.List.of("--paths", "2000"));
        }
        args.addAll(java.util.List.of(extra));
        return QuantCli.run(args.toArray(String[]::new));
    }

    @Test
    void shuffleWritesBandsDistributionsAndProbabilitiesReproducibly() throws Exception {
        Path result = backtest();
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        QuantCli.Run r = mc(result, a, "shuffle", "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trade-shuffle, 2000 paths");
        assertThat(mc(result, b, "shuffle", "--threads", "1").code()).isZero();
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));

        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(a.toFile());
        JsonNode backtest = mapper.readTree(result.toFile());
        int trades = backtest.path("metrics").path("trades").asInt();
        assertThat(json.path("method").asText()).isEqualTo("shuffle");
        assertThat(json.path("paths").asInt()).isEqualTo(2000);
        assertThat(json.path("seed").asLong()).isEqualTo(7);
        assertThat(json.path("starting_equity").asDouble()).isEqualTo(10000);
        assertThat(json.path("ruin_floor").asDouble()).isEqualTo(0.5);
        assertThat(json.path("step_unit").asText()).isEqualTo("trade");
        JsonNode bands = json.path("bands");
        assertThat(bands.path("steps")).hasSize(trades + 1);
        for (String p : new String[] {"p5", "p25", "p50", "p75", "p95"}) {
            assertThat(bands.path(p)).hasSize(trades + 1);
        }
        // every permutation ends at the backtest's final equity (all of it from closed trades here
        // only if the run ends flat; compare with the original path instead)
        double last = json.path("original_equity").get(trades).asDouble();
        assertThat(bands.path("p5").get(trades).asDouble()).isEqualTo(last);
        assertThat(bands.path("p95").get(trades).asDouble()).isEqualTo(last);
        for (String d : new String[] {"final_equity", "cagr", "max_drawdown", "sharpe"}) {
            JsonNode dist = json.path("distributions").path(d);
            assertThat(dist.path("histogram").path("counts")).isNotEmpty();
            assertThat(dist.path("interval").path("level").asDouble()).isEqualTo(0.9);
            assertThat(dist.path("p5").asDouble())
                    .isLessThanOrEqualTo(dist.path("p95").asDouble());
        }
        JsonNode dd = json.path("distributions").path("max_drawdown");
        assertThat(dd.path("p50").asDouble()).isLessThan(0);
        assertThat(json.path("probability_of_profit").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.path("probability_of_ruin").asDouble()).isBetween(0.0, 1.0);

        Path other = dir.resolve("c.json");
        QuantCli.Run eight = QuantCli.run(
                "montecarlo",
                "--result",
                result.toString(),
                "--method",
                "shuffle",
                "--paths",
                "2000",
                "--seed",
                "8",
                "--out",
                other.toString());
        assertThat(eight.code()).as(eight.err()).isZero();
        assertThat(Files.readString(other)).isNotEqualTo(Files.readString(a));
    }

    @Test
    void bootstrapAndBlockBootstrap() throws Exception {
        Path result = backtest();
        Path boot = dir.resolve("boot.json");
        assertThat(mc(result, boot, "bootstrap").code()).isZero();
        JsonNode b = new ObjectMapper().readTree(boot.toFile());
        assertThat(b.path("resampling").asText()).isEqualTo("trade-bootstrap");
        JsonNode fe = b.path("distributions").path("final_equity");
        assertThat(fe.path("p5").asDouble()).isLessThan(fe.path("p95").asDouble());

        Path block = dir.resolve("block.json");
        QuantCli.Run r = mc(result, block, "block", "--block-length", "5", "--ruin-floor", "0.9");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode k = new ObjectMapper().readTree(block.toFile());
        assertThat(k.path("step_unit").asText()).isEqualTo("day");
        assertThat(k.path("block_length").asDouble()).isEqualTo(5);
        assertThat(k.path("ruin_floor").asDouble()).isEqualTo(0.9);
        assertThat(k.path("original_equity").get(0).asDouble()).isEqualTo(10000);
        assertThat(k.path("bands").path("steps")).hasSize(200);
    }

    @Test
    void perturbNeedsTheBarsAndReRunsWithThem() throws Exception {
        Path result = backtest();
        Path out = dir.resolve("p.json");
        QuantCli.Run missing = mc(result, out, "perturb");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err())
                .contains("--method perturb re-runs the backtest")
                .contains("strategy (builtin:sma-cross)")
                .contains("but not the bars; give --data SYM=FILE.csv (and --format) for ACME@hist");

        QuantCli.Run r = QuantCli.run(
                "montecarlo",
                "--result",
                result.toString(),
                "--method",
                "perturb",
                "--paths",
                "12",
                "--seed",
                "3",
                "--jitter",
                "0.2",
                "--data",
                "ACME=" + csv,
                "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode p = new ObjectMapper().readTree(out.toFile());
        assertThat(p.path("resampling").asText()).isEqualTo("parameter-perturbation");
        assertThat(p.path("jitter").asDouble()).isEqualTo(0.2);
        assertThat(p.path("original").isNull()).isTrue();
        JsonNode fe = p.path("distributions").path("final_equity");
        assertThat(fe.path("valid").asInt()).isEqualTo(12);
        // jittered periods give different outcomes
        assertThat(fe.path("p5").asDouble()).isLessThan(fe.path("p95").asDouble());
    }

    @Test
    void perturbTradesTheFileInTheLotsTheBacktestDid() throws Exception {
        csv = QuantCli.yahooFile(dir, 300);
        Path result = dir.resolve("lots.json");
        QuantCli.Run b = QuantCli.run(
                "backtest",
                "--strategy",
                QuantCli.tenDollarStrategy(dir).toString(),
                "--data",
                "ACME=" + csv,
                "--lot",
                "ACME=0.001",
                "--out",
                result.toString());
        assertThat(b.code()).as(b.err()).isZero();
        JsonNode run = new ObjectMapper().readTree(result.toFile());
        assertThat(run.path("config").path("lots").path("ACME@hist").decimalValue())
                .isEqualByComparingTo("0.001");
        assertThat(run.path("metrics").path("trades").asInt()).isPositive();

        Path out = dir.resolve("lots-mc.json");
        QuantCli.Run r = mc(result, out, "perturb", "--paths", "3", "--jitter", "0", "--data", "ACME=" + csv);
        assertThat(r.code()).as(r.err()).isZero();
        // with the lot the re-runs trade as the backtest did; in whole units they would not trade at all
        double p50 = new ObjectMapper()
                .readTree(out.toFile())
                .path("distributions")
                .path("final_equity")
                .path("p50")
                .asDouble();
        assertThat(p50)
                .isCloseTo(
                        run.path("metrics").path("final_equity").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-6))
                .isNotEqualTo(100000.0);
    }

    @Test
    void theReportShowsTheMonteCarloFigures() throws Exception {
        Path result = backtest();
        Path mcFile = dir.resolve("mc.json");
        assertThat(mc(result, mcFile, "shuffle").code()).isZero();
        Path pdf = dir.resolve("report.pdf");
        QuantCli.Run r = QuantCli.run(
                "report",
                "backtest",
                "--result",
                result.toString(),
                "--montecarlo",
                mcFile.toString(),
                "--out",
                pdf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(mcFile.toFile());
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Monte Carlo: trade-shuffle, 2,000 paths");
        assertThat(text).contains("Equity percentiles by trade");
        JsonNode d = json.path("distributions");
        assertThat(text)
                .contains(ReportFormat.share(json.path("probability_of_profit").asDouble()))
                .contains(ReportFormat.money(d.path("final_equity").path("p50").asDouble()))
                .contains(ReportFormat.percent(d.path("max_drawdown").path("p5").asDouble()))
                .contains(
                        ReportFormat.percent(d.path("max_drawdown").path("p95").asDouble()))
                .contains(ReportFormat.percent(d.path("cagr").path("p50").asDouble()))
                .contains(ReportFormat.ratio(d.path("sharpe").path("p75").asDouble()));

        // an MC.json of another backtest is refused
        String foreign = Files.readString(mcFile).replace("\"ACME@hist\"", "\"OTHER@hist\"");
        Path wrong = dir.resolve("wrong.json");
        Files.writeString(wrong, foreign);
        QuantCli.Run w = QuantCli.run(
                "report",
                "backtest",
                "--result",
                result.toString(),
                "--montecarlo",
                wrong.toString(),
                "--out",
                dir.resolve("w.pdf").toString());
        assertThat(w.code()).isEqualTo(1);
        assertThat(w.err()).contains("simulates sma-cross on OTHER@hist, not the backtest of sma-cross on ACME@hist");
    }
}
