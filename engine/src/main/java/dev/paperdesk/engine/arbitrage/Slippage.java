package dev.paperdesk.engine.arbitrage;

import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.model.OrderType;
import java.util.SplittableRandom;

/**
 * Realistic taker slippage of one arbitrage leg: 2 bps plus 3 bps per unit of size over depth,
 * capped at 5 bps. It is the engine's {@code size-depth(base=2, impact=3, cap=5)} slippage model.
 */
public final class Slippage {
    private static final SlippageModel MODEL = SlippageModel.SizeVsDepth.DEFAULT;
    // The size-depth model draws no random numbers; a fixed generator keeps the call deterministic.
    private static final SplittableRandom UNUSED = new SplittableRandom(0);

    private Slippage() {}

    /** Slippage in basis points for {@code sizeUsd} against {@code depthUsd} of depth. */
    public static double bps(double sizeUsd, double depthUsd) {
        if (!(sizeUsd >= 0) || !(depthUsd >= 0)) {
            throw new IllegalArgumentException("size and depth must not be negative: " + sizeUsd + ", " + depthUsd);
        }
        // no depth at all: the model charges its cap
        return MODEL.bps(new SlippageModel.Input(OrderType.MARKET, sizeUsd, depthUsd), UNUSED);
    }

    /** Slippage as a fraction of the price (2 bps = 0.0002). */
    public static double fraction(double sizeUsd, double depthUsd) {
        return bps(sizeUsd, depthUsd) / 10_000.0;
    }
}
