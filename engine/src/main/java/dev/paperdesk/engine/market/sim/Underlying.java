package dev.paperdesk.engine.market.sim;

import java.util.List;
import java.util.Objects;

/**
 * A fair-value process that listings on venues are quoted around: either a stochastic process of
 * its own or a fixed log-linear combination of others (an index ETF, an FX cross).
 */
public sealed interface Underlying permits Underlying.Stochastic, Underlying.Composite {
    String name();

    double startPrice();

    /** An underlying with its own Heston-with-jumps dynamics and factor loadings. */
    record Stochastic(
            String name,
            double startPrice,
            HestonJumpDynamics dynamics,
            VarianceClock clock,
            List<FactorLoading> loadings)
            implements Underlying {
        public Stochastic {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dynamics, "dynamics");
            Objects.requireNonNull(clock, "clock");
            loadings = List.copyOf(loadings);
            if (!(startPrice > 0)) {
                throw new IllegalArgumentException(name + ": start price must be positive");
            }
            double sum = 0;
            for (FactorLoading l : loadings) {
                sum += l.weight() * l.weight();
            }
            if (sum > 1.0 + 1e-12) {
                throw new IllegalArgumentException(name + ": squared factor loadings sum to " + sum + " > 1");
            }
        }
    }

    /**
     * {@code ln S = ln startPrice + Σ wᵢ (ln Sᵢ − ln Sᵢ(0))}: a basket with constant log weights
     * (an index ETF) or an exact cross rate (EUR/JPY = EUR/USD × USD/JPY: weights +1, +1).
     */
    record Composite(String name, double startPrice, List<Component> components) implements Underlying {
        public Composite {
            Objects.requireNonNull(name, "name");
            components = List.copyOf(components);
            if (components.isEmpty()) {
                throw new IllegalArgumentException(name + ": a composite needs components");
            }
            if (!(startPrice > 0)) {
                throw new IllegalArgumentException(name + ": start price must be positive");
            }
        }
    }

    /** One leg of a composite. */
    record Component(String underlying, double weight) {
        public Component {
            Objects.requireNonNull(underlying, "underlying");
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException(underlying + ": weight must be finite");
            }
        }
    }
}
