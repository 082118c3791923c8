package dev.paperdesk.engine.market;

import java.time.LocalDate;
import java.util.Set;

/** Days on which a session-based market stays closed although it is a normal weekday. */
@FunctionalInterface
public interface HolidayCalendar {
    /** No holidays: every listed weekday trades. */
    HolidayCalendar NONE = date -> false;

    boolean isHoliday(LocalDate date);

    /** A calendar of explicitly listed dates (in the market's own time zone). */
    static HolidayCalendar of(Set<LocalDate> dates) {
        Set<LocalDate> copy = Set.copyOf(dates);
        return copy::contains;
    }
}
