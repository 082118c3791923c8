package dev.paperdesk.engine.strategy.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The values in force for a strategy's declared parameters, by name, in declaration order. */
public final class ParameterValues {
    private static final ParameterValues EMPTY = new ParameterValues(Map.of());

    private final Map<String, BigDecimal> values;

    private ParameterValues(Map<String, BigDecimal> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static ParameterValues empty() {
        return EMPTY;
    }

    /** Every parameter at its default. */
    public static ParameterValues defaults(List<ParameterSpec> specs) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            m.put(s.name(), s.defaultValue());
        }
        return new ParameterValues(m);
    }

    /**
     * Resolves values given as text (from the command line, the UI or an optimizer) against the
     * declarations: defaults for the rest; every unknown name and bad value is reported.
     */
    public static Resolution resolve(List<ParameterSpec> specs, Map<String, String> given) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            byName.put(s.name(), s);
        }
        List<String> problems = new ArrayList<>();
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                problems.add("unknown parameter '" + name + "' (declared: " + String.join(", ", byName.keySet()) + ")");
            }
        }
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            String text = given.get(s.name());
            if (text == null) {
                m.put(s.name(), s.defaultValue());
                continue;
            }
            String problem = s.problemWith(text);
            if (problem != null) {
                problems.add("parameter '" + s.name() + "': " + problem);
            } else {
                m.put(s.name(), ParameterSpec.parseOrNull(text));
            }
        }
        return problems.isEmpty() ? new Resolution.Resolved(new ParameterValues(m)) : new Resolution.Invalid(problems);
    }

    /** Values for the declarations, checked like {@link #resolve}; throws on a bad value (a bug). */
    public static ParameterValues of(List<ParameterSpec> specs, Map<String, BigDecimal> given) {
        Map<String, String> text = new LinkedHashMap<>();
        given.forEach((k, v) -> text.put(k, v.toPlainString()));
        return switch (resolve(specs, text)) {
            case Resolution.Resolved r -> r.values();
            case Resolution.Invalid i -> throw new IllegalArgumentException(String.join("; ", i.problems()));
        };
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of {@code name}; throws if it is not declared. */
    public BigDecimal decimal(String name) {
        BigDecimal v = values.get(Objects.requireNonNull(name, "name"));
        if (v == null) {
            throw new IllegalArgumentException(
                    "no parameter '" + name + "' (declared: " + String.join(", ", values.keySet()) + ")");
        }
        return v;
    }

    public int intValue(String name) {
        return decimal(name).intValueExact();
    }

    public double doubleValue(String name) {
        return decimal(name).doubleValue();
    }

    /** Name to value, in declaration order. */
    public Map<String, BigDecimal> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ParameterValues other) || other.values.size() != values.size()) {
            return false;
        }
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            BigDecimal v = other.values.get(e.getKey());
            if (v == null || v.compareTo(e.getValue()) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            h += e.getKey().hashCode() ^ e.getValue().stripTrailingZeros().hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(v.toPlainString());
        });
        return sb.toString();
    }

    /** The outcome of {@link #resolve}: the values, or every problem found. */
    public sealed interface Resolution {
        record Resolved(ParameterValues values) implements Resolution {
            public Resolved {
                Objects.requireNonNull(values, "values");
            }
        }

        record Invalid(List<String> problems) implements Resolution {
            public Invalid {
                problems = List.copyOf(problems);
                if (problems.isEmpty()) {
                    throw new IllegalArgumentException("an invalid resolution needs a problem");
                }
            }
        }
    }
}
