package dev.paperdesk.engine.analytics;

import java.time.LocalDate;
import java.util.Objects;

/** One point of a dated series of values, such as a rolling return or a rolling Sharpe ratio. */
public record DatedValue(LocalDate date, double value) {
    public DatedValue {
        Objects.requireNonNull(date, "date");
    }
}
