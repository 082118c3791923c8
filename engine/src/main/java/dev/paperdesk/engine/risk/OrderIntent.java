package dev.paperdesk.engine.risk;

import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order as the pre-trade checks see it: what it trades, at which expected price and fee, and
 * which part of it opens new exposure.
 *
 * @param openingQuantity the part that does not reduce an existing position (0 for a pure reduction)
 * @param stopPrice the protective stop the order carries, or {@code null}
 * @param rate units of the base currency per unit of the instrument's quote currency
 */
public record OrderIntent(
        Instrument instrument,
        Side side,
        BigDecimal quantity,
        BigDecimal openingQuantity,
        BigDecimal price,
        BigDecimal stopPrice,
        BigDecimal rate) {
    public OrderIntent {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(openingQuantity, "openingQuantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(rate, "rate");
    }

    /** The part of {@code quantity} that opens exposure against a position of {@code held} (signed). */
    public static BigDecimal opening(BigDecimal held, Side side, BigDecimal quantity) {
        BigDecimal signed = quantity.multiply(BigDecimal.valueOf(side.sign()));
        if (held.signum() == 0 || held.signum() == signed.signum()) {
            return quantity;
        }
        return quantity.subtract(held.abs()).max(BigDecimal.ZERO);
    }

    public boolean opens() {
        return openingQuantity.signum() > 0;
    }
}
