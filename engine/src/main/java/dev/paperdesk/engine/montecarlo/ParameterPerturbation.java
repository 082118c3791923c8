package dev.paperdesk.engine.montecarlo;

import java.util.Objects;

/**
 * Runs the backtest again for every path under a seeded perturbation of its parameters or fills, via
 * the {@link PerturbedRun} that the backtester provides.
 */
public record ParameterPerturbation(PerturbedRun run) implements ResamplingMethod {
    public ParameterPerturbation {
        Objects.requireNonNull(run, "run");
    }

    @Override
    public String name() {
        return "parameter-perturbation";
    }
}
