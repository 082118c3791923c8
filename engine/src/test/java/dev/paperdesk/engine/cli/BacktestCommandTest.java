package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {
    @TempDir
    Path dir;

    /** A Yahoo-format daily file: a sine wave with noise, weekdays only. */
    private Path yahooFile() throws Exception {
        StringBuilder sb = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        Random random = new Random(3);
        LocalDate d = LocalDate.of(2020, 1, 1);
        double prev = 50;
        for (int i = 0; i < 400; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek().getValue() > 5) {
                continue;
            }
            double close = 50 + 8 * Math.sin(i / 30.0) + random.nextGaussian() * 0.5;
            double open = prev + random.nextGaussian() * 0.2;
            double high = Math.max(open, close) + 0.3;
            double low = Math.min(open, close) - 0.3;
            sb.append(String.format(
                    Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,%.2f,%d%n", d, open, high, low, close, close, 1000 + i));
            prev = close;
            i++;
        }
        Path f = dir.resolve("acme.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    private int run(StringWriter out, StringWriter err, String... args) {
        return PaperdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void writesResultTradesAndEquity() throws Exception {
        Path csv = yahooFile();
        Path result = dir.resolve("result.json");
        Path trades = dir.resolve("trades.csv");
        Path equity = dir.resolve("equity.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(
                out,
                err,
                "backtest",
                "--strategy",
                "builtin:sma-cross",
                "--param",
                "fast=5",
                "--data",
                "ACME=" + csv,
                "--format",
                "yahoo",
                "--capital",
                "10000",
                "--commission-per-order",
                "1",
                "--seed",
                "7",
                "--out",
                result.toString(),
                "--trades",
                trades.toString(),
                "--equity",
                equity.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("sma-cross on ACME@hist: 400 bars");

        JsonNode json = new ObjectMapper().readTree(result.toFile());
        assertThat(json.path("config").path("parameters").path("fast").asText()).isEqualTo("5");
        assertThat(json.path("config").path("timeframe").asText()).isEqualTo("1d");
        assertThat(json.path("config").path("capital").decimalValue()).isEqualByComparingTo("10000");
        assertThat(json.path("config").path("seed").asLong()).isEqualTo(7);
        assertThat(json.path("timing").path("bars").asLong()).isEqualTo(400);
        assertThat(json.path("timing").has("run_ms")).isTrue();
        JsonNode m = json.path("metrics");
        for (String k : new String[] {
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
            assertThat(m.has(k)).as(k).isTrue();
        }
        int n = m.path("trades").asInt();
        assertThat(n).isPositive();
        assertThat(json.path("trades")).hasSize(n);
        JsonNode t = json.path("trades").get(0);
        assertThat(t.path("fees").decimalValue()).isEqualByComparingTo("2");
        assertThat(t.has("mae")).isTrue();
        assertThat(t.has("mfe")).isTrue();
        assertThat(json.path("assumptions").path("scopes")).isNotEmpty();
        assertThat(json.path("benchmark").path("instrument").asText()).isEqualTo("ACME@hist");

        assertThat(Files.readAllLines(trades)).hasSize(n + 1).first().asString().startsWith("instrument,side,");
        assertThat(Files.readAllLines(equity)).hasSize(401).first().isEqualTo("time,equity,drawdown,benchmark");
    }

    @Test
    void theResultBecomesABacktestPdf() throws Exception {
        Path csv = yahooFile();
        Path result = dir.resolve("result.json");
        StringWriter err = new StringWriter();
        int code = run(
                new StringWriter(),
                err,
                "backtest",
                "--strategy",
                "builtin:sma-cross",
                "--data",
                "ACME=" + csv,
                "--out",
                result.toString());
        assertThat(code).as(err.toString()).isZero();
        Path pdf = dir.resolve("report.pdf");
        StringWriter out = new StringWriter();
        int code2 = run(out, err, "report", "backtest", "--result", result.toString(), "--out", pdf.toString());
        assertThat(code2).as(err.toString()).isZero();
        assertThat(out.toString()).contains("wrote the backtest report of sma-cross");
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(bytes.length).isGreaterThan(5000);
    }

    @Test
    void reportsBadInputWithANonZeroExit() throws Exception {
        Path csv = yahooFile();
        StringWriter err = new StringWriter();
        int code = run(
                new StringWriter(),
                err,
                "backtest",
                "--strategy",
                "builtin:sma-cross",
                "--param",
                "fastt=5",
                "--data",
                "ACME=" + csv,
                "--out",
                dir.resolve("r.json").toString());
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("unknown parameter 'fastt'");

        StringWriter err2 = new StringWriter();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,1,2,0.5,x,1,10\n");
        int code2 = run(
                new StringWriter(),
                err2,
                "backtest",
                "--strategy",
                "builtin:sma-cross",
                "--data",
                "ACME=" + bad,
                "--out",
                dir.resolve("r.json").toString());
        assertThat(code2).isNotZero();
        assertThat(err2.toString()).contains("bad.csv");
    }

    @Test
    void lotLetsAStrategyTradeFractionsAndWithoutItTheSkippedEntriesAreExplained() throws Exception {
        Path csv = yahooFile();
        Path yaml = QuantCli.tenDollarStrategy(dir);
        Path result = dir.resolve("small.json");
        String[] args = {"backtest", "--strategy", yaml.toString(), "--data", "ACME=" + csv, "--out", result.toString()
        };

        // whole shares by default: 10 USD at about 50 buys none, and the run says so
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, args)).as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(result.toFile()).path("fills")).isEmpty();
        assertThat(err.toString())
                .contains("rule 'in' held but placed no order ")
                .contains(" times: its size rounded to zero")
                .contains("less than one lot of 1 of ACME@hist");

        // in thousandths: the entries fill
        StringWriter err2 = new StringWriter();
        String[] withLot = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args), java.util.stream.Stream.of("--lot", "ACME=0.001"))
                .toArray(String[]::new);
        assertThat(run(new StringWriter(), err2, withLot)).as(err2.toString()).isZero();
        JsonNode fill =
                new ObjectMapper().readTree(result.toFile()).path("fills").get(0);
        assertThat(fill.path("side").asText()).isEqualTo("BUY");
        assertThat(fill.path("quantity").decimalValue().scale()).isPositive();
        assertThat(fill.path("quantity").decimalValue())
                .isLessThan(java.math.BigDecimal.ONE)
                .isPositive();
        assertThat(err2.toString()).doesNotContain("size rounded to zero");

        StringWriter err3 = new StringWriter();
        String[] wrong = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args), java.util.stream.Stream.of("--lot", "BETA=0.001"))
                .toArray(String[]::new);
        assertThat(run(new StringWriter(), err3, wrong)).isEqualTo(2);
        assertThat(err3.toString()).contains("--lot BETA: no bars of BETA@hist to set the lot of");
    }

    @Test
    void aQuoteFileWithoutVolumeIsBacktestedWithTheImportsMappingOptions() throws Exception {
        // FX quotes: no volume column, semicolons, epoch-second stamps; the same options as data import
        StringBuilder sb = new StringBuilder("t;o;h;l;c\n");
        long t0 = java.time.Instant.parse("2012-02-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 120; i++) {
            double c = 1.5 + 0.01 * Math.sin(i / 7.0);
            sb.append(
                    String.format(Locale.ROOT, "%d;%.5f;%.5f;%.5f;%.5f%n", t0 + 60L * i, c, c + 0.0002, c - 0.0002, c));
        }
        Path csv = dir.resolve("gbpusd.csv");
        Files.writeString(csv, sb.toString());
        Path result = dir.resolve("fx.json");
        String[] base = {
            "backtest",
            "--strategy",
            "builtin:sma-cross",
            "--data",
            "GBPUSD=" + csv,
            "--format",
            "generic",
            "--delimiter",
            "semicolon",
            "--timestamp-format",
            "epoch-s",
            "--columns",
            "timestamp=t,open=o,high=h,low=l,close=c",
            "--out",
            result.toString()
        };

        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, base)).isNotZero();
        assertThat(err.toString()).contains("gbpusd.csv:1:1: no volume column");

        StringWriter out = new StringWriter();
        StringWriter err2 = new StringWriter();
        String[] zero = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(base), java.util.stream.Stream.of("--missing-volume", "zero"))
                .toArray(String[]::new);
        assertThat(run(out, err2, zero)).as(err2.toString()).isZero();
        assertThat(out.toString()).contains("sma-cross on GBPUSD@hist: 120 bars");
        JsonNode json = new ObjectMapper().readTree(result.toFile());
        assertThat(json.path("config").path("timeframe").asText()).isEqualTo("1m");
        assertThat(json.path("metrics").path("trades").asInt()).isPositive();
    }

    /**
     * On {@code sma-exact-tie.csv} SMA(2) = SMA(4) exactly on 2024-02-01 and fast rises above slow on
     * 2024-02-02: the entry is signalled on 2024-02-02 and fills at the next bar's open (2024-02-05,
     * 9.867970), not a bar early at 2024-02-02's open (10.508876) as a drifting sum had it.
     */
    @Test
    void anExactSmaTieIsNotACross() throws Exception {
        Path csv = dir.resolve("tie.csv");
        try (var in = getClass().getResourceAsStream("/dev/paperdesk/engine/backtest/sma-exact-tie.csv")) {
            Files.copy(in, csv);
        }
        Path result = dir.resolve("tie.json");
        Path trades = dir.resolve("tie-trades.csv");
        StringWriter err = new StringWriter();
        int code = run(
                new StringWriter(),
                err,
                "backtest",
                "--strategy",
                "builtin:sma-cross",
                "--param",
                "fast=2",
                "--param",
                "slow=4",
                "--param",
                "qty=100",
                "--data",
                "TIE=" + csv,
                "--format",
                "yahoo",
                "--out",
                result.toString(),
                "--trades",
                trades.toString());
        assertThat(code).as(err.toString()).isZero();
        JsonNode fills = new ObjectMapper().readTree(result.toFile()).path("fills");
        java.util.List<String> buys = new java.util.ArrayList<>();
        for (JsonNode f : fills) {
            if (f.path("side").asText().equals("BUY")) {
                buys.add(new java.math.BigDecimal(f.path("price").asText())
                        .stripTrailingZeros()
                        .toPlainString());
            }
        }
        // Cross-ups on 2024-01-10, 01-29, 02-02 (not 02-01, the tie), 02-09 and 02-21; fills at the next opens.
        assertThat(buys).containsExactly("11.769373", "10.384481", "9.86797", "10.169038", "10.361109");
    }

    @Test
    void fromAndToRestrictTradingAndWarmUpOnEarlierBars() throws Exception {
        Path csv = yahooFile();
        Path result = dir.resolve("range.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(
                out,
                err,
                "backtest",
                "--strategy",
                "builtin:sma-cross",
                "--param",
                "fast=5",
                "--data",
                "ACME=" + csv,
                "--from",
                "2020-06-01",
                "--to",
                "2020-12-31",
                "--out",
                result.toString());
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.toFile());
        assertThat(json.path("config").path("from").asText()).isEqualTo("2020-06-01T00:00:00Z");
        assertThat(json.path("config").path("to").asText()).isEqualTo("2021-01-01T00:00:00Z");
        // June to December 2020 has 154 weekdays; the 107 weekdays from 2020-01-02 warm up.
        assertThat(json.path("timing").path("bars").asLong()).isEqualTo(154);
        assertThat(out.toString()).contains("154 bars (after 107 warm-up bars)");
        for (JsonNode f : json.path("fills")) {
            assertThat(f.path("time").asText()).isBetween("2020-06-01T00:00:00Z", "2021-01-01T00:00:00Z");
        }
        assertThat(json.path("fills")).isNotEmpty();
        JsonNode equity = json.path("equity");
        assertThat(equity).hasSize(154);
        assertThat(equity.get(0).path("time").asText()).isEqualTo("2020-06-02T00:00:00Z");

        StringWriter err2 = new StringWriter();
        int bad = run(
                new StringWriter(),
                err2,
                "backtest",
                "--strategy",
                "builtin:sma-cross",
                "--data",
                "ACME=" + csv,
                "--from",
                "2020-06-01",
                "--to",
                "2020-05-01",
                "--out",
                result.toString());
        assertThat(bad).isEqualTo(2);
        assertThat(err2.toString()).contains("--to 2020-05-01 is before --from 2020-06-01");
        StringWriter help = new StringWriter();
        run(help, new StringWriter(), "backtest", "--help");
        assertThat(help.toString())
                .contains("--from=DATE")
                .contains("--to=DATE")
                .contains("warm up");
    }
}
