package dev.paperdesk.engine.execution.book;

/**
 * Fills produced by one operation of a {@link TickBook}, in primitive arrays reused between
 * operations. The caller reads them after the operation returns, so handling a fill (cancelling an
 * OCO sibling, activating bracket children) never re-enters the book mid-walk.
 */
public final class FillBuffer {
    private long[] orderIds = new long[16];
    private long[] prices = new long[16];
    private long[] lots = new long[16];
    private boolean[] maker = new boolean[16];
    private boolean[] throughs = new boolean[16];
    private int size;

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public long orderId(int i) {
        return orderIds[i];
    }

    public long priceTicks(int i) {
        return prices[i];
    }

    public long lots(int i) {
        return lots[i];
    }

    /** Whether fill {@code i} added liquidity (a resting order) or took it. */
    public boolean maker(int i) {
        return maker[i];
    }

    /** For resting fills: whether the price traded through the order (rather than its queue turn coming). */
    public boolean through(int i) {
        return throughs[i];
    }

    /** Total lots of all fills. */
    public long totalLots() {
        long t = 0;
        for (int i = 0; i < size; i++) {
            t += lots[i];
        }
        return t;
    }

    void add(long orderId, long priceTicks, long qty, boolean isMaker, boolean isThrough) {
        if (size == orderIds.length) {
            int n = size * 2;
            orderIds = java.util.Arrays.copyOf(orderIds, n);
            prices = java.util.Arrays.copyOf(prices, n);
            lots = java.util.Arrays.copyOf(lots, n);
            maker = java.util.Arrays.copyOf(maker, n);
            throughs = java.util.Arrays.copyOf(throughs, n);
        }
        orderIds[size] = orderId;
        prices[size] = priceTicks;
        lots[size] = qty;
        maker[size] = isMaker;
        throughs[size] = isThrough;
        size++;
    }
}
