package dev.paperdesk.engine.arbitrage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The thresholds of the arbitrage strategy. Rates are fractions (0.0001 = 0.01 %), spreads and fees
 * basis points, money USD(T), times engine milliseconds.
 *
 * @param startingCapital capital of the arbitrage book
 * @param minConfidence lowest confidence score (0–100) that may trade
 * @param minSpreadBps smallest price spread worth trading, whatever the costs
 * @param minDepthUsd depth needed within 2 bps of the touch on both venues
 * @param minFundingDelta8h hard constraint: funding delta per 8 h must exceed this
 * @param convergenceDelta8h exit once the funding delta per 8 h falls below this
 * @param profitTargetShare exit once unrealized P&amp;L (what closing now would realise, net of fees)
 *     reaches this share of the projected profit (net of the round trip's fees)
 * @param lossLimitShare exit once that unrealized P&amp;L falls to minus this share of the projected profit
 * @param spreadWideningBps exit once the spread exceeds the entry spread by this much
 * @param stopLossBps stop out once the spread exceeds the entry spread by this much
 * @param legTimeoutMillis how long one leg may wait for its fill before cancel or hedge
 * @param queueShare share of the resting depth that must trade before a limit order fills
 * @param maxTradeShare largest share of available capital one trade may use
 * @param minTradeUsd smallest trade (no dust)
 * @param staleLatencyMillis a venue whose rolling latency exceeds this is stale
 * @param latencyPenalty confidence points lost while some monitored venue is stale
 * @param cooldownSeconds after a trade on a symbol closes or is abandoned, how long before the
 *     symbol may be entered again (keeps a standing spread from being churned every second)
 * @param seed seeds the latency sampling of the venue monitor
 */
public record ArbitrageSettings(
        BigDecimal startingCapital,
        int minConfidence,
        double minSpreadBps,
        double minDepthUsd,
        double minFundingDelta8h,
        double convergenceDelta8h,
        double profitTargetShare,
        double lossLimitShare,
        double spreadWideningBps,
        double stopLossBps,
        long legTimeoutMillis,
        double queueShare,
        double maxTradeShare,
        double minTradeUsd,
        double staleLatencyMillis,
        int latencyPenalty,
        long cooldownSeconds,
        long seed) {

    /** The default starting capital, 20,000. */
    public static final BigDecimal DEFAULT_CAPITAL = new BigDecimal("20000");

    /** The thresholds of the reference design with 20,000 of capital. */
    public static ArbitrageSettings defaults(long seed) {
        return new ArbitrageSettings(
                DEFAULT_CAPITAL,
                70,
                5,
                50_000,
                0.0001,
                0.00005,
                0.9,
                0.3,
                50,
                100,
                500,
                0.2,
                0.5,
                100,
                200,
                30,
                60,
                seed);
    }

    public ArbitrageSettings {
        Objects.requireNonNull(startingCapital, "startingCapital");
        if (startingCapital.signum() <= 0) {
            throw new IllegalArgumentException("starting capital must be positive: " + startingCapital);
        }
        if (minConfidence < 0 || minConfidence > 100) {
            throw new IllegalArgumentException("min confidence must be in [0, 100]: " + minConfidence);
        }
        if (latencyPenalty < 0 || latencyPenalty > 100) {
            throw new IllegalArgumentException("latency penalty must be in [0, 100]: " + latencyPenalty);
        }
        nonNegative("minSpreadBps", minSpreadBps);
        nonNegative("minDepthUsd", minDepthUsd);
        nonNegative("minFundingDelta8h", minFundingDelta8h);
        nonNegative("convergenceDelta8h", convergenceDelta8h);
        positive("profitTargetShare", profitTargetShare);
        positive("lossLimitShare", lossLimitShare);
        positive("spreadWideningBps", spreadWideningBps);
        positive("stopLossBps", stopLossBps);
        positive("staleLatencyMillis", staleLatencyMillis);
        nonNegative("minTradeUsd", minTradeUsd);
        if (cooldownSeconds < 0) {
            throw new IllegalArgumentException("cooldown must not be negative: " + cooldownSeconds);
        }
        if (legTimeoutMillis <= 0) {
            throw new IllegalArgumentException("leg timeout must be positive: " + legTimeoutMillis);
        }
        if (!(queueShare >= 0 && queueShare <= 1)) {
            throw new IllegalArgumentException("queue share must be in [0, 1]: " + queueShare);
        }
        if (!(maxTradeShare > 0 && maxTradeShare <= 1)) {
            throw new IllegalArgumentException("max trade share must be in (0, 1]: " + maxTradeShare);
        }
    }

    private static void nonNegative(String field, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must not be negative: " + v);
        }
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be positive: " + v);
        }
    }

    public ArbitrageSettings withStartingCapital(BigDecimal capital) {
        return new ArbitrageSettings(
                capital,
                minConfidence,
                minSpreadBps,
                minDepthUsd,
                minFundingDelta8h,
                convergenceDelta8h,
                profitTargetShare,
                lossLimitShare,
                spreadWideningBps,
                stopLossBps,
                legTimeoutMillis,
                queueShare,
                maxTradeShare,
                minTradeUsd,
                staleLatencyMillis,
                latencyPenalty,
                cooldownSeconds,
                seed);
    }

    /** A copy with the thresholds a trader edits on the desk. */
    public ArbitrageSettings withThresholds(int confidence, double spreadBps, double fundingDelta8h, double depthUsd) {
        return new ArbitrageSettings(
                startingCapital,
                confidence,
                spreadBps,
                depthUsd,
                fundingDelta8h,
                convergenceDelta8h,
                profitTargetShare,
                lossLimitShare,
                spreadWideningBps,
                stopLossBps,
                legTimeoutMillis,
                queueShare,
                maxTradeShare,
                minTradeUsd,
                staleLatencyMillis,
                latencyPenalty,
                cooldownSeconds,
                seed);
    }

    public ArbitrageSettings withCooldownSeconds(long seconds) {
        return new ArbitrageSettings(
                startingCapital,
                minConfidence,
                minSpreadBps,
                minDepthUsd,
                minFundingDelta8h,
                convergenceDelta8h,
                profitTargetShare,
                lossLimitShare,
                spreadWideningBps,
                stopLossBps,
                legTimeoutMillis,
                queueShare,
                maxTradeShare,
                minTradeUsd,
                staleLatencyMillis,
                latencyPenalty,
                seconds,
                seed);
    }

    public long legTimeoutNanos() {
        return legTimeoutMillis * 1_000_000L;
    }
}
