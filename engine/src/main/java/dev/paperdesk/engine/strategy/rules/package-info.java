/**
 * YAML rule strategies: the loader and validator ({@link
 * dev.paperdesk.engine.strategy.rules.RuleStrategyLoader}), which reports every problem with its
 * file, line and column, and the compiled {@link dev.paperdesk.engine.strategy.rules.RuleStrategy},
 * which runs through the same {@code Strategy} API as Java strategies. The format is described in
 * {@code docs/strategies.md}.
 */
package dev.paperdesk.engine.strategy.rules;
