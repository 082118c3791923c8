package dev.paperdesk.engine.arbitrage;

import java.time.Instant;
import java.util.Objects;

/**
 * One logged decision: an entry, a rejection (with the failed constraint), an exit, a leg-out or a
 * venue latency violation.
 *
 * @param subject the symbol and venue pair, or the venue for latency decisions
 * @param reason a stable key: a {@link RejectReason#key()}, an exit reason, {@code leg_out}, ...
 * @param detail words for the log
 */
public record Decision(Instant time, DecisionKind kind, String subject, String reason, String detail) {
    public Decision {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
