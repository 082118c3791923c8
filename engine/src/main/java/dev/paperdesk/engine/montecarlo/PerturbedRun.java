package dev.paperdesk.engine.montecarlo;

import dev.paperdesk.engine.analytics.ClosedTrade;
import java.util.List;

/**
 * A backtest that can be run again under a seeded perturbation (jittered parameters, slippage or
 * fills); the backtester implements it and the Monte Carlo runner calls it once per path.
 *
 * <p>Calls come from several threads at once, one per path, so an implementation must not share
 * mutable state between runs. It must draw all randomness from {@link RunPerturbation#random()} so that
 * the same seed gives the same trades.
 */
@FunctionalInterface
public interface PerturbedRun {
    /** Runs the backtest under {@code perturbation} and returns its closed trades, in any order. */
    List<ClosedTrade> run(RunPerturbation perturbation);
}
