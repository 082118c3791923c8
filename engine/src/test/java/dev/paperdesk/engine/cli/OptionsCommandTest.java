package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PaperdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private List<Map<String, String>> read(Path file) throws IOException {
        try (MappingIterator<Map<String, String>> it = new CsvMapper()
                .readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(file.toFile())) {
            return it.readAll();
        }
    }

    private static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    @Test
    void pricesEuropeanAndAmericanRowsSolvesImpliedVolatilityAndIsolatesBadRows() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(
                in,
                String.join(
                        "\n",
                        "id,type,style,spot,strike,rate,dividend,volatility,expiry,price,steps",
                        "hull-call,call,european,42,40,0.10,0,0.20,0.5,,",
                        "hull-put,put,european,42,40,0.10,0,0.20,0.5,0.8086,",
                        "am-put,put,american,50,50,0.10,0,0.40,0.4166666666666667,,501",
                        "iv-only,call,european,42,40,0.10,0,,0.5,4.7594,",
                        "bad-spot,call,european,abc,40,0.10,0,0.20,0.5,,",
                        "bad-type,straddle,european,42,40,0.10,0,0.20,0.5,,",
                        "no-iv,call,european,42,40,0.10,0,0.20,0.5,0.5,",
                        "neg-vol,put,american,42,40,0.10,0,-0.2,0.5,,",
                        ""));
        Path output = dir.resolve("out.csv");
        int code = run("options", "price", "--input", in.toString(), "--output", output.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("priced 8 row(s), 4 with errors");
        List<Map<String, String>> rows = read(output);
        assertThat(rows).hasSize(8);
        assertThat(Files.readAllLines(output).get(0))
                .isEqualTo("id,type,style,spot,strike,rate,dividend,volatility,expiry,price,steps,"
                        + "value,delta,gamma,vega,theta,rho,theta_day,vega_pct,rho_pct,iv,error");

        Map<String, String> call = rows.get(0);
        assertThat(num(call, "value")).isCloseTo(4.7594, within(1e-4));
        assertThat(call.get("iv")).isEmpty();
        assertThat(call.get("error")).isEmpty();
        assertThat(num(call, "theta_day")).isCloseTo(num(call, "theta") / 365, within(1e-12));
        assertThat(num(call, "vega_pct")).isCloseTo(num(call, "vega") / 100, within(1e-12));
        assertThat(num(call, "rho_pct")).isCloseTo(num(call, "rho") / 100, within(1e-12));

        Map<String, String> put = rows.get(1);
        assertThat(num(put, "value")).isCloseTo(0.8086, within(1e-4));
        assertThat(num(put, "iv")).isCloseTo(0.20, within(1e-4));

        Map<String, String> american = rows.get(2);
        assertThat(num(american, "value"))
                .isCloseTo(4.284, within(2e-3)); // Hull's American put, see AmericanPricersTest
        assertThat(num(american, "delta")).isBetween(-1.0, 0.0);

        Map<String, String> ivOnly = rows.get(3);
        assertThat(num(ivOnly, "iv")).isCloseTo(0.20, within(1e-4));
        assertThat(num(ivOnly, "value")).isCloseTo(4.7594, within(1e-9));

        assertThat(rows.get(4).get("error")).startsWith("spot: not a number 'abc'");
        assertThat(rows.get(4).get("value")).isEmpty();
        assertThat(rows.get(5).get("error")).contains("type: expected call or put, got 'straddle'");
        Map<String, String> noIv = rows.get(6);
        assertThat(noIv.get("iv")).isEmpty();
        assertThat(noIv.get("error")).startsWith("iv: ").contains("lower bound");
        assertThat(num(noIv, "value")).isCloseTo(4.7594, within(1e-4)); // still valued at the given volatility
        assertThat(rows.get(7).get("error")).startsWith("volatility");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.csv", "out.csv");
        }
    }

    @Test
    void missingColumnIsAnErrorNamingTheFileAndColumn() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "type,style,spot,strike,rate,volatility,expiry\ncall,european,42,40,0.1,0.2,0.5\n");
        Path output = dir.resolve("out.csv");
        int code = run("options", "price", "--input", in.toString(), "--output", output.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("in.csv").contains("missing column 'dividend'");
        assertThat(output).doesNotExist();
    }

    @Test
    void replacesAnExistingOutputAndReportsAMissingInput() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(
                in, "type,style,spot,strike,rate,dividend,volatility,expiry\nput,american,100,100,0.05,0.02,0.3,1\n");
        Path output = dir.resolve("out.csv");
        Files.writeString(output, "stale");
        assertThat(run("options", "price", "--input", in.toString(), "--output", output.toString()))
                .isZero();
        Map<String, String> row = read(output).get(0);
        assertThat(num(row, "value")).isPositive();
        assertThat(row.get("error")).isEmpty();

        assertThat(run(
                        "options",
                        "price",
                        "--input",
                        dir.resolve("nope.csv").toString(),
                        "--output",
                        output.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no such input file");
    }

    @Test
    void helpDescribesTheColumns() {
        assertThat(run("options", "price", "--help")).isZero();
        assertThat(out.toString()).contains("--input", "--output", "theta_day", "vega_pct", "rho_pct", "steps");
    }
}
