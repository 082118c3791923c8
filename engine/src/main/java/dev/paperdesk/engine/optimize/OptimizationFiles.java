package dev.paperdesk.engine.optimize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperdesk.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An optimization as files: OPT.json (every trial, the best, the heatmap of two parameters and the
 * walk-forward analysis; snake_case keys, ISO-8601 times, {@code null} for undefined figures) and the
 * results table as CSV. Equal searches give byte-identical files: the wall time is left out.
 */
public final class OptimizationFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private OptimizationFiles() {}

    /**
     * What was optimized, for the file's header.
     *
     * @param source a strategy file or {@code builtin:NAME}
     * @param instruments the data's instruments
     * @param from first bar open; {@code to} the end of the data (exclusive)
     */
    public record Subject(
            String strategy,
            String source,
            List<String> instruments,
            String timeframe,
            Instant from,
            Instant to,
            BigDecimal capital) {
        public Subject {
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(source, "source");
            instruments = List.copyOf(instruments);
            Objects.requireNonNull(timeframe, "timeframe");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(capital, "capital");
        }
    }

    /** OPT.json text; {@code subject} and {@code walkForward} may be null. */
    public static String toJson(Subject subject, OptimizationResult result, WalkForwardResult walkForward) {
        ObjectNode root = NODES.objectNode();
        if (subject != null) {
            root.put("strategy", subject.strategy());
            root.put("source", subject.source());
            ArrayNode instruments = root.putArray("instruments");
            subject.instruments().forEach(instruments::add);
            root.put("timeframe", subject.timeframe());
            root.put("from", subject.from().toString());
            root.put("to", subject.to().toString());
            root.put("capital", subject.capital());
        }
        OptimizationConfig config = result.config();
        ArrayNode params = root.putArray("parameters");
        for (ParameterRange r : config.ranges()) {
            ObjectNode p = params.addObject();
            p.put("name", r.name());
            p.put("from", r.from());
            p.put("to", r.to());
            p.put("step", r.step());
            p.put("count", r.size());
        }
        root.put("objective", config.objective().name());
        ObjectNode method = root.putObject("method");
        method.put("name", config.method().name());
        if (config.method() instanceof SearchMethod.Random r) {
            method.put("samples", r.samples());
            method.put("seed", r.seed());
        }
        root.put("grid_size", config.gridSize());
        root.put("trials", result.trials().size());
        ArrayNode rows = root.putArray("results");
        for (Trial t : result.trials()) {
            rows.add(trial(t));
        }
        root.set("best", result.best().map(OptimizationFiles::trial).orElse(null));
        result.heatmap().ifPresent(h -> root.set("heatmap", heatmap(h)));
        if (walkForward != null) {
            root.set("walk_forward", walkForward(walkForward));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes OPT.json atomically. */
    public static void writeJson(Path file, Subject subject, OptimizationResult result, WalkForwardResult walkForward)
            throws IOException {
        AtomicFiles.writeString(file, toJson(subject, result, walkForward));
    }

    /** The CSV header of {@link #resultsCsv}: index, the parameters, objective, the metrics, error. */
    public static String csvHeader(OptimizationConfig config) {
        return "index,"
                + config.ranges().stream().map(ParameterRange::name).collect(Collectors.joining(","))
                + ",objective," + String.join(",", RunMetrics.NAMES) + ",error";
    }

    /** The results table: one row per trial in candidate order; undefined figures are empty cells. */
    public static String resultsCsv(OptimizationResult result) {
        StringBuilder sb = new StringBuilder(csvHeader(result.config())).append('\n');
        for (Trial t : result.trials()) {
            sb.append(t.index());
            for (ParameterRange r : result.config().ranges()) {
                sb.append(',').append(t.parameters().get(r.name()).toPlainString());
            }
            sb.append(',').append(number(t.objective()));
            for (String m : RunMetrics.NAMES) {
                sb.append(',').append(number(t.metric(m)));
            }
            sb.append(',').append(csvText(t.error())).append('\n');
        }
        return sb.toString();
    }

    private static ObjectNode trial(Trial t) {
        ObjectNode n = NODES.objectNode();
        n.put("index", t.index());
        ObjectNode p = n.putObject("parameters");
        t.parameters().values().forEach(p::put);
        putNumber(n, "objective", t.objective());
        ObjectNode m = n.putObject("metrics");
        for (Map.Entry<String, Double> e : t.metrics().entrySet()) {
            putNumber(m, e.getKey(), e.getValue());
        }
        if (t.error().isEmpty()) {
            n.putNull("error");
        } else {
            n.put("error", t.error());
        }
        return n;
    }

    private static ObjectNode heatmap(Heatmap h) {
        ObjectNode n = NODES.objectNode();
        n.put("x", h.xName());
        n.put("y", h.yName());
        ArrayNode xs = n.putArray("x_values");
        h.x().forEach(xs::add);
        ArrayNode ys = n.putArray("y_values");
        h.y().forEach(ys::add);
        ArrayNode rows = n.putArray("values");
        for (double[] row : h.values()) {
            ArrayNode r = rows.addArray();
            for (double v : row) {
                if (Double.isFinite(v)) {
                    r.add(v);
                } else {
                    r.addNull();
                }
            }
        }
        return n;
    }

    private static ObjectNode walkForward(WalkForwardResult w) {
        ObjectNode n = NODES.objectNode();
        n.put("spec", w.spec().toString());
        n.put("unit", w.spec().unit().name().toLowerCase(java.util.Locale.ROOT));
        n.put("in_sample", w.spec().inSample());
        n.put("out_of_sample", w.spec().outOfSample());
        ArrayNode windows = n.putArray("windows");
        for (WalkForwardResult.WindowResult r : w.windows()) {
            WalkForwardWindow win = r.window();
            ObjectNode o = windows.addObject();
            o.put("index", win.index());
            o.put("in_sample_from", win.inSampleFrom().toString());
            o.put("in_sample_to", win.inSampleTo().toString());
            o.put("out_of_sample_from", win.outOfSampleFrom().toString());
            o.put("out_of_sample_to", win.outOfSampleTo().toString());
            o.put("in_sample_bars", win.inSampleBars());
            o.put("out_of_sample_bars", win.outOfSampleBars());
            o.put("trials", r.trials());
            if (r.best() == null) {
                o.putNull("parameters");
                o.putNull("in_sample_objective");
            } else {
                ObjectNode p = o.putObject("parameters");
                r.best().parameters().values().forEach(p::put);
                putNumber(o, "in_sample_objective", r.best().objective());
            }
            putNumber(o, "in_sample_return", r.inSampleReturn());
            putNumber(o, "in_sample_annual_return", r.inSampleAnnualReturn());
            putNumber(o, "out_of_sample_return", r.outOfSampleReturn());
            putNumber(o, "out_of_sample_annual_return", r.outOfSampleAnnualReturn());
            putNumber(o, "efficiency", r.efficiency());
            o.put("out_of_sample_trades", r.outOfSampleTrades());
        }
        ArrayNode eq = n.putArray("oos_equity");
        for (WalkForwardResult.EquitySample s : w.oosEquity()) {
            ObjectNode o = eq.addObject();
            o.put("time", s.time().toString());
            putNumber(o, "equity", s.equity());
        }
        putNumber(n, "in_sample_annual_return", w.inSampleAnnualReturn());
        putNumber(n, "out_of_sample_annual_return", w.outOfSampleAnnualReturn());
        putNumber(n, "efficiency", w.efficiency());
        return n;
    }

    private static void putNumber(ObjectNode n, String key, Double v) {
        if (v == null || !Double.isFinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    /** Whole numbers (trades, most parameter-free counts) without a trailing {@code .0}. */
    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String csvText(String s) {
        if (s.isEmpty()) {
            return "";
        }
        return "\"" + s.replace("\"", "\"\"").replace('\n', ' ') + "\"";
    }
}
