package dev.paperdesk.engine.market.history;

import java.util.List;
import java.util.Locale;

/**
 * A column an import mapping can name. A bar's stamp comes either from one {@link #TIMESTAMP}
 * column or from a {@link #DATE} and a {@link #TIME} column joined with a space.
 */
public enum BarField {
    TIMESTAMP(
            "timestamp",
            "datetime",
            "date_time",
            "open_time",
            "open_time_utc",
            "start_utc",
            "start_time",
            "start",
            "ts",
            "time",
            "date"),
    DATE("date"),
    TIME("time"),
    OPEN("open", "o"),
    HIGH("high", "h"),
    LOW("low", "l"),
    CLOSE("close", "c", "last"),
    VOLUME("volume", "vol", "v");

    private final List<String> aliases;

    BarField(String... aliases) {
        this.aliases = List.of(aliases);
    }

    /** The name used in {@code --columns} ({@code timestamp}, {@code open}, ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Header names (lower case) recognised for this field when the mapping does not name a column. */
    public List<String> aliases() {
        return aliases;
    }

    /** Parses a {@code --columns} key such as {@code close}. */
    public static BarField parse(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (BarField f : values()) {
            if (f.key().equals(k)) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown column key '" + key + "' (use timestamp, date, time, open, high, low, close or volume)");
    }
}
