package dev.paperdesk.engine.analytics;

/**
 * Jensen's alpha (annualised) and beta of a strategy against a benchmark; {@code NaN} where empyrical
 * returns {@code NaN} (too few periods, constant benchmark).
 */
public record AlphaBeta(double alpha, double beta) {}
