package dev.paperdesk.engine.strategy.api;

/** The callbacks of {@link Strategy}, named in failure reports. */
public enum StrategyCallback {
    ON_START("onStart"),
    ON_BAR("onBar"),
    ON_QUOTE("onQuote"),
    ON_TRADE("onTrade"),
    ON_FILL("onFill"),
    ON_ORDER_UPDATE("onOrderUpdate"),
    ON_TIMER("onTimer"),
    ON_STOP("onStop");

    private final String methodName;

    StrategyCallback(String methodName) {
        this.methodName = methodName;
    }

    /** The Java method name, e.g. {@code onBar}. */
    public String methodName() {
        return methodName;
    }

    @Override
    public String toString() {
        return methodName;
    }
}
