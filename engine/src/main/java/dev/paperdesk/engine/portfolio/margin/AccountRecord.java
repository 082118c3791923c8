package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One append-only record of an account's history: portfolio operations, margin warnings,
 * liquidation steps, insurance fund movements and funding payments. Committed with the engine step
 * that caused it and never changed afterwards.
 */
public sealed interface AccountRecord {
    PortfolioId portfolioId();

    Instant timestamp();

    /** What happened to a portfolio as a whole. */
    enum PortfolioEventKind {
        CREATED,
        CLONED,
        RESET,
        TOPPED_UP,
        ARCHIVED,
        UNARCHIVED,
        DELETED,
        SETTINGS_CHANGED,
        MARGIN_TERMS_CHANGED
    }

    /** A portfolio operation with a sentence describing it (amounts, names, settings). */
    record PortfolioEvent(PortfolioId portfolioId, Instant timestamp, PortfolioEventKind kind, String note)
            implements AccountRecord {
        public PortfolioEvent {
            Objects.requireNonNull(portfolioId, "portfolioId");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(kind, "kind");
            note = note == null ? "" : note;
        }
    }

    /** What a margin-history row records. */
    enum MarginEventKind {
        /** A pool reached a warning level (80%, 90% or 95% of maintenance). */
        WARNING,
        /** A pool breached maintenance: liquidation starts. */
        BREACH,
        /** A pool is back below the first warning level. */
        RESTORED
    }

    /**
     * A point of margin history: the account's figures when a pool changed level.
     *
     * @param instrumentId the isolated position concerned, or {@code null} for the cross pool
     */
    record MarginEvent(
            PortfolioId portfolioId,
            Instant timestamp,
            MarginEventKind kind,
            WarningLevel level,
            InstrumentId instrumentId,
            BigDecimal equity,
            BigDecimal usedMargin,
            BigDecimal maintenanceMargin,
            BigDecimal maintenanceRatio)
            implements AccountRecord {
        public MarginEvent {
            Objects.requireNonNull(portfolioId, "portfolioId");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(equity, "equity");
            Objects.requireNonNull(usedMargin, "usedMargin");
            Objects.requireNonNull(maintenanceMargin, "maintenanceMargin");
            Objects.requireNonNull(maintenanceRatio, "maintenanceRatio");
        }
    }

    /** Partial or full. */
    enum LiquidationKind {
        PARTIAL,
        FULL
    }

    /**
     * One liquidation step: {@code quantity} (signed, as traded) closed at the mark {@code price},
     * its fee to the insurance fund, and how a loss beyond the position's margin was absorbed.
     * Amounts are in {@code currency}; {@code shortfall = insuranceCover + adlCover + uncovered}.
     *
     * @param fillId the LIQUIDATION fill that booked the trade
     * @param ratioBefore maintenance ratio of the pool before the step
     */
    record Liquidation(
            PortfolioId portfolioId,
            Instant timestamp,
            InstrumentId instrumentId,
            LiquidationKind kind,
            dev.paperdesk.engine.portfolio.MarginMode mode,
            BigDecimal quantity,
            BigDecimal price,
            BigDecimal notional,
            BigDecimal fee,
            BigDecimal realizedPnl,
            BigDecimal shortfall,
            BigDecimal insuranceCover,
            BigDecimal adlCover,
            BigDecimal uncovered,
            Currency currency,
            BigDecimal ratioBefore,
            long fillId)
            implements AccountRecord {
        public Liquidation {
            Objects.requireNonNull(portfolioId, "portfolioId");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(instrumentId, "instrumentId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(currency, "currency");
            if (shortfall.compareTo(insuranceCover.add(adlCover).add(uncovered)) != 0) {
                throw new IllegalArgumentException("shortfall must equal insurance + ADL + uncovered");
            }
        }
    }

    /** Kinds of insurance fund movement. */
    enum FundEntryKind {
        /** A liquidation fee paid in. */
        FEE,
        /** A shortfall covered (paid out). */
        COVER
    }

    /**
     * A movement of the workspace's insurance fund, signed (fees in, covers out), with the fund's
     * balance in that currency after it.
     *
     * @param portfolioId the portfolio whose liquidation caused it
     */
    record InsuranceFundEntry(
            PortfolioId portfolioId,
            Instant timestamp,
            FundEntryKind kind,
            Currency currency,
            BigDecimal amount,
            BigDecimal balanceAfter,
            String reference)
            implements AccountRecord {
        public InsuranceFundEntry {
            Objects.requireNonNull(portfolioId, "portfolioId");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(balanceAfter, "balanceAfter");
            reference = reference == null ? "" : reference;
        }
    }

    /**
     * A funding payment on a perpetual position: {@code amount = −quantity × multiplier × mark × rate}
     * (positive when received).
     */
    record FundingPayment(
            PortfolioId portfolioId,
            Instant timestamp,
            InstrumentId instrumentId,
            BigDecimal rate,
            BigDecimal markPrice,
            BigDecimal quantity,
            BigDecimal amount,
            Currency currency)
            implements AccountRecord {
        public FundingPayment {
            Objects.requireNonNull(portfolioId, "portfolioId");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(instrumentId, "instrumentId");
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(markPrice, "markPrice");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
        }
    }
}
