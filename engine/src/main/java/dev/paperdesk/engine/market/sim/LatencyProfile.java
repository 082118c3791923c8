package dev.paperdesk.engine.market.sim;

import java.util.random.RandomGenerator;

/**
 * The round-trip latency to a venue: log-normal around a median, with rare spikes (congestion,
 * reconnects). Execution models sample it to delay orders; strategies compare it with staleness
 * limits (the spread-arbitrage rules treat more than 200 ms as stale).
 *
 * @param medianMillis the median round trip
 * @param sigma the log-normal shape; the 99th percentile is about {@code median × e^(2.33 σ)}
 * @param spikeProbability the chance that one sample is a spike
 * @param spikeMillis the extra delay a spike adds
 */
public record LatencyProfile(double medianMillis, double sigma, double spikeProbability, double spikeMillis) {
    private static final double Z_99 = 2.3263478740408408;

    public LatencyProfile {
        if (!(medianMillis > 0) || !Double.isFinite(medianMillis)) {
            throw new IllegalArgumentException("median latency must be positive: " + medianMillis);
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("latency sigma must not be negative: " + sigma);
        }
        if (!(spikeProbability >= 0 && spikeProbability <= 1)) {
            throw new IllegalArgumentException("spike probability must be in [0, 1]: " + spikeProbability);
        }
        if (!(spikeMillis >= 0) || !Double.isFinite(spikeMillis)) {
            throw new IllegalArgumentException("spike delay must not be negative: " + spikeMillis);
        }
    }

    /** Draws one round-trip latency in milliseconds. */
    public double sampleMillis(RandomGenerator random) {
        double base = medianMillis * StrictMath.exp(sigma * random.nextGaussian());
        return random.nextDouble() < spikeProbability ? base + spikeMillis : base;
    }

    /** The 99th percentile of the log-normal part, ignoring spikes. */
    public double p99Millis() {
        return medianMillis * StrictMath.exp(sigma * Z_99);
    }

    /** The mean latency including spikes. */
    public double meanMillis() {
        return medianMillis * StrictMath.exp(0.5 * sigma * sigma) + spikeProbability * spikeMillis;
    }
}
