package dev.paperdesk.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A trade on a flat position (the engine's every entry and pre-trade trial) gives what the general
 * lot algorithm gives: the same lot, realized P&amp;L and closed quantity, value and scale.
 */
class PositionOpeningProperties {
    private static final InstrumentId ACME = new InstrumentId("ACME", "sim");
    private static final Instant T0 = Instant.parse("2026-01-05T15:00:00Z");

    @Property(tries = 2000)
    void openingFromFlatIsTheGeneralAlgorithmsResult(
            @ForAll @LongRange(min = -10_000_000, max = 10_000_000) long qty,
            @ForAll @IntRange(min = -1, max = 8) int qtyScale,
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long price,
            @ForAll @IntRange(min = 0, max = 8) int priceScale,
            @ForAll @IntRange(min = 0, max = 3) int multiplierChoice,
            @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long realized,
            @ForAll @IntRange(min = 0, max = 6) int realizedScale,
            @ForAll CostBasisMethod method) {
        BigDecimal signed = BigDecimal.valueOf(qty == 0 ? 1 : qty, qtyScale);
        BigDecimal px = BigDecimal.valueOf(price, priceScale);
        BigDecimal multiplier = List.of(BigDecimal.ONE, new BigDecimal("100"), new BigDecimal("0.001"), BigDecimal.TEN)
                .get(multiplierChoice);
        // flat, with P&L realized before (a position closed earlier) or none
        Position flat = new Position(ACME, List.of(), BigDecimal.valueOf(realized, realizedScale));
        Position.Trade got = flat.apply(signed, px, multiplier, method, T0);
        Position.Trade want = reference(flat, signed, px, multiplier, method, T0);
        assertThat(got).isEqualTo(want); // records of BigDecimals: equal in value and scale
        assertThat(got.position().lots().get(0).cost().scale())
                .isEqualTo(want.position().lots().get(0).cost().scale());
        assertThat(got.position().realizedPnl().scale())
                .isEqualTo(want.position().realizedPnl().scale());
    }

    /** The general lot algorithm of {@link Position#apply} as it is for positions with lots. */
    private static Position.Trade reference(
            Position p,
            BigDecimal signedQty,
            BigDecimal price,
            BigDecimal multiplier,
            CostBasisMethod method,
            Instant at) {
        List<Lot> open = new java.util.ArrayList<>(p.lots());
        BigDecimal remaining = signedQty;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal closedQty = BigDecimal.ZERO;
        while (remaining.signum() != 0
                && !open.isEmpty()
                && open.get(0).quantity().signum() != remaining.signum()) {
            throw new AssertionError("a flat position has no lot to close");
        }
        if (remaining.signum() != 0) {
            BigDecimal cost = remaining.multiply(price).multiply(multiplier);
            if (method == CostBasisMethod.AVERAGE && !open.isEmpty()) {
                throw new AssertionError("a flat position has no lot to pool into");
            }
            open.add(new Lot(remaining, cost, at));
        }
        Position next = new Position(p.instrumentId(), open, p.realizedPnl().add(realized));
        return new Position.Trade(next, realized, closedQty);
    }
}
