package dev.paperdesk.engine.market.sim;

/**
 * Funding and mark prices of linear perpetuals after Binance's published method.
 *
 * <pre>
 *   premium sample    P_k = (mark_k − index_k) / index_k            (sampled every step)
 *   average premium   P   = Σ k·P_k / Σ k                             (later samples weigh more)
 *   8-hour rate       F₈  = P + clamp(I − P, −c, +c)                  (I = 0.01 %, c = 0.05 %)
 *   interval rate     F   = clamp(F₈ × hours / 8, −cap, +cap)         (cap per venue)
 *   mark price        M   = median(index × (1 + F_last × τ/T), index + EMA₅ₘ(mid − index), last)
 * </pre>
 *
 * Binance samples the premium from impact bid/ask prices; the simulator's books are re-centred on
 * the modelled mid every step, so the mark-based premium is the same quantity without walking the
 * book. Venues with hourly funding (Hyperliquid) pay one eighth of the 8-hour rate each hour.
 */
public record PremiumIndexFundingModel(double interestPer8h, double clampPer8h) {
    /** Interest 0.01 % per 8 h, clamp ±0.05 %. */
    public static final PremiumIndexFundingModel DEFAULT = new PremiumIndexFundingModel(0.0001, 0.0005);

    public PremiumIndexFundingModel {
        if (!Double.isFinite(interestPer8h) || !(clampPer8h >= 0)) {
            throw new IllegalArgumentException("interest must be finite and the clamp not negative");
        }
    }

    /** The funding rate for one interval of {@code intervalHours} from the interval's average premium. */
    public double rate(double averagePremium, int intervalHours, double cap) {
        double f8 = averagePremium + clamp(interestPer8h - averagePremium, -clampPer8h, clampPer8h);
        return clamp(f8 * intervalHours / 8.0, -cap, cap);
    }

    /**
     * The mark price: the median of the funding-implied price, the index plus the smoothed basis,
     * and the last traded price.
     *
     * @param fractionLeft the part of the funding interval still to run (τ/T, in [0, 1])
     */
    public static double markPrice(
            double index, double lastFundingRate, double fractionLeft, double basisAverage, double lastPrice) {
        double p1 = index * (1.0 + lastFundingRate * fractionLeft);
        double p2 = index + basisAverage;
        return median(p1, p2, lastPrice);
    }

    static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
