package dev.paperdesk.engine.risk;

import dev.paperdesk.engine.model.Rejection;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of the pre-trade checks: a rejection (margin, or a blocking limit) or none, and the
 * limits that only warn.
 */
public record RiskVerdict(Optional<Rejection> rejection, List<RiskWarning> warnings) {
    public static final RiskVerdict PASS = new RiskVerdict(Optional.empty(), List.of());

    public RiskVerdict {
        warnings = List.copyOf(warnings);
    }

    public static RiskVerdict reject(Rejection r) {
        return new RiskVerdict(Optional.of(r), List.of());
    }
}
