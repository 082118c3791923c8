package dev.paperdesk.engine.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a market accepts orders and publishes quotes.
 *
 * <p>Besides {@link #isOpen}, every schedule answers {@link #nextChange}, so a simulator checks the
 * calendar once per open/close transition instead of once per event.
 */
public sealed interface TradingHours
        permits TradingHours.Continuous, TradingHours.DailySession, TradingHours.WeeklyWindow {

    ZoneId NEW_YORK = ZoneId.of("America/New_York");

    boolean isOpen(Instant t);

    /** The first instant after {@code t} at which {@link #isOpen} changes; {@link Instant#MAX} if never. */
    Instant nextChange(Instant t);

    /** Crypto: always open. */
    static TradingHours continuous() {
        return Continuous.INSTANCE;
    }

    /** US cash equities: 09:30–16:00 New York time, Monday to Friday, with the given holidays. */
    static TradingHours usEquities(HolidayCalendar holidays) {
        return new DailySession(
                NEW_YORK,
                LocalTime.of(9, 30),
                LocalTime.of(16, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                holidays);
    }

    /** Spot FX: continuous from Sunday 17:00 to Friday 17:00 New York time. */
    static TradingHours fx() {
        return new WeeklyWindow(NEW_YORK, DayOfWeek.SUNDAY, LocalTime.of(17, 0), DayOfWeek.FRIDAY, LocalTime.of(17, 0));
    }

    /** Always open. */
    enum Continuous implements TradingHours {
        INSTANCE;

        @Override
        public boolean isOpen(Instant t) {
            return true;
        }

        @Override
        public Instant nextChange(Instant t) {
            return Instant.MAX;
        }
    }

    /** One session a day, {@code [open, close)} in local time, on the listed weekdays that are not holidays. */
    record DailySession(ZoneId zone, LocalTime open, LocalTime close, Set<DayOfWeek> days, HolidayCalendar holidays)
            implements TradingHours {
        public DailySession {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(close, "close");
            Objects.requireNonNull(holidays, "holidays");
            days = Set.copyOf(days);
            if (!open.isBefore(close)) {
                throw new IllegalArgumentException("session must open before it closes: " + open + "-" + close);
            }
            if (days.isEmpty()) {
                throw new IllegalArgumentException("session needs at least one trading weekday");
            }
        }

        private boolean isTradingDay(LocalDate date) {
            return days.contains(date.getDayOfWeek()) && !holidays.isHoliday(date);
        }

        @Override
        public boolean isOpen(Instant t) {
            ZonedDateTime local = t.atZone(zone);
            LocalTime time = local.toLocalTime();
            return isTradingDay(local.toLocalDate()) && !time.isBefore(open) && time.isBefore(close);
        }

        @Override
        public Instant nextChange(Instant t) {
            ZonedDateTime local = t.atZone(zone);
            if (isOpen(t)) {
                return local.toLocalDate().atTime(close).atZone(zone).toInstant();
            }
            LocalDate date = local.toLocalDate();
            // A holiday calendar could close every day; stop looking after a year and call it closed for good.
            for (int i = 0; i <= 366; i++) {
                LocalDate d = date.plusDays(i);
                if (isTradingDay(d)) {
                    Instant opens = d.atTime(open).atZone(zone).toInstant();
                    if (opens.isAfter(t)) {
                        return opens;
                    }
                }
            }
            return Instant.MAX;
        }
    }

    /**
     * One continuous window a week, from {@code openDay openTime} to {@code closeDay closeTime} in
     * local time (the window may wrap over the weekend boundary of the ISO week).
     */
    record WeeklyWindow(ZoneId zone, DayOfWeek openDay, LocalTime openTime, DayOfWeek closeDay, LocalTime closeTime)
            implements TradingHours {
        public WeeklyWindow {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(openDay, "openDay");
            Objects.requireNonNull(openTime, "openTime");
            Objects.requireNonNull(closeDay, "closeDay");
            Objects.requireNonNull(closeTime, "closeTime");
            if (secondOfWeek(openDay, openTime) == secondOfWeek(closeDay, closeTime)) {
                throw new IllegalArgumentException("weekly window must have a length");
            }
        }

        // Seconds since Sunday 00:00 local, so a Sunday-evening open sorts before Friday's close.
        private static long secondOfWeek(DayOfWeek day, LocalTime time) {
            return (day.getValue() % 7) * 86_400L + time.toSecondOfDay();
        }

        @Override
        public boolean isOpen(Instant t) {
            LocalDateTime local = LocalDateTime.ofInstant(t, zone);
            long now = secondOfWeek(local.getDayOfWeek(), local.toLocalTime());
            long opens = secondOfWeek(openDay, openTime);
            long closes = secondOfWeek(closeDay, closeTime);
            return opens < closes ? now >= opens && now < closes : now >= opens || now < closes;
        }

        @Override
        public Instant nextChange(Instant t) {
            return isOpen(t) ? nextOccurrence(t, closeDay, closeTime) : nextOccurrence(t, openDay, openTime);
        }

        private Instant nextOccurrence(Instant t, DayOfWeek day, LocalTime time) {
            LocalDate date = LocalDateTime.ofInstant(t, zone).toLocalDate();
            for (int week = 0; week < 3; week++) {
                LocalDate d = date.with(TemporalAdjusters.nextOrSame(day)).plusWeeks(week);
                Instant at = d.atTime(time).atZone(zone).toInstant();
                if (at.isAfter(t)) {
                    return at;
                }
            }
            throw new IllegalStateException("no " + day + " " + time + " after " + t + " (unreachable)");
        }
    }
}
