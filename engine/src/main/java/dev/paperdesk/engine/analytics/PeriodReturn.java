package dev.paperdesk.engine.analytics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The compounded return of one calendar bucket.
 *
 * @param label the bucket, e.g. {@code 2024-03} (see {@link Frequency#label})
 * @param first date of the first observation in the bucket
 * @param last date of the last observation in the bucket
 * @param value compounded simple return over the bucket's observations
 */
public record PeriodReturn(String label, LocalDate first, LocalDate last, double value) {
    public PeriodReturn {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("bucket " + label + " ends before it starts");
        }
    }
}
