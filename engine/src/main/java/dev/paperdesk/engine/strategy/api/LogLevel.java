package dev.paperdesk.engine.strategy.api;

/** Severity of a strategy log line. */
public enum LogLevel {
    DEBUG,
    INFO,
    WARN,
    ERROR
}
