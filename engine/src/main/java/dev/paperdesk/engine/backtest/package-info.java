/**
 * The backtester: replays historical bars through the same trading session, execution models, fees,
 * portfolio accounting and strategy runner as paper trading, on a simulated clock, and summarises the
 * run (trades, equity and drawdown curves, metrics, buy-and-hold comparison).
 */
package dev.paperdesk.engine.backtest;
