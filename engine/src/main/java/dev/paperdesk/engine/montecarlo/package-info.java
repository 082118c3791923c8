/**
 * Monte Carlo robustness analysis of a backtest: many resampled or perturbed equity paths, their
 * percentile bands and the distributions of final equity, CAGR, maximum drawdown and Sharpe ratio.
 *
 * <p>{@link dev.paperdesk.engine.montecarlo.MonteCarloRunner} runs a {@link
 * dev.paperdesk.engine.montecarlo.ResamplingMethod} for N paths in parallel. Each path draws from its
 * own random generator derived from the seed and the path index, so results are identical for a given
 * seed whatever the number of threads. Trade P&amp;L is summed in exact fixed-point micro-units, so a
 * reshuffled path ends exactly where the original does.
 */
package dev.paperdesk.engine.montecarlo;
