package dev.paperdesk.engine.execution.book;

/**
 * The market's resting liquidity as a marketable paper order meets it, in ticks and lots.
 *
 * <p>Prices are limits in ticks: {@link #MARKET_BUY} and {@link #MARKET_SELL} stand for no limit.
 * {@code buy} is the side of the aggressor: a buy takes asks from the lowest price upwards.
 */
public interface Liquidity {
    long MARKET_BUY = Long.MAX_VALUE;
    long MARKET_SELL = Long.MIN_VALUE;

    /**
     * Takes up to {@code lots} at prices no worse than {@code limitTicks}, best level first, reporting
     * each level to {@code sink}; returns the lots taken. Taking depletes the liquidity.
     */
    long take(boolean buy, long limitTicks, long lots, LevelSink sink);

    /** Like {@link #take} but leaves the liquidity as it is. */
    long peek(boolean buy, long limitTicks, long lots, LevelSink sink);

    /** Lots an aggressor could take now at prices no worse than {@code limitTicks}, up to {@code cap}. */
    default long available(boolean buy, long limitTicks, long cap) {
        return peek(buy, limitTicks, cap, LevelSink.NONE);
    }

    /** Lots resting at exactly {@code priceTicks} on the bid ({@code bidSide}) or ask side; what a new order joins behind. */
    long restingAt(boolean bidSide, long priceTicks);

    /** The best price an aggressor of {@code buy} would meet, or {@link #MARKET_BUY}/{@link #MARKET_SELL} when empty. */
    long touch(boolean buy);

    /** Lots shown at the touch an aggressor of {@code buy} would meet. */
    long touchLots(boolean buy);

    /** Total lots an aggressor of {@code buy} could take. */
    long depthLots(boolean buy);

    /** No liquidity at all: orders meeting it rest (limits) or wait (market orders on bar data). */
    Liquidity NONE = new Liquidity() {
        @Override
        public long take(boolean buy, long limitTicks, long lots, LevelSink sink) {
            return 0;
        }

        @Override
        public long peek(boolean buy, long limitTicks, long lots, LevelSink sink) {
            return 0;
        }

        @Override
        public long restingAt(boolean bidSide, long priceTicks) {
            return 0;
        }

        @Override
        public long touch(boolean buy) {
            return buy ? MARKET_BUY : MARKET_SELL;
        }

        @Override
        public long touchLots(boolean buy) {
            return 0;
        }

        @Override
        public long depthLots(boolean buy) {
            return 0;
        }
    };

    /** True when a buy limit at {@code limitTicks} (or a sell, for {@code buy == false}) would take liquidity. */
    static boolean crosses(Liquidity liquidity, boolean buy, long limitTicks) {
        long touch = liquidity.touch(buy);
        if (buy) {
            return touch != MARKET_BUY && touch <= limitTicks;
        }
        return touch != MARKET_SELL && touch >= limitTicks;
    }
}
