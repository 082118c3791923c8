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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A step's changed orders behave as an insertion-ordered map by id, with few orders or many. */
class StepOrdersTest {
    private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");
    private static final OrderRequest REQUEST =
            OrderRequest.market(new PortfolioId(1), new InstrumentId("ACME", "sim"), Side.BUY, Quantity.of(1));

    @Test
    void keepsTheLatestStateOfEachOrderInTheOrderFirstChanged() {
        SplittableRandom r = new SplittableRandom(5);
        StepOrders step = new StepOrders();
        for (int round = 0; round < 50; round++) {
            Map<OrderId, Order> reference = new LinkedHashMap<>();
            int changes = r.nextInt(40); // a few as a rule, many in some steps (past the indexed size)
            for (int c = 0; c < changes; c++) {
                Order o = Order.create(new OrderId(1 + r.nextInt(20)), REQUEST, T.plusSeconds(c), null);
                step.put(o);
                reference.put(o.id(), o);
            }
            assertThat(step).containsExactlyElementsOf(reference.values());
            for (long id = 1; id <= 21; id++) {
                Order fallback = Order.create(new OrderId(id), REQUEST, T.minusSeconds(1), null);
                assertThat(step.getOrDefault(new OrderId(id), fallback))
                        .isSameAs(reference.getOrDefault(new OrderId(id), fallback));
            }
            step.clear();
            assertThat(step).isEmpty();
        }
    }
}
