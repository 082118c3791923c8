package dev.paperdesk.engine.execution.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.clock.SimulatedClock;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.sim.OrderBook;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatorAndTouchLiquidityTest {
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT@binance");

    private static OrderBook liveBook() {
        EventLoop loop = new EventLoop(new SimulatedClock(Instant.parse("2026-03-02T15:00:00Z")));
        SimulatedMarket market = SimulatedMarket.defaultMarket(5, Set.of("BTC-USDT@binance"));
        MarketDataSink sink = (Quote q) -> {};
        loop.execute(() -> market.start(loop, sink));
        loop.runUntil(loop.nowNanos() + 2_000_000_000L);
        return market.book(BTC).orElseThrow();
    }

    @Test
    void theSimulatorsBookIsWalkedUpToTheLimitAndKeepsTheHole() {
        OrderBook book = liveBook();
        SimulatorLiquidity liquidity = new SimulatorLiquidity(book);
        assertThat(liquidity.book()).isSameAs(book);
        int best = book.bestAskLevel();
        long touch = book.askPriceTicks(best);
        assertThat(liquidity.touch(true)).isEqualTo(touch);
        assertThat(liquidity.touchLots(true)).isEqualTo(book.askLots(best));
        assertThat(liquidity.touch(false)).isEqualTo(book.bidPriceTicks(book.bestBidLevel()));
        assertThat(liquidity.depthLots(true)).isEqualTo(book.depthLots(dev.paperdesk.engine.model.Side.BUY));
        assertThat(liquidity.restingAt(true, book.bidPriceTicks(0))).isEqualTo(book.bidLots(0));
        assertThat(liquidity.restingAt(true, touch)).isZero();

        long atTouch = book.askLots(best);
        assertThat(liquidity.available(true, touch, Long.MAX_VALUE)).isEqualTo(atTouch);
        assertThat(liquidity.available(true, touch - 1, 10)).isZero();
        List<long[]> levels = new ArrayList<>();
        long taken = liquidity.take(true, touch, atTouch + 1000, (p, q) -> levels.add(new long[] {p, q}));
        assertThat(taken).isEqualTo(atTouch);
        assertThat(levels).singleElement().satisfies(l -> assertThat(l[0]).isEqualTo(touch));
        assertThat(book.askLots(best)).isZero();
        assertThat(liquidity.touch(true)).isGreaterThan(touch);
        long deep = liquidity.take(true, Liquidity.MARKET_BUY, 3, LevelSink.NONE);
        assertThat(deep).isEqualTo(3);
        assertThat(liquidity.take(true, 1, 5, LevelSink.NONE)).isZero();
        long sold = liquidity.take(false, Liquidity.MARKET_SELL, 2, LevelSink.NONE);
        assertThat(sold).isEqualTo(2);
    }

    @Test
    void theTouchFillsEverythingAtTheBestPriceAndDepletesTheDisplayedSize() {
        DepletingBook book = new DepletingBook(1_000_000_000L);
        book.update(new long[] {99}, new long[] {5}, new long[] {101, 102}, new long[] {4, 10});
        TouchLiquidity touch = new TouchLiquidity(book);
        List<long[]> levels = new ArrayList<>();
        assertThat(touch.peek(true, Liquidity.MARKET_BUY, 50, (p, q) -> levels.add(new long[] {p, q})))
                .isEqualTo(50);
        assertThat(levels).singleElement().satisfies(l -> assertThat(l).containsExactly(101, 50));
        assertThat(book.touchLots(true)).isEqualTo(4);
        assertThat(touch.take(true, 101, 3, LevelSink.NONE)).isEqualTo(3);
        assertThat(touch.touchLots(true)).isEqualTo(1);
        assertThat(touch.depthLots(true)).isEqualTo(11);
        assertThat(touch.take(true, 100, 3, LevelSink.NONE)).isZero();
        assertThat(touch.take(false, 100, 3, LevelSink.NONE)).isZero();
        assertThat(touch.take(false, 99, 30, LevelSink.NONE)).isEqualTo(30);
        assertThat(touch.restingAt(false, 101)).isEqualTo(1);
        assertThat(touch.touch(false)).isEqualTo(Liquidity.MARKET_SELL);
        assertThat(touch.take(false, Liquidity.MARKET_SELL, 1, LevelSink.NONE)).isZero();
        assertThat(Liquidity.crosses(touch, true, 101)).isTrue();
        assertThat(Liquidity.crosses(touch, true, 100)).isFalse();
        assertThat(Liquidity.crosses(touch, false, 1)).isFalse();
        assertThat(Liquidity.NONE.take(true, 1, 1, LevelSink.NONE)).isZero();
        assertThat(Liquidity.NONE.touch(true)).isEqualTo(Liquidity.MARKET_BUY);
        assertThat(Liquidity.NONE.touch(false)).isEqualTo(Liquidity.MARKET_SELL);
        assertThat(Liquidity.NONE.depthLots(true) + Liquidity.NONE.touchLots(false) + Liquidity.NONE.restingAt(true, 1))
                .isZero();
    }
}
