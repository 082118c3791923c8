/**
 * The runner-side pieces every strategy host shares: the {@link
 * dev.paperdesk.engine.strategy.IndicatorRegistry} that keeps registered indicators up to date bar
 * by bar, and {@link dev.paperdesk.engine.strategy.SafeStrategy}, which isolates a failing strategy
 * so that it cannot disturb the others.
 *
 * <p>The API strategies are written against lives in {@code strategy.api}; YAML rule strategies in
 * {@code strategy.rules}; the built-in strategies and templates in {@code strategy.builtin}.
 */
package dev.paperdesk.engine.strategy;
