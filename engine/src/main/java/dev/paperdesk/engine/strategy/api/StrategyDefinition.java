package dev.paperdesk.engine.strategy.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy before it runs: its name, its declared parameters and a way to build fresh instances
 * for given parameter values. Backtests, paper trading and optimizers all start here, for Java and
 * YAML strategies alike.
 */
public interface StrategyDefinition {
    String name();

    /** One line saying what the strategy does. */
    String description();

    /** The declared parameters, in declaration order. */
    List<ParameterSpec> parameters();

    /**
     * A new instance with no state, for {@code values} (resolved against {@link #parameters()}), or
     * every problem those values cause.
     */
    Build build(ParameterValues values);

    /** Resolves {@code overrides} (name to text) and builds; unknown names and bad values are problems. */
    default Build build(Map<String, String> overrides) {
        return switch (ParameterValues.resolve(parameters(), overrides)) {
            case ParameterValues.Resolution.Resolved r -> build(r.values());
            case ParameterValues.Resolution.Invalid i -> new Build.Invalid(i.problems().stream()
                    .map(p -> new StrategyProblem(
                            p.startsWith("unknown")
                                    ? StrategyProblem.Kind.UNKNOWN_PARAMETER
                                    : StrategyProblem.Kind.BAD_PARAMETER,
                            name(),
                            0,
                            0,
                            p))
                    .toList());
        };
    }

    /** The outcome of building: a strategy, or the problems that prevent it. */
    sealed interface Build {
        record Built(Strategy strategy, ParameterValues values) implements Build {
            public Built {
                Objects.requireNonNull(strategy, "strategy");
                Objects.requireNonNull(values, "values");
            }
        }

        record Invalid(List<StrategyProblem> problems) implements Build {
            public Invalid {
                problems = List.copyOf(problems);
                if (problems.isEmpty()) {
                    throw new IllegalArgumentException("an invalid build needs a problem");
                }
            }

            /** One problem per line. */
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

        /** The strategy, or an exception listing the problems (for callers that treat them as bugs). */
        default Strategy orThrow() {
            return switch (this) {
                case Built b -> b.strategy();
                case Invalid i -> throw new IllegalStateException(i.message());
            };
        }
    }
}
