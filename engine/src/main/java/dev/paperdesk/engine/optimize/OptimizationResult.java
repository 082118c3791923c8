package dev.paperdesk.engine.optimize;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every evaluated candidate, in candidate order, and the best of them.
 *
 * @param trials one per candidate, {@code trials.get(i).index() == i}
 * @param elapsedMs wall time of the search (not part of the outcome: equal searches differ only here)
 */
public record OptimizationResult(OptimizationConfig config, List<Trial> trials, long elapsedMs) {
    public OptimizationResult {
        Objects.requireNonNull(config, "config");
        trials = List.copyOf(trials);
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).index() != i) {
                throw new IllegalArgumentException(
                        "trial " + i + " has index " + trials.get(i).index());
            }
        }
    }

    /** The ranked trial with the highest objective; ties go to the lowest index. Empty when none ranked. */
    public Optional<Trial> best() {
        Trial best = null;
        for (Trial t : trials) {
            if (t.ranked() && (best == null || t.objective() > best.objective())) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Ranked trials by objective, best first (ties by index), then the unranked ones by index. */
    public List<Trial> ranked() {
        return trials.stream()
                .sorted(Comparator.comparing((Trial t) -> !t.ranked())
                        .thenComparing(t -> t.ranked() ? -t.objective() : 0.0)
                        .thenComparingInt(Trial::index))
                .toList();
    }

    /** The heatmap of the two searched parameters, when exactly two ranges were searched. */
    public Optional<Heatmap> heatmap() {
        List<ParameterRange> r = config.ranges();
        return r.size() == 2
                ? Optional.of(Heatmap.of(this, r.get(0).name(), r.get(1).name()))
                : Optional.empty();
    }

    /** The heatmap of two of the searched parameters (the best over the others in each cell). */
    public Heatmap heatmap(String xName, String yName) {
        return Heatmap.of(this, xName, yName);
    }
}
