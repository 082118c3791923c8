package dev.paperdesk.engine.pricing.option;

import java.util.OptionalDouble;

/**
 * The outcome of solving for the volatility that reproduces a market price: either a volatility or a
 * reason why none exists. Never NaN.
 */
public sealed interface ImpliedVolatility {

    /** The volatility if one was found. */
    default OptionalDouble volatility() {
        return this instanceof Solved s ? OptionalDouble.of(s.value()) : OptionalDouble.empty();
    }

    /** A volatility that reprices the option to the market price, with the iterations it took. */
    record Solved(double value, int iterations) implements ImpliedVolatility {
        public Solved {
            if (!(value >= 0.0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("implied volatility must be finite and ≥ 0, got " + value);
            }
        }
    }

    /** No volatility reproduces the price; {@code message} says why in words a user can act on. */
    record NoSolution(Reason reason, String message) implements ImpliedVolatility {
        public NoSolution {
            java.util.Objects.requireNonNull(reason, "reason");
            java.util.Objects.requireNonNull(message, "message");
        }
    }

    /** Why no implied volatility exists. */
    enum Reason {
        /** The price is negative, NaN or infinite. */
        INVALID_PRICE,
        /** The option has expired (zero time to expiry): the price carries no volatility information. */
        EXPIRED,
        /** The price is at or below the no-arbitrage lower bound (intrinsic value). */
        AT_OR_BELOW_INTRINSIC,
        /** The price is at or above the no-arbitrage upper bound (or above the value at the highest volatility searched). */
        ABOVE_MAXIMUM,
        /** The bounded search ended without meeting its tolerance. */
        NOT_CONVERGED
    }
}
