package dev.paperdesk.desktop.options;

import dev.paperdesk.engine.session.TradingSession;

/** Picks where a session's option chains come from. */
public final class OptionChainSources {
    private OptionChainSources() {}

    /** Chains generated around the session's underlying prices. */
    public static OptionChainSource forSession(TradingSession session) {
        return new GeneratedChainSource(session);
    }
}
