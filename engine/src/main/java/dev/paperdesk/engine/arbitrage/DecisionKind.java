package dev.paperdesk.engine.arbitrage;

/** What a logged decision of the strategy was about. */
public enum DecisionKind {
    ENTRY,
    REJECTION,
    EXIT,
    LEG_OUT,
    LATENCY_VIOLATION,
    LATENCY_RECOVERED
}
