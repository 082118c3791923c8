package dev.paperdesk.engine.report.tax;

/** Holding period class of a realized gain or loss. */
public enum HoldingTerm {
    /** Held one year or less (and every short sale): Form 8949 Part I. */
    SHORT_TERM,
    /** Held more than one year: Form 8949 Part II. */
    LONG_TERM;

    /** Lower-case words for files and reports: {@code short-term} / {@code long-term}. */
    public String label() {
        return this == SHORT_TERM ? "short-term" : "long-term";
    }
}
