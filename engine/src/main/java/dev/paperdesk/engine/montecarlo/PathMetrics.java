package dev.paperdesk.engine.montecarlo;

/**
 * The metrics of one equity path.
 *
 * @param steps number of trades or periods
 * @param finalEquity equity after the last step
 * @param cagr compound annual growth rate from the starting to the final equity; -1 when equity ends at
 *     or below zero, {@code NaN} when the path spans no time
 * @param maxDrawdown deepest fall from a running peak, a fraction {@code <= 0} (below -1 when equity
 *     goes negative)
 * @param sharpe annualised Sharpe ratio of the step returns ({@code ddof = 1}, no risk-free rate);
 *     {@code NaN} with fewer than 2 steps or when equity reaches zero before the last step
 * @param ruined whether equity fell below the ruin floor at some step
 */
public record PathMetrics(
        int steps, double finalEquity, double cagr, double maxDrawdown, double sharpe, boolean ruined) {}
