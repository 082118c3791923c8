package dev.paperdesk.engine.market.history;

import java.util.Objects;

/** Where a field sits in a row: a header name (matched case-insensitively) or a 1-based position. */
public sealed interface ColumnRef {

    /** A column found by its header name. */
    record ByName(String name) implements ColumnRef {
        public ByName {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("column name must not be blank");
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A column by its 1-based position in the row. */
    record ByPosition(int position) implements ColumnRef {
        public ByPosition {
            if (position < 1) {
                throw new IllegalArgumentException("column positions count from 1: " + position);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(position);
        }
    }

    /** A number is a position, anything else a header name. */
    static ColumnRef parse(String text) {
        String t = text.trim();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            return new ByPosition(Integer.parseInt(t));
        }
        return new ByName(t);
    }
}
