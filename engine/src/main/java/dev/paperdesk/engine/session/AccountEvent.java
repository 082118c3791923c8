package dev.paperdesk.engine.session;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.margin.AccountRecord;
import dev.paperdesk.engine.portfolio.margin.WarningLevel;
import dev.paperdesk.engine.risk.RiskWarning;
import java.math.BigDecimal;
import java.util.List;

/** What the account side of the engine tells listeners; delivered inside {@link EngineEvent.Account}. */
public sealed interface AccountEvent {
    PortfolioId portfolioId();

    /**
     * A margin pool moved to another warning level (up to a warning or liquidation, or back down).
     *
     * @param instrumentId the isolated position concerned, or {@code null} for the cross pool
     * @param ratio its maintenance ratio (maintenance margin ÷ pool equity)
     */
    record MarginWarning(
            PortfolioId portfolioId,
            InstrumentId instrumentId,
            WarningLevel level,
            WarningLevel previous,
            BigDecimal ratio)
            implements AccountEvent {}

    /** A liquidation step was booked. */
    record Liquidated(PortfolioId portfolioId, AccountRecord.Liquidation liquidation) implements AccountEvent {}

    /** A funding payment was booked on a perpetual position. */
    record FundingSettled(PortfolioId portfolioId, AccountRecord.FundingPayment payment) implements AccountEvent {}

    /** An order breached advisory limits that only warn (it was still accepted). */
    record RiskWarnings(PortfolioId portfolioId, InstrumentId instrumentId, List<RiskWarning> warnings)
            implements AccountEvent {
        public RiskWarnings {
            warnings = List.copyOf(warnings);
        }
    }

    /** A portfolio was created, reset, topped up, archived, cloned, deleted or reconfigured. */
    record PortfolioUpdated(PortfolioId portfolioId, AccountRecord.PortfolioEvent event) implements AccountEvent {}
}
