package dev.paperdesk.engine.execution;

import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;

/** Computes the fee of one fill, in the instrument's quote currency, rounded to its minor unit. */
public interface FeeModel {
    /** A short description shown in reports, e.g. {@code taker 10 bps, maker 2 bps}. */
    String describe();

    Money fee(Instrument instrument, Quantity quantity, Price price, Liquidity liquidity);

    /**
     * The fee of one fill of an order that has already been charged {@code chargedSoFar} by earlier
     * fills, so that minimums apply per order rather than per fill. Models without per-order
     * minimums ignore it.
     */
    default Money fee(Instrument instrument, Quantity quantity, Price price, Liquidity liquidity, Money chargedSoFar) {
        return fee(instrument, quantity, price, liquidity);
    }

    /** A parseable spec for the settings (see {@code FeeModels.parse}). */
    default String spec() {
        return "none";
    }

    /** No fees at all. */
    FeeModel NONE = new FeeModel() {
        @Override
        public String describe() {
            return "no fees";
        }

        @Override
        public String spec() {
            return "none";
        }

        @Override
        public Money fee(Instrument instrument, Quantity quantity, Price price, Liquidity liquidity) {
            return Money.zero(instrument.quoteCurrency());
        }
    };
}
