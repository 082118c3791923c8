package dev.paperdesk.engine.execution.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepletingBookTest {
    private static final long SECOND = 1_000_000_000L;

    private static DepletingBook book() {
        DepletingBook b = new DepletingBook(2 * SECOND);
        b.update(new long[] {99, 98}, new long[] {5, 10}, new long[] {101, 102, 105}, new long[] {2, 3, 5});
        return b;
    }

    private static List<String> take(DepletingBook b, boolean buy, long limit, long lots) {
        List<String> out = new ArrayList<>();
        b.take(buy, limit, lots, (p, q) -> out.add(p + "x" + q));
        return out;
    }

    @Test
    void walksLevelsUpToTheLimitAndRemembersWhatWasTaken() {
        DepletingBook b = book();
        assertThat(take(b, true, 102, 10)).containsExactly("101x2", "102x3");
        assertThat(b.touch(true)).isEqualTo(105);
        assertThat(b.touchLots(true)).isEqualTo(5);
        assertThat(b.depthLots(true)).isEqualTo(5);
        assertThat(take(b, false, Liquidity.MARKET_SELL, 6)).containsExactly("99x5", "98x1");
        assertThat(b.restingAt(true, 98)).isEqualTo(9);
    }

    @Test
    void takenLiquidityComesBackWithTheHalfLife() {
        DepletingBook b = book();
        take(b, true, Liquidity.MARKET_BUY, 2);
        assertThat(b.touch(true)).isEqualTo(102);
        b.advanceTo(2 * SECOND);
        assertThat(b.touchLots(true)).isEqualTo(1); // half of the 2 lots came back
        b.advanceTo(30 * SECOND);
        assertThat(b.touch(true)).isEqualTo(101);
        assertThat(b.touchLots(true)).isEqualTo(2);
    }

    @Test
    void peekLeavesTheBookAsItIs() {
        DepletingBook b = book();
        assertThat(b.peek(true, Liquidity.MARKET_BUY, 4, LevelSink.NONE)).isEqualTo(4);
        assertThat(b.available(true, 101, 100)).isEqualTo(2);
        assertThat(b.touchLots(true)).isEqualTo(2);
    }

    @Test
    void aFresherQuoteReplacesTheLevelsItHasMovedPast() {
        DepletingBook b = book();
        b.mergeTop(97, 4, 100, 1);
        assertThat(b.touch(false)).isEqualTo(97);
        assertThat(b.touchLots(false)).isEqualTo(4);
        assertThat(b.depthLots(false)).isEqualTo(4);
        assertThat(take(b, true, Liquidity.MARKET_BUY, 4)).containsExactly("100x1", "101x2", "102x1");
        b.mergeTop(103, 7, 104, 1);
        assertThat(take(b, false, Liquidity.MARKET_SELL, 8)).containsExactly("103x7", "97x1");
    }

    @Test
    void anEmptyBookOffersNothing() {
        DepletingBook b = new DepletingBook(SECOND);
        assertThat(b.touch(true)).isEqualTo(Liquidity.MARKET_BUY);
        assertThat(b.touch(false)).isEqualTo(Liquidity.MARKET_SELL);
        assertThat(b.take(true, Liquidity.MARKET_BUY, 5, LevelSink.NONE)).isZero();
        b.updateTop(10, 1, 11, 1);
        b.clear();
        assertThat(b.depthLots(true)).isZero();
    }
}
