package dev.paperdesk.engine.strategy;

import dev.paperdesk.engine.strategy.api.StrategyCallback;
import java.util.Objects;

/** A strategy stopped because a callback threw: which strategy, in which callback, and what. */
public record StrategyFailure(String strategyName, StrategyCallback callback, Throwable error) {
    public StrategyFailure {
        Objects.requireNonNull(strategyName, "strategyName");
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(error, "error");
    }

    /** E.g. {@code strategy 'sma-cross' failed in onBar: IllegalStateException: boom}; it has been stopped. */
    public String message() {
        String what = error.getMessage() == null
                ? error.getClass().getSimpleName()
                : error.getClass().getSimpleName() + ": " + error.getMessage();
        return "strategy '" + strategyName + "' failed in " + callback.methodName() + ": " + what
                + "; it has been stopped";
    }
}
