/**
 * Engine time: a simulated clock that jumps from event to event (replays, backtests) and a wall
 * clock with a speed factor (paper trading). The event loop is the only reader that cares which.
 */
package dev.paperdesk.engine.clock;
