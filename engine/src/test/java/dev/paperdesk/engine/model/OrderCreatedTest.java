package dev.paperdesk.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A creation whose words are written on first read is the same value as one written at once. */
class OrderCreatedTest {
    private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");

    @Test
    void wordsWrittenOnReadEqualWordsWrittenAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        OrderEvent.Created lazy = OrderEvent.Created.describing(new OrderId(3), T, () -> {
            calls.incrementAndGet();
            return "BUY 1 ACME@sim MARKET GTC";
        });
        OrderEvent.Created eager = new OrderEvent.Created(new OrderId(3), T, "BUY 1 ACME@sim MARKET GTC");

        assertThat(calls).hasValue(0);
        assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager).hasToString(eager.toString());
        assertThat(lazy.reason()).isEqualTo("BUY 1 ACME@sim MARKET GTC");
        assertThat(calls).hasValue(1); // written once, then kept
        assertThat(lazy.kind()).isEqualTo("CREATED");
        assertThat(lazy.status()).isEqualTo(OrderStatus.NEW);
        assertThat(lazy.orderId()).isEqualTo(new OrderId(3));
        assertThat(lazy.timestamp()).isEqualTo(T);
    }

    @Test
    void creationsWithOtherWordsOrOrdersDiffer() {
        OrderEvent.Created a = OrderEvent.Created.describing(new OrderId(3), T, () -> "BUY 1 ACME@sim MARKET GTC");
        assertThat(a).isNotEqualTo(new OrderEvent.Created(new OrderId(3), T, "SELL 1 ACME@sim MARKET GTC"));
        assertThat(a).isNotEqualTo(new OrderEvent.Created(new OrderId(4), T, "BUY 1 ACME@sim MARKET GTC"));
        assertThat(a)
                .isNotEqualTo(new OrderEvent.Created(new OrderId(3), T.plusSeconds(1), "BUY 1 ACME@sim MARKET GTC"));
    }
}
