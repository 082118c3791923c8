package dev.paperdesk.engine.strategy.runner;

/** Where a hosted strategy is in its life; a paused strategy receives no callbacks. */
public enum StrategyState {
    RUNNING,
    PAUSED,
    STOPPED,
    FAILED
}
