package dev.paperdesk.desktop.book;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Side;
import java.util.Objects;

/**
 * A price the user picked on the book ladder, as a limit order to prefill: clicking a bid gives a
 * {@code BUY} at that price (joining the bid queue), clicking an ask gives a {@code SELL} (joining
 * the offer). The order ticket receives it through {@code prefillLimit(side, price)}.
 */
public record PickedPrice(InstrumentId instrument, Side side, Price price) {
    public PickedPrice {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
    }
}
