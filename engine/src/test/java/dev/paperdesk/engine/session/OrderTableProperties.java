package dev.paperdesk.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The engine's order table behaves as a sorted map by id: same lookups, same listing, in id order. */
class OrderTableProperties {
    private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");
    private static final OrderRequest REQUEST =
            OrderRequest.market(new PortfolioId(1), new InstrumentId("ACME", "sim"), Side.BUY, Quantity.of(1));

    private static Order order(long id, int version) {
        return Order.create(new OrderId(id), REQUEST, T.plusSeconds(version), null);
    }

    @Property(tries = 300)
    void behavesAsASortedMap(@ForAll("ids") List<Long> ids) {
        OrderTable table = new OrderTable();
        TreeMap<OrderId, Order> reference = new TreeMap<>();
        int version = 0;
        for (long id : ids) {
            Order o = order(id, version++); // a repeated id replaces the stored order
            table.put(o);
            reference.put(o.id(), o);
        }
        assertThat(table.values()).containsExactlyElementsOf(reference.values());
        for (long id : ids) {
            assertThat(table.get(new OrderId(id))).isSameAs(reference.get(new OrderId(id)));
            assertThat(table.get(new OrderId(id + 1))).isEqualTo(reference.get(new OrderId(id + 1)));
        }
    }

    @Provide
    Arbitrary<List<Long>> ids() {
        // Mostly sequential ids as the engine assigns them, around chunk edges, and ids past the dense range.
        Arbitrary<Long> small = Arbitraries.longs().between(1, 20_000);
        Arbitrary<Long> edges = Arbitraries.of(4_095L, 4_096L, 4_097L, 8_191L, 8_192L, 1L);
        Arbitrary<Long> far = Arbitraries.longs().between(OrderTable.DENSE_LIMIT - 2, Long.MAX_VALUE - 1);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, small),
                        net.jqwik.api.Tuple.of(2, edges),
                        net.jqwik.api.Tuple.of(1, far))
                .list()
                .ofMaxSize(60);
    }

    @Test
    void anEmptyTableFindsNothing() {
        OrderTable table = new OrderTable();
        assertThat(table.get(new OrderId(1))).isNull();
        assertThat(table.get(new OrderId(1L << 40))).isNull();
        assertThat(table.values()).isEmpty();
    }

    @Test
    void listsAHundredThousandSequentialOrdersInIdOrder() {
        OrderTable table = new OrderTable();
        for (long id = 1; id <= 100_000; id++) {
            table.put(order(id, 0));
        }
        table.put(order(OrderTable.DENSE_LIMIT + 5, 0));
        List<Order> all = table.values();
        assertThat(all).hasSize(100_001);
        for (int i = 0; i < 100_000; i++) {
            assertThat(all.get(i).id().value()).isEqualTo(i + 1L);
        }
        assertThat(all.get(100_000).id().value()).isEqualTo(OrderTable.DENSE_LIMIT + 5);
        assertThat(table.get(new OrderId(77_777)).id().value()).isEqualTo(77_777L);
    }
}
