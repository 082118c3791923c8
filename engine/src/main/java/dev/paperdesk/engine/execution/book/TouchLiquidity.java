package dev.paperdesk.engine.execution.book;

/**
 * Unlimited liquidity at the touch of another book: a marketable order fills in full at the best
 * price (the slippage model then prices its size). Taking still depletes the underlying book's
 * displayed size, so the depth that the next order's slippage sees is smaller.
 */
public final class TouchLiquidity implements Liquidity {
    private final Liquidity book;

    public TouchLiquidity(Liquidity book) {
        this.book = book;
    }

    private long walk(boolean buy, long limitTicks, long lots, LevelSink sink, boolean deplete) {
        long touch = book.touch(buy);
        if (touch == MARKET_BUY || touch == MARKET_SELL || (buy ? touch > limitTicks : touch < limitTicks)) {
            return 0;
        }
        if (deplete) {
            book.take(buy, touch, lots, LevelSink.NONE);
        }
        sink.level(touch, lots);
        return lots;
    }

    @Override
    public long take(boolean buy, long limitTicks, long lots, LevelSink sink) {
        return walk(buy, limitTicks, lots, sink, true);
    }

    @Override
    public long peek(boolean buy, long limitTicks, long lots, LevelSink sink) {
        return walk(buy, limitTicks, lots, sink, false);
    }

    @Override
    public long restingAt(boolean bidSide, long priceTicks) {
        return book.restingAt(bidSide, priceTicks);
    }

    @Override
    public long touch(boolean buy) {
        return book.touch(buy);
    }

    @Override
    public long touchLots(boolean buy) {
        return book.touchLots(buy);
    }

    @Override
    public long depthLots(boolean buy) {
        return book.depthLots(buy);
    }
}
