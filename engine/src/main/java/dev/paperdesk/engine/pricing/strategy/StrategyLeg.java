package dev.paperdesk.engine.pricing.strategy;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One leg of an option strategy: a signed quantity (positive long, negative short) of an option or
 * of the underlying, with the price it is (or would be) traded at.
 */
public sealed interface StrategyLeg {

    /** Signed quantity: contracts for an option, units of the underlying for the underlying. */
    int quantity();

    /** The leg with another signed quantity. */
    StrategyLeg withQuantity(int quantity);

    /** True for a long (bought) leg. */
    default boolean isLong() {
        return quantity() > 0;
    }

    /**
     * An option leg: right, strike and expiry, the premium per unit of underlying it trades at and the
     * implied volatility it is valued with before expiry.
     */
    record OptionLeg(
            OptionRight right, double strike, LocalDate expiry, int quantity, double premium, double volatility)
            implements StrategyLeg {
        public OptionLeg {
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(expiry, "expiry");
            if (!(strike > 0.0) || Double.isInfinite(strike)) {
                throw new IllegalArgumentException("strike must be positive, got " + strike);
            }
            if (quantity == 0) {
                throw new IllegalArgumentException("leg quantity must not be zero");
            }
            if (!(premium >= 0.0) || Double.isInfinite(premium)) {
                throw new IllegalArgumentException("premium must be finite and ≥ 0, got " + premium);
            }
            if (!(volatility >= 0.0) || Double.isInfinite(volatility)) {
                throw new IllegalArgumentException("volatility must be finite and ≥ 0, got " + volatility);
            }
        }

        @Override
        public OptionLeg withQuantity(int q) {
            return new OptionLeg(right, strike, expiry, q, premium, volatility);
        }

        /** The leg traded at another premium and valued with another volatility. */
        public OptionLeg withQuote(double newPremium, double newVolatility) {
            return new OptionLeg(right, strike, expiry, quantity, newPremium, newVolatility);
        }

        /** The payoff per unit of underlying at expiry with the underlying at {@code spot}. */
        public double intrinsic(double spot) {
            return right == OptionRight.CALL ? Math.max(spot - strike, 0.0) : Math.max(strike - spot, 0.0);
        }
    }

    /** A position in the underlying itself (shares or coins), bought or sold at {@code price}. */
    record UnderlyingLeg(int quantity, double price) implements StrategyLeg {
        public UnderlyingLeg {
            if (quantity == 0) {
                throw new IllegalArgumentException("leg quantity must not be zero");
            }
            if (!(price > 0.0) || Double.isInfinite(price)) {
                throw new IllegalArgumentException("underlying price must be positive, got " + price);
            }
        }

        @Override
        public UnderlyingLeg withQuantity(int q) {
            return new UnderlyingLeg(q, price);
        }
    }
}
