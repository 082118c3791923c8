package dev.paperdesk.engine.backtest;

/** How big and how long the run was: bars replayed and wall-clock milliseconds. */
public record BacktestTiming(long bars, long runMs) {}
