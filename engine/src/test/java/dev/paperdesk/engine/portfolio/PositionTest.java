package dev.paperdesk.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PositionTest {
    private static final InstrumentId ACME = new InstrumentId("ACME", "sim");
    private static final Instant T0 = Instant.parse("2026-01-05T15:00:00Z");

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** A flat position after two fills (signed quantity, price, time), multiplier 1. */
    private static Position twoFills(
            CostBasisMethod method, String q1, String p1, Instant t1, String q2, String p2, Instant t2) {
        return Position.flat(ACME)
                .apply(d(q1), d(p1), BigDecimal.ONE, method, t1)
                .position()
                .apply(d(q2), d(p2), BigDecimal.ONE, method, t2)
                .position();
    }

    @Test
    void aPositionIsFlatExactlyWhenItHasNoLotsHoweverItWasMade() {
        Position closed = twoFills(CostBasisMethod.FIFO, "10", "100", T0, "-10", "101", T0);
        Position fromEmptyList = new Position(ACME, new java.util.ArrayList<>(), BigDecimal.ZERO);
        Position fromLinkedList = new Position(ACME, new java.util.LinkedList<>(), d("1"));
        Position held = new Position(ACME, java.util.List.of(new Lot(d("1"), d("100"), T0)), BigDecimal.ZERO);
        Position heldFromArrayList = new Position(ACME, new java.util.ArrayList<>(held.lots()), BigDecimal.ZERO);
        assertThat(closed.isFlat()).isTrue();
        assertThat(closed.lots()).isEmpty();
        assertThat(fromEmptyList.isFlat()).isTrue();
        assertThat(fromLinkedList.isFlat()).isTrue();
        assertThat(Position.flat(ACME).isFlat()).isTrue();
        assertThat(fromEmptyList).isEqualTo(Position.flat(ACME));
        assertThat(held.isFlat()).isFalse();
        assertThat(heldFromArrayList.isFlat()).isFalse();
        assertThat(heldFromArrayList).isEqualTo(held);
    }

    @Test
    void fifoClosesOldestLotFirst() {
        Position p = twoFills(CostBasisMethod.FIFO, "10", "100", T0, "10", "110", T0.plusSeconds(60));
        Position.Trade sell = p.apply(d("-15"), d("120"), BigDecimal.ONE, CostBasisMethod.FIFO, T0.plusSeconds(120));
        // 10 @ 100 and 5 @ 110 closed at 120: 200 + 50
        assertThat(sell.realizedPnl()).isEqualByComparingTo("250");
        assertThat(sell.position().quantity()).isEqualByComparingTo("5");
        assertThat(sell.position().costBasis()).isEqualByComparingTo("550");
        assertThat(sell.closedQuantity()).isEqualByComparingTo("15");
    }

    @Test
    void lifoClosesNewestLotFirst() {
        Position p = twoFills(CostBasisMethod.LIFO, "10", "100", T0, "10", "110", T0);
        Position.Trade sell = p.apply(d("-15"), d("120"), BigDecimal.ONE, CostBasisMethod.LIFO, T0);
        // 10 @ 110 and 5 @ 100 closed at 120: 100 + 100
        assertThat(sell.realizedPnl()).isEqualByComparingTo("200");
        assertThat(sell.position().costBasis()).isEqualByComparingTo("500");
    }

    @Test
    void averageCostPoolsLots() {
        Position p = twoFills(CostBasisMethod.AVERAGE, "10", "100", T0, "10", "110", T0);
        assertThat(p.lots()).hasSize(1);
        assertThat(p.averagePrice(BigDecimal.ONE)).isEqualByComparingTo("105");
        Position.Trade sell = p.apply(d("-5"), d("120"), BigDecimal.ONE, CostBasisMethod.AVERAGE, T0);
        assertThat(sell.realizedPnl()).isEqualByComparingTo("75");
        assertThat(sell.position().costBasis()).isEqualByComparingTo("1575");
    }

    @Test
    void flipsThroughZeroIntoAShort() {
        Position p = Position.flat(ACME)
                .apply(d("10"), d("100"), BigDecimal.ONE, CostBasisMethod.FIFO, T0)
                .position();
        Position.Trade flip = p.apply(d("-25"), d("90"), BigDecimal.ONE, CostBasisMethod.FIFO, T0);
        assertThat(flip.realizedPnl()).isEqualByComparingTo("-100");
        assertThat(flip.position().quantity()).isEqualByComparingTo("-15");
        assertThat(flip.position().costBasis()).isEqualByComparingTo("-1350");
        // Buying back the short below its entry is a gain.
        Position.Trade cover = flip.position().apply(d("15"), d("80"), BigDecimal.ONE, CostBasisMethod.FIFO, T0);
        assertThat(cover.realizedPnl()).isEqualByComparingTo("150");
        assertThat(cover.position().isFlat()).isTrue();
        assertThat(cover.position().realizedPnl()).isEqualByComparingTo("50");
    }

    @Test
    void multiplierScalesCostAndPnl() {
        Position p = Position.flat(ACME)
                .apply(d("2"), d("3.50"), d("100"), CostBasisMethod.FIFO, T0)
                .position();
        assertThat(p.costBasis()).isEqualByComparingTo("700");
        assertThat(p.unrealizedPnl(d("4.00"), d("100"))).isEqualByComparingTo("100");
        assertThat(p.averagePrice(d("100"))).isEqualByComparingTo("3.5");
    }

    @Test
    void partialLotCloseKeepsCostExact() {
        Position p = Position.flat(ACME)
                .apply(d("3"), d("10"), BigDecimal.ONE, CostBasisMethod.FIFO, T0)
                .position();
        Position.Trade t = p.apply(d("-1"), d("10"), BigDecimal.ONE, CostBasisMethod.FIFO, T0);
        assertThat(t.realizedPnl()).isEqualByComparingTo("0");
        assertThat(t.position().costBasis()).isEqualByComparingTo("20");
    }
}
