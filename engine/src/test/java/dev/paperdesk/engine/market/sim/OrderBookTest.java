package dev.paperdesk.engine.market.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBookTest {
    private static final Instrument SOL = new Instrument.CryptoSpot(
            InstrumentId.parse("SOL-USDT@binance"),
            new Currency("SOL"),
            Currency.USDT,
            new BigDecimal("0.01"),
            new BigDecimal("0.001"));

    private final RandomStream random = new RandomStream(1, "book");

    private OrderBook book() {
        OrderBook book = new OrderBook(SOL, 20, 2, 100);
        book.rebuild(15_000, 15_004, random);
        return book;
    }

    @Test
    void levelsSitOnTheGridBestFirst() {
        OrderBook book = book();
        assertThat(book.bidPriceTicks(0)).isEqualTo(15_000);
        assertThat(book.bidPriceTicks(19)).isEqualTo(15_000 - 38);
        assertThat(book.askPriceTicks(1)).isEqualTo(15_006);
        assertThat(book.price(book.askPriceTicks(0))).isEqualByComparingTo("150.04");
        for (int i = 0; i < 20; i++) {
            assertThat(book.bidLots(i)).isBetween(1L, (long) (1.5 * 100 * (1 + 0.12 * i)));
        }
    }

    @Test
    void consumedLevelsRefillTowardsTheirDepth() {
        OrderBook book = book();
        long first = book.askLots(0) + book.askLots(1);
        List<long[]> taken = new ArrayList<>();
        assertThat(book.consumeLots(Side.BUY, first, (p, q) -> taken.add(new long[] {p, q})))
                .isEqualTo(first);
        assertThat(taken).extracting(t -> t[0]).containsExactly(15_004L, 15_006L);
        assertThat(book.askLots(0)).isZero();
        assertThat(book.bestAskLevel()).isEqualTo(2);
        book.replenish(0.1, random);
        assertThat(book.askLots(0)).isPositive();
        for (int k = 0; k < 60; k++) {
            book.replenish(0.1, random);
        }
        // 1 - 0.9^61 of the way back, unless the level was re-quoted at 0.5-1.5× its depth.
        assertThat(book.askLots(0)).isGreaterThanOrEqualTo(50);
        assertThat(book.askLots(1)).isGreaterThanOrEqualTo(56);
        assertThat(book.bestAskLevel()).isZero();
    }

    @Test
    void recenteringKeepsSurvivingLevels() {
        OrderBook book = book();
        long bidAt14996 = book.bidLots(2);
        long askAt15008 = book.askLots(2);
        book.recenter(14_998, 15_002, random);
        assertThat(book.bidPriceTicks(1)).isEqualTo(14_996);
        assertThat(book.bidLots(1)).isEqualTo(bidAt14996);
        assertThat(book.askPriceTicks(3)).isEqualTo(15_008);
        assertThat(book.askLots(3)).isEqualTo(askAt15008);
        book.close();
        assertThat(book.isLive()).isFalse();
        assertThat(book.bestBidLevel()).isEqualTo(-1);
        assertThat(book.topOfBook(java.time.Instant.EPOCH)).isNull();
        assertThat(book.depthLots(Side.SELL)).isZero();
    }
}
