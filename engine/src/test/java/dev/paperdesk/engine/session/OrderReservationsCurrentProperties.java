package dev.paperdesk.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * An order's current reservation, shortcut when nothing filled since it was reserved, equals the
 * pro-rata formula {@code amount × remaining ÷ reserved quantity} rounded up, value and scale.
 */
class OrderReservationsCurrentProperties {
    @Property(tries = 500)
    void currentReservationEqualsTheProRataFormula(@ForAll @LongRange(min = 1) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int scale = r.nextInt(4);
        int amountScale = r.nextInt(4) == 0 ? scale + 1 : scale;
        BigDecimal amount = BigDecimal.valueOf(r.nextLong(10_000_000L), amountScale);
        BigDecimal quantity = BigDecimal.valueOf(1 + r.nextInt(1000), r.nextInt(3));
        Order order = Order.create(
                        new OrderId(1),
                        OrderRequest.limit(
                                new PortfolioId(1),
                                new InstrumentId("ACME", "sim"),
                                Side.BUY,
                                new Quantity(quantity),
                                new Price(new BigDecimal("10"))),
                        Instant.EPOCH)
                .transition(OrderStatus.ACCEPTED, Instant.EPOCH);
        BigDecimal filled =
                BigDecimal.valueOf(r.nextInt(quantity.unscaledValue().intValueExact()), quantity.scale());
        if (r.nextBoolean() && filled.signum() > 0) {
            order = order.fill(new Quantity(filled), new Price(new BigDecimal("10")), Instant.EPOCH);
        }
        // The reservation was taken either for the whole order or for what was left at some point.
        BigDecimal accepted = r.nextBoolean()
                ? quantity
                : quantity.subtract(order.filledQuantity().value()).setScale(quantity.scale() + r.nextInt(2));
        BigDecimal remaining = quantity.subtract(order.filledQuantity().value());

        BigDecimal expected = amount.multiply(remaining).divide(accepted, scale, RoundingMode.CEILING);
        assertThat(OrderReservations.current(amount, accepted, order, scale)).isEqualTo(expected);
    }
}
