package dev.paperdesk.engine.strategy.rules;

import dev.paperdesk.engine.strategy.api.StrategyProblem;
import dev.paperdesk.engine.strategy.api.StrategyProblem.Kind;
import dev.paperdesk.engine.strategy.rules.RuleCompiler.DeclaredParameter;
import dev.paperdesk.engine.strategy.rules.YamlNode.MapNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and validates YAML rule strategy files. Loading checks the whole file with the parameters'
 * defaults and reports every problem found, each as {@code file:line:column: message}.
 */
public final class RuleStrategyLoader {
    private RuleStrategyLoader() {}

    /** Loads a file; its path is the source named in problems. */
    public static Load load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Load.Invalid(List.of(new StrategyProblem(
                    Kind.SYNTAX, file.toString(), 0, 0, "cannot read the file: " + e.getMessage())));
        }
        return load(file.toString(), text);
    }

    /** Loads YAML text; {@code source} names it in problems (a file name or {@code builtin:NAME}). */
    public static Load load(String source, String text) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        List<StrategyProblem> problems = new ArrayList<>();
        YamlNode root = new LocatedYamlReader(source, problems).read(text);
        if (root == null) {
            return new Load.Invalid(problems);
        }
        if (!(root instanceof MapNode map)) {
            problems.add(new StrategyProblem(
                    Kind.TYPE_MISMATCH,
                    source,
                    root.mark().line(),
                    root.mark().column(),
                    "strategy: expected a map of fields (name, instruments, timeframe, rules, ...), got "
                            + root.describe()));
            return new Load.Invalid(problems);
        }
        String name = RuleCompiler.readName(source, map, problems);
        String description = "";
        if (map.get("description") instanceof YamlNode.Scalar s && s.kind() != YamlNode.ScalarKind.NULL) {
            description = s.text().trim();
        }
        List<DeclaredParameter> params = RuleCompiler.readParameters(source, map, problems);
        Set<String> broken = new HashSet<>();
        if (map.get("parameters") instanceof MapNode pm) {
            broken.addAll(pm.entries().keySet());
        }
        Map<String, BigDecimal> defaults = new LinkedHashMap<>();
        for (DeclaredParameter p : params) {
            broken.remove(p.spec().name());
            defaults.put(p.spec().name(), p.spec().defaultValue());
        }
        RuleStrategyDefinition def =
                new RuleStrategyDefinition(source, map, name == null ? "unnamed" : name, description, params, broken);
        def.compile(defaults, problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(StrategyProblem::line).thenComparingInt(StrategyProblem::column));
            return new Load.Invalid(problems);
        }
        return new Load.Loaded(def);
    }

    /** The outcome of loading: a definition, or every problem in the file. */
    public sealed interface Load {
        record Loaded(RuleStrategyDefinition definition) implements Load {
            public Loaded {
                Objects.requireNonNull(definition, "definition");
            }
        }

        record Invalid(List<StrategyProblem> problems) implements Load {
            public Invalid {
                problems = List.copyOf(problems);
                if (problems.isEmpty()) {
                    throw new IllegalArgumentException("an invalid load needs a problem");
                }
            }

            /** One problem per line, in file order. */
            public String message() {
                StringBuilder sb = new StringBuilder();
                for (StrategyProblem p : problems) {
                    if (!sb.isEmpty()) {
                        sb.append('\n');
                    }
                    sb.append(p);
                }
                return sb.toString();
            }
        }

        /** The definition, or an exception listing the problems. */
        default RuleStrategyDefinition orThrow() {
            return switch (this) {
                case Loaded l -> l.definition();
                case Invalid i -> throw new IllegalArgumentException(i.message());
            };
        }
    }
}
