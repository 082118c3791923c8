package dev.paperdesk.engine.execution;

import dev.paperdesk.engine.execution.book.DepletingBook;
import dev.paperdesk.engine.execution.book.FillBuffer;
import dev.paperdesk.engine.execution.book.Liquidity;
import dev.paperdesk.engine.execution.book.TickBook;
import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.IOrderBook;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Order submit + match operations on one core, the same seeded mix (limit / market / cancel) for
 * Paperdesk's primitive {@link TickBook} against a simulated book and for exchange-core's {@link
 * OrderBookDirectImpl}. One benchmark invocation is one operation; run in throughput mode for
 * operations per second and in sample-time mode for the latency distribution (p99).
 *
 * <p>Market refresh, part of both loops: every 64 operations Paperdesk's simulated book republishes
 * its 20 levels a side (the feed's snapshot; depletion by our own orders fades with a 1 ms
 * half-life on a clock of 1 µs per operation), and exchange-core gets two maker orders of 25 lots
 * at the 20 levels in turn, so neither book runs dry.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class MatchingBenchmark {
    private static final int LEVELS = 20;
    private static final long LEVEL_LOTS = 50;

    private OrderMix mix;
    private int i;
    private long round;

    // Paperdesk
    private TickBook book;
    private DepletingBook market;
    private FillBuffer out;
    private long[] bidPrices;
    private long[] askPrices;
    private long[] levelLots;
    private long clock;

    // exchange-core
    private IOrderBook peer;
    private OrderCommand cmd;
    private long makerId;

    @Setup(Level.Trial)
    public void setUp() {
        mix = new OrderMix(42);
        book = new TickBook(TickBook.shareOfDepth(0.2), 1 << 16);
        market = new DepletingBook(1_000_000L);
        out = new FillBuffer();
        bidPrices = new long[LEVELS];
        askPrices = new long[LEVELS];
        levelLots = new long[LEVELS];
        for (int k = 0; k < LEVELS; k++) {
            bidPrices[k] = OrderMix.MID - 1 - k;
            askPrices[k] = OrderMix.MID + 1 + k;
            levelLots[k] = LEVEL_LOTS;
        }
        market.update(bidPrices, levelLots, askPrices, levelLots);

        CoreSymbolSpecification spec = CoreSymbolSpecification.builder()
                .symbolId(1)
                .type(SymbolType.CURRENCY_EXCHANGE_PAIR)
                .baseCurrency(1)
                .quoteCurrency(2)
                .baseScaleK(1)
                .quoteScaleK(1)
                .takerFee(0)
                .makerFee(0)
                .build();
        peer = new OrderBookDirectImpl(
                spec,
                ObjectsPool.createDefaultTestPool(),
                OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER,
                LoggingConfiguration.DEFAULT);
        cmd = new OrderCommand();
        makerId = Long.MAX_VALUE / 2;
        for (int k = 0; k < LEVELS; k++) {
            peerPlace(++makerId, 2, OrderType.GTC, bidPrices[k], LEVEL_LOTS, OrderAction.BID);
            peerPlace(++makerId, 2, OrderType.GTC, askPrices[k], LEVEL_LOTS, OrderAction.ASK);
        }
    }

    private int next() {
        int k = i;
        i = (i + 1) & OrderMix.MASK;
        if (i == 0) {
            round++;
        }
        return k;
    }

    @Benchmark
    public long paperdesk() {
        int k = next();
        clock += 1_000;
        if ((k & 63) == 0) {
            market.update(bidPrices, levelLots, askPrices, levelLots);
        }
        market.advanceTo(clock);
        out.clear();
        long id = OrderMix.orderId(round, k);
        return switch (mix.kind[k]) {
            case OrderMix.LIMIT -> book.submit(id, mix.buy[k], mix.price[k], mix.lots[k], 0, market, out);
            case OrderMix.MARKET -> book.submit(
                    id,
                    mix.buy[k],
                    mix.buy[k] ? Liquidity.MARKET_BUY : Liquidity.MARKET_SELL,
                    mix.lots[k],
                    0,
                    market,
                    out);
            default -> book.cancel(OrderMix.orderId(round, mix.target[k]));
        };
    }

    @Benchmark
    public long exchangeCore() {
        int k = next();
        if ((k & 63) == 0) {
            int level = (int) ((k >>> 6) % LEVELS);
            peerPlace(++makerId, 2, OrderType.GTC, bidPrices[level], LEVEL_LOTS / 2, OrderAction.BID);
            peerPlace(++makerId, 2, OrderType.GTC, askPrices[level], LEVEL_LOTS / 2, OrderAction.ASK);
        }
        long id = OrderMix.orderId(round, k);
        OrderAction action = mix.buy[k] ? OrderAction.BID : OrderAction.ASK;
        return switch (mix.kind[k]) {
            case OrderMix.LIMIT -> peerPlace(id, 1, OrderType.GTC, mix.price[k], mix.lots[k], action);
            case OrderMix.MARKET -> peerPlace(id, 1, OrderType.IOC, mix.buy[k] ? 1_000_000 : 1, mix.lots[k], action);
            default -> {
                cmd.command = OrderCommandType.CANCEL_ORDER;
                cmd.orderId = OrderMix.orderId(round, mix.target[k]);
                cmd.uid = 1;
                cmd.matcherEvent = null;
                yield peer.cancelOrder(cmd).getCode();
            }
        };
    }

    private long peerPlace(long id, long uid, OrderType type, long price, long size, OrderAction action) {
        cmd.command = OrderCommandType.PLACE_ORDER;
        cmd.orderId = id;
        cmd.uid = uid;
        cmd.price = price;
        cmd.reserveBidPrice = action == OrderAction.BID ? 1_000_000 : 0;
        cmd.size = size;
        cmd.action = action;
        cmd.orderType = type;
        cmd.matcherEvent = null;
        peer.newOrder(cmd);
        return cmd.matcherEvent == null ? 0 : cmd.matcherEvent.size;
    }
}
