package dev.paperdesk.engine.optimize;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** One candidate of a search: a value for each searched parameter, in the order of the ranges. */
public record ParameterSet(Map<String, BigDecimal> values) {
    public ParameterSet {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code name}; throws when the set does not hold it. */
    public BigDecimal get(String name) {
        BigDecimal v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + this);
        }
        return v;
    }

    /** The values as text, as strategy parameter overrides take them. */
    public Map<String, String> asText() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.toPlainString()));
        return out;
    }

    /** {@code fast=10, slow=30}. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                .collect(Collectors.joining(", "));
    }
}
