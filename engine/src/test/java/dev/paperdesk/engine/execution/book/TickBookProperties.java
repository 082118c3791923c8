package dev.paperdesk.engine.execution.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the matching core over random books and order flows: fills never exceed what was
 * asked, limits are respected, post-only never takes, and a queue fill only comes once the traded
 * volume at its price reached the threshold of the depth it found (or the price went through it).
 */
class TickBookProperties {
    record Op(int kind, boolean buy, int offset, int lots, int flags) {}

    @Provide
    Arbitrary<List<Op>> flows() {
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(-6, 6),
                        Arbitraries.integers().between(1, 30),
                        Arbitraries.of(0, TickBook.POST_ONLY, TickBook.IOC, TickBook.FOK, TickBook.ALL_OR_NONE))
                .as(Op::new);
        return op.list().ofMaxSize(150);
    }

    @Property(tries = 300)
    void invariantsHoldForAnyFlow(
            @ForAll("flows") List<Op> flow,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 100) int sharePercent,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 40) int depth) {
        double share = sharePercent / 100.0;
        DepletingBook market = new DepletingBook(1_000_000_000L);
        long mid = 1000;
        market.update(
                new long[] {mid - 1, mid - 2, mid - 3},
                new long[] {depth, depth * 2L, depth * 3L},
                new long[] {mid + 1, mid + 2, mid + 3},
                new long[] {depth, depth * 2L, depth * 3L});
        TickBook book = new TickBook(TickBook.shareOfDepth(share));
        FillBuffer out = new FillBuffer();
        Map<Long, long[]> orders = new HashMap<>(); // id -> {lots, filled, limit, buy, flags, depthFound}
        Map<Long, Long> tradedAt = new HashMap<>(); // id -> volume at its price since it joined
        long id = 0;
        long time = 0;
        for (Op op : flow) {
            time += 100_000_000L;
            market.advanceTo(time);
            out.clear();
            switch (op.kind()) {
                case 0, 1 -> {
                    id++;
                    long limit = op.kind() == 0
                            ? mid + op.offset()
                            : (op.buy() ? Liquidity.MARKET_BUY : Liquidity.MARKET_SELL);
                    long found = op.kind() == 0 ? market.restingAt(op.buy(), limit) : 0;
                    long rested = book.submit(id, op.buy(), limit, op.lots(), op.flags(), market, out);
                    long taken = rested < 0 ? 0 : book.lastTaken();
                    assertThat(taken).isEqualTo(out.totalLots()).isLessThanOrEqualTo(op.lots());
                    for (int i = 0; i < out.size(); i++) {
                        assertThat(out.maker(i)).isFalse();
                        if (op.buy()) {
                            assertThat(out.priceTicks(i)).isLessThanOrEqualTo(limit);
                        } else {
                            assertThat(out.priceTicks(i)).isGreaterThanOrEqualTo(limit);
                        }
                    }
                    if ((op.flags() & TickBook.POST_ONLY) != 0) {
                        assertThat(taken).isZero();
                    }
                    if ((op.flags() & TickBook.FOK) != 0) {
                        assertThat(taken == 0 || taken == op.lots()).isTrue();
                        assertThat(book.isResting(id)).isFalse();
                    }
                    if ((op.flags() & TickBook.IOC) != 0 || op.kind() == 1) {
                        assertThat(book.isResting(id)).isFalse();
                    }
                    if (rested > 0) {
                        orders.put(id, new long[] {op.lots(), taken, limit, op.buy() ? 1 : 0, op.flags(), found});
                        tradedAt.put(id, 0L);
                    }
                }
                case 2 -> {
                    long victim = 1 + Math.abs(op.offset() * 31L + op.lots()) % Math.max(1, id);
                    book.cancel(victim);
                    orders.remove(victim);
                }
                case 3, 4 -> {
                    long price = mid + op.offset();
                    boolean buyAggressor = op.buy();
                    for (Map.Entry<Long, long[]> e : orders.entrySet()) {
                        long[] o = e.getValue();
                        boolean restingBuy = o[3] == 1;
                        if (restingBuy != buyAggressor && o[2] == price) {
                            tradedAt.merge(e.getKey(), (long) op.lots(), Long::sum);
                        }
                    }
                    book.onTrade(price, op.lots(), buyAggressor, out);
                    applyAndCheck(book, out, orders, tradedAt, share);
                }
                default -> {
                    long bid = mid + op.offset() - 1;
                    book.onTouch(bid, bid + 2, out);
                    applyAndCheck(book, out, orders, tradedAt, share);
                }
            }
        }
    }

    private static void applyAndCheck(
            TickBook book, FillBuffer out, Map<Long, long[]> orders, Map<Long, Long> tradedAt, double share) {
        for (int i = 0; i < out.size(); i++) {
            long oid = out.orderId(i);
            long[] o = orders.get(oid);
            if (o == null) {
                continue;
            }
            assertThat(out.maker(i)).isTrue();
            boolean buy = o[3] == 1;
            if (buy) {
                assertThat(out.priceTicks(i)).isLessThanOrEqualTo(o[2]);
            } else {
                assertThat(out.priceTicks(i)).isGreaterThanOrEqualTo(o[2]);
            }
            long before = book.restingLots(oid);
            long q = book.fillResting(oid, out.lots(i), !out.through(i));
            assertThat(q).isLessThanOrEqualTo(before);
            if (!out.through(i)) {
                // Queue fill: the traded volume at its price reached the threshold of the depth it found.
                long threshold = (long) Math.ceil(share * o[5]);
                assertThat(tradedAt.get(oid)).isGreaterThanOrEqualTo(threshold + q);
            }
            if ((o[4] & TickBook.ALL_OR_NONE) != 0) {
                assertThat(q).isEqualTo(before);
            }
            o[1] += q;
            assertThat(o[1]).isLessThanOrEqualTo(o[0]);
            if (!book.isResting(oid)) {
                orders.remove(oid);
            }
        }
    }
}
