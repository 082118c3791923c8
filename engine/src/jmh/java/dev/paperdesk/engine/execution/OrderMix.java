package dev.paperdesk.engine.execution;

import java.util.SplittableRandom;

/**
 * One seeded order mix shared by the benchmarks so Paperdesk's core and exchange-core see the same
 * operations: 50 % limit orders (random side, price within ±10 ticks of the mid, 1–10 lots), 20 %
 * market orders (1–10 lots), 30 % cancels of a recent limit order. Prices in ticks around 10,000.
 */
final class OrderMix {
    static final int SIZE = 1 << 16;
    static final int MASK = SIZE - 1;
    static final long MID = 10_000;
    static final byte LIMIT = 0;
    static final byte MARKET = 1;
    static final byte CANCEL = 2;

    final byte[] kind = new byte[SIZE];
    final boolean[] buy = new boolean[SIZE];
    final long[] price = new long[SIZE];
    final long[] lots = new long[SIZE];
    /** For cancels: the index of the op whose order is cancelled (a recent limit). */
    final int[] target = new int[SIZE];

    OrderMix(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int lastLimit = -1;
        for (int i = 0; i < SIZE; i++) {
            int dice = r.nextInt(10);
            buy[i] = r.nextBoolean();
            lots[i] = 1 + r.nextInt(10);
            if (dice < 5 || lastLimit < 0) {
                kind[i] = LIMIT;
                price[i] = MID + r.nextInt(-10, 11);
                lastLimit = i;
            } else if (dice < 7) {
                kind[i] = MARKET;
            } else {
                kind[i] = CANCEL;
                target[i] = Math.max(0, i - r.nextInt(1, 64));
            }
        }
    }

    /** The order id of op {@code i} in round {@code round} (ids never repeat across rounds). */
    static long orderId(long round, int i) {
        return round * SIZE + i + 1;
    }
}
