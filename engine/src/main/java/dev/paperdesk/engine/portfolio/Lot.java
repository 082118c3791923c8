package dev.paperdesk.engine.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An open tax lot: a signed quantity (negative for shorts) and its exact signed cost in the quote
 * currency (what was paid for a long, minus what was received for a short).
 */
public record Lot(BigDecimal quantity, BigDecimal cost, Instant openedAt) {
    public Lot {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(openedAt, "openedAt");
        if (quantity.signum() == 0) {
            throw new IllegalArgumentException("a lot cannot be empty");
        }
    }
}
