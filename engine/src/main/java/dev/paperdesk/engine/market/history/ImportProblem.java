package dev.paperdesk.engine.market.history;

import java.util.Objects;

/**
 * One thing wrong with an input file, located like a compiler message: {@code file:line:column:
 * what}. Lines count from 1 and include the header; the column is the 1-based field number.
 */
public record ImportProblem(String file, long line, int column, String message) {
    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1: " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
