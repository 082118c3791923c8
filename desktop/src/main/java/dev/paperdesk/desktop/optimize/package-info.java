/**
 * The optimisation view: grid or random search of a strategy's parameters on chosen bars with the
 * engine's {@code Optimizer}, a sortable results table, the objective heatmap over two parameters, a
 * walk-forward analysis with its stitched out-of-sample equity and efficiency, and the go-live
 * checklist of the best parameters.
 */
package dev.paperdesk.desktop.optimize;
