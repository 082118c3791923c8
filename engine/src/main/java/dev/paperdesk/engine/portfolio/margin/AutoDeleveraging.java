package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.PortfolioId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Auto-deleveraging when the insurance fund cannot cover a shortfall: the profitable positions on
 * the other side of the liquidated one are ranked by profit × leverage, highest first, and each
 * gives up to its unrealized profit until the shortfall is raised.
 */
public final class AutoDeleveraging {
    /** An opposing position: its unrealized profit (position currency) and the leverage in force. */
    public record Candidate(PortfolioId portfolioId, BigDecimal unrealizedPnl, BigDecimal leverage) {
        public Candidate {
            Objects.requireNonNull(portfolioId, "portfolioId");
            Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
            Objects.requireNonNull(leverage, "leverage");
        }

        /** The ranking score: profit × leverage. */
        public BigDecimal score() {
            return unrealizedPnl.multiply(leverage);
        }
    }

    /** An amount taken from one portfolio. */
    public record Transfer(PortfolioId from, BigDecimal amount) {}

    private AutoDeleveraging() {}

    /** The candidates in ADL order: profitable ones only, by score descending, ties by portfolio id. */
    public static List<Candidate> rank(List<Candidate> candidates) {
        return candidates.stream()
                .filter(c -> c.unrealizedPnl().signum() > 0)
                .sorted(Comparator.comparing(Candidate::score).reversed().thenComparing(c -> c.portfolioId()
                        .value()))
                .toList();
    }

    /** Raises up to {@code shortfall} from the ranked candidates; the transfers sum to at most it. */
    public static List<Transfer> allocate(BigDecimal shortfall, List<Candidate> candidates) {
        List<Transfer> out = new ArrayList<>();
        BigDecimal remaining = shortfall;
        for (Candidate c : rank(candidates)) {
            if (remaining.signum() <= 0) {
                break;
            }
            BigDecimal take = remaining.min(c.unrealizedPnl());
            out.add(new Transfer(c.portfolioId(), take));
            remaining = remaining.subtract(take);
        }
        return out;
    }
}
