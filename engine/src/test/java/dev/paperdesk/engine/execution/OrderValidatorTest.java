package dev.paperdesk.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Rejection;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.model.TrailingOffset;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderValidatorTest {
    static final Instrument STOCK = new Instrument.Equity(
            InstrumentId.parse("ACME@nasdaq"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "x");
    static final Instrument PERP = new Instrument.Perpetual(
            InstrumentId.parse("BTC-USDT-PERP@bybit"),
            Currency.BTC,
            Currency.of("USDT"),
            new BigDecimal("0.1"),
            new BigDecimal("0.001"),
            BigDecimal.ONE,
            8);
    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

    private static OrderRequest.Builder order(Instrument i, String qty) {
        return OrderRequest.builder(new PortfolioId(1), i.id(), Side.BUY, Quantity.of(qty));
    }

    private static RejectReason reason(OrderRequest r, Instrument i) {
        Optional<Rejection> rej = OrderValidator.check(r, i, NOW);
        return rej.map(Rejection::reason).orElse(null);
    }

    @Test
    void quantitiesPricesAndOffsetsMustFitTheInstrument() {
        assertThat(reason(order(STOCK, "0").build(), STOCK)).isEqualTo(RejectReason.INVALID_QUANTITY);
        assertThat(reason(order(STOCK, "1.5").build(), STOCK)).isEqualTo(RejectReason.INVALID_LOT);
        assertThat(reason(order(STOCK, "1").limit(Price.of("-1")).build(), STOCK))
                .isEqualTo(RejectReason.INVALID_PRICE);
        assertThat(reason(order(STOCK, "1").limit(Price.of("10.001")).build(), STOCK))
                .isEqualTo(RejectReason.INVALID_TICK);
        assertThat(reason(
                        order(STOCK, "1")
                                .type(OrderType.TRAILING_STOP)
                                .trail(TrailingOffset.amount(new BigDecimal("0.005")))
                                .build(),
                        STOCK))
                .isEqualTo(RejectReason.INVALID_TICK);
        assertThat(reason(
                        order(STOCK, "1")
                                .type(OrderType.TRAILING_STOP)
                                .trail(TrailingOffset.percent(new BigDecimal("0.005")))
                                .build(),
                        STOCK))
                .isNull();
        assertThat(reason(
                        order(STOCK, "1")
                                .type(OrderType.TRAILING_STOP_LIMIT)
                                .trail(TrailingOffset.amount(BigDecimal.ONE))
                                .limitOffset(Price.of("0.001"))
                                .build(),
                        STOCK))
                .isEqualTo(RejectReason.INVALID_TICK);
        assertThat(OrderValidator.check(
                        order(STOCK, "100").limit(Price.of("10.01")).build(), STOCK))
                .isEmpty();
    }

    @Test
    void flagsAndTimesInForceMustMakeSense() {
        assertThat(reason(order(STOCK, "1").postOnly(true).build(), STOCK)).isEqualTo(RejectReason.UNSUPPORTED_ORDER);
        assertThat(reason(
                        order(STOCK, "1")
                                .limit(Price.of("1"))
                                .postOnly(true)
                                .timeInForce(TimeInForce.IOC)
                                .build(),
                        STOCK))
                .isEqualTo(RejectReason.UNSUPPORTED_ORDER);
        assertThat(reason(order(STOCK, "1").allOrNone(true).build(), STOCK)).isEqualTo(RejectReason.UNSUPPORTED_ORDER);
        assertThat(reason(
                        order(STOCK, "1")
                                .limit(Price.of("1"))
                                .allOrNone(true)
                                .timeInForce(TimeInForce.IOC)
                                .build(),
                        STOCK))
                .isEqualTo(RejectReason.UNSUPPORTED_ORDER);
        assertThat(reason(order(STOCK, "1").limit(Price.of("1")).allOrNone(true).build(), STOCK))
                .isNull();
        assertThat(reason(order(STOCK, "1").reduceOnly(true).build(), STOCK)).isNull();
        assertThat(reason(order(PERP, "1").reduceOnly(true).build(), PERP)).isNull();
        assertThat(reason(
                        order(STOCK, "1")
                                .limit(Price.of("1"))
                                .expireAt(NOW.plusSeconds(5))
                                .build(),
                        STOCK))
                .isEqualTo(RejectReason.INVALID_EXPIRY);
        assertThat(reason(order(STOCK, "1").limit(Price.of("1")).goodTill(NOW).build(), STOCK))
                .isEqualTo(RejectReason.INVALID_EXPIRY);
        assertThat(reason(
                        order(STOCK, "1")
                                .limit(Price.of("1"))
                                .goodTill(NOW.plusSeconds(1))
                                .build(),
                        STOCK))
                .isNull();
        assertThat(OrderValidator.check(
                                order(STOCK, "1")
                                        .limit(Price.of("1"))
                                        .postOnly(true)
                                        .timeInForce(TimeInForce.FOK)
                                        .build(),
                                STOCK)
                        .orElseThrow()
                        .message())
                .contains("never takes");
    }
}
