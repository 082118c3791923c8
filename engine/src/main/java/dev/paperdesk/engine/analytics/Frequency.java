package dev.paperdesk.engine.analytics;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** Calendar buckets that returns are compounded into: ISO weeks, months, quarters, years. */
public enum Frequency {
    DAILY,
    /** ISO-8601 weeks (Monday to Sunday), labelled {@code 2000-W05} with the week-based year. */
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    YEARLY;

    /** The label of the bucket holding {@code date}; labels sort chronologically. */
    public String label(LocalDate date) {
        return switch (this) {
            case DAILY -> date.toString();
            case WEEKLY -> String.format(
                    "%04d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> String.format("%04d-%02d", date.getYear(), date.getMonthValue());
            case QUARTERLY -> String.format("%04d-Q%d", date.getYear(), date.get(IsoFields.QUARTER_OF_YEAR));
            case YEARLY -> String.format("%04d", date.getYear());
        };
    }
}
