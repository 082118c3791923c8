package dev.paperdesk.engine.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/** One execution of the backtest, as the engine booked it. */
public record BacktestFill(
        Instant time,
        long orderId,
        String instrument,
        String side,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal fee,
        String tag) {}
