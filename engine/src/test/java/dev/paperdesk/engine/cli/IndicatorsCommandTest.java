package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.indicator.Macd;
import dev.paperdesk.engine.indicator.Rsi;
import dev.paperdesk.engine.indicator.Sma;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PaperdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static double close(int i) {
        return 100 + 10 * Math.sin(i / 5.0) + i * 0.1;
    }

    private Path bars(int n) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("timestamp,open,high,low,close,volume");
        for (int i = 0; i < n; i++) {
            double c = close(i);
            lines.add(String.format(
                    Locale.ROOT, "2024-01-%02dT00:00:00Z,%s,%s,%s,%s,%d", 1 + i % 28, c, c + 1, c - 1, c, 1000 + i));
        }
        // keep time order: days wrap at 28, so use a month per 28 bars
        for (int i = 0; i < n; i++) {
            lines.set(
                    1 + i,
                    lines.get(1 + i)
                            .replaceFirst("^2024-01-(\\d\\d)", String.format(Locale.ROOT, "2024-%02d-$1", 1 + i / 28)));
        }
        Path p = dir.resolve("bars.csv");
        Files.write(p, lines);
        return p;
    }

    @Test
    void writesTheInputColumnsAndOneColumnPerSeries() throws IOException {
        Path in = bars(60);
        Path outFile = dir.resolve("out.csv");
        int code = run(
                "indicators",
                "--input",
                in.toString(),
                "--spec",
                "sma:10,rsi:14,macd:12:26:9,bbands:20:2,stoch:14:3:3,adx:14,obv",
                "--output",
                outFile.toString());
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(outFile);
        assertThat(lines).hasSize(61);
        assertThat(lines.get(0))
                .isEqualTo("timestamp,open,high,low,close,volume,sma_10,rsi_14,macd_12_26_9.macd,macd_12_26_9.signal,"
                        + "macd_12_26_9.hist,bbands_20_2.upper,bbands_20_2.middle,bbands_20_2.lower,stoch_14_3_3.k,"
                        + "stoch_14_3_3.d,adx_14,adx_14.plus_di,adx_14.minus_di,obv");
        String[] first = lines.get(1).split(",", -1);
        assertThat(first).hasSize(20);
        assertThat(first[6]).isEmpty(); // sma_10 undefined on bar 0
        assertThat(first[19]).isEqualTo("1000"); // OBV starts with the first volume

        double[] closes = new double[60];
        for (int i = 0; i < 60; i++) {
            closes[i] = close(i);
        }
        double[] sma = Sma.batch(closes, 10);
        double[] rsi = Rsi.batch(closes, 14);
        double[][] macd = Macd.batch(closes, 12, 26, 9);
        for (int i = 0; i < 60; i++) {
            String[] cells = lines.get(1 + i).split(",", -1);
            assertThat(cells).hasSize(20);
            assertCell(cells[6], sma[i]);
            assertCell(cells[7], rsi[i]);
            assertCell(cells[8], macd[Macd.LINE][i]);
            assertCell(cells[10], macd[Macd.HISTOGRAM][i]);
        }
        assertThat(out.toString()).contains("wrote 60 bars with 14 indicator columns");
    }

    private static void assertCell(String cell, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(cell).isEmpty();
        } else {
            assertThat(cell).doesNotContain("E");
            assertThat(Double.parseDouble(cell)).isEqualTo(expected); // full precision round trip
        }
    }

    @Test
    void numbersAreLocaleIndependentShortestDecimals() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(IndicatorsCommand.format(1234.5)).isEqualTo("1234.5");
            assertThat(IndicatorsCommand.format(0.00001)).isEqualTo("0.00001");
            assertThat(IndicatorsCommand.format(1e21)).isEqualTo("1000000000000000000000");
            assertThat(IndicatorsCommand.format(100.0)).isEqualTo("100");
            assertThat(IndicatorsCommand.format(-0.1 - 0.2)).isEqualTo("-0.30000000000000004");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aMissingColumnIsNamedAndNothingIsWritten() throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "timestamp,open,high,low,volume\n2024-01-01,1,2,0.5,10\n");
        Path outFile = dir.resolve("out.csv");
        assertThat(run("indicators", "--input", in.toString(), "--spec", "sma:2", "--output", outFile.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("bad.csv line 1: missing column 'close'");
        assertThat(dir.toFile().list()).containsExactly("bad.csv");
    }

    @Test
    void quotesWithoutVolumeServeEveryIndicatorThatDoesNotReadIt() throws IOException {
        // FX quotes: no volume column. ATR reads high, low and close; OBV reads the volume
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close\n");
        for (int i = 0; i < 20; i++) {
            double c = close(i);
            csv.append(String.format(Locale.ROOT, "2024-01-%02dT00:00:00Z,%s,%s,%s,%s%n", 1 + i, c, c + 1, c - 1, c));
        }
        Path in = Files.writeString(dir.resolve("fx.csv"), csv);
        Path outFile = dir.resolve("fx-out.csv");
        assertThat(run("indicators", "--input", in.toString(), "--spec", "sma:3,atr:3", "--output", outFile.toString()))
                .as(err.toString())
                .isZero();
        List<String> lines = Files.readAllLines(outFile);
        assertThat(lines.get(0)).isEqualTo("timestamp,open,high,low,close,sma_3,atr_3");
        String[] row = lines.get(5).split(",");
        assertCell(row[5], (close(2) + close(3) + close(4)) / 3); // line 5 is bar 4
        assertThat(row[6]).isNotEmpty();

        assertThat(run("indicators", "--input", in.toString(), "--spec", "sma:3,obv", "--output", outFile.toString()))
                .isEqualTo(1);
        assertThat(err.toString())
                .contains(
                        "fx.csv line 1: missing column 'volume' (header: timestamp,open,high,low,close); obv read it");
    }

    @Test
    void aNonNumericCellIsNamedWithFileLineAndColumn() throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(
                in,
                "timestamp,open,high,low,close,volume\n"
                        + "2024-01-01,1,2,0.5,1.5,10\n"
                        + "\n"
                        + "2024-01-02,1,2,0.5,abc,10\n");
        Path outFile = dir.resolve("out.csv");
        Files.writeString(outFile, "previous contents");
        assertThat(run("indicators", "--input", in.toString(), "--spec", "sma:2", "--output", outFile.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("bad.csv line 4, column 'close': 'abc' is not a number");
        // The old output is untouched and no temporary file is left behind.
        assertThat(Files.readString(outFile)).isEqualTo("previous contents");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("bad.csv", "out.csv");
    }

    @Test
    void nonFiniteNumbersBadTimestampsAndDisorderAreRejected() throws IOException {
        Path in = dir.resolve("bad.csv");
        Path outFile = dir.resolve("out.csv");
        Files.writeString(in, "timestamp,open,high,low,close,volume\n2024-01-01,1,2,0.5,NaN,10\n");
        assertThat(run("indicators", "--input", in.toString(), "--spec", "sma:2", "--output", outFile.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("line 2, column 'close': 'NaN' is not a number");

        Files.writeString(in, "timestamp,open,high,low,close,volume\nyesterday,1,2,0.5,1,10\n");
        assertThat(run("indicators", "--input", in.toString(), "--spec", "sma:2", "--output", outFile.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("line 2, column 'timestamp': 'yesterday' is not a timestamp");

        Files.writeString(
                in, "timestamp,open,high,low,close,volume\n1704153600,1,2,0.5,1,10\n1704067200,1,2,0.5,1,10\n");
        assertThat(run("indicators", "--input", in.toString(), "--spec", "sma:2", "--output", outFile.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("line 3, column 'timestamp'").contains("time order");
        assertThat(outFile).doesNotExist();
    }

    @Test
    void aBadSpecIsReportedWithTheToken() throws IOException {
        Path in = bars(5);
        Path outFile = dir.resolve("out.csv");
        assertThat(run(
                        "indicators",
                        "--input",
                        in.toString(),
                        "--spec",
                        "sma:10,rsi:abc",
                        "--output",
                        outFile.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("indicator 'rsi:abc': parameter 1 (period) 'abc' is not a number");
        assertThat(outFile).doesNotExist();
    }

    @Test
    void extraAndQuotedColumnsAreCopiedThrough() throws IOException {
        Path in = dir.resolve("bars.csv");
        Files.writeString(
                in,
                "symbol,timestamp,open,high,low,close,volume\n"
                        + "\"ACME, Inc\",2024-01-01 09:30:00,1,2,0.5,1.5,10\n"
                        + "\"ACME, Inc\",2024-01-01 09:31:00,1,2,0.5,2.5,10\n");
        Path outFile = dir.resolve("out.csv");
        assertThat(run("indicators", "--input", in.toString(), "--spec", "sma:2,vwap", "--output", outFile.toString()))
                .as(err.toString())
                .isZero();
        assertThat(Files.readAllLines(outFile))
                .containsExactly(
                        "symbol,timestamp,open,high,low,close,volume,sma_2,vwap",
                        "\"ACME, Inc\",2024-01-01 09:30:00,1,2,0.5,1.5,10,,1.3333333333333333",
                        "\"ACME, Inc\",2024-01-01 09:31:00,1,2,0.5,2.5,10,2,1.5");
    }

    @Test
    void helpDescribesEveryOption() {
        assertThat(run("indicators", "--help")).isZero();
        assertThat(out.toString()).contains("--input", "--spec", "--output", "rsi_14");
    }
}
