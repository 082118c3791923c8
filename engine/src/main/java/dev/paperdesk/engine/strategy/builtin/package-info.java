/**
 * Built-in strategies: {@link dev.paperdesk.engine.strategy.builtin.SmaCross}, the reference
 * moving-average crossover written in Java, and {@link
 * dev.paperdesk.engine.strategy.builtin.Templates}, the registry of the YAML templates users clone
 * ({@code builtin:sma-cross}, {@code builtin:rsi-reversion}, ...).
 */
package dev.paperdesk.engine.strategy.builtin;
