package dev.paperdesk.engine.market;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A settled funding rate of a perpetual swap: at {@code fundingTime}, a long position of notional
 * {@code N} (at the mark price) pays {@code N × rate} to shorts; a negative rate reverses the flow.
 *
 * @param rate the rate for one funding interval, as a fraction (0.0001 = 0.01%)
 * @param intervalHours the length of the interval the rate covers
 * @param markPrice the mark price at settlement, which funding payments are computed from
 */
public record FundingRate(
        InstrumentId instrumentId, Instant fundingTime, BigDecimal rate, int intervalHours, Price markPrice) {
    public FundingRate {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(fundingTime, "fundingTime");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(markPrice, "markPrice");
        if (intervalHours <= 0 || 24 % intervalHours != 0) {
            throw new IllegalArgumentException(
                    instrumentId + ": funding interval must divide 24 hours: " + intervalHours);
        }
    }
}
