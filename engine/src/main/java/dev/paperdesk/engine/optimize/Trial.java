package dev.paperdesk.engine.optimize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One evaluated candidate: its index in candidate order, its parameters, the run metrics and the
 * objective value.
 *
 * @param metrics the metrics by {@link RunMetrics} name ({@code NaN} where undefined); empty on error
 * @param objective the objective; {@code NaN} when undefined or on error
 * @param error why the run failed (the strategy threw, the parameters were refused), or empty
 */
public record Trial(int index, ParameterSet parameters, Map<String, Double> metrics, double objective, String error) {
    public Trial {
        if (index < 0) {
            throw new IllegalArgumentException("trial index must not be negative, not " + index);
        }
        Objects.requireNonNull(parameters, "parameters");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        error = error == null ? "" : error;
    }

    /** Whether the run completed without error and has an objective value. */
    public boolean ranked() {
        return error.isEmpty() && !Double.isNaN(objective);
    }

    /** The metric {@code name}, {@code NaN} when missing. */
    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }
}
