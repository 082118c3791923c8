/**
 * The small named models of fill simulation — {@link dev.paperdesk.engine.execution.models.FillModel},
 * {@link dev.paperdesk.engine.execution.models.SlippageModel},
 * {@link dev.paperdesk.engine.execution.models.LatencyModel},
 * {@link dev.paperdesk.engine.execution.models.QueueModel} and fee models — the settings that choose
 * them per venue and asset class, and the {@link dev.paperdesk.engine.execution.models.ModelAssumptions}
 * record that reports print. Every model has a one-line spec such as {@code size-depth(base=2,
 * impact=3, cap=5)} that the settings store and the UI edit.
 */
package dev.paperdesk.engine.execution.models;
