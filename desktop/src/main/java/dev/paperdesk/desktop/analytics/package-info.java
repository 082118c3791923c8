/**
 * The analytics view: performance and risk metrics, equity against its benchmark, drawdowns, monthly
 * returns, rolling Sharpe and P&amp;L attribution of a live portfolio or a saved backtest.
 *
 * <p>The figures come from the engine's {@code analytics} package; this package only gathers the
 * series a source provides ({@link dev.paperdesk.desktop.analytics.AnalyticsData}) and shows them.
 */
package dev.paperdesk.desktop.analytics;
