package dev.paperdesk.engine.execution.models;

import dev.paperdesk.engine.model.Instrument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The execution models in force: one default {@link ModelSet}, overrides per {@link ModelScope}, and
 * the seed of every random draw (latency, slippage variation). Same seed and inputs give the same
 * fills.
 */
public record ExecutionSettings(long seed, ModelSet defaults, Map<ModelScope, ModelSet> overrides) {
    public ExecutionSettings {
        Objects.requireNonNull(defaults, "defaults");
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        for (ModelScope s : overrides.keySet()) {
            if (s.specificity() == 0) {
                throw new IllegalArgumentException("the scope '*' is the defaults, not an override");
            }
        }
    }

    public static ExecutionSettings of(long seed, ModelSet defaults) {
        return new ExecutionSettings(seed, defaults, Map.of());
    }

    /** The model set for an instrument: the most specific matching override, or the defaults. */
    public ModelSet resolve(Instrument instrument) {
        if (overrides.isEmpty()) {
            return defaults;
        }
        ModelSet best = defaults;
        int bestScore = 0;
        for (Map.Entry<ModelScope, ModelSet> e : overrides.entrySet()) {
            int score = e.getKey().specificity();
            if (score > bestScore && e.getKey().matches(instrument)) {
                best = e.getValue();
                bestScore = score;
            }
        }
        return best;
    }

    public ExecutionSettings withDefaults(ModelSet set) {
        return new ExecutionSettings(seed, set, overrides);
    }

    public ExecutionSettings withSeed(long newSeed) {
        return new ExecutionSettings(newSeed, defaults, overrides);
    }

    /** Sets ({@code set != null}) or removes the override of {@code scope}; {@code *} sets the defaults. */
    public ExecutionSettings with(ModelScope scope, ModelSet set) {
        if (scope.specificity() == 0) {
            return set == null ? this : withDefaults(set);
        }
        Map<ModelScope, ModelSet> next = new LinkedHashMap<>(overrides);
        if (set == null) {
            next.remove(scope);
        } else {
            next.put(scope, set);
        }
        return new ExecutionSettings(seed, defaults, next);
    }

    /** Every scope with its set, the defaults first, then overrides from the most specific. */
    public List<Map.Entry<ModelScope, ModelSet>> scopes() {
        List<Map.Entry<ModelScope, ModelSet>> out = new ArrayList<>();
        out.add(Map.entry(new ModelScope(null, null), defaults));
        overrides.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<ModelScope, ModelSet> e) ->
                                -e.getKey().specificity())
                        .thenComparing(e -> e.getKey().label()))
                .forEach(out::add);
        return out;
    }

    /** Text for the workspace settings: {@code seed=N} then one {@code scope | model set spec} line per scope. */
    public String format() {
        StringBuilder sb = new StringBuilder("seed=").append(seed).append('\n');
        for (Map.Entry<ModelScope, ModelSet> e : scopes()) {
            sb.append(e.getKey().label())
                    .append(" | ")
                    .append(e.getValue().spec())
                    .append('\n');
        }
        return sb.toString();
    }

    /** Parses {@link #format}; errors name the line. */
    public static ExecutionSettings parse(String text) {
        Long seed = null;
        ModelSet defaults = null;
        Map<ModelScope, ModelSet> overrides = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                if (line.startsWith("seed=")) {
                    seed = Long.parseLong(line.substring(5).strip());
                    continue;
                }
                int bar = line.indexOf('|');
                if (bar < 0) {
                    throw new IllegalArgumentException("expected 'scope | models'");
                }
                ModelScope scope = ModelScope.parse(line.substring(0, bar));
                ModelSet set = ModelSet.parse(line.substring(bar + 1));
                if (scope.specificity() == 0) {
                    defaults = set;
                } else {
                    overrides.put(scope, set);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("execution settings line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (seed == null || defaults == null) {
            throw new IllegalArgumentException("execution settings need a 'seed=' line and a '* | …' line");
        }
        return new ExecutionSettings(seed, defaults, overrides);
    }

    /** What applies to each of {@code instruments}, for reports. */
    public ModelAssumptions assumptions(
            List<Instrument> instruments, java.util.function.Function<Instrument, DataKind> kinds) {
        List<ModelAssumptions.Line> lines = new ArrayList<>();
        for (Map.Entry<ModelScope, ModelSet> e : scopes()) {
            List<String> applies = new ArrayList<>();
            for (Instrument i : instruments) {
                if (resolve(i) == e.getValue() && e.getKey().matches(i)) {
                    applies.add(i.id().toString());
                }
            }
            ModelSet m = e.getValue();
            lines.add(new ModelAssumptions.Line(
                    e.getKey().label(),
                    m.fill().describe(),
                    m.slippage().describe(),
                    m.latency().describe(),
                    m.fee().describe(),
                    m.queue().describe(),
                    applies));
        }
        List<String> resolved = new ArrayList<>();
        for (Instrument i : instruments) {
            DataKind k = kinds.apply(i);
            resolved.add(
                    i.id() + ": " + k + " → " + resolve(i).fill().resolve(k).spec());
        }
        return new ModelAssumptions(seed, lines, resolved);
    }
}
