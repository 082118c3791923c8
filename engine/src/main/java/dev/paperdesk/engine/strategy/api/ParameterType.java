package dev.paperdesk.engine.strategy.api;

import java.util.Locale;

/** The kind of value a strategy parameter takes. */
public enum ParameterType {
    /** A whole number, e.g. a period. */
    INT,
    /** Any decimal number, e.g. a threshold or a multiplier. */
    DECIMAL;

    /** The lower-case name used in strategy files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code text} ({@code int}, {@code integer}, {@code decimal}, {@code number}), or null. */
    public static ParameterType byLabel(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "int", "integer" -> INT;
            case "decimal", "number", "double" -> DECIMAL;
            default -> null;
        };
    }
}
