package dev.paperdesk.engine.montecarlo;

/**
 * A percentile interval of a simulated metric: {@code lower} and {@code upper} are the {@code (1 -
 * level) / 2} and {@code (1 + level) / 2} percentiles, {@code median} the 50th.
 */
public record ConfidenceInterval(double level, double lower, double median, double upper) {
    public ConfidenceInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be within (0, 1), not " + level);
        }
    }
}
