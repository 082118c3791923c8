package dev.paperdesk.engine.backtest;

/** The bars of a backtest cannot be read; the message lists every problem, one per line. */
public final class BacktestDataException extends RuntimeException {
    public BacktestDataException(String message) {
        super(message);
    }
}
