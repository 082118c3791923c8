package dev.paperdesk.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradingHoursTest {
    private final TradingHours equities = TradingHours.usEquities(HolidayCalendar.NONE);

    @Test
    void equitySessionIsNineThirtyToFourNewYorkTimeOnWeekdays() {
        // 2024-03-04 is a Monday; New York is on EST (UTC-5) until 10 March.
        assertThat(equities.isOpen(Instant.parse("2024-03-04T14:29:59Z"))).isFalse();
        assertThat(equities.isOpen(Instant.parse("2024-03-04T14:30:00Z"))).isTrue();
        assertThat(equities.isOpen(Instant.parse("2024-03-04T20:59:59Z"))).isTrue();
        assertThat(equities.isOpen(Instant.parse("2024-03-04T21:00:00Z"))).isFalse();
        assertThat(equities.isOpen(Instant.parse("2024-03-09T15:00:00Z")))
                .as("Saturday")
                .isFalse();
        assertThat(equities.isOpen(Instant.parse("2024-03-10T15:00:00Z")))
                .as("Sunday")
                .isFalse();
    }

    @Test
    void equitySessionFollowsDaylightSavingTime() {
        // From 10 March 2024 New York is on EDT (UTC-4): the open moves to 13:30 UTC.
        assertThat(equities.isOpen(Instant.parse("2024-03-11T13:30:00Z"))).isTrue();
        assertThat(equities.isOpen(Instant.parse("2024-03-11T20:00:00Z"))).isFalse();
    }

    @Test
    void nextChangeWalksOverTheWeekend() {
        Instant fridayClose = Instant.parse("2024-03-08T21:00:00Z");
        assertThat(equities.nextChange(Instant.parse("2024-03-08T15:00:00Z"))).isEqualTo(fridayClose);
        assertThat(equities.nextChange(fridayClose)).isEqualTo(Instant.parse("2024-03-11T13:30:00Z"));
    }

    @Test
    void holidayCalendarIsPluggable() {
        TradingHours withHoliday = TradingHours.usEquities(HolidayCalendar.of(Set.of(LocalDate.of(2024, 3, 4))));
        assertThat(withHoliday.isOpen(Instant.parse("2024-03-04T15:00:00Z"))).isFalse();
        assertThat(withHoliday.nextChange(Instant.parse("2024-03-04T15:00:00Z")))
                .isEqualTo(Instant.parse("2024-03-05T14:30:00Z"));
    }

    @Test
    void fxTradesFromSundayFivePmToFridayFivePmNewYork() {
        TradingHours fx = TradingHours.fx();
        assertThat(fx.isOpen(Instant.parse("2024-03-08T21:59:59Z")))
                .as("Friday 16:59:59 EST")
                .isTrue();
        assertThat(fx.isOpen(Instant.parse("2024-03-08T22:00:00Z")))
                .as("Friday 17:00 EST")
                .isFalse();
        assertThat(fx.isOpen(Instant.parse("2024-03-09T12:00:00Z")))
                .as("Saturday")
                .isFalse();
        assertThat(fx.isOpen(Instant.parse("2024-03-10T20:59:59Z")))
                .as("Sunday 16:59:59 EDT")
                .isFalse();
        assertThat(fx.isOpen(Instant.parse("2024-03-10T21:00:00Z")))
                .as("Sunday 17:00 EDT")
                .isTrue();
        assertThat(fx.isOpen(Instant.parse("2024-03-06T03:00:00Z")))
                .as("Tuesday night")
                .isTrue();
        assertThat(fx.nextChange(Instant.parse("2024-03-09T12:00:00Z")))
                .isEqualTo(Instant.parse("2024-03-10T21:00:00Z"));
        assertThat(fx.nextChange(Instant.parse("2024-03-06T03:00:00Z")))
                .isEqualTo(Instant.parse("2024-03-08T22:00:00Z"));
    }

    @Test
    void continuousNeverChanges() {
        assertThat(TradingHours.continuous().isOpen(Instant.EPOCH)).isTrue();
        assertThat(TradingHours.continuous().nextChange(Instant.EPOCH)).isEqualTo(Instant.MAX);
    }

    @Test
    void rejectsEmptySessions() {
        ZoneId ny = TradingHours.NEW_YORK;
        assertThatThrownBy(() -> new TradingHours.DailySession(
                        ny,
                        LocalTime.of(16, 0),
                        LocalTime.of(9, 30),
                        EnumSet.of(DayOfWeek.MONDAY),
                        HolidayCalendar.NONE))
                .hasMessageContaining("open before it closes");
        assertThatThrownBy(() -> new TradingHours.WeeklyWindow(
                        ny, DayOfWeek.MONDAY, LocalTime.NOON, DayOfWeek.MONDAY, LocalTime.NOON))
                .hasMessageContaining("length");
    }
}
