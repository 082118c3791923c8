package dev.paperdesk.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperdesk.engine.analytics.CsvFormatException;
import dev.paperdesk.engine.analytics.MetricsConfig;
import dev.paperdesk.engine.analytics.PerformanceSummary;
import dev.paperdesk.engine.analytics.ReturnSeries;
import dev.paperdesk.engine.analytics.ReturnSeriesCsv;
import dev.paperdesk.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperdesk metrics}: performance and risk metrics of a return series, written as JSON. */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = {
            "Compute performance and risk metrics of a return series with empyrical's conventions"
                    + " and write them as JSON.",
            "The returns CSV has a header with the columns date,return (ISO dates, simple returns as"
                    + " decimals, 0.01 = +1%%) and optionally benchmark. An empty cell or NaN is a missing value.",
            "JSON keys: annual_return, cum_return, annual_volatility, sharpe_ratio, sortino_ratio,"
                    + " downside_risk, max_drawdown, calmar_ratio, omega_ratio, alpha, beta, tail_ratio,"
                    + " value_at_risk, cvar, stability, and information_ratio, r_squared,"
                    + " value_at_risk_1pct, cvar_1pct, periods, periods_per_year, risk_free, start_date,"
                    + " end_date, has_benchmark. Undefined values (no benchmark, too few periods, zero"
                    + " volatility) are null."
        })
final class MetricsCommand implements Callable<Integer> {
    @Option(
            names = "--returns",
            required = true,
            paramLabel = "FILE.csv",
            description = "Returns CSV with columns date,return and optionally benchmark.")
    Path returns;

    @Option(
            names = "--benchmark",
            paramLabel = "FILE.csv",
            description = "Benchmark CSV with columns date,return, aligned on the returns' dates"
                    + " (missing dates count as missing benchmark values).")
    Path benchmark;

    @Option(
            names = "--periods-per-year",
            defaultValue = "252",
            paramLabel = "N",
            description = "Periods per year used to annualise: 252 trading days, 365 calendar days,"
                    + " 52 weeks or 12 months (default: ${DEFAULT-VALUE}).")
    int periodsPerYear;

    @Option(
            names = "--risk-free",
            defaultValue = "0",
            paramLabel = "RATE",
            description = "Risk-free return per period as a decimal, e.g. 0.0001 per day"
                    + " (default: ${DEFAULT-VALUE}); used by Sharpe, omega and alpha.")
    double riskFree;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE.json",
            description = "Output JSON file, written atomically (temporary file, then move).")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (periodsPerYear < 1) {
            throw new CliException("--periods-per-year must be at least 1, not " + periodsPerYear, 2);
        }
        if (!Double.isFinite(riskFree)) {
            throw new CliException("--risk-free must be a finite number", 2);
        }
        ReturnSeries series;
        try {
            series = benchmark == null ? ReturnSeriesCsv.read(returns) : ReturnSeriesCsv.read(returns, benchmark);
        } catch (CsvFormatException e) {
            throw new CliException(e.getMessage(), 1);
        }
        PerformanceSummary s = PerformanceSummary.of(series, MetricsConfig.of(periodsPerYear, riskFree));

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode node = mapper.createObjectNode();
        put(node, "annual_return", s.annualReturn());
        put(node, "cum_return", s.cumReturn());
        put(node, "annual_volatility", s.annualVolatility());
        put(node, "sharpe_ratio", s.sharpeRatio());
        put(node, "sortino_ratio", s.sortinoRatio());
        put(node, "downside_risk", s.downsideRisk());
        put(node, "max_drawdown", s.maxDrawdown());
        put(node, "calmar_ratio", s.calmarRatio());
        put(node, "omega_ratio", s.omegaRatio());
        put(node, "alpha", s.alpha());
        put(node, "beta", s.beta());
        put(node, "tail_ratio", s.tailRatio());
        put(node, "value_at_risk", s.valueAtRisk());
        put(node, "cvar", s.cvar());
        put(node, "stability", s.stability());
        put(node, "information_ratio", s.informationRatio());
        put(node, "r_squared", s.rSquared());
        put(node, "value_at_risk_1pct", s.valueAtRisk1());
        put(node, "cvar_1pct", s.cvar1());
        node.put("periods", s.periods());
        node.put("periods_per_year", periodsPerYear);
        put(node, "risk_free", riskFree);
        if (series.isEmpty()) {
            node.putNull("start_date");
            node.putNull("end_date");
        } else {
            node.put("start_date", series.date(0).toString());
            node.put("end_date", series.date(series.size() - 1).toString());
        }
        node.put("has_benchmark", series.hasBenchmark());
        writeAtomically(out, mapper.writeValueAsString(node) + System.lineSeparator());

        var stdout = spec.commandLine().getOut();
        stdout.printf(
                "%d periods, annual return %s, Sharpe %s, max drawdown %s -> %s%n",
                s.periods(), fmt(s.annualReturn()), fmt(s.sharpeRatio()), fmt(s.maxDrawdown()), out);
        stdout.flush();
        return 0;
    }

    /** JSON has no NaN or infinity: undefined values are null. */
    private static void put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.4f", v) : "n/a";
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException("cannot write " + target + ": directory " + dir + " does not exist", 1);
        }
        AtomicFiles.writeString(target, content);
    }
}
