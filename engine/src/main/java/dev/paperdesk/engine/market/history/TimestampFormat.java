package dev.paperdesk.engine.market.history;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * How a file writes its stamps: ISO-8601 text, a number since the Unix epoch, or a
 * {@link DateTimeFormatter} pattern. Stamps without an offset are read in the mapping's zone.
 */
public sealed interface TimestampFormat {

    /**
     * {@code yyyy-MM-dd}, optionally followed by {@code T} or a space and {@code HH:mm[:ss[.f…]]},
     * optionally followed by {@code Z} or an offset {@code ±HH[:MM]}.
     */
    record Iso() implements TimestampFormat {
        @Override
        public String toString() {
            return "iso";
        }
    }

    /** A whole or fractional number of {@code unit} since 1970-01-01T00:00:00Z. */
    record Epoch(EpochUnit unit) implements TimestampFormat {
        public Epoch {
            Objects.requireNonNull(unit, "unit");
        }

        @Override
        public String toString() {
            return unit.option();
        }
    }

    /** A {@link DateTimeFormatter} pattern such as {@code yyyyMMdd HHmmss}; may include an offset. */
    record Pattern(String pattern) implements TimestampFormat {
        public Pattern {
            Objects.requireNonNull(pattern, "pattern");
            try {
                DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid timestamp pattern '" + pattern + "': " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return pattern;
        }
    }

    /** Units of epoch stamps; {@code AUTO} picks the unit from the magnitude of each value. */
    enum EpochUnit {
        SECONDS("epoch-s"),
        MILLIS("epoch-ms"),
        MICROS("epoch-us"),
        NANOS("epoch-ns"),
        /** Seconds below 10^11, milliseconds below 10^14, microseconds below 10^17, else nanoseconds. */
        AUTO("epoch");

        private final String option;

        EpochUnit(String option) {
            this.option = option;
        }

        public String option() {
            return option;
        }
    }

    /** Parses {@code iso}, {@code epoch}, {@code epoch-s|ms|us|ns}, or else takes the text as a pattern. */
    static TimestampFormat parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("iso")) {
            return new Iso();
        }
        for (EpochUnit u : EpochUnit.values()) {
            if (u.option().equalsIgnoreCase(t)) {
                return new Epoch(u);
            }
        }
        return new Pattern(t);
    }
}
