package dev.paperdesk.engine.model;

/** Identifies a portfolio (an account) within a workspace. */
public record PortfolioId(long value) {
    public PortfolioId {
        if (value <= 0) {
            throw new IllegalArgumentException("portfolio id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return "P" + value;
    }
}
