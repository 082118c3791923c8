package dev.paperdesk.engine.report;

import dev.paperdesk.engine.model.Decimals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of an export cell: numbers with '.' whatever the locale and never in scientific notation,
 * instants in ISO-8601 with their zone offset, durations in ISO-8601.
 */
public final class CellText {
    private CellText() {}

    /** The cell as text; {@code null}, {@code NaN} and infinities are empty. */
    public static String of(Object cell, ZoneId zone) {
        return switch (cell) {
            case null -> "";
            case String s -> s;
            case BigDecimal d -> Decimals.normalize(d).toPlainString();
            case Double d -> Double.isFinite(d) ? plain(d) : "";
            case Float f -> Float.isFinite(f) ? plain(f.doubleValue()) : "";
            case Number n -> n.toString();
            case Instant i -> instant(i, zone);
            case LocalDate d -> d.toString();
            case Duration d -> d.toString();
            case Boolean b -> b.toString();
            case Enum<?> e -> e.name();
            case List<?> list -> nested(list, zone);
            default -> cell.toString();
        };
    }

    /** ISO-8601 with offset, e.g. {@code 2026-03-02T14:30:00Z} or {@code 2026-03-02T15:30:00+01:00}. */
    public static String instant(Instant i, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atZone(zone));
    }

    private static String plain(double d) {
        return Decimals.normalize(new BigDecimal(Double.toString(d))).toPlainString();
    }

    private static String nested(List<?> list, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        for (Object item : list) {
            if (!sb.isEmpty()) {
                sb.append(" | ");
            }
            if (item instanceof Map<?, ?> map) {
                StringBuilder one = new StringBuilder();
                for (Object v : map.values()) {
                    String text = of(v, zone);
                    if (!text.isEmpty()) {
                        if (!one.isEmpty()) {
                            one.append(' ');
                        }
                        one.append(text);
                    }
                }
                sb.append(one);
            } else {
                sb.append(of(item, zone));
            }
        }
        return sb.toString();
    }

    /** Lower-case name of an enum for display. */
    public static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
