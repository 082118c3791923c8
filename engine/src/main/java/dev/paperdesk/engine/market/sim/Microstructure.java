package dev.paperdesk.engine.market.sim;

/**
 * How a listing's book and tape look before venue scaling.
 *
 * @param levelSpacingTicks distance between book levels, in ticks (levels sit on multiples of it)
 * @param spreadBps the quoted spread in calm markets, in basis points of the mid
 * @param levelLots resting size at the best level, in lots; deeper levels hold more
 * @param tradesPerSecond mean arrival rate of market orders
 * @param medianTradeLots median market order size in lots (sizes are log-normal)
 * @param levels book levels per side (at least 20)
 */
public record Microstructure(
        int levelSpacingTicks,
        double spreadBps,
        double levelLots,
        double tradesPerSecond,
        double medianTradeLots,
        int levels) {
    public static final int MIN_LEVELS = 20;

    public Microstructure {
        if (levelSpacingTicks <= 0) {
            throw new IllegalArgumentException("level spacing must be at least one tick");
        }
        if (!(spreadBps >= 0) || !(levelLots >= 1) || !(tradesPerSecond >= 0) || !(medianTradeLots >= 1)) {
            throw new IllegalArgumentException("spread, trade rate must not be negative; sizes at least one lot");
        }
        if (levels < MIN_LEVELS) {
            throw new IllegalArgumentException("a book needs at least " + MIN_LEVELS + " levels per side: " + levels);
        }
    }
}
