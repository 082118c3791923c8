package dev.paperdesk.desktop.options;

import dev.paperdesk.engine.session.TradingSession;

/** Picks where a session's option chains come from. */
public final class OptionChainSources {
    private OptionChainSources() {}

    /**
     * The session's own tradable chains when its market lists options; otherwise chains generated
     * around its underlying prices, to look at but not to trade.
     */
    public static OptionChainSource forSession(TradingSession session) {
        return session.optionUnderlyings().isEmpty()
                ? new GeneratedChainSource(session)
                : new SessionChainSource(session);
    }
}
