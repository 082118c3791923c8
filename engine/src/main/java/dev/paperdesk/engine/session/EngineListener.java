package dev.paperdesk.engine.session;

/** Receives engine events on the event loop thread; must return quickly and never block. */
@FunctionalInterface
public interface EngineListener {
    void onEvent(EngineEvent event);

    /**
     * Whether this listener takes {@link EngineEvent.PortfolioChanged} events. While no listener
     * does, the engine does not re-mark portfolios on every quote (see {@link
     * TradingEngine#portfolioSnapshot}); a listener that ignores them says false.
     */
    default boolean followsPortfolios() {
        return true;
    }
}
