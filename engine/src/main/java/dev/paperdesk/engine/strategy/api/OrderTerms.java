package dev.paperdesk.engine.strategy.api;

import dev.paperdesk.engine.model.TimeInForce;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a strategy order works and how it may trade: its time in force (with the expiry of a GTD
 * order) and the post-only and all-or-none flags. Combinations the engine would refuse for every
 * order type are refused here, when the strategy builds the order; the ones that depend on the type
 * (post-only needs a limit) are checked by the order records.
 *
 * @param expireAt the expiry of a {@link TimeInForce#GTD} order, {@code null} otherwise
 * @param postOnly the order may only add liquidity (limit types)
 * @param allOrNone the order fills only when its whole remaining quantity can fill at once (limit types)
 */
public record OrderTerms(TimeInForce timeInForce, Instant expireAt, boolean postOnly, boolean allOrNone) {
    /** Good till cancelled. */
    public static final OrderTerms GTC = new OrderTerms(TimeInForce.GTC, null, false, false);
    /** Until the session close. */
    public static final OrderTerms DAY = new OrderTerms(TimeInForce.DAY, null, false, false);
    /** Immediate or cancel. */
    public static final OrderTerms IOC = new OrderTerms(TimeInForce.IOC, null, false, false);
    /** Fill or kill. */
    public static final OrderTerms FOK = new OrderTerms(TimeInForce.FOK, null, false, false);

    public OrderTerms {
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (timeInForce == TimeInForce.GTD && expireAt == null) {
            throw new IllegalArgumentException("a GTD order needs an expiry: use OrderTerms.goodTill(at)");
        }
        if (timeInForce != TimeInForce.GTD && expireAt != null) {
            throw new IllegalArgumentException("an expiry time needs the GTD time in force, not " + timeInForce);
        }
        if (postOnly && (timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK)) {
            throw new IllegalArgumentException(
                    "post-only cannot be " + timeInForce + ": it never takes, so it would never fill");
        }
        if (allOrNone && timeInForce == TimeInForce.IOC) {
            throw new IllegalArgumentException("all-or-none with IOC is fill-or-kill: use FOK");
        }
    }

    /** The plain terms of a time in force other than GTD. */
    public static OrderTerms of(TimeInForce timeInForce) {
        return new OrderTerms(timeInForce, null, false, false);
    }

    /** Good till {@code at}. */
    public static OrderTerms goodTill(Instant at) {
        return new OrderTerms(TimeInForce.GTD, Objects.requireNonNull(at, "at"), false, false);
    }

    /** These terms, post-only. */
    public OrderTerms withPostOnly() {
        return new OrderTerms(timeInForce, expireAt, true, allOrNone);
    }

    /** These terms, all-or-none. */
    public OrderTerms withAllOrNone() {
        return new OrderTerms(timeInForce, expireAt, postOnly, true);
    }

    /** Whether these terms carry a flag that only orders with a limit price may have. */
    boolean needsLimit() {
        return postOnly || allOrNone;
    }
}
