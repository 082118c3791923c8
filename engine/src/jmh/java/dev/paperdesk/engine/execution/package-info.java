/** Benchmarks of the execution core and the order pipeline, with exchange-core's order book as a peer. */
package dev.paperdesk.engine.execution;
