/**
 * The strategy API: the {@link dev.paperdesk.engine.strategy.api.Strategy} callbacks a strategy
 * implements and the {@link dev.paperdesk.engine.strategy.api.StrategyContext} the engine gives it
 * (orders, positions, indicators, parameters, time, timers and logging).
 *
 * <p>Java strategies and compiled YAML rule strategies implement the same interface, so the
 * backtester and the paper-trading runner drive both the same way. Nothing here depends on the
 * engine's execution or portfolio packages: the engine implements the context.
 */
package dev.paperdesk.engine.strategy.api;
