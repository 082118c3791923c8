package dev.paperdesk.engine.execution.orders;

import static dev.paperdesk.engine.execution.orders.VenueHarness.COIN;
import static dev.paperdesk.engine.execution.orders.VenueHarness.STOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.models.FillModel;
import dev.paperdesk.engine.execution.models.LatencyModel;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.execution.models.QueueModel;
import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderGroupKind;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The venue's open orders of one instrument (what the funds check scans) are exactly its open orders
 * filtered by that instrument, whatever mix of resting, filled, cancelled, conditional and linked
 * orders came before.
 */
class OpenOrdersByInstrumentProperties {
    static final ModelSet TOUCH_WITH_LATENCY = new ModelSet(
            new FillModel.Touch(),
            new SlippageModel.None(),
            new LatencyModel.Uniform(1, 10),
            FeeModel.NONE,
            QueueModel.QueuePosition.DEFAULT);

    @Property(tries = 40)
    void perInstrumentOpenOrdersMatchTheFilteredWholeList(@ForAll @LongRange(min = 1) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        VenueHarness h = new VenueHarness(TOUCH_WITH_LATENCY);
        h.quote(COIN, "99.99", "100.01", "50");
        h.quote(STOCK, "49.99", "50.01", "500");
        List<OrderId> placed = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            Instrument i = r.nextBoolean() ? COIN : STOCK;
            long mid = i == COIN ? 10_000 : 5_000;
            switch (r.nextInt(6)) {
                case 0, 1 -> placed.add(h.submit(limit(i, r, mid)).id());
                case 2 -> placed.add(
                        h.submit(VenueHarness.order(i, side(r), lots(i, r)).build())
                                .id());
                case 3 -> {
                    if (!placed.isEmpty()) {
                        h.cancel(placed.get(r.nextInt(placed.size())));
                    }
                }
                case 4 -> placed.addAll(
                        h.place(List.of(limit(i, r, mid), limit(i, r, mid)), OrderGroupKind.OCO).stream()
                                .map(Order::id)
                                .toList());
                default -> {
                    long moved = mid + r.nextInt(-8, 9);
                    h.quote(i, price(moved - 1), price(moved + 1), i == COIN ? "50" : "500");
                }
            }
            if (r.nextInt(3) == 0) {
                h.advance(Duration.ofMillis(r.nextInt(1, 20)));
            }
            for (Instrument each : List.of(COIN, STOCK, VenueHarness.PERP)) {
                assertThat(sorted(h.venue.openOrders(each.id()))).isEqualTo(filtered(h.venue.openOrders(), each.id()));
            }
        }
        assertThat(h.venue.openOrders(new InstrumentId("NONE", "test"))).isEmpty();
    }

    private static OrderRequest limit(Instrument i, SplittableRandom r, long mid) {
        return VenueHarness.order(i, side(r), lots(i, r))
                .limitPrice(Price.of(price(mid + r.nextInt(-6, 7))))
                .timeInForce(TimeInForce.GTC)
                .build();
    }

    private static Side side(SplittableRandom r) {
        return r.nextBoolean() ? Side.BUY : Side.SELL;
    }

    private static String lots(Instrument i, SplittableRandom r) {
        return i == COIN
                ? BigDecimal.valueOf(1 + r.nextInt(5000), 3).toPlainString()
                : Integer.toString(1 + r.nextInt(50));
    }

    private static String price(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static List<Order> sorted(List<Order> orders) {
        return orders.stream().sorted(Comparator.comparing(Order::id)).toList();
    }

    private static List<Order> filtered(List<Order> orders, InstrumentId instrument) {
        return orders.stream()
                .filter(o -> o.request().instrumentId().equals(instrument))
                .toList();
    }
}
