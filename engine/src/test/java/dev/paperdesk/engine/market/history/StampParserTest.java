package dev.paperdesk.engine.market.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.market.history.TimestampFormat.EpochUnit;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StampParserTest {
    private static Instant iso(String text) {
        Stamp s = StampParser.parseIso(text);
        assertThat(s).as(text).isNotNull();
        return s.resolve(ZoneOffset.UTC, null);
    }

    @ParameterizedTest
    @CsvSource({
        "2020-01-02, 2020-01-02T00:00:00Z",
        "2021-12-31 23:01:00.000000, 2021-12-31T23:01:00Z",
        "2012-02-01 00:00:00+00:00, 2012-02-01T00:00:00Z",
        "2017-11-04T23:02:00Z, 2017-11-04T23:02:00Z",
        "2017-11-04T23:02Z, 2017-11-04T23:02:00Z",
        "2020-03-01T12:00:00.5+01:00, 2020-03-01T11:00:00.500Z",
        "2020-03-01T12:00:00-0530, 2020-03-01T17:30:00Z",
        "2020-03-01T12:00:00+02, 2020-03-01T10:00:00Z",
        "2020-03-01 12:00:00.123456789, 2020-03-01T12:00:00.123456789Z",
        "2020-03-01 12:00:00.1234567890, 2020-03-01T12:00:00.123456789Z",
    })
    void readsIsoVariants(String text, String expected) {
        assertThat(iso(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2020-1-02",
                "2020-13-01",
                "2020-02-30",
                "2020-01-02X10:00",
                "2020-01-02 24:00",
                "2020-01-02 10:60",
                "2020-01-02 10:00:61",
                "2020-01-02 10:00:00.",
                "2020-01-02 10:00:00.1234567891",
                "2020-01-02 10:00:00+1",
                "2020-01-02 10:00:00 UTC",
                "02/01/2020",
                "20200102"
            })
    void rejectsMalformedIso(String text) {
        assertThat(StampParser.parseIso(text)).isNull();
    }

    @Test
    void dateOnlyIsADayAndLocalTimesTakeTheZone() {
        assertThat(StampParser.parseIso("2020-01-02").kind()).isEqualTo(Stamp.Kind.DATE);
        assertThat(StampParser.parseIso("2020-01-02 10:00").kind()).isEqualTo(Stamp.Kind.LOCAL);
        assertThat(StampParser.parseIso("2020-01-02 10:00Z").kind()).isEqualTo(Stamp.Kind.INSTANT);
        ZoneId ny = ZoneId.of("America/New_York");
        assertThat(StampParser.parseIso("2020-01-02").resolve(ny, null))
                .isEqualTo(Instant.parse("2020-01-02T05:00:00Z"));
        assertThat(StampParser.parseIso("2020-07-02 09:30").resolve(ny, null))
                .isEqualTo(Instant.parse("2020-07-02T13:30:00Z"));
        assertThat(StampParser.parseIso("2020-07-02 09:30Z").resolve(ny, null))
                .isEqualTo(Instant.parse("2020-07-02T09:30:00Z"));
    }

    @Test
    void walksThroughTheRepeatedHourOfADaylightSavingOverlapInOrder() {
        ZoneId ny = ZoneId.of("America/New_York");
        Stamp first = StampParser.parseIso("2020-11-01 01:30");
        Instant a = first.resolve(ny, Instant.parse("2020-11-01T05:00:00Z"));
        assertThat(a).isEqualTo(Instant.parse("2020-11-01T05:30:00Z")); // EDT
        Instant b = first.resolve(ny, a); // the same local time again: now EST
        assertThat(b).isEqualTo(Instant.parse("2020-11-01T06:30:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
        "1704067200, SECONDS, 2024-01-01T00:00:00Z",
        "1704067200.25, SECONDS, 2024-01-01T00:00:00.250Z",
        "1704067200000, MILLIS, 2024-01-01T00:00:00Z",
        "1704067200123456, MICROS, 2024-01-01T00:00:00.123456Z",
        "1704067200123456789, NANOS, 2024-01-01T00:00:00.123456789Z",
        "1704067200, AUTO, 2024-01-01T00:00:00Z",
        "1704067200000, AUTO, 2024-01-01T00:00:00Z",
        "1735689600000000, AUTO, 2025-01-01T00:00:00Z",
        "1704067200123456789, AUTO, 2024-01-01T00:00:00.123456789Z",
        "-1500, MILLIS, 1969-12-31T23:59:58.500Z",
    })
    void readsEpochNumbers(String text, EpochUnit unit, String expected) {
        Stamp s = StampParser.parseEpoch(text, unit);
        assertThat(s).isNotNull();
        assertThat(s.resolve(ZoneOffset.UTC, null)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "12a", "1.5.5", "0.0000000001", "1e400"})
    void rejectsBadEpochNumbers(String text) {
        assertThat(StampParser.parseEpoch(text, EpochUnit.SECONDS)).isNull();
    }

    @Property
    void epochMillisRoundTrip(@ForAll @LongRange(min = -10_000_000_000_000L, max = 9_000_000_000_000L) long ms) {
        Stamp s = StampParser.parseEpoch(Long.toString(ms), EpochUnit.MILLIS);
        assertThat(s.resolve(ZoneOffset.UTC, null)).isEqualTo(Instant.ofEpochMilli(ms));
    }

    @Test
    void patternsReadDatesTimesAndOffsets() {
        StampParser nt = new StampParser(new TimestampFormat.Pattern("yyyyMMdd[ HHmmss]"));
        assertThat(nt.parse("20240102 093100").resolve(ZoneOffset.UTC, null))
                .isEqualTo(Instant.parse("2024-01-02T09:31:00Z"));
        assertThat(nt.parse("20240102").kind()).isEqualTo(Stamp.Kind.DATE);
        assertThat(nt.parse("2024-01-02")).isNull();
        StampParser withOffset = new StampParser(new TimestampFormat.Pattern("dd/MM/yyyy HH:mm XXX"));
        assertThat(withOffset.parse("02/01/2024 10:00 +01:00").resolve(ZoneOffset.UTC, null))
                .isEqualTo(Instant.parse("2024-01-02T09:00:00Z"));
        assertThat(withOffset.expectation()).contains("dd/MM/yyyy HH:mm XXX");
    }

    @Test
    void formatOptionsParse() {
        assertThat(TimestampFormat.parse("iso")).isEqualTo(new TimestampFormat.Iso());
        assertThat(TimestampFormat.parse("epoch-ms")).isEqualTo(new TimestampFormat.Epoch(EpochUnit.MILLIS));
        assertThat(TimestampFormat.parse("epoch")).isEqualTo(new TimestampFormat.Epoch(EpochUnit.AUTO));
        assertThat(TimestampFormat.parse("yyyy.MM.dd")).isEqualTo(new TimestampFormat.Pattern("yyyy.MM.dd"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TimestampFormat.parse("yyyy-MM-dd {"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid timestamp pattern");
    }

    @Test
    void decimalCellsAreStrict() {
        assertThat(DecimalCell.parse("42283.58000000")).isEqualByComparingTo("42283.58");
        assertThat(DecimalCell.parse("-1.5")).isEqualByComparingTo("-1.5");
        assertThat(DecimalCell.parse("+.5")).isEqualByComparingTo("0.5");
        assertThat(DecimalCell.parse("1.5e-05")).isEqualByComparingTo("0.000015");
        for (String bad :
                new String[] {"", "-", ".", "1,5", "1 000", "NaN", "Infinity", "0x10", "1e", "1e12345", "1.2.3"}) {
            assertThat(DecimalCell.parse(bad)).as(bad).isNull();
        }
    }
}
