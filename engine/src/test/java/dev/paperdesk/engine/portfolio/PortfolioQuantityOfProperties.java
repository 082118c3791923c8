package dev.paperdesk.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The held quantity read without a flat position is the position's quantity, value and scale, for
 * random portfolios of several lots, long and short, under every cost-basis method, and for
 * instruments never held.
 */
class PortfolioQuantityOfProperties {
    static final InstrumentId NEVER = new InstrumentId("NONE", "sim");

    @Property(tries = 500)
    void quantityOfIsThePositionsQuantity(@ForAll @LongRange(min = 1) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Portfolio p = new Portfolio(
                new PortfolioId(7),
                "Held",
                "",
                Currency.USD,
                new BigDecimal(1 + r.nextInt(1_000_000)),
                CostBasisMethod.values()[r.nextInt(CostBasisMethod.values().length)],
                Instant.EPOCH);
        int fills = r.nextInt(25);
        for (int t = 0; t < fills; t++) {
            int k = r.nextInt(PortfolioCopyProperties.ALL.size());
            p.applyFill(PortfolioCopyProperties.fill(r, p, k, t + 1), PortfolioCopyProperties.ALL.get(k));
            check(p);
        }
        check(p);
        assertThat(p.quantityOf(NEVER)).isSameAs(BigDecimal.ZERO);
        assertThat(p.holds(NEVER)).isFalse();
    }

    private static void check(Portfolio p) {
        for (Instrument i : PortfolioCopyProperties.ALL) {
            Position position = p.position(i.id());
            BigDecimal expected = reference(position);
            BigDecimal actual = p.quantityOf(i.id());
            assertThat(actual).isEqualTo(expected); // equals: value and scale
            assertThat(actual.scale()).isEqualTo(expected.scale());
            assertThat(position.quantity()).isEqualTo(expected);
            assertThat(p.holds(i.id())).isEqualTo(!position.isFlat());
            if (position.isFlat()) {
                assertThat(actual).isSameAs(BigDecimal.ZERO).isSameAs(expected);
            }
            // The same questions with another, equal id object, kept across fills as a feed's quotes
            // ask them: the answers of a scan of the positions by equality.
            InstrumentId other = OTHERS.computeIfAbsent(i.id(), id -> new InstrumentId(id.symbol(), id.venue()));
            assertThat(other).isNotSameAs(i.id());
            Position scanned = null;
            for (Position q : p.positions()) {
                if (q.instrumentId().equals(other)) {
                    scanned = q;
                }
            }
            assertThat(p.position(other)).isEqualTo(scanned != null ? scanned : Position.flat(other));
            assertThat(p.quantityOf(other)).isEqualTo(scanned != null ? scanned.quantity() : BigDecimal.ZERO);
            assertThat(p.holds(other)).isEqualTo(scanned != null && !scanned.isFlat());
            assertThat(p.quantityOf(other)).isEqualTo(actual); // asked again: through the alias
        }
    }

    private static final java.util.Map<InstrumentId, InstrumentId> OTHERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The quantity as it was summed before: zero plus every lot, through an iterator. */
    private static BigDecimal reference(Position position) {
        if (position.lots().size() == 1 && position.lots().get(0).quantity().scale() >= 0) {
            return position.lots().get(0).quantity();
        }
        BigDecimal q = BigDecimal.ZERO;
        for (Lot lot : position.lots()) {
            q = q.add(lot.quantity());
        }
        return q;
    }
}
