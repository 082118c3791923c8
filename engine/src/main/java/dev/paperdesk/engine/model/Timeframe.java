package dev.paperdesk.engine.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Bar timeframes; a bar covers {@code [open, open + duration)} aligned to UTC. */
public enum Timeframe {
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    M30("30m", Duration.ofMinutes(30)),
    H1("1h", Duration.ofHours(1)),
    H4("4h", Duration.ofHours(4)),
    D1("1d", Duration.ofDays(1));

    private final String label;
    private final Duration duration;

    Timeframe(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }

    /** The open time of the bar containing {@code t}. */
    public Instant floor(Instant t) {
        long ms = duration.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
    }

    public static Timeframe parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Timeframe tf : values()) {
            if (tf.label.equals(t) || tf.name().equalsIgnoreCase(t)) {
                return tf;
            }
        }
        if (t.equals("1d") || t.equals("d") || t.equals("daily")) {
            return D1;
        }
        throw new IllegalArgumentException("unknown timeframe '" + text + "' (use 1m, 5m, 15m, 30m, 1h, 4h or 1d)");
    }

    @Override
    public String toString() {
        return label;
    }
}
