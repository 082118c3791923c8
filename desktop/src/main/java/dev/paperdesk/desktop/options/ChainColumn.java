package dev.paperdesk.desktop.options;

/** The figures the chain can show for each call and put; the trader picks which. */
public enum ChainColumn {
    BID("Bid", true),
    ASK("Ask", true),
    LAST("Last", true),
    IV("IV", true),
    DELTA("Delta", true),
    GAMMA("Gamma", false),
    THETA("Theta", false),
    VEGA("Vega", false),
    RHO("Rho", false),
    OPEN_INTEREST("OI", true);

    private final String label;
    private final boolean shownByDefault;

    ChainColumn(String label, boolean shownByDefault) {
        this.label = label;
        this.shownByDefault = shownByDefault;
    }

    /** The column header. */
    public String label() {
        return label;
    }

    /** True for the columns a new chain shows. */
    public boolean shownByDefault() {
        return shownByDefault;
    }
}
