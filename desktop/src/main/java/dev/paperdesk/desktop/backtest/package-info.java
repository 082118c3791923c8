/**
 * The backtest view ({@code #backtestView}): configure a run (strategy file or template, bars from
 * the workspace or a CSV file, capital, seed, models), run it off the FX thread with progress, ETA
 * and cancel, and read the result (tiles, equity with buy and hold, drawdown, trades, assumptions).
 */
package dev.paperdesk.desktop.backtest;
