package dev.paperdesk.engine.market.sim;

/**
 * How perpetual prices of one asset drift from the index: a slow premium common to all venues
 * (market sentiment, hours to days) plus, per venue, its bias and a fast mean-reverting noise.
 *
 * <pre>
 *   premium_v = common + scale × venue.premiumBiasBps + fast_v          (in bps of the index)
 *   common ~ OU(mean = meanBps, sd = commonStdBps, half-life = commonHalfLifeHours)
 *   fast_v ~ OU(mean = 0, sd = scale × venue.dispersionBps, half-life = fastHalfLifeMinutes)
 * </pre>
 *
 * @param scale how much more excitable than BTC the asset's perpetuals are (alts run hotter)
 */
public record PremiumDynamics(
        double meanBps, double commonStdBps, double commonHalfLifeHours, double fastHalfLifeMinutes, double scale) {
    public PremiumDynamics {
        if (!Double.isFinite(meanBps) || !(commonStdBps >= 0) || !(scale >= 0)) {
            throw new IllegalArgumentException("premium mean must be finite, deviations and scale not negative");
        }
        if (!(commonHalfLifeHours > 0) || !(fastHalfLifeMinutes > 0)) {
            throw new IllegalArgumentException("premium half-lives must be positive");
        }
    }

    /** Typical crypto perpetuals: a small positive premium that swings by several bps over hours. */
    public static PremiumDynamics crypto(double scale) {
        return new PremiumDynamics(1.5, 6.0, 4.0, 10.0, scale);
    }
}
