/**
 * The Monte Carlo view: resamples a saved backtest thousands of times (trade shuffle, trade
 * bootstrap, stationary block bootstrap of daily returns, or fill-price perturbation) with the
 * engine's {@code MonteCarloRunner}, and shows the percentile fan, the distributions of final equity
 * and maximum drawdown, and the probabilities of profit and ruin.
 */
package dev.paperdesk.desktop.montecarlo;
