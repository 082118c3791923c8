/**
 * The paper venue: orders travel to it with latency, are checked, triggered, matched with the
 * models in force, and linked into OCO pairs, brackets and combos. It reports every transition
 * to the engine, which persists and books them.
 */
package dev.paperdesk.engine.execution.orders;
