package dev.paperdesk.engine.execution.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TickBookTest {
    private static DepletingBook market() {
        DepletingBook b = new DepletingBook(1_000_000_000L);
        b.update(new long[] {99, 98}, new long[] {10, 20}, new long[] {101, 102}, new long[] {5, 5});
        return b;
    }

    private final FillBuffer out = new FillBuffer();
    private final TickBook book = new TickBook(TickBook.shareOfDepth(0.2));

    @Test
    void marketableOrdersTakeFirstThenRest() {
        long rested = book.submit(1, true, 101, 8, 0, market(), out);
        assertThat(book.lastTaken()).isEqualTo(5);
        assertThat(rested).isEqualTo(3);
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.priceTicks(0)).isEqualTo(101);
        assertThat(out.maker(0)).isFalse();
        assertThat(book.restingLots(1)).isEqualTo(3);
        assertThat(book.restingPrice(1)).isEqualTo(101);
        assertThat(book.bestBid()).isEqualTo(101);
    }

    @Test
    void marketAndIocOrdersNeverRest() {
        assertThat(book.submit(1, true, Liquidity.MARKET_BUY, 20, 0, market(), out))
                .isZero();
        assertThat(book.lastTaken()).isEqualTo(10);
        assertThat(book.submit(2, false, 99, 30, TickBook.IOC, market(), out)).isZero();
        assertThat(book.lastTaken()).isEqualTo(10);
        assertThat(book.size()).isZero();
    }

    @Test
    void postOnlyAndFillOrKillAreRefusedBeforeAnythingIsTaken() {
        DepletingBook m = market();
        assertThat(book.submit(1, true, 101, 1, TickBook.POST_ONLY, m, out)).isEqualTo(TickBook.REJECT_POST_ONLY);
        assertThat(book.submit(2, true, 102, 11, TickBook.FOK, m, out)).isEqualTo(TickBook.REJECT_FOK);
        assertThat(out.size()).isZero();
        assertThat(m.depthLots(true)).isEqualTo(10);
        assertThat(book.submit(3, true, 100, 1, TickBook.POST_ONLY, m, out)).isEqualTo(1);
        assertThat(book.submit(3, true, 100, 1, 0, m, out)).isEqualTo(TickBook.REJECT_DUPLICATE);
    }

    @Test
    void queueTurnComesAfterTheThresholdOfTradedVolume() {
        book.submit(1, true, 98, 5, 0, market(), out); // found 20 lots: threshold 4
        assertThat(book.queueThreshold(1)).isEqualTo(4);
        out.clear();
        book.onTrade(98, 3, false, out);
        assertThat(out.size()).isZero();
        book.onTrade(98, 3, false, out);
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.lots(0)).isEqualTo(2);
        assertThat(out.through(0)).isFalse();
        assertThat(book.fillResting(1, 2, true)).isEqualTo(2);
        out.clear();
        book.onTrade(98, 1, false, out);
        assertThat(out.lots(0)).isEqualTo(1);
        assertThat(book.tradedSinceJoin(1)).isEqualTo(7);
    }

    @Test
    void tradesAndQuotesThroughThePriceCollectTheWholeOrder() {
        book.submit(1, true, 98, 5, 0, market(), out);
        book.submit(2, false, 103, 4, 0, market(), out);
        out.clear();
        book.onTrade(97, 1, false, out);
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.orderId(0)).isEqualTo(1);
        assertThat(out.lots(0)).isEqualTo(5);
        assertThat(out.through(0)).isTrue();
        out.clear();
        book.onTouch(104, 105, out); // the sell at 103 is below the bid
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.orderId(0)).isEqualTo(2);
        out.clear();
        book.onTouch(95, 97, out); // the buy at 98 is above the ask
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.orderId(0)).isEqualTo(1);
        out.clear();
        book.onTouch(97, 99, out);
        assertThat(out.size()).isZero();
    }

    @Test
    void collectedFillsOfACancelledOrderApplyToNothing() {
        book.submit(1, true, 98, 5, 0, market(), out);
        out.clear();
        book.onTrade(90, 1, false, out);
        assertThat(book.cancel(1)).isEqualTo(5);
        assertThat(book.fillResting(1, 5, false)).isZero();
        assertThat(book.cancel(1)).isZero();
    }

    @Test
    void amendKeepsThePlaceWhenShrinkingAndLosesItOtherwise() {
        DepletingBook m = market();
        book.submit(1, true, 98, 5, 0, m, out);
        book.onTrade(98, 3, false, out);
        assertThat(book.amend(1, 98, 4, m)).isTrue();
        assertThat(book.tradedSinceJoin(1)).isEqualTo(3);
        assertThat(book.amend(1, 98, 6, m)).isTrue();
        assertThat(book.tradedSinceJoin(1)).isZero();
        assertThat(book.amend(1, 97, 6, m)).isTrue();
        assertThat(book.restingPrice(1)).isEqualTo(97);
        assertThat(book.amend(2, 97, 1, m)).isFalse();
        assertThatThrownBy(() -> book.amend(1, 97, 0, m)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void throughOnlyQueuesNeverFillOnVolume() {
        TickBook strict = new TickBook(TickBook.throughOnly());
        strict.submit(1, false, 103, 2, 0, market(), out);
        out.clear();
        strict.onTrade(103, 1000, true, out);
        assertThat(out.size()).isZero();
        strict.onTrade(104, 1, true, out);
        assertThat(out.size()).isEqualTo(1);
    }

    @Test
    void priceTimePriorityAcrossManyLevelsAndSlotsAreReused() {
        for (int i = 1; i <= 200; i++) {
            book.submit(i, i % 2 == 0, i % 2 == 0 ? 90 - (i % 7) : 110 + (i % 5), 1, 0, market(), out);
        }
        assertThat(book.size()).isEqualTo(200);
        assertThat(book.bestBid()).isEqualTo(90);
        assertThat(book.bestAsk()).isEqualTo(110);
        for (int i = 1; i <= 200; i += 3) {
            book.cancel(i);
        }
        for (int i = 201; i <= 260; i++) {
            book.submit(i, true, 80, 1, 0, market(), out);
        }
        assertThat(book.size()).isEqualTo(200 - 67 + 60);
        out.clear();
        book.onTouch(Liquidity.MARKET_SELL, 79, out);
        assertThat(out.size()).isEqualTo(book.size() - countSells());
    }

    private int countSells() {
        int n = 0;
        for (int i = 1; i <= 200; i++) {
            if (i % 2 == 1 && book.isResting(i)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void invalidInputsAreBugs() {
        assertThatThrownBy(() -> book.submit(1, true, 1, 0, 0, market(), out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TickBook.shareOfDepth(-0.1)).isInstanceOf(IllegalArgumentException.class);
        book.rest(5, true, 90, 1, 0, 0);
        assertThatThrownBy(() -> book.rest(5, true, 90, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.restingPrice(6)).isInstanceOf(IllegalArgumentException.class);
    }
}
