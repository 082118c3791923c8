package dev.paperdesk.engine.optimize;

import dev.paperdesk.engine.strategy.api.ParameterSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to search and how: the parameter ranges (one per searched parameter, in order), the
 * objective, grid or random search and the number of worker threads.
 *
 * @param parallelism worker threads, {@code >= 1} (all cores by default); results do not depend on it
 */
public record OptimizationConfig(
        List<ParameterRange> ranges, Objective objective, SearchMethod method, int parallelism) {
    /** Most candidates one search may evaluate. */
    public static final long MAX_CANDIDATES = 1_000_000;

    public OptimizationConfig {
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(method, "method");
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("an optimization needs at least one parameter range");
        }
        Set<String> names = new HashSet<>();
        for (ParameterRange r : ranges) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("parameter '" + r.name() + "' has more than one range");
            }
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        if (method instanceof SearchMethod.Grid && gridSize(ranges) > MAX_CANDIDATES) {
            throw new IllegalArgumentException("the grid has " + gridSize(ranges) + " points, more than "
                    + MAX_CANDIDATES + "; narrow the ranges or use random search");
        }
        if (method instanceof SearchMethod.Random r && r.samples() > MAX_CANDIDATES) {
            throw new IllegalArgumentException("at most " + MAX_CANDIDATES + " samples, not " + r.samples());
        }
    }

    /** A search on all cores. */
    public static OptimizationConfig of(List<ParameterRange> ranges, Objective objective, SearchMethod method) {
        return new OptimizationConfig(
                ranges, objective, method, Runtime.getRuntime().availableProcessors());
    }

    public OptimizationConfig withParallelism(int threads) {
        return new OptimizationConfig(ranges, objective, method, threads);
    }

    /** The number of grid points (saturating at {@link Long#MAX_VALUE}). */
    public long gridSize() {
        return gridSize(ranges);
    }

    private static long gridSize(List<ParameterRange> ranges) {
        long n = 1;
        for (ParameterRange r : ranges) {
            n = Math.multiplyHigh(n, r.size()) != 0 ? Long.MAX_VALUE : n * r.size();
            if (n < 0) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /**
     * The problems of searching these ranges for a strategy that declares {@code specs}: unknown
     * names and values the declarations refuse. Empty when the search can run.
     */
    public List<String> problemsWith(List<ParameterSpec> specs) {
        List<String> problems = new ArrayList<>();
        for (ParameterRange r : ranges) {
            ParameterSpec spec = specs.stream()
                    .filter(s -> s.name().equals(r.name()))
                    .findFirst()
                    .orElse(null);
            if (spec == null) {
                problems.add("unknown parameter '" + r.name() + "' (declared: "
                        + String.join(
                                ", ", specs.stream().map(ParameterSpec::name).toList()) + ")");
            } else {
                String p = r.problemWith(spec);
                if (p != null) {
                    problems.add(p);
                }
            }
        }
        return problems;
    }
}
