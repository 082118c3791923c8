package dev.paperdesk.engine.arbitrage;

import java.util.Optional;

/**
 * The gatekeepers checked before any score: enough depth for the size, fresh venues, and a funding
 * delta worth the trouble. Any failure makes the confidence 0.
 *
 * @param depthSufficient both books hold at least twice the position size within 2 bps
 * @param latencyOk neither venue of the pair is stale
 * @param fundingDeltaSubstantial the projected funding delta exceeds the floor per 8 h
 */
public record HardConstraints(boolean depthSufficient, boolean latencyOk, boolean fundingDeltaSubstantial) {
    public boolean passesAll() {
        return depthSufficient && latencyOk && fundingDeltaSubstantial;
    }

    /** The first constraint that fails, in the order they are checked (depth, latency, funding). */
    public Optional<RejectReason> firstFailure() {
        if (!depthSufficient) {
            return Optional.of(RejectReason.DEPTH);
        }
        if (!latencyOk) {
            return Optional.of(RejectReason.LATENCY);
        }
        if (!fundingDeltaSubstantial) {
            return Optional.of(RejectReason.FUNDING_DELTA);
        }
        return Optional.empty();
    }
}
