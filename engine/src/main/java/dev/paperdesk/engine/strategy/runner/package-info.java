/**
 * The strategy runner: hosts strategies on a running {@code TradingSession}'s engine (paper trading
 * and backtests alike), one {@code StrategyContext} per strategy, each isolated by a {@code
 * SafeStrategy}.
 */
package dev.paperdesk.engine.strategy.runner;
