package dev.paperdesk.engine.indicator.spec;

import dev.paperdesk.engine.indicator.StreamingIndicator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One parsed indicator token: its kind, the parameter values in token order (defaults filled in),
 * how many were written, and the token text that names its output columns.
 */
public record IndicatorSpec(IndicatorKind kind, List<Double> params, int given, String token) {
    public IndicatorSpec {
        Objects.requireNonNull(kind, "kind");
        params = List.copyOf(params);
        Objects.requireNonNull(token, "token");
        if (params.size() != kind.params().size()) {
            throw new IllegalArgumentException(
                    kind.token() + " takes " + kind.params().size() + " parameters, got " + params.size());
        }
        if (given < 0 || given > params.size()) {
            throw new IllegalArgumentException("given must be between 0 and " + params.size() + ", was " + given);
        }
    }

    /** A new streaming instance of this indicator. */
    public StreamingIndicator create() {
        return kind.create(params, given);
    }

    /** The column base name: the token with {@code ':'} replaced by {@code '_'}, e.g. {@code rsi_14}. */
    public String columnBase() {
        return token.replace(':', '_');
    }

    /** The output column names in output order, e.g. {@code macd_12_26_9.macd}, {@code .signal}, … */
    public List<String> columns() {
        List<String> names = new ArrayList<>();
        for (String suffix : kind.suffixes()) {
            names.add(columnBase() + suffix);
        }
        return names;
    }
}
