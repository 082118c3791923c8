/**
 * Strategy optimization: grid and random search over declared parameter ranges, objectives over the
 * run metrics (named or a small arithmetic expression), heatmaps of two parameters, walk-forward
 * analysis and the go-live checklist.
 *
 * <p>{@link dev.paperdesk.engine.optimize.Optimizer} evaluates every candidate {@link
 * dev.paperdesk.engine.optimize.ParameterSet} through a {@link
 * dev.paperdesk.engine.optimize.TrialEvaluator} (a backtest by default) on all cores; trials are
 * numbered in candidate order, each writes only its own slot, and the best is the highest objective
 * with ties going to the lowest index, so the outcome does not depend on thread timing. {@link
 * dev.paperdesk.engine.optimize.WalkForward} re-optimizes on rolling in-sample windows and tests on the
 * following out-of-sample windows. {@link dev.paperdesk.engine.optimize.GoLiveChecklist} checks a run
 * against go-live criteria.
 */
package dev.paperdesk.engine.optimize;
