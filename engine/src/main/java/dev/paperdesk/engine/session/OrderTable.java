package dev.paperdesk.engine.session;

import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every order of a session by id, written by the engine thread and read from any thread, listed in id
 * order.
 *
 * <p>The engine numbers orders 1, 2, 3… , so an order's slot is its id: chunks of 4,096 slots, made
 * as the ids reach them. Storing an order is an array write, where a sorted concurrent map walked
 * its index levels on each of the hundreds of thousands of orders a busy session places. Ids from
 * 2³¹ on (never assigned in practice) are kept in a sorted map after the slots, so the listing stays
 * in id order.
 *
 * <p>One writer: {@link #put} must only be called from one thread at a time (the engine's). Readers
 * see each order as fully built (release/acquire on the slot) and a listing that is weakly
 * consistent, like a concurrent map's: orders stored while it is made may or may not be in it.
 */
final class OrderTable {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    /** Ids from here on go to {@link #beyond}. */
    static final long DENSE_LIMIT = 1L << 31;

    @SuppressWarnings("unchecked")
    private volatile AtomicReferenceArray<Order>[] chunks = new AtomicReferenceArray[0];

    private final ConcurrentSkipListMap<OrderId, Order> beyond = new ConcurrentSkipListMap<>();

    /** Stores {@code order} under its id, replacing the order stored there; one writer thread. */
    void put(Order order) {
        long v = order.id().value();
        if (v >= DENSE_LIMIT) {
            beyond.put(order.id(), order);
            return;
        }
        int c = (int) (v >>> CHUNK_BITS);
        AtomicReferenceArray<Order>[] dir = chunks;
        AtomicReferenceArray<Order> chunk = c < dir.length ? dir[c] : null;
        if (chunk == null) {
            if (c >= dir.length) {
                dir = Arrays.copyOf(dir, Math.max(c + 1, dir.length * 2));
            }
            chunk = new AtomicReferenceArray<>(CHUNK);
            dir[c] = chunk;
            chunks = dir; // publishes the new chunk (and directory) to readers
        }
        chunk.setRelease((int) (v & MASK), order);
    }

    /** The order stored under {@code id}, or {@code null}. */
    Order get(OrderId id) {
        long v = id.value();
        if (v >= DENSE_LIMIT) {
            return beyond.get(id);
        }
        AtomicReferenceArray<Order>[] dir = chunks;
        int c = (int) (v >>> CHUNK_BITS);
        if (c >= dir.length) {
            return null;
        }
        AtomicReferenceArray<Order> chunk = dir[c];
        return chunk == null ? null : chunk.getAcquire((int) (v & MASK));
    }

    /** Every stored order in id order (a new list). */
    List<Order> values() {
        AtomicReferenceArray<Order>[] dir = chunks;
        List<Order> out = new ArrayList<>();
        for (AtomicReferenceArray<Order> chunk : dir) {
            if (chunk != null) {
                for (int i = 0; i < CHUNK; i++) {
                    Order o = chunk.getAcquire(i);
                    if (o != null) {
                        out.add(o);
                    }
                }
            }
        }
        out.addAll(beyond.values());
        return out;
    }
}
