package dev.paperdesk.engine.store;

import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderStatus;
import java.time.Instant;

/** One row of the append-only order journal. */
public record JournalEntry(
        long sequence, OrderId orderId, Instant timestamp, String kind, OrderStatus status, String reason) {}
