package dev.paperdesk.engine.execution;

import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Rejection;
import java.util.Optional;

/** Static checks of an order against its instrument: quantity, lot and tick. */
public final class OrderValidator {
    private OrderValidator() {}

    public static Optional<Rejection> check(OrderRequest request, Instrument instrument) {
        if (!request.quantity().isPositive()) {
            return Optional.of(new Rejection(RejectReason.INVALID_QUANTITY, "quantity must be greater than zero"));
        }
        if (!request.quantity().isMultipleOf(instrument.lotSize())) {
            return Optional.of(new Rejection(
                    RejectReason.INVALID_LOT,
                    "quantity " + request.quantity() + " is not a multiple of the lot size "
                            + instrument.lotSize().stripTrailingZeros().toPlainString() + " of " + instrument.id()));
        }
        for (Price p : new Price[] {request.limitPrice(), request.stopPrice()}) {
            if (p == null) {
                continue;
            }
            if (p.value().signum() <= 0) {
                return Optional.of(new Rejection(RejectReason.INVALID_PRICE, "price " + p + " must be positive"));
            }
            if (!p.isOnTick(instrument.tickSize())) {
                return Optional.of(new Rejection(
                        RejectReason.INVALID_TICK,
                        "price " + p + " is not a multiple of the tick size "
                                + instrument.tickSize().stripTrailingZeros().toPlainString() + " of "
                                + instrument.id()));
            }
        }
        return Optional.empty();
    }
}
