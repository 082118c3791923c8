package dev.paperdesk.engine.options;

import dev.paperdesk.engine.pricing.chain.ExpiryKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One listed expiry of an underlying: its date, whether it is a weekly or a monthly, and the instant
 * at which its contracts expire (16:00 New York for equities and ETFs, 08:00 UTC for crypto).
 */
public record OptionExpiry(LocalDate date, ExpiryKind kind, Instant expiresAt) {
    public OptionExpiry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
