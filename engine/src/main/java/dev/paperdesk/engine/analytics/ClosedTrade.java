package dev.paperdesk.engine.analytics;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.InstrumentId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A round trip that has been closed, as analytics and Monte Carlo see it.
 *
 * @param instrument the traded instrument
 * @param assetClass its asset class, for attribution
 * @param tag free label for attribution by strategy or idea; empty when untagged, never null
 * @param entryTime when the position was opened
 * @param exitTime when it was closed, not before {@code entryTime}
 * @param quantity absolute quantity traded, {@code > 0}
 * @param pnl realised profit and loss in account currency, net of fees
 * @param returnFraction the trade's return on the capital it used ({@code 0.02} is +2%)
 * @param fees fees and commissions paid, {@code >= 0}, already deducted from {@code pnl}
 */
public record ClosedTrade(
        InstrumentId instrument,
        AssetClass assetClass,
        String tag,
        Instant entryTime,
        Instant exitTime,
        double quantity,
        double pnl,
        double returnFraction,
        double fees) {

    public ClosedTrade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(assetClass, "assetClass");
        tag = tag == null ? "" : tag.strip();
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(exitTime, "exitTime");
        if (exitTime.isBefore(entryTime)) {
            throw new IllegalArgumentException(
                    "trade in " + instrument + " exits at " + exitTime + " before it enters at " + entryTime);
        }
        if (!(quantity > 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("trade quantity must be finite and positive, not " + quantity);
        }
        if (!Double.isFinite(pnl) || !Double.isFinite(returnFraction)) {
            throw new IllegalArgumentException("trade P&L and return must be finite");
        }
        if (!(fees >= 0) || Double.isInfinite(fees)) {
            throw new IllegalArgumentException("trade fees must be finite and non-negative, not " + fees);
        }
    }

    /** Time the position was open. */
    public Duration holding() {
        return Duration.between(entryTime, exitTime);
    }

    public boolean isWin() {
        return pnl > 0;
    }

    public boolean isLoss() {
        return pnl < 0;
    }
}
