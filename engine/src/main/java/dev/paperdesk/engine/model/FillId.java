package dev.paperdesk.engine.model;

/** Identifies a fill (an execution) within a workspace. */
public record FillId(long value) {
    public FillId {
        if (value <= 0) {
            throw new IllegalArgumentException("fill id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return "F" + value;
    }
}
