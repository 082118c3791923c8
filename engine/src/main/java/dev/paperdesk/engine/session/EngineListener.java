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

    /**
     * Whether this listener takes the {@link EngineEvent.QuoteUpdated} event of a quote of {@code
     * instrument} now; asked on the engine thread at every quote. A quote no listener follows makes
     * no event (a backtest's strategies that trade on bars take none); a listener that ignores quotes,
     * or wants them only for some instruments, may say false.
     */
    default boolean followsQuotes(dev.paperdesk.engine.model.InstrumentId instrument) {
        return true;
    }
}
