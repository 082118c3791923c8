package dev.paperdesk.engine.montecarlo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperdesk.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A Monte Carlo run as MC.json: settings, percentile bands per step, the original path, the
 * distributions (summary percentiles, confidence interval, histogram) of final equity, CAGR, max
 * drawdown and Sharpe, and the probabilities of profit and ruin. Snake_case keys; {@code null} for
 * undefined figures. Per-path values are not written; the thread count is not either, so the same
 * seed gives a byte-identical file on any machine.
 */
public final class MonteCarloFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] DISTRIBUTIONS = {"final_equity", "cagr", "max_drawdown", "sharpe"};

    private MonteCarloFiles() {}

    /**
     * What was simulated, beyond the result itself.
     *
     * @param method the command-line method: {@code shuffle}, {@code bootstrap}, {@code block} or
     *     {@code perturb}
     * @param strategy the backtest's strategy name
     * @param instruments the backtest's instruments
     * @param stepUnit what a step is: {@code trade} or {@code day}
     * @param originalEquity equity of the original backtest at steps 0..n (capital first), or null
     * @param blockLength mean block length of the block bootstrap, else {@code NaN}
     * @param jitter relative parameter jitter of perturbed re-runs, else {@code NaN}
     */
    public record Header(
            String method,
            String strategy,
            List<String> instruments,
            String stepUnit,
            double[] originalEquity,
            double blockLength,
            double jitter) {
        public Header {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(strategy, "strategy");
            instruments = List.copyOf(instruments);
            Objects.requireNonNull(stepUnit, "stepUnit");
            originalEquity = originalEquity == null ? null : originalEquity.clone();
        }

        @Override
        public double[] originalEquity() {
            return originalEquity == null ? null : originalEquity.clone();
        }
    }

    /** A run read back from MC.json: the summaries (without per-path values) and the header. */
    public record Loaded(Header header, MonteCarloResult result) {}

    public static String toJson(Header header, MonteCarloResult r) {
        ObjectNode root = NODES.objectNode();
        MonteCarloConfig c = r.config();
        root.put("method", header.method());
        root.put("resampling", r.method());
        root.put("strategy", header.strategy());
        ArrayNode instruments = root.putArray("instruments");
        header.instruments().forEach(instruments::add);
        root.put("paths", c.paths());
        root.put("seed", c.seed());
        number(root, "starting_equity", c.startingEquity());
        number(root, "ruin_floor", c.ruinFloor());
        number(root, "confidence_level", c.confidenceLevel());
        root.put("step_unit", header.stepUnit());
        if (!Double.isNaN(header.blockLength())) {
            number(root, "block_length", header.blockLength());
        }
        if (!Double.isNaN(header.jitter())) {
            number(root, "jitter", header.jitter());
        }
        number(root, "probability_of_profit", r.probabilityOfProfit());
        number(root, "probability_of_ruin", r.probabilityOfRuin());
        EquityBands b = r.bands();
        ObjectNode bands = root.putObject("bands");
        ArrayNode steps = bands.putArray("steps");
        for (int s : b.steps()) {
            steps.add(s);
        }
        array(bands, "p5", b.p5());
        array(bands, "p25", b.p25());
        array(bands, "p50", b.p50());
        array(bands, "p75", b.p75());
        array(bands, "p95", b.p95());
        if (header.originalEquity() == null) {
            root.putNull("original_equity");
        } else {
            array(root, "original_equity", header.originalEquity());
        }
        if (r.original() == null) {
            root.putNull("original");
        } else {
            PathMetrics o = r.original();
            ObjectNode n = root.putObject("original");
            n.put("steps", o.steps());
            number(n, "final_equity", o.finalEquity());
            number(n, "cagr", o.cagr());
            number(n, "max_drawdown", o.maxDrawdown());
            number(n, "sharpe", o.sharpe());
            n.put("ruined", o.ruined());
        }
        ObjectNode dists = root.putObject("distributions");
        Distribution[] all = {r.finalEquity(), r.cagr(), r.maxDrawdown(), r.sharpe()};
        for (int i = 0; i < all.length; i++) {
            dists.set(DISTRIBUTIONS[i], distribution(all[i]));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeJson(Path file, Header header, MonteCarloResult result) throws IOException {
        AtomicFiles.writeString(file, toJson(header, result));
    }

    /**
     * Reads MC.json back; distributions carry their summaries and histograms but no per-path values.
     *
     * @throws IllegalArgumentException naming the missing or bad key
     */
    public static Loaded fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Monte Carlo file: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a Monte Carlo file: no JSON object");
        }
        Header header = new Header(
                text(root, "method"),
                text(root, "strategy"),
                stringList(require(root, "instruments")),
                text(root, "step_unit"),
                root.path("original_equity").isArray()
                        ? doubles(root.path("original_equity"), "original_equity")
                        : null,
                root.path("block_length").isNumber() ? root.path("block_length").asDouble() : Double.NaN,
                root.path("jitter").isNumber() ? root.path("jitter").asDouble() : Double.NaN);
        JsonNode bands = require(root, "bands");
        double[] stepValues = doubles(require(bands, "steps"), "bands.steps");
        int[] steps = new int[stepValues.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = (int) stepValues[i];
        }
        EquityBands b = new EquityBands(
                steps,
                doubles(require(bands, "p5"), "bands.p5"),
                doubles(require(bands, "p25"), "bands.p25"),
                doubles(require(bands, "p50"), "bands.p50"),
                doubles(require(bands, "p75"), "bands.p75"),
                doubles(require(bands, "p95"), "bands.p95"));
        JsonNode dists = require(root, "distributions");
        Distribution[] d = new Distribution[DISTRIBUTIONS.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = distribution(require(dists, DISTRIBUTIONS[i]), "distributions." + DISTRIBUTIONS[i]);
        }
        int bins = Math.max(1, d[0].histogram().counts().length);
        try {
            MonteCarloConfig config = new MonteCarloConfig(
                    require(root, "paths").asInt(),
                    require(root, "seed").asLong(),
                    1,
                    number(root, "starting_equity"),
                    number(root, "ruin_floor"),
                    Math.max(2, steps.length),
                    bins,
                    number(root, "confidence_level"));
            PathMetrics original = null;
            JsonNode o = root.path("original");
            if (o.isObject()) {
                original = new PathMetrics(
                        o.path("steps").asInt(),
                        number(o, "final_equity"),
                        number(o, "cagr"),
                        number(o, "max_drawdown"),
                        number(o, "sharpe"),
                        o.path("ruined").asBoolean());
            }
            return new Loaded(
                    header,
                    new MonteCarloResult(
                            text(root, "resampling"),
                            config,
                            original,
                            b,
                            d[0],
                            d[1],
                            d[2],
                            d[3],
                            number(root, "probability_of_profit"),
                            number(root, "probability_of_ruin")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Monte Carlo file: " + e.getMessage(), e);
        }
    }

    private static ObjectNode distribution(Distribution d) {
        ObjectNode n = NODES.objectNode();
        n.put("valid", d.valid());
        number(n, "mean", d.mean());
        number(n, "p5", d.p5());
        number(n, "p25", d.p25());
        number(n, "p50", d.p50());
        number(n, "p75", d.p75());
        number(n, "p95", d.p95());
        ObjectNode ci = n.putObject("interval");
        number(ci, "level", d.interval().level());
        number(ci, "lower", d.interval().lower());
        number(ci, "median", d.interval().median());
        number(ci, "upper", d.interval().upper());
        ObjectNode h = n.putObject("histogram");
        array(h, "edges", d.histogram().edges());
        ArrayNode counts = h.putArray("counts");
        for (long c : d.histogram().counts()) {
            counts.add(c);
        }
        h.put("excluded", d.histogram().excluded());
        return n;
    }

    private static Distribution distribution(JsonNode n, String where) {
        JsonNode ci = require(n, "interval");
        JsonNode h = require(n, "histogram");
        double[] countValues = doubles(require(h, "counts"), where + ".histogram.counts");
        long[] counts = new long[countValues.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (long) countValues[i];
        }
        return new Distribution(
                new double[0],
                require(n, "valid").asInt(),
                number(n, "mean"),
                number(n, "p5"),
                number(n, "p25"),
                number(n, "p50"),
                number(n, "p75"),
                number(n, "p95"),
                new ConfidenceInterval(
                        number(ci, "level"), number(ci, "lower"), number(ci, "median"), number(ci, "upper")),
                new Histogram(
                        doubles(require(h, "edges"), where + ".histogram.edges"),
                        counts,
                        require(h, "excluded").asInt()));
    }

    private static JsonNode require(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null) {
            throw new IllegalArgumentException("not a Monte Carlo file: key '" + key + "' is missing");
        }
        return v;
    }

    private static String text(JsonNode n, String key) {
        return require(n, key).asText();
    }

    private static double number(JsonNode n, String key) {
        JsonNode v = require(n, key);
        return v.isNull() ? Double.NaN : v.asDouble();
    }

    private static double[] doubles(JsonNode array, String where) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("not a Monte Carlo file: '" + where + "' is not an array");
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return out;
    }

    private static List<String> stringList(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    private static void array(ObjectNode n, String key, double[] values) {
        ArrayNode a = n.putArray(key);
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }
}
