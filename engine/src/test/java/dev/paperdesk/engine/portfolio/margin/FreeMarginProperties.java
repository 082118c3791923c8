package dev.paperdesk.engine.portfolio.margin;

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
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.PositionMargin;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The lean free margin the pre-trade requirement uses is the full account's free margin, value and
 * scale: over cross and isolated perpetuals, equities, long and short options, an instrument the
 * market no longer lists, a currency without a rate, missing marks and reservations.
 */
class FreeMarginProperties {
    static final Instrument PERP = MarginCalculatorTest.PERP;
    static final Instrument ACME = MarginCalculatorTest.ACME;
    static final Instrument PUT = MarginCalculatorTest.PUT;
    static final Instrument TOKYO = MarginCalculatorTest.TOKYO;
    static final List<Instrument> ALL = List.of(PERP, ACME, PUT, TOKYO);
    static final String[] BASE_PRICES = {"60000", "100", "3", "1000"};

    @Property(tries = 300)
    void leanFreeMarginEqualsTheFullAccounts(@ForAll @LongRange(min = 1) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Portfolio p = new Portfolio(
                new PortfolioId(1),
                "M",
                "",
                Currency.USD,
                new BigDecimal(1 + r.nextInt(1_000_000)),
                CostBasisMethod.FIFO,
                Instant.EPOCH);
        if (r.nextBoolean()) {
            p.setMargin(
                    PERP.id(),
                    new PositionMargin(
                            MarginMode.ISOLATED, 1 + r.nextInt(50), BigDecimal.valueOf(r.nextInt(100_000), 2)));
        }
        int trades = r.nextInt(8);
        for (int t = 0; t < trades; t++) {
            int k = r.nextInt(ALL.size());
            Instrument i = ALL.get(k);
            BigDecimal price = new BigDecimal(BASE_PRICES[k]).multiply(BigDecimal.valueOf(90 + r.nextInt(21), 2));
            BigDecimal qty =
                    k == 0 ? BigDecimal.valueOf(1 + r.nextInt(2000), 3) : BigDecimal.valueOf(1 + r.nextInt(20));
            p.applyFill(
                    new Fill(
                            new FillId(t + 1),
                            new OrderId(t + 1),
                            p.id(),
                            i.id(),
                            r.nextBoolean() ? Side.BUY : Side.SELL,
                            new Quantity(qty),
                            new Price(price.setScale(i.tickSize().scale(), java.math.RoundingMode.HALF_EVEN)),
                            new Money(BigDecimal.valueOf(r.nextInt(500), 2), i.quoteCurrency()),
                            Liquidity.TAKER,
                            BigDecimal.ZERO,
                            Instant.EPOCH),
                    i);
        }
        Map<InstrumentId, BigDecimal> marks = new HashMap<>();
        for (int k = 0; k < ALL.size(); k++) {
            if (r.nextInt(4) != 0) {
                marks.put(
                        ALL.get(k).id(),
                        new BigDecimal(BASE_PRICES[k]).multiply(BigDecimal.valueOf(80 + r.nextInt(41), 2)));
            }
        }
        boolean listed = r.nextInt(5) != 0;
        Map<InstrumentId, Instrument> instruments = new HashMap<>();
        for (Instrument i : ALL) {
            if (listed || i != ACME) {
                instruments.put(i.id(), i);
            }
        }
        BigDecimal underlying = r.nextBoolean() ? new BigDecimal("95.5") : null;
        PortfolioSnapshot s = p.snapshot(
                        marks::get,
                        id -> ALL.stream()
                                .filter(i -> i.id().equals(id))
                                .findFirst()
                                .orElseThrow()
                                .multiplier(),
                        (from, to) -> from.code().equals("JPY") ? Optional.empty() : Optional.of(BigDecimal.ONE))
                .withReservedForOrders(BigDecimal.valueOf(r.nextInt(100_000), 2));

        BigDecimal full = MarginCalculator.DEFAULT
                .compute(s, instruments::get, id -> underlying)
                .freeMargin();
        BigDecimal lean = MarginCalculator.DEFAULT.freeMargin(s, instruments::get, id -> underlying);

        assertThat(lean).isEqualTo(full);
    }
}
