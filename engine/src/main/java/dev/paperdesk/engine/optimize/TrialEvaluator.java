package dev.paperdesk.engine.optimize;

import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.backtest.Backtester;
import dev.paperdesk.engine.montecarlo.CancellationToken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Runs one candidate and returns its metrics by {@link RunMetrics} name. Called from several threads
 * at once, so an implementation must not share mutable state between calls.
 */
@FunctionalInterface
public interface TrialEvaluator {
    /**
     * The metrics of a run with {@code parameters}.
     *
     * @throws TrialFailedException when the run failed (the trial is kept, with the message)
     * @throws CancellationException when {@code cancel} stopped the run
     */
    Map<String, Double> evaluate(ParameterSet parameters, CancellationToken cancel);

    /**
     * Backtests {@code base} with its parameter overrides plus the candidate's values: the metrics of
     * {@link RunMetrics#of(BacktestResult)}. A strategy that throws or parameters that the strategy
     * refuses fail the trial.
     */
    static TrialEvaluator backtest(BacktestConfig base) {
        return (parameters, cancel) -> RunMetrics.of(backtest(base, parameters, cancel));
    }

    /** The backtest behind {@link #backtest(BacktestConfig)}, for callers that need its equity or trades. */
    static BacktestResult backtest(BacktestConfig base, ParameterSet parameters, CancellationToken cancel) {
        Map<String, String> overrides = new LinkedHashMap<>(base.parameters());
        overrides.putAll(parameters.asText());
        BacktestResult result;
        try {
            result = Backtester.run(base.withParameters(overrides), p -> {}, cancel);
        } catch (IllegalArgumentException e) {
            throw new TrialFailedException(e.getMessage());
        }
        if (result.cancelled()) {
            throw new CancellationException("backtest of " + parameters + " cancelled");
        }
        if (!result.failure().isEmpty()) {
            throw new TrialFailedException(result.failure());
        }
        return result;
    }

    /** A run that failed; the optimizer records the message with the trial. */
    final class TrialFailedException extends RuntimeException {
        public TrialFailedException(String message) {
            super(message);
        }
    }
}
