package dev.paperdesk.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookSnapshotTest {
    private static final InstrumentId ID = InstrumentId.parse("BTC-USDT@binance");
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    private static BookLevel level(String price, String size) {
        return new BookLevel(Price.of(price), Quantity.of(size));
    }

    @Test
    void topOfBookIsTheFirstLevelOfEachSide() {
        BookSnapshot book = new BookSnapshot(
                ID,
                T,
                List.of(level("99.9", "1"), level("99.8", "2")),
                List.of(level("100.1", "3"), level("100.2", "4")));
        assertThat(book.topOfBook().bid()).isEqualTo(Price.of("99.9"));
        assertThat(book.topOfBook().askSize()).isEqualTo(Quantity.of("3"));
    }

    @Test
    void refusesUnorderedCrossedOrEmptyLevels() {
        assertThatThrownBy(() -> new BookSnapshot(ID, T, List.of(level("99.8", "1"), level("99.9", "1")), List.of()))
                .hasMessageContaining("bid level 1")
                .hasMessageContaining("out of order");
        assertThatThrownBy(() -> new BookSnapshot(ID, T, List.of(), List.of(level("100.2", "1"), level("100.1", "1"))))
                .hasMessageContaining("ask level 1");
        assertThatThrownBy(() -> new BookSnapshot(ID, T, List.of(level("100", "1")), List.of(level("100", "1"))))
                .hasMessageContaining("crossed");
        assertThatThrownBy(() -> new BookSnapshot(ID, T, List.of(level("100", "0")), List.of()))
                .hasMessageContaining("no size");
    }

    @Test
    void tradePrintsNeedAPositivePriceAndSize() {
        assertThatThrownBy(() -> new TradePrint(ID, T, Price.of("0"), Quantity.of("1"), Side.BUY))
                .hasMessageContaining("price");
        assertThatThrownBy(() -> new TradePrint(ID, T, Price.of("1"), Quantity.ZERO, Side.BUY))
                .hasMessageContaining("size");
        assertThatThrownBy(() -> new FundingRate(ID, T, BigDecimal.ZERO, 5, Price.of("1")))
                .hasMessageContaining("divide 24");
    }

    @Test
    void unitScaleConvertsCountsExactly() {
        UnitScale tick = new UnitScale(new BigDecimal("0.00010"));
        assertThat(tick.toDecimal(5200)).isEqualByComparingTo("0.52");
        assertThat(tick.toDecimal(5200).scale()).isEqualTo(4);
        assertThat(tick.toCountExact(new BigDecimal("0.5201"))).isEqualTo(5201);
        assertThatThrownBy(() -> tick.toCountExact(new BigDecimal("0.52005"))).isInstanceOf(ArithmeticException.class);
        assertThat(new UnitScale(new BigDecimal("10")).toDecimal(3)).isEqualByComparingTo("30");
    }
}
