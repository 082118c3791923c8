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
     * Whether this listener takes the advisory {@link EngineEvent.Account} events of the order path
     * ({@link AccountEvent.RiskWarnings}): by default, when it follows portfolios. While no listener
     * does, the funds check neither evaluates the limits that only warn nor writes their texts (an
     * order's verdict and rejections are the same; see {@link AccountService#checkOrder}).
     */
    default boolean followsAccounts() {
        return followsPortfolios();
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
