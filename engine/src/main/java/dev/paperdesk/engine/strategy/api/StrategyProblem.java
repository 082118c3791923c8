package dev.paperdesk.engine.strategy.api;

import java.util.Objects;

/**
 * Something wrong with a strategy definition or its parameters, located in its source when known.
 *
 * @param source the file name or {@code builtin:NAME}
 * @param line 1-based line, or 0 when the problem has no place in a file
 * @param column 1-based column, or 0 when unknown
 */
public record StrategyProblem(Kind kind, String source, int line, int column, String message) {
    public StrategyProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative");
        }
    }

    /** The classes of problems, so tools can group or filter them. */
    public enum Kind {
        /** The text is not well-formed YAML. */
        SYNTAX,
        /** A field the format does not know (often a typo). */
        UNKNOWN_FIELD,
        /** A required field is absent. */
        MISSING_FIELD,
        /** A value of the wrong kind: text where a number is needed, a list where a map is, ... */
        TYPE_MISMATCH,
        /** An indicator spec naming no known indicator. */
        UNKNOWN_INDICATOR,
        /** An indicator spec or parameter value that is out of range or malformed. */
        BAD_PARAMETER,
        /** A {@code ${name}} or override naming no declared parameter. */
        UNKNOWN_PARAMETER,
        /** A name in an expression that is neither a declared indicator nor a price field. */
        UNKNOWN_REFERENCE,
        /** A value that is well-typed but not allowed (an unknown timeframe, a bad instrument, ...). */
        INVALID_VALUE
    }

    /** {@code source:line:column: message}, or {@code source: message} without a place. */
    @Override
    public String toString() {
        if (line == 0) {
            return source + ": " + message;
        }
        return source + ":" + line + ":" + column + ": " + message;
    }
}
