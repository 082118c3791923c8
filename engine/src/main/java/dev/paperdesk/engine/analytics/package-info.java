/**
 * Performance and risk analytics over return series, equity curves and closed trades, following the
 * conventions of empyrical (Quantopian's open-source reference).
 *
 * <p>{@link dev.paperdesk.engine.analytics.ReturnStatistics} holds the empyrical-compatible formulas
 * over plain {@code double[]} arrays (a {@code NaN} element is a missing observation, as in
 * empyrical); {@link dev.paperdesk.engine.analytics.PerformanceSummary} gathers the headline metrics of
 * a {@link dev.paperdesk.engine.analytics.ReturnSeries}; aggregation, drawdown, trade statistics and
 * P&amp;L attribution build on the same series and on {@link
 * dev.paperdesk.engine.analytics.ClosedTrade} lists. Maths is in {@code double}: money stays exact in
 * the ledger, not here.
 */
package dev.paperdesk.engine.analytics;
