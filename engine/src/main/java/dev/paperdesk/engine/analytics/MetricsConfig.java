package dev.paperdesk.engine.analytics;

/**
 * Conventions for computing metrics over a return series.
 *
 * @param periodsPerYear periods in a year, used to annualise: 252 trading days, 365 calendar days, 52
 *     weeks or 12 months
 * @param riskFree risk-free return per period (empyrical's {@code risk_free}), used by Sharpe, omega and
 *     alpha
 * @param requiredReturn minimum acceptable return per period for Sortino and downside risk
 * @param omegaAnnualThreshold annual required return of the omega ratio (empyrical's {@code
 *     required_return} of {@code omega_ratio})
 * @param varCutoff tail fraction of the headline value at risk and CVaR (0.05 by default)
 */
public record MetricsConfig(
        int periodsPerYear, double riskFree, double requiredReturn, double omegaAnnualThreshold, double varCutoff) {

    /** Trading days in a year, empyrical's daily default. */
    public static final int TRADING_DAYS = 252;

    /** Daily returns on trading days, no risk-free rate, 5% VaR cutoff. */
    public static final MetricsConfig DAILY = new MetricsConfig(TRADING_DAYS, 0, 0, 0, ReturnStatistics.DEFAULT_CUTOFF);

    /** Calendar days in a year: the annualisation of a market that trades every day (crypto). */
    public static final int CALENDAR_DAYS = 365;

    /** Daily returns on every calendar day (a 24/7 market), no risk-free rate, 5% VaR cutoff. */
    public static final MetricsConfig CALENDAR_DAILY =
            new MetricsConfig(CALENDAR_DAYS, 0, 0, 0, ReturnStatistics.DEFAULT_CUTOFF);

    /**
     * The daily conventions of a series of {@code days}: 365 periods a year when it has returns on
     * Saturdays or Sundays (a market open every day, such as crypto: its daily volatility scales with
     * the square root of 365), else 252 trading days.
     */
    public static MetricsConfig daily(java.util.Collection<java.time.LocalDate> days) {
        for (java.time.LocalDate d : days) {
            java.time.DayOfWeek w = d.getDayOfWeek();
            if (w == java.time.DayOfWeek.SATURDAY || w == java.time.DayOfWeek.SUNDAY) {
                return CALENDAR_DAILY;
            }
        }
        return DAILY;
    }

    public MetricsConfig {
        ReturnStatistics.requirePeriods(periodsPerYear);
        if (!Double.isFinite(riskFree) || !Double.isFinite(requiredReturn) || !Double.isFinite(omegaAnnualThreshold)) {
            throw new IllegalArgumentException("risk-free, required return and omega threshold must be finite");
        }
        if (!(varCutoff > 0 && varCutoff < 1)) {
            throw new IllegalArgumentException("VaR cutoff must be within (0, 1), not " + varCutoff);
        }
    }

    /** The default conventions with the given annualisation and per-period risk-free rate. */
    public static MetricsConfig of(int periodsPerYear, double riskFree) {
        return new MetricsConfig(periodsPerYear, riskFree, 0, 0, ReturnStatistics.DEFAULT_CUTOFF);
    }
}
