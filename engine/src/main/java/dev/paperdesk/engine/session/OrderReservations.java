package dev.paperdesk.engine.session;

import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderGroupKind;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.PortfolioId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What each working order holds back from its portfolio's free margin, so that orders accepted one
 * by one cannot together promise more than the account has. An order's reservation is fixed when it
 * is accepted (the margin and fee its opening part needs at its reservation price, rounded up to the
 * base currency's minor unit) and shrinks pro rata as it fills, rounded up again; it is released
 * when the order ends. The two legs of an OCO pair hold the larger of their reservations once, as at
 * most one of them executes. Engine thread only.
 */
final class OrderReservations {
    /** {@code quantity}: what was left of the order to fill when {@code amount} was reserved. */
    private record Held(BigDecimal amount, BigDecimal quantity, long ocoGroup) {}

    private final Map<PortfolioId, Map<OrderId, Held>> byPortfolio = new HashMap<>();
    private final Map<OrderId, PortfolioId> owners = new HashMap<>();

    /** Reserves {@code amount} for what is left of {@code order} to fill (ignored when not positive). */
    void reserve(Order order, BigDecimal amount, int scale) {
        if (amount.signum() <= 0) {
            return;
        }
        long group = order.link() != null && order.link().kind() == OrderGroupKind.OCO
                ? order.link().groupId()
                : 0;
        PortfolioId p = order.request().portfolioId();
        byPortfolio
                .computeIfAbsent(p, k -> new LinkedHashMap<>())
                .put(
                        order.id(),
                        new Held(
                                amount.setScale(scale, RoundingMode.CEILING),
                                order.request()
                                        .quantity()
                                        .value()
                                        .subtract(order.filledQuantity().value()),
                                group));
        owners.put(order.id(), p);
    }

    /** Releases what {@code id} held, if anything. */
    void release(OrderId id) {
        PortfolioId p = owners.remove(id);
        if (p != null) {
            // The portfolio's map stays, empty, for its next order (there are few portfolios).
            byPortfolio.get(p).remove(id);
        }
    }

    /** Whether {@code id} holds a reservation. */
    boolean holds(OrderId id) {
        return owners.containsKey(id);
    }

    /**
     * The reservation of one working order now: its amount times the quantity still to fill over the
     * quantity that was left when it was reserved, rounded up to {@code scale} decimals.
     */
    static BigDecimal current(BigDecimal amount, BigDecimal acceptedQuantity, Order order, int scale) {
        BigDecimal remaining = order.request()
                .quantity()
                .value()
                .subtract(order.filledQuantity().value());
        if (remaining.signum() <= 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        if (amount.scale() == scale && remaining.compareTo(acceptedQuantity) == 0) {
            // Nothing filled since it was reserved: amount × q ÷ q at the amount's own scale is the amount.
            return amount;
        }
        return amount.multiply(remaining).divide(acceptedQuantity, scale, RoundingMode.CEILING);
    }

    /** The reservation {@code order} holds now; zero when it holds none or has ended. */
    BigDecimal of(Order order, int scale) {
        Map<OrderId, Held> held = byPortfolio.get(order.request().portfolioId());
        Held h = held == null ? null : held.get(order.id());
        if (h == null || !order.status().isOpen()) {
            return BigDecimal.ZERO.setScale(scale);
        }
        return current(h.amount(), h.quantity(), order, scale);
    }

    /**
     * Everything the working orders of {@code portfolio} hold back: each order's current
     * reservation, an OCO pair counted once at the larger of its legs.
     *
     * @param orders the engine's current view of an order (orders that have ended hold nothing)
     */
    /** Zero at the scales of currencies' minor units, made once (a total is worked out on every order). */
    private static final BigDecimal[] ZEROS = new BigDecimal[10];

    static {
        for (int i = 0; i < ZEROS.length; i++) {
            ZEROS[i] = BigDecimal.ZERO.setScale(i);
        }
    }

    private static BigDecimal zero(int scale) {
        return scale >= 0 && scale < ZEROS.length ? ZEROS[scale] : BigDecimal.ZERO.setScale(scale);
    }

    BigDecimal total(PortfolioId portfolio, Function<OrderId, Order> orders, int scale) {
        Map<OrderId, Held> held = byPortfolio.get(portfolio);
        BigDecimal sum = zero(scale);
        if (held == null || held.isEmpty()) {
            return sum;
        }
        Map<Long, BigDecimal> pairs = null;
        for (var e : held.entrySet()) {
            Order o = orders.apply(e.getKey());
            if (o == null || !o.status().isOpen()) {
                continue;
            }
            Held h = e.getValue();
            BigDecimal now = current(h.amount(), h.quantity(), o, scale);
            if (h.ocoGroup() == 0) {
                sum = sum.add(now);
            } else {
                if (pairs == null) {
                    pairs = new HashMap<>();
                }
                pairs.merge(h.ocoGroup(), now, BigDecimal::max);
            }
        }
        if (pairs != null) {
            for (BigDecimal pair : pairs.values()) {
                sum = sum.add(pair);
            }
        }
        return sum;
    }
}
