package dev.paperdesk.engine.strategy.api;

import java.util.Locale;

/** Which way a position points. */
public enum PositionState {
    FLAT,
    LONG,
    SHORT;

    /** The state of a signed quantity. */
    public static PositionState of(int signum) {
        return signum > 0 ? LONG : signum < 0 ? SHORT : FLAT;
    }

    /** The lower-case name used in strategy files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
