package dev.paperdesk.engine.model;

import java.util.Objects;

/** A rejection is a value: a reason code and a human-readable message naming the numbers involved. */
public record Rejection(RejectReason reason, String message) {
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return reason + ": " + message;
    }
}
