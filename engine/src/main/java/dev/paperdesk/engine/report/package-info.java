/**
 * Reports and records of a portfolio: exports of orders, fills, round trips, positions, ledger and
 * equity (CSV and JSON), account statements, tax reports and backtest reports (PDF), all computed
 * from the workspace's records by replaying fills and ledger entries.
 *
 * <p>Subpackages: {@code csv} and {@code json} write tables, {@code pdf} lays out reports and draws
 * charts, {@code tax} matches lots and finds wash sales, {@code journal} exports the trade journal.
 */
package dev.paperdesk.engine.report;
