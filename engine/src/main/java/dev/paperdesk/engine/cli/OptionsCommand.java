package dev.paperdesk.engine.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.paperdesk.engine.io.AtomicFiles;
import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.pricing.option.BlackScholesEuropeanPricer;
import dev.paperdesk.engine.pricing.option.ImpliedVolatility;
import dev.paperdesk.engine.pricing.option.LeisenReimerAmericanPricer;
import dev.paperdesk.engine.pricing.option.OptionInputs;
import dev.paperdesk.engine.pricing.option.OptionPricer;
import dev.paperdesk.engine.pricing.option.OptionValuation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperdesk options …}: option pricing from the command line. */
@Command(
        name = "options",
        mixinStandardHelpOptions = true,
        description = "Price options, compute Greeks and solve implied volatility; show live option chains.",
        subcommands = {OptionsCommand.PriceCsv.class, OptionsChainCommand.class})
final class OptionsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code paperdesk options price --input FILE.csv --output FILE.csv}. */
    @Command(
            name = "price",
            mixinStandardHelpOptions = true,
            description = {
                "Value every row of a CSV file of options and write it back with value, Greeks and implied volatility.",
                "",
                "Input columns: type (call|put), style (european|american), spot, strike, rate, dividend"
                        + " (continuous yields, 0.05 = 5%), volatility (0.20 = 20%), expiry (years), and optionally"
                        + " price (a market price to solve implied volatility for) and steps (tree steps for"
                        + " american rows, default " + LeisenReimerAmericanPricer.DEFAULT_STEPS + ").",
                "European rows use Black-Scholes-Merton; american rows a Leisen-Reimer tree (an even step"
                        + " count is raised to the next odd one). With a price and an empty volatility the Greeks"
                        + " are computed at the implied volatility.",
                "",
                "Output: the input columns, then value, delta, gamma, vega, theta, rho (per 1.00 and per year),"
                        + " theta_day (theta/365), vega_pct and rho_pct (per percentage point, /100), iv (empty"
                        + " when no price was given or none exists) and error (empty when the row is fine; otherwise"
                        + " it names the field). A bad row does not stop the others.",
                "The output is written to a temporary file in the same folder and then moved into place."
            })
    static final class PriceCsv implements Callable<Integer> {
        static final List<String> REQUIRED =
                List.of("type", "style", "spot", "strike", "rate", "dividend", "volatility", "expiry");
        static final List<String> ADDED = List.of(
                "value", "delta", "gamma", "vega", "theta", "rho", "theta_day", "vega_pct", "rho_pct", "iv", "error");

        @Option(
                names = "--input",
                required = true,
                paramLabel = "FILE.csv",
                description = "The options to price (CSV with a header row).")
        Path input;

        @Option(
                names = "--output",
                required = true,
                paramLabel = "FILE.csv",
                description = "Where to write the priced rows (replaced atomically).")
        Path output;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(input)) {
                throw new CliException("no such input file: " + input);
            }
            CsvMapper mapper = new CsvMapper();
            mapper.enable(CsvParser.Feature.TRIM_SPACES);
            List<String> header;
            List<Map<String, String>> rows = new ArrayList<>();
            try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(input.toFile())) {
                boolean any = it.hasNext();
                CsvSchema schema = (CsvSchema) it.getParser().getSchema();
                header = new ArrayList<>();
                schema.forEach(c -> header.add(c.getName()));
                if (header.isEmpty()) {
                    throw new CliException(
                            input + ": empty file, expected a header row with " + String.join(",", REQUIRED));
                }
                for (String column : REQUIRED) {
                    if (!header.contains(column)) {
                        throw new CliException(
                                input + ": missing column '" + column + "' (header: " + String.join(",", header) + ")");
                    }
                }
                while (any && it.hasNext()) {
                    try {
                        rows.add(it.next());
                    } catch (RuntimeException e) {
                        long line = it.getCurrentLocation().getLineNr();
                        throw new CliException(input + ":" + line + ": malformed CSV row: " + e.getMessage());
                    }
                }
            }
            List<String> columns = new ArrayList<>();
            header.stream().filter(c -> !ADDED.contains(c)).forEach(columns::add);
            columns.addAll(ADDED);
            int failed = 0;
            List<Map<String, String>> out = new ArrayList<>(rows.size());
            for (Map<String, String> row : rows) {
                Map<String, String> priced = price(row);
                failed += priced.get("error").isEmpty() ? 0 : 1;
                out.add(priced);
            }
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            columns.forEach(schema::addColumn);
            writeAtomically(output, w -> mapper.writerFor(Map.class)
                    .with(schema.build())
                    .writeValues(w)
                    .writeAll(out)
                    .close());
            spec.commandLine().getOut().printf("priced %d row(s), %d with errors -> %s%n", rows.size(), failed, output);
            return 0;
        }

        /** Prices one row; every problem lands in the row's error column, naming the field. */
        static Map<String, String> price(Map<String, String> row) {
            Map<String, String> out = new LinkedHashMap<>(row);
            ADDED.forEach(c -> out.put(c, ""));
            List<String> errors = new ArrayList<>();
            RowReader r = new RowReader(row, errors);
            OptionRight right = r.choice("type", Map.of("call", OptionRight.CALL, "put", OptionRight.PUT));
            Boolean american = r.choice("style", Map.of("european", false, "american", true));
            double spot = r.number("spot", true);
            double strike = r.number("strike", true);
            double rate = r.number("rate", true);
            double dividend = r.number("dividend", true);
            double expiry = r.number("expiry", true);
            double vol = r.number("volatility", false);
            double price = r.number("price", false);
            int steps = r.integer("steps", LeisenReimerAmericanPricer.DEFAULT_STEPS);
            if (r.isBlank("volatility") && r.isBlank("price")) {
                errors.add("volatility: missing (give a volatility, or a price to solve it from)");
            }
            if (!errors.isEmpty()) {
                out.put("error", String.join("; ", errors));
                return out;
            }
            OptionInputs inputs;
            OptionPricer pricer;
            try {
                inputs = new OptionInputs(right, spot, strike, expiry, rate, dividend, Double.isNaN(vol) ? 0.0 : vol);
                pricer = american ? LeisenReimerAmericanPricer.withSteps(steps) : BlackScholesEuropeanPricer.DEFAULT;
            } catch (IllegalArgumentException e) {
                out.put("error", fieldName(e.getMessage()));
                return out;
            }
            if (!Double.isNaN(price)) {
                ImpliedVolatility iv = pricer.impliedVolatility(inputs, price);
                switch (iv) {
                    case ImpliedVolatility.Solved s -> out.put("iv", format(s.value()));
                    case ImpliedVolatility.NoSolution n -> errors.add("iv: " + n.message());
                }
                if (Double.isNaN(vol)) {
                    if (iv instanceof ImpliedVolatility.Solved s) {
                        inputs = inputs.withVolatility(s.value());
                    } else {
                        out.put("error", String.join("; ", errors));
                        return out;
                    }
                }
            }
            OptionValuation v = pricer.valuation(inputs);
            out.put("value", format(v.value()));
            out.put("delta", format(v.delta()));
            out.put("gamma", format(v.gamma()));
            out.put("vega", format(v.vega()));
            out.put("theta", format(v.theta()));
            out.put("rho", format(v.rho()));
            out.put("theta_day", format(v.thetaPerDay()));
            out.put("vega_pct", format(v.vegaPerPoint()));
            out.put("rho_pct", format(v.rhoPerPoint()));
            out.put("error", String.join("; ", errors));
            return out;
        }

        /** OptionInputs messages start with their field; map the two whose names differ from the CSV. */
        private static String fieldName(String message) {
            return message.replaceFirst("^dividendYield", "dividend");
        }

        static String format(double value) {
            return Double.toString(value == 0.0 ? 0.0 : value); // no "-0.0"
        }

        /** Writes the whole output or nothing: a temporary file in the target's folder, then a move. */
        static void writeAtomically(Path target, AtomicFiles.TextBody action) throws IOException {
            Path dir = target.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new CliException("output folder does not exist: " + dir);
            }
            AtomicFiles.writeText(target, action);
        }
    }

    /** Reads typed fields from a CSV row, collecting one message per bad field. */
    private record RowReader(Map<String, String> row, List<String> errors) {
        boolean isBlank(String field) {
            String v = row.get(field);
            return v == null || v.isBlank();
        }

        <T> T choice(String field, Map<String, T> allowed) {
            String v = row.getOrDefault(field, "").trim().toLowerCase(Locale.ROOT);
            T value = allowed.get(v);
            if (value == null) {
                errors.add(field + ": expected "
                        + String.join(" or ", allowed.keySet().stream().sorted().toList()) + ", got '"
                        + row.getOrDefault(field, "") + "'");
            }
            return value;
        }

        /** A finite number; NaN when blank and optional. */
        double number(String field, boolean required) {
            if (isBlank(field)) {
                if (required) {
                    errors.add(field + ": missing");
                }
                return Double.NaN;
            }
            String v = row.get(field).trim();
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    errors.add(field + ": must be a finite number, got '" + v + "'");
                    return Double.NaN;
                }
                return d;
            } catch (NumberFormatException e) {
                errors.add(field + ": not a number '" + v + "'");
                return Double.NaN;
            }
        }

        int integer(String field, int defaultValue) {
            if (isBlank(field)) {
                return defaultValue;
            }
            String v = row.get(field).trim();
            try {
                int n = Integer.parseInt(v);
                if (n < 2 || n > 100_000) {
                    errors.add(field + ": must be between 2 and 100000, got " + n);
                    return defaultValue;
                }
                return n;
            } catch (NumberFormatException e) {
                errors.add(field + ": not a whole number '" + v + "'");
                return defaultValue;
            }
        }
    }
}
