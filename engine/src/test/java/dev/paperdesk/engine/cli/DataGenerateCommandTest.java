package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGenerateCommandTest {
    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PaperdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    private Result generate(String symbol, String tf, int bars, long seed, Path file) {
        return run(
                "data",
                "generate",
                "--symbol",
                symbol,
                "--timeframe",
                tf,
                "--bars",
                Integer.toString(bars),
                "--seed",
                Long.toString(seed),
                "--out",
                file.toString());
    }

    @Test
    void writesTheRequestedBarsAndTheSameFileForTheSameSeed() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("nested/b.csv");
        Path c = dir.resolve("c.csv");
        Result first = generate("BTC-USDT", "5m", 60, 7, a);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("60 5m bars of BTC-USDT@binance");
        assertThat(generate("BTC-USDT", "5m", 60, 7, b).exit()).isZero();
        assertThat(generate("BTC-USDT", "5m", 60, 8, c).exit()).isZero();
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));

        List<String> lines = Files.readAllLines(a);
        assertThat(lines).hasSize(61);
        assertThat(lines.get(0)).isEqualTo("timestamp,open,high,low,close,volume");
        Instant previous = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertThat(f).hasSize(6);
            Instant t = Instant.parse(f[0]);
            assertThat(f[0]).endsWith("Z");
            if (previous != null) {
                assertThat(Duration.between(previous, t)).isEqualTo(Duration.ofMinutes(5));
            }
            previous = t;
            BigDecimal open = new BigDecimal(f[1]);
            BigDecimal high = new BigDecimal(f[2]);
            BigDecimal low = new BigDecimal(f[3]);
            BigDecimal close = new BigDecimal(f[4]);
            assertThat(high).isGreaterThanOrEqualTo(open.max(close));
            assertThat(low).isLessThanOrEqualTo(open.min(close));
            assertThat(new BigDecimal(f[5])).isPositive();
        }
        assertThat(lines.get(1)).startsWith("2024-01-01T00:00:00Z,");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void equityBarsOnlyCoverTheSession() throws IOException {
        Path file = dir.resolve("spyx.csv");
        Result r = generate("SPYX", "1h", 30, 1, file);
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(31);
        ZoneId ny = ZoneId.of("America/New_York");
        for (String line : lines.subList(1, lines.size())) {
            var local = Instant.parse(line.substring(0, line.indexOf(','))).atZone(ny);
            assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(local.getHour()).isBetween(9, 15);
        }
    }

    @Test
    void fxCrossAndDailyBarsWork() throws IOException {
        Path file = dir.resolve("eurjpy.csv");
        Result r = generate("EUR/JPY@fx", "1d", 5, 3, file);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(6);
    }

    @Test
    void reportsBadArgumentsClearly() {
        Path file = dir.resolve("x.csv");
        Result tf = generate("BTC-USDT", "7m", 10, 1, file);
        assertThat(tf.exit()).isEqualTo(2);
        assertThat(tf.err()).contains("--timeframe").contains("7m");
        Result symbol = generate("NOPE-USDT", "1m", 10, 1, file);
        assertThat(symbol.exit()).isEqualTo(2);
        assertThat(symbol.err()).contains("NOPE-USDT");
        Result bars = generate("BTC-USDT", "1m", 0, 1, file);
        assertThat(bars.exit()).isEqualTo(2);
        assertThat(bars.err()).contains("--bars");
        Result missing = run("data", "generate", "--symbol", "BTC-USDT");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void helpDescribesEveryOption() {
        Result help = run("data", "generate", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out())
                .contains("--symbol", "--timeframe", "--bars", "--seed", "--start", "--out")
                .contains("timestamp,open,high,low,close,volume");
    }
}
