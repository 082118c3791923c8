package dev.paperdesk.engine.execution.book;

import dev.paperdesk.engine.market.sim.OrderBook;
import dev.paperdesk.engine.model.Side;

/**
 * The simulator's live {@link OrderBook} as liquidity: taking consumes its levels through {@link
 * OrderBook#consumeLots}, so the hole stays in the market until the simulator refills it and the
 * public tape and quotes reflect the paper order's impact.
 */
public final class SimulatorLiquidity implements Liquidity {
    private final OrderBook book;

    public SimulatorLiquidity(OrderBook book) {
        this.book = book;
    }

    public OrderBook book() {
        return book;
    }

    private long price(boolean buy, int level) {
        return buy ? book.askPriceTicks(level) : book.bidPriceTicks(level);
    }

    private long lotsAt(boolean buy, int level) {
        return buy ? book.askLots(level) : book.bidLots(level);
    }

    @Override
    public long peek(boolean buy, long limitTicks, long lots, LevelSink sink) {
        if (!book.isLive()) {
            return 0;
        }
        long left = lots;
        for (int i = 0; i < book.levels() && left > 0; i++) {
            long px = price(buy, i);
            if (buy ? px > limitTicks : px < limitTicks) {
                break;
            }
            long avail = lotsAt(buy, i);
            if (avail == 0) {
                continue;
            }
            long q = Math.min(avail, left);
            left -= q;
            sink.level(px, q);
        }
        return lots - left;
    }

    @Override
    public long take(boolean buy, long limitTicks, long lots, LevelSink sink) {
        // The book has no limit-aware consume: find what the limit allows, then consume exactly that
        // many lots from the best level outwards (which cannot pass the limit).
        long allowed = peek(buy, limitTicks, lots, LevelSink.NONE);
        if (allowed == 0) {
            return 0;
        }
        return book.consumeLots(buy ? Side.BUY : Side.SELL, allowed, sink::level);
    }

    @Override
    public long restingAt(boolean bidSide, long priceTicks) {
        if (!book.isLive()) {
            return 0;
        }
        for (int i = 0; i < book.levels(); i++) {
            long px = bidSide ? book.bidPriceTicks(i) : book.askPriceTicks(i);
            if (px == priceTicks) {
                return bidSide ? book.bidLots(i) : book.askLots(i);
            }
        }
        return 0;
    }

    @Override
    public long touch(boolean buy) {
        int level = buy ? book.bestAskLevel() : book.bestBidLevel();
        if (level < 0) {
            return buy ? MARKET_BUY : MARKET_SELL;
        }
        return price(buy, level);
    }

    @Override
    public long touchLots(boolean buy) {
        int level = buy ? book.bestAskLevel() : book.bestBidLevel();
        return level < 0 ? 0 : lotsAt(buy, level);
    }

    @Override
    public long depthLots(boolean buy) {
        return book.depthLots(buy ? Side.BUY : Side.SELL);
    }
}
