package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {
    static final List<String> CONTRACT_KEYS = List.of(
            "annual_return",
            "cum_return",
            "annual_volatility",
            "sharpe_ratio",
            "sortino_ratio",
            "downside_risk",
            "max_drawdown",
            "calmar_ratio",
            "omega_ratio",
            "alpha",
            "beta",
            "tail_ratio",
            "value_at_risk",
            "cvar",
            "stability");

    /** empyrical's mixed_returns fixture, daily from 2000-01-30, the first return missing. */
    static final String MIXED_CSV =
            """
            date,return
            2000-01-30,
            2000-01-31,0.01
            2000-02-01,0.10
            2000-02-02,-0.04
            2000-02-03,0.02
            2000-02-04,0.03
            2000-02-05,0.02
            2000-02-06,0.01
            2000-02-07,-0.10
            """;

    /** empyrical's negative_returns[1:], on the same dates but the first. */
    static final String NEGATIVE_TAIL_CSV =
            """
            date,return
            2000-01-31,-0.06
            2000-02-01,-0.07
            2000-02-02,-0.01
            2000-02-03,-0.09
            2000-02-04,-0.02
            2000-02-05,-0.06
            2000-02-06,-0.08
            2000-02-07,-0.05
            """;

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return PaperdeskCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void writes_empyrical_metrics_of_the_mixed_returns_fixture() throws IOException {
        Path returns = write("mixed.csv", MIXED_CSV);
        Path target = dir.resolve("metrics.json");

        int code = run("metrics", "--returns", returns.toString(), "--out", target.toString());

        assertThat(code).as(err.toString()).isZero();
        JsonNode m = json(target);
        for (String key : CONTRACT_KEYS) {
            assertThat(m.has(key)).as(key).isTrue();
        }
        // expected values: empyrical tests/test_stats.py (see EmpyricalFixturesTest)
        assertThat(m.get("annual_return").asDouble()).isCloseTo(1.9135925373194231, within(1.5e-8));
        assertThat(m.get("annual_volatility").asDouble()).isCloseTo(0.9136465399704637, within(1.5e-8));
        assertThat(m.get("sharpe_ratio").asDouble()).isCloseTo(1.7238613961706866, within(1.5e-8));
        assertThat(m.get("sortino_ratio").asDouble()).isCloseTo(2.605531251673693, within(1.5e-8));
        assertThat(m.get("downside_risk").asDouble()).isCloseTo(0.60448325038829653, within(1.5e-8));
        assertThat(m.get("max_drawdown").asDouble()).isCloseTo(-0.1, within(1.5e-8));
        assertThat(m.get("calmar_ratio").asDouble()).isCloseTo(19.135925373194233, within(1.5e-8));
        assertThat(m.get("stability").asDouble()).isCloseTo(0.1529973665111273, within(1.5e-8));
        assertThat(m.get("cum_return").asDouble()).isCloseTo(0.03893, within(1.5e-4));
        assertThat(m.get("alpha").isNull()).isTrue();
        assertThat(m.get("beta").isNull()).isTrue();
        assertThat(m.get("has_benchmark").asBoolean()).isFalse();
        assertThat(m.get("periods").asInt()).isEqualTo(9);
        assertThat(m.get("start_date").asText()).isEqualTo("2000-01-30");
        assertThat(out.toString()).contains("9 periods");
    }

    @Test
    void aligns_a_separate_benchmark_file_on_the_return_dates() throws IOException {
        Path returns = write("mixed.csv", MIXED_CSV);
        Path bench = write("bench.csv", NEGATIVE_TAIL_CSV);
        Path target = dir.resolve("metrics.json");

        int code = run(
                "metrics",
                "--returns",
                returns.toString(),
                "--benchmark",
                bench.toString(),
                "--out",
                target.toString());

        assertThat(code).as(err.toString()).isZero();
        JsonNode m = json(target);
        // empyrical test_alpha_beta: (mixed_returns, negative_returns[1:]) -> (-8.3066..., -0.7129...)
        assertThat(m.get("alpha").asDouble()).isCloseTo(-8.306666666666668, within(1.5e-8));
        assertThat(m.get("beta").asDouble()).isCloseTo(-0.71296296296296313, within(1.5e-8));
        assertThat(m.get("has_benchmark").asBoolean()).isTrue();
        assertThat(m.get("r_squared").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void reads_a_benchmark_column_in_the_returns_file_and_annualises_weekly_data() throws IOException {
        Path returns = write(
                "weekly.csv",
                """
                Date,Return,Benchmark
                2000-01-30,0.00,0.00
                2000-02-06,0.01,0.01
                2000-02-13,0.10,0.10
                2000-02-20,-0.04,-0.04
                2000-02-27,0.02,0.02
                2000-03-05,0.03,0.03
                2000-03-12,0.02,0.02
                2000-03-19,0.01,0.01
                2000-03-26,-0.10,-0.10
                """);
        Path target = dir.resolve("weekly.json");

        int code = run(
                "metrics",
                "--returns",
                returns.toString(),
                "--periods-per-year",
                "52",
                "--risk-free",
                "0",
                "--out",
                target.toString());

        assertThat(code).as(err.toString()).isZero();
        JsonNode m = json(target);
        assertThat(m.get("annual_return").asDouble()).isCloseTo(0.24690830513998208, within(1.5e-8));
        assertThat(m.get("annual_volatility").asDouble()).isCloseTo(0.38851569394870583, within(1.5e-8));
        assertThat(m.get("beta").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(m.get("alpha").asDouble()).isCloseTo(0.0, within(1e-12));
        assertThat(m.get("periods_per_year").asInt()).isEqualTo(52);
    }

    @Test
    void a_bad_cell_is_reported_with_file_line_and_column() throws IOException {
        Path returns = write("bad.csv", "date,return\n2024-01-02,0.01\n2024-01-03,abc\n");
        Path target = dir.resolve("metrics.json");

        int code = run("metrics", "--returns", returns.toString(), "--out", target.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .contains("bad.csv")
                .contains("line 3")
                .contains("column 'return'")
                .contains("'abc'");
        assertThat(target).doesNotExist();
    }

    @Test
    void other_malformed_inputs_name_their_place() throws IOException {
        Path noColumn = write("nocol.csv", "day,value\n2024-01-02,0.01\n");
        assertThat(run(
                        "metrics",
                        "--returns",
                        noColumn.toString(),
                        "--out",
                        dir.resolve("a.json").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("nocol.csv: line 1, column 'date'");

        Path badDate = write("date.csv", "date,return\n2024-01-02,0.01\n02/01/2024,0.01\n");
        run(
                "metrics",
                "--returns",
                badDate.toString(),
                "--out",
                dir.resolve("b.json").toString());
        assertThat(err.toString()).contains("date.csv: line 3, column 'date': not an ISO date");

        Path unordered = write("order.csv", "date,return\n2024-01-03,0.01\n2024-01-02,0.01\n");
        run(
                "metrics",
                "--returns",
                unordered.toString(),
                "--out",
                dir.resolve("c.json").toString());
        assertThat(err.toString()).contains("order.csv: line 3, column 'date': dates must increase");

        Path shortRow = write("short.csv", "date,benchmark,return\n2024-01-02,0.01\n");
        run(
                "metrics",
                "--returns",
                shortRow.toString(),
                "--out",
                dir.resolve("d.json").toString());
        assertThat(err.toString()).contains("short.csv: line 2, column 'return': missing value");

        Path infinite = write("inf.csv", "date,return\n2024-01-02,Infinity\n");
        run(
                "metrics",
                "--returns",
                infinite.toString(),
                "--out",
                dir.resolve("e.json").toString());
        assertThat(err.toString()).contains("inf.csv: line 2, column 'return'");

        assertThat(run(
                        "metrics",
                        "--returns",
                        dir.resolve("absent.csv").toString(),
                        "--out",
                        dir.resolve("f.json").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("absent.csv").contains("no such file");
    }

    @Test
    void replaces_the_output_atomically_and_leaves_no_temporary_file() throws IOException {
        Path returns = write("mixed.csv", MIXED_CSV);
        Path target = write("metrics.json", "old content");

        assertThat(run("metrics", "--returns", returns.toString(), "--out", target.toString()))
                .isZero();

        assertThat(json(target).get("periods").asInt()).isEqualTo(9);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("mixed.csv", "metrics.json");
        }
    }

    @Test
    void an_empty_series_gives_null_metrics_not_an_error() throws IOException {
        Path returns = write("empty.csv", "date,return\n");
        Path target = dir.resolve("empty.json");

        assertThat(run("metrics", "--returns", returns.toString(), "--out", target.toString()))
                .isZero();

        JsonNode m = json(target);
        for (String key : CONTRACT_KEYS) {
            assertThat(m.get(key).isNull()).as(key).isTrue();
        }
        assertThat(m.get("periods").asInt()).isZero();
    }

    @Test
    void help_describes_every_option() {
        assertThat(run("metrics", "--help")).isZero();
        assertThat(out.toString())
                .contains("--returns=FILE.csv")
                .contains("--benchmark=FILE.csv")
                .contains("--periods-per-year=N")
                .contains("--risk-free=RATE")
                .contains("--out=FILE.json");
        assertThat(run("metrics", "--out", "x.json")).isEqualTo(2);
        assertThat(err.toString()).contains("--returns");
    }
}
