package dev.paperdesk.engine.pricing.strategy;

/** A maximum profit or loss: a finite amount, or unlimited when the payoff grows without bound. */
public sealed interface Bound {

    /** True when the amount has no bound. */
    default boolean unlimited() {
        return this instanceof Unlimited;
    }

    /** The amount, or {@code Double.POSITIVE_INFINITY} when unlimited. */
    double amount();

    /** A finite amount in the quote currency. */
    record Limited(double amount) implements Bound {
        public Limited {
            if (!Double.isFinite(amount)) {
                throw new IllegalArgumentException("a limited bound needs a finite amount, got " + amount);
            }
        }
    }

    /** No bound: the payoff keeps growing (or falling) as the underlying rises. */
    record Unlimited() implements Bound {
        @Override
        public double amount() {
            return Double.POSITIVE_INFINITY;
        }
    }
}
