package dev.paperdesk.engine.execution;

import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Rejection;
import dev.paperdesk.engine.model.TimeInForce;
import java.time.Instant;
import java.util.Optional;

/**
 * Static checks of an order against its instrument: quantity, lot, tick, and which flags and times
 * in force make sense for its type.
 */
public final class OrderValidator {
    private OrderValidator() {}

    public static Optional<Rejection> check(OrderRequest request, Instrument instrument) {
        return check(request, instrument, null);
    }

    /** Also checks that a GTD expiry lies after {@code now} (when given). */
    public static Optional<Rejection> check(OrderRequest request, Instrument instrument, Instant now) {
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
            Optional<Rejection> tick = onTick("price", p, instrument);
            if (tick.isPresent()) {
                return tick;
            }
        }
        if (request.limitOffset() != null) {
            Optional<Rejection> tick = onTick("limit offset", request.limitOffset(), instrument);
            if (tick.isPresent()) {
                return tick;
            }
        }
        if (request.trail() != null && !request.trail().percent()) {
            Optional<Rejection> tick =
                    onTick("trailing amount", new Price(request.trail().value()), instrument);
            if (tick.isPresent()) {
                return tick;
            }
        }
        OrderType type = request.type();
        TimeInForce tif = request.timeInForce();
        if (request.postOnly() && !type.hasLimit()) {
            return unsupported("post-only needs a limit price; " + type + " orders take liquidity");
        }
        if (request.postOnly() && (tif == TimeInForce.IOC || tif == TimeInForce.FOK)) {
            return unsupported("post-only cannot be " + tif + ": it never takes, so it would never fill");
        }
        if (request.allOrNone() && !type.hasLimit()) {
            return unsupported("all-or-none needs a limit price; use FOK for a market order that must fill in full");
        }
        if (request.allOrNone() && tif == TimeInForce.IOC) {
            return unsupported("all-or-none with IOC is fill-or-kill: use FOK");
        }
        if (tif != TimeInForce.GTD && request.expireAt() != null) {
            return Optional.of(
                    new Rejection(RejectReason.INVALID_EXPIRY, "an expiry time needs the GTD time in force"));
        }
        if (tif == TimeInForce.GTD && now != null && !request.expireAt().isAfter(now)) {
            return Optional.of(new Rejection(
                    RejectReason.INVALID_EXPIRY,
                    "the GTD expiry " + request.expireAt() + " is not after the engine time " + now));
        }
        return Optional.empty();
    }

    private static Optional<Rejection> unsupported(String message) {
        return Optional.of(new Rejection(RejectReason.UNSUPPORTED_ORDER, message));
    }

    private static Optional<Rejection> onTick(String what, Price p, Instrument instrument) {
        if (!p.isOnTick(instrument.tickSize())) {
            return Optional.of(new Rejection(
                    RejectReason.INVALID_TICK,
                    what + " " + p + " is not a multiple of the tick size "
                            + instrument.tickSize().stripTrailingZeros().toPlainString() + " of " + instrument.id()));
        }
        return Optional.empty();
    }
}
