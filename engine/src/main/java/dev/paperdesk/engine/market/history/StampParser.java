package dev.paperdesk.engine.market.history;

import dev.paperdesk.engine.market.history.TimestampFormat.EpochUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Turns stamp text into a {@link Stamp}. ISO text and epoch numbers are parsed by hand: they are
 * on the hot path of million-row imports, where {@link DateTimeFormatter} costs about a
 * microsecond a row. Patterns go through {@link DateTimeFormatter}.
 */
final class StampParser {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final TimestampFormat format;
    private final DateTimeFormatter formatter;

    StampParser(TimestampFormat format) {
        this.format = format;
        this.formatter = format instanceof TimestampFormat.Pattern p
                ? DateTimeFormatter.ofPattern(p.pattern(), Locale.ROOT)
                : null;
    }

    /** What the format expects, for problem messages. */
    String expectation() {
        return switch (format) {
            case TimestampFormat.Iso iso -> "ISO-8601 (yyyy-MM-dd[ HH:mm[:ss[.f]]][Z|±HH:MM])";
            case TimestampFormat.Epoch e -> "a number since the epoch ("
                    + e.unit().option() + ")";
            case TimestampFormat.Pattern p -> "the pattern '" + p.pattern() + "'";
        };
    }

    /** The stamp, or {@code null} when the text does not match the format. */
    Stamp parse(String text) {
        return switch (format) {
            case TimestampFormat.Iso iso -> parseIso(text);
            case TimestampFormat.Epoch e -> parseEpoch(text, e.unit());
            case TimestampFormat.Pattern p -> parsePattern(text);
        };
    }

    // ----------------------------------------------------------------------------------- ISO

    static Stamp parseIso(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        long daySeconds = epochDay * 86_400L;
        if (n == 10) {
            return new Stamp(daySeconds, 0, Stamp.Kind.DATE);
        }
        char sep = s.charAt(10);
        if ((sep != 'T' && sep != 't' && sep != ' ') || n < 16 || s.charAt(13) != ':') {
            return null;
        }
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = 0;
        int nano = 0;
        int pos = 16;
        if (pos < n && s.charAt(pos) == ':') {
            second = digits(s, 17, 2);
            pos = 19;
            if (second < 0 || n < 19) {
                return null;
            }
            if (pos < n && (s.charAt(pos) == '.' || s.charAt(pos) == ',')) {
                pos++;
                int start = pos;
                while (pos < n && Character.isDigit(s.charAt(pos))) {
                    if (pos - start < 9) {
                        nano = nano * 10 + (s.charAt(pos) - '0');
                    } else if (s.charAt(pos) != '0') {
                        return null; // finer than a nanosecond
                    }
                    pos++;
                }
                int len = pos - start;
                if (len == 0) {
                    return null;
                }
                for (int i = Math.min(len, 9); i < 9; i++) {
                    nano *= 10;
                }
            }
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second > 59) {
            return null;
        }
        long local = daySeconds + hour * 3600L + minute * 60L + second;
        if (pos == n) {
            return new Stamp(local, nano, Stamp.Kind.LOCAL);
        }
        char z = s.charAt(pos);
        if ((z == 'Z' || z == 'z') && pos + 1 == n) {
            return new Stamp(local, nano, Stamp.Kind.INSTANT);
        }
        if (z != '+' && z != '-') {
            return null;
        }
        int rest = n - pos - 1;
        int oh = rest >= 2 ? digits(s, pos + 1, 2) : -1;
        int om;
        if (rest == 2) {
            om = 0;
        } else if (rest == 4) {
            om = digits(s, pos + 3, 2);
        } else if (rest == 5 && s.charAt(pos + 3) == ':') {
            om = digits(s, pos + 4, 2);
        } else {
            return null;
        }
        if (oh < 0 || oh > 18 || om < 0 || om > 59) {
            return null;
        }
        int offset = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
        return new Stamp(local - offset, nano, Stamp.Kind.INSTANT);
    }

    /** The value of {@code len} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String s, int from, int len) {
        if (from + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    // ---------------------------------------------------------------------------------- epoch

    static Stamp parseEpoch(String s, EpochUnit unit) {
        int n = s.length();
        if (n == 0) {
            return null;
        }
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (i == n) {
            return null;
        }
        boolean simple = n - i <= 18;
        for (int k = i; k < n && simple; k++) {
            char c = s.charAt(k);
            simple = c >= '0' && c <= '9';
        }
        if (simple) {
            long v = Long.parseLong(s);
            long perSecond = perSecond(resolve(unit, v));
            return new Stamp(
                    Math.floorDiv(v, perSecond),
                    (int) (Math.floorMod(v, perSecond) * (NANOS_PER_SECOND / perSecond)),
                    Stamp.Kind.INSTANT);
        }
        BigDecimal d = DecimalCell.parse(s);
        if (d == null) {
            return null;
        }
        return fromFraction(d, resolve(unit, d.longValue()));
    }

    private static EpochUnit resolve(EpochUnit unit, long whole) {
        if (unit != EpochUnit.AUTO) {
            return unit;
        }
        long mag = Math.abs(whole);
        if (mag < 100_000_000_000L) {
            return EpochUnit.SECONDS;
        }
        if (mag < 100_000_000_000_000L) {
            return EpochUnit.MILLIS;
        }
        return mag < 100_000_000_000_000_000L ? EpochUnit.MICROS : EpochUnit.NANOS;
    }

    private static long perSecond(EpochUnit unit) {
        return switch (unit) {
            case SECONDS -> 1L;
            case MILLIS -> 1_000L;
            case MICROS -> 1_000_000L;
            case NANOS, AUTO -> NANOS_PER_SECOND;
        };
    }

    private static Stamp fromFraction(BigDecimal value, EpochUnit unit) {
        int scaleToNanos =
                switch (unit) {
                    case SECONDS -> 9;
                    case MILLIS -> 6;
                    case MICROS -> 3;
                    case NANOS, AUTO -> 0;
                };
        BigDecimal nanos = value.movePointRight(scaleToNanos);
        if (nanos.stripTrailingZeros().scale() > 0) {
            return null; // finer than a nanosecond
        }
        BigDecimal[] parts =
                nanos.setScale(0, RoundingMode.UNNECESSARY).divideAndRemainder(BigDecimal.valueOf(NANOS_PER_SECOND));
        BigDecimal seconds = parts[0];
        BigDecimal rem = parts[1];
        if (rem.signum() < 0) {
            seconds = seconds.subtract(BigDecimal.ONE);
            rem = rem.add(BigDecimal.valueOf(NANOS_PER_SECOND));
        }
        try {
            return new Stamp(seconds.longValueExact(), rem.intValueExact(), Stamp.Kind.INSTANT);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    // -------------------------------------------------------------------------------- pattern

    private Stamp parsePattern(String s) {
        TemporalAccessor t;
        try {
            t = formatter.parseBest(s, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        } catch (DateTimeParseException e) {
            return null;
        }
        return switch (t) {
            case ZonedDateTime z -> new Stamp(z.toEpochSecond(), z.getNano(), Stamp.Kind.INSTANT);
            case OffsetDateTime o -> new Stamp(o.toEpochSecond(), o.getNano(), Stamp.Kind.INSTANT);
            case LocalDateTime l -> new Stamp(l.toEpochSecond(ZoneOffset.UTC), l.getNano(), Stamp.Kind.LOCAL);
            case LocalDate d -> new Stamp(d.toEpochDay() * 86_400L, 0, Stamp.Kind.DATE);
            default -> null;
        };
    }
}
