package dev.paperdesk.engine.montecarlo;

import java.util.Objects;

/**
 * Reorders the trades at random (a permutation of their P&amp;L): every path ends at the original final
 * equity, only the route there — drawdowns, ruin, Sharpe — changes.
 */
public record TradeSequenceShuffle(TradeSample sample) implements ResamplingMethod {
    public TradeSequenceShuffle {
        Objects.requireNonNull(sample, "sample");
    }

    @Override
    public String name() {
        return "trade-shuffle";
    }
}
