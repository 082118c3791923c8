package dev.paperdesk.engine.strategy.rules;

import dev.paperdesk.engine.strategy.api.ParameterSpec;
import dev.paperdesk.engine.strategy.api.ParameterValues;
import dev.paperdesk.engine.strategy.api.StrategyDefinition;
import dev.paperdesk.engine.strategy.api.StrategyProblem;
import dev.paperdesk.engine.strategy.api.StrategyProblem.Kind;
import dev.paperdesk.engine.strategy.rules.RuleCompiler.DeclaredParameter;
import dev.paperdesk.engine.strategy.rules.YamlNode.MapNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated YAML rule strategy: its name, description and declared parameters, and a builder of
 * {@link RuleStrategy} instances for any parameter values. Obtained from {@link RuleStrategyLoader}.
 */
public final class RuleStrategyDefinition implements StrategyDefinition {
    private final String source;
    private final MapNode root;
    private final String name;
    private final String description;
    private final List<DeclaredParameter> parameters;
    private final Set<String> brokenParameters;

    RuleStrategyDefinition(
            String source,
            MapNode root,
            String name,
            String description,
            List<DeclaredParameter> parameters,
            Set<String> brokenParameters) {
        this.source = source;
        this.root = root;
        this.name = name;
        this.description = description;
        this.parameters = List.copyOf(parameters);
        this.brokenParameters = Set.copyOf(brokenParameters);
    }

    /** Where the definition was read from: a file name or {@code builtin:NAME}. */
    public String source() {
        return source;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return parameters.stream().map(DeclaredParameter::spec).toList();
    }

    @Override
    public Build build(ParameterValues values) {
        List<StrategyProblem> problems = new ArrayList<>();
        Map<String, BigDecimal> checked = new LinkedHashMap<>();
        for (DeclaredParameter p : parameters) {
            String pname = p.spec().name();
            if (!values.has(pname)) {
                problems.add(problem(Kind.MISSING_FIELD, p, "parameter '" + pname + "' has no value"));
                continue;
            }
            BigDecimal v = values.decimal(pname);
            String why = p.spec().problemWith(v);
            if (why != null) {
                problems.add(problem(Kind.BAD_PARAMETER, p, "parameter '" + pname + "': " + why));
            }
            checked.put(pname, v);
        }
        for (String given : values.asMap().keySet()) {
            if (!checked.containsKey(given)) {
                problems.add(new StrategyProblem(
                        Kind.UNKNOWN_PARAMETER, source, 0, 0, "unknown parameter '" + given + "'" + declaredList()));
            }
        }
        if (!problems.isEmpty()) {
            return new Build.Invalid(problems);
        }
        CompiledRules compiled = compile(checked, problems);
        if (compiled == null) {
            return new Build.Invalid(problems);
        }
        return new Build.Built(new RuleStrategy(compiled, values), values);
    }

    /**
     * Resolves overrides given as text and builds. A bad value is reported at the line of the
     * parameter's declaration; an unknown name without a place.
     */
    @Override
    public Build build(Map<String, String> overrides) {
        List<StrategyProblem> problems = new ArrayList<>();
        Map<String, DeclaredParameter> byName = new LinkedHashMap<>();
        parameters.forEach(p -> byName.put(p.spec().name(), p));
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            DeclaredParameter p = byName.get(e.getKey());
            if (p == null) {
                problems.add(new StrategyProblem(
                        Kind.UNKNOWN_PARAMETER,
                        source,
                        0,
                        0,
                        "unknown parameter '" + e.getKey() + "'" + RuleCompiler.suggestion(e.getKey(), byName.keySet())
                                + declaredList()));
                continue;
            }
            String why = p.spec().problemWith(e.getValue());
            if (why != null) {
                problems.add(problem(
                        Kind.BAD_PARAMETER, p, "parameter '" + e.getKey() + "' set to '" + e.getValue() + "': " + why));
            }
        }
        if (!problems.isEmpty()) {
            return new Build.Invalid(problems);
        }
        return switch (ParameterValues.resolve(parameters(), overrides)) {
            case ParameterValues.Resolution.Resolved r -> build(r.values());
            case ParameterValues.Resolution.Invalid i -> throw new IllegalStateException(
                    String.join("; ", i.problems()));
        };
    }

    CompiledRules compile(Map<String, BigDecimal> values, List<StrategyProblem> problems) {
        return new RuleCompiler(source, problems, values)
                .ignoringReferencesTo(brokenParameters)
                .compile(root, name);
    }

    private String declaredList() {
        return parameters.isEmpty()
                ? " (no parameters are declared)"
                : " (declared: "
                        + String.join(
                                ", ",
                                parameters.stream().map(p -> p.spec().name()).toList())
                        + ")";
    }

    private StrategyProblem problem(Kind kind, DeclaredParameter p, String message) {
        return new StrategyProblem(kind, source, p.mark().line(), p.mark().column(), message);
    }

    @Override
    public String toString() {
        return name + " (" + source + ")";
    }
}
