package dev.paperdesk.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.OrderId;
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
            p.applyFill(fill(r, p, k, t + 1), PortfolioCopyProperties.ALL.get(k));
            check(p);
        }
        check(p);
        assertThat(p.quantityOf(NEVER)).isSameAs(BigDecimal.ZERO);
    }

    private static void check(Portfolio p) {
        for (Instrument i : PortfolioCopyProperties.ALL) {
            Position position = p.position(i.id());
            BigDecimal expected = reference(position);
            BigDecimal actual = p.quantityOf(i.id());
            assertThat(actual).isEqualTo(expected); // equals: value and scale
            assertThat(actual.scale()).isEqualTo(expected.scale());
            assertThat(position.quantity()).isEqualTo(expected);
            if (position.isFlat()) {
                assertThat(actual).isSameAs(BigDecimal.ZERO).isSameAs(expected);
            }
        }
    }

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

    private static Fill fill(SplittableRandom r, Portfolio p, int k, long id) {
        Instrument i = PortfolioCopyProperties.ALL.get(k);
        BigDecimal price =
                new BigDecimal(PortfolioCopyProperties.PRICES[k]).multiply(BigDecimal.valueOf(90 + r.nextInt(21), 2));
        BigDecimal qty = k == 2 ? BigDecimal.valueOf(1 + r.nextInt(2000), 3) : BigDecimal.valueOf(1 + r.nextInt(20));
        return new Fill(
                new FillId(id),
                new OrderId(id),
                p.id(),
                i.id(),
                r.nextBoolean() ? Side.BUY : Side.SELL,
                new Quantity(qty),
                new Price(price.setScale(i.tickSize().scale(), RoundingMode.HALF_EVEN)),
                new Money(BigDecimal.valueOf(r.nextInt(500), 2), i.quoteCurrency()),
                Liquidity.TAKER,
                BigDecimal.ZERO,
                Instant.EPOCH);
    }
}
