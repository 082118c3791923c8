package dev.paperdesk.engine.strategy.runner;

import dev.paperdesk.engine.model.PortfolioId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the runner shows of one hosted strategy: a snapshot, readable from any thread.
 *
 * @param id the runner's handle of the strategy (unique per runner)
 * @param pnl the portfolio's equity minus its starting balance (for a shared portfolio: the whole
 *     portfolio's)
 * @param error the failure message when {@code state} is {@link StrategyState#FAILED}, else empty
 */
public record StrategyStatus(
        long id, String name, StrategyState state, PortfolioId portfolio, BigDecimal pnl, long fills, String error) {
    public StrategyStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(pnl, "pnl");
        error = error == null ? "" : error;
    }
}
