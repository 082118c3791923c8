package dev.paperdesk.engine.risk;

import dev.paperdesk.engine.model.Rejection;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of the pre-trade checks: a rejection (margin, or a blocking limit) or none, the limits
 * that only warn, and what the order reserves while it works.
 *
 * @param reservation the free margin (base currency, ≥ 0) the accepted order holds back while it
 *     works: the margin and fees its opening part needs; 0 for reductions and rejections
 */
public record RiskVerdict(Optional<Rejection> rejection, List<RiskWarning> warnings, BigDecimal reservation) {
    public static final RiskVerdict PASS = new RiskVerdict(Optional.empty(), List.of());

    public RiskVerdict {
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(reservation, "reservation");
        if (reservation.signum() < 0) {
            throw new IllegalArgumentException("a reservation cannot be negative: " + reservation);
        }
    }

    /** A verdict that reserves nothing. */
    public RiskVerdict(Optional<Rejection> rejection, List<RiskWarning> warnings) {
        this(rejection, warnings, BigDecimal.ZERO);
    }

    public static RiskVerdict reject(Rejection r) {
        return new RiskVerdict(Optional.of(r), List.of());
    }
}
