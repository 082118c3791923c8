package dev.paperdesk.engine.strategy.api;

import java.time.Instant;
import java.util.Objects;

/** A timer firing: the name it was scheduled under and the engine time it was due. */
public record TimerEvent(String name, Instant dueAt) {
    public TimerEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
