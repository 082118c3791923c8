package dev.paperdesk.engine.montecarlo;

/**
 * Settings of a Monte Carlo run.
 *
 * @param paths number of simulated paths, {@code >= 1} (10,000 by default)
 * @param seed master seed; each path derives its own generator from it and the path index
 * @param parallelism worker threads, {@code >= 1} (all cores by default); results do not depend on it
 * @param startingEquity equity at step 0, {@code > 0}
 * @param ruinFloor a path is ruined when its equity falls below {@code ruinFloor * startingEquity} at
 *     any step; in (0, 1], 0.5 by default
 * @param bandPoints most step indices at which percentile bands are reported, {@code >= 2}; paths
 *     longer than that are sampled at evenly spaced steps, always including the first and the last
 * @param histogramBins bins of each histogram, {@code >= 1}
 * @param confidenceLevel two-sided level of the percentile confidence intervals, in (0, 1); 0.90 gives
 *     the 5th to 95th percentile
 */
public record MonteCarloConfig(
        int paths,
        long seed,
        int parallelism,
        double startingEquity,
        double ruinFloor,
        int bandPoints,
        int histogramBins,
        double confidenceLevel) {

    public static final int DEFAULT_PATHS = 10_000;

    public MonteCarloConfig {
        if (paths < 1) {
            throw new IllegalArgumentException("paths must be at least 1, not " + paths);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        if (!(startingEquity > 0) || Double.isInfinite(startingEquity)) {
            throw new IllegalArgumentException("starting equity must be finite and positive, not " + startingEquity);
        }
        TradeSample.toMicros(startingEquity, "starting equity");
        if (!(ruinFloor > 0 && ruinFloor <= 1)) {
            throw new IllegalArgumentException("ruin floor must be within (0, 1], not " + ruinFloor);
        }
        if (bandPoints < 2) {
            throw new IllegalArgumentException("band points must be at least 2, not " + bandPoints);
        }
        if (histogramBins < 1) {
            throw new IllegalArgumentException("histogram bins must be at least 1, not " + histogramBins);
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be within (0, 1), not " + confidenceLevel);
        }
    }

    /**
     * 10,000 paths on all cores, ruin below half the starting equity, bands at up to 200 steps, 50-bin
     * histograms and 90% intervals.
     */
    public static MonteCarloConfig defaults(double startingEquity, long seed) {
        return new MonteCarloConfig(
                DEFAULT_PATHS, seed, Runtime.getRuntime().availableProcessors(), startingEquity, 0.5, 200, 50, 0.90);
    }

    public MonteCarloConfig withPaths(int paths) {
        return new MonteCarloConfig(
                paths, seed, parallelism, startingEquity, ruinFloor, bandPoints, histogramBins, confidenceLevel);
    }

    public MonteCarloConfig withSeed(long seed) {
        return new MonteCarloConfig(
                paths, seed, parallelism, startingEquity, ruinFloor, bandPoints, histogramBins, confidenceLevel);
    }

    public MonteCarloConfig withParallelism(int parallelism) {
        return new MonteCarloConfig(
                paths, seed, parallelism, startingEquity, ruinFloor, bandPoints, histogramBins, confidenceLevel);
    }

    public MonteCarloConfig withRuinFloor(double ruinFloor) {
        return new MonteCarloConfig(
                paths, seed, parallelism, startingEquity, ruinFloor, bandPoints, histogramBins, confidenceLevel);
    }

    public MonteCarloConfig withBandPoints(int bandPoints) {
        return new MonteCarloConfig(
                paths, seed, parallelism, startingEquity, ruinFloor, bandPoints, histogramBins, confidenceLevel);
    }
}
