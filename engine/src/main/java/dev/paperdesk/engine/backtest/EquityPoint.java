package dev.paperdesk.engine.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The account at a bar's close.
 *
 * @param drawdown equity over its running peak minus one (≤ 0)
 * @param benchmark the buy-and-hold account: the starting capital invested at the benchmark's first
 *     close, marked at its latest close
 */
public record EquityPoint(Instant time, BigDecimal equity, double drawdown, BigDecimal benchmark) {}
