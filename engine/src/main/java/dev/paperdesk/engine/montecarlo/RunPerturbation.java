package dev.paperdesk.engine.montecarlo;

import java.util.SplittableRandom;

/**
 * The seed of one perturbed re-run: the path index and a seed derived from the simulation seed and that
 * index, so re-runs are reproducible in any thread order.
 *
 * @param path the path index, from 0
 * @param seed the path's own seed
 */
public record RunPerturbation(int path, long seed) {
    public RunPerturbation {
        if (path < 0) {
            throw new IllegalArgumentException("path index must not be negative, not " + path);
        }
    }

    /** A fresh generator for this re-run; each call starts the same sequence. */
    public SplittableRandom random() {
        return new SplittableRandom(seed);
    }
}
