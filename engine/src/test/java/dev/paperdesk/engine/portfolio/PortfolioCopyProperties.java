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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * A copy is the portfolio as the restoring constructor rebuilds it from its parts, field by field and
 * valuation by valuation, and stays independent; a hypothetical fill moves a copy exactly as {@code
 * applyFill} does, only without ledger entries.
 */
class PortfolioCopyProperties {
    static final Instrument ACME = new Instrument.Equity(
            new InstrumentId("ACME", "sim"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "x");
    static final Instrument TOKYO = new Instrument.Equity(
            new InstrumentId("TKO", "tse"), BigDecimal.ONE, BigDecimal.ONE, Currency.of("JPY"), "x");
    static final Instrument PERP = new Instrument.Perpetual(
            new InstrumentId("BTC-USDT-PERP", "sim"),
            Currency.BTC,
            Currency.USDT,
            new BigDecimal("0.1"),
            new BigDecimal("0.001"),
            BigDecimal.ONE,
            8);
    static final List<Instrument> ALL = List.of(ACME, TOKYO, PERP);
    static final String[] PRICES = {"100", "1000", "60000"};
    static final FxRates FX =
            (from, to) -> from.equals(to) ? Optional.of(BigDecimal.ONE) : Optional.of(new BigDecimal("0.0067"));

    @Property(tries = 300)
    void copiesAndHypotheticalFillsMatchTheReference(@ForAll @LongRange(min = 1) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Portfolio p = new Portfolio(
                new PortfolioId(3),
                "Copy",
                "d",
                Currency.USD,
                new BigDecimal(1 + r.nextInt(1_000_000)),
                CostBasisMethod.values()[r.nextInt(CostBasisMethod.values().length)],
                Instant.EPOCH);
        for (int t = 0; t < r.nextInt(10); t++) {
            int k = r.nextInt(ALL.size());
            p.applyFill(fill(r, p, k, t + 1), ALL.get(k));
        }
        if (r.nextBoolean()) {
            p.setMargin(PERP.id(), new PositionMargin(MarginMode.ISOLATED, 5, new BigDecimal("12.5")));
        }
        if (r.nextBoolean()) {
            p.topUp(BigDecimal.TEN, Currency.USD, Instant.EPOCH);
        }
        if (r.nextInt(4) == 0) {
            p.setArchived(true);
        }
        p.setRiskMarks(new RiskMarks(LocalDate.EPOCH, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.TEN));

        Portfolio copy = p.copy();
        Portfolio restored = new Portfolio(
                p.id(),
                p.name(),
                p.description(),
                p.baseCurrency(),
                p.startingBalance(),
                p.settings(),
                p.createdAt(),
                p.archived(),
                p.deleted(),
                p.balances(),
                p.positions(),
                p.positionCurrencies(),
                p.margins(),
                p.riskMarks());
        assertSame(copy, restored);
        assertThat(snapshot(copy)).isEqualTo(snapshot(p));

        // Independent: booking into the copy leaves the source as it was.
        PortfolioSnapshot before = snapshot(p);
        int k = r.nextInt(ALL.size());
        Fill next = fill(r, p, k, 99);
        Portfolio booked = p.copy();
        List<LedgerEntry> ledger = booked.applyFill(next, ALL.get(k));
        copy.applyHypotheticalFill(next, ALL.get(k));
        assertThat(snapshot(p)).isEqualTo(before);
        assertSame(copy, booked);
        assertThat(snapshot(copy)).isEqualTo(snapshot(booked));
        assertThat(ledger).isNotEmpty();
    }

    /**
     * A copy shares its terms and quote-currency maps with its source until either writes: whatever
     * is booked, given terms, funded or reset on one side (in any order) leaves the other exactly as
     * it was, so a step that books into a copy and fails to commit leaves the live portfolio as it was.
     */
    @Property(tries = 300)
    void aCopyAndItsSourceStayIndependentWhicheverWritesFirst(@ForAll @LongRange(min = 1) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Portfolio p = new Portfolio(
                new PortfolioId(5),
                "Shared",
                "",
                Currency.USD,
                new BigDecimal("250000"),
                CostBasisMethod.FIFO,
                Instant.EPOCH);
        for (int t = 0; t < r.nextInt(6); t++) {
            int k = r.nextInt(ALL.size());
            p.applyFill(fill(r, p, k, t + 1), ALL.get(k));
            if (r.nextBoolean()) {
                p.setMargin(ALL.get(k).id(), PositionMargin.cross(1 + r.nextInt(3)));
            }
        }
        Portfolio[] sides = {p, p.copy(), null};
        sides[2] = r.nextBoolean() ? sides[1].copy() : p.copy(); // a copy of a copy shares the maps too
        Portfolio[] reference = new Portfolio[3];
        for (int i = 0; i < 3; i++) {
            reference[i] = restored(sides[i]);
        }
        long id = 100;
        for (int step = 0; step < 12; step++) {
            int who = r.nextInt(3);
            Portfolio target = sides[who];
            Portfolio ref = reference[who];
            int k = r.nextInt(ALL.size());
            switch (r.nextInt(5)) {
                case 0, 1 -> {
                    Fill f = fill(r, target, k, id++);
                    target.applyFill(f, ALL.get(k));
                    ref.applyFill(f, ALL.get(k));
                }
                case 2 -> {
                    PositionMargin m = r.nextBoolean()
                            ? PositionMargin.cross(1 + r.nextInt(3))
                            : new PositionMargin(
                                    MarginMode.ISOLATED, 1 + r.nextInt(5), BigDecimal.valueOf(r.nextInt(90)));
                    target.setMargin(ALL.get(k).id(), m);
                    ref.setMargin(ALL.get(k).id(), m);
                }
                case 3 -> {
                    if (!target.position(PERP.id()).isFlat()) {
                        target.bookFunding(PERP.id(), BigDecimal.ONE, Instant.EPOCH, "f");
                        ref.bookFunding(PERP.id(), BigDecimal.ONE, Instant.EPOCH, "f");
                    }
                }
                default -> {
                    if (r.nextInt(4) == 0) {
                        target.reset(Instant.EPOCH);
                        ref.reset(Instant.EPOCH);
                    }
                }
            }
            // Every side holds exactly what was done to it, and nothing done to the others.
            for (int i = 0; i < 3; i++) {
                assertSame(sides[i], reference[i]);
                assertThat(snapshot(sides[i])).isEqualTo(snapshot(reference[i]));
            }
        }
    }

    /** A portfolio rebuilt from its parts by the restoring constructor: shares no map with it. */
    private static Portfolio restored(Portfolio p) {
        return new Portfolio(
                p.id(),
                p.name(),
                p.description(),
                p.baseCurrency(),
                p.startingBalance(),
                p.settings(),
                p.createdAt(),
                p.archived(),
                p.deleted(),
                p.balances(),
                p.positions(),
                p.positionCurrencies(),
                p.margins(),
                p.riskMarks());
    }

    /** A snapshot builds its position views on first read, each equal to the position's own figures. */
    @Property(tries = 200)
    void snapshotViewsAreBuiltOnReadFromThePositions(@ForAll @LongRange(min = 1) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Portfolio p = new Portfolio(
                new PortfolioId(4),
                "Views",
                "",
                Currency.USD,
                new BigDecimal("100000"),
                CostBasisMethod.AVERAGE,
                Instant.EPOCH);
        for (int t = 0; t < 1 + r.nextInt(10); t++) {
            int k = r.nextInt(ALL.size());
            p.applyFill(fill(r, p, k, t + 1), ALL.get(k));
        }
        PortfolioSnapshot s = snapshot(p);
        assertThat(s.positions()).isInstanceOf(DeferredPositions.class);
        assertThat(((DeferredPositions) s.positions()).built()).isFalse();
        assertThat(s.positions()).hasSize(p.positions().size());

        List<PositionView> expected = new java.util.ArrayList<>();
        for (Position pos : p.positions()) {
            Instrument i = ALL.stream()
                    .filter(x -> x.id().equals(pos.instrumentId()))
                    .findFirst()
                    .orElseThrow();
            BigDecimal mark = pos.instrumentId().equals(ACME.id()) ? new BigDecimal("101.5") : null;
            BigDecimal value = mark == null ? pos.costBasis() : pos.marketValue(mark, i.multiplier());
            BigDecimal upnl = value.subtract(pos.costBasis());
            BigDecimal rate = FX.rate(i.quoteCurrency(), Currency.USD).orElseThrow();
            expected.add(new PositionView(
                    pos.instrumentId(),
                    i.quoteCurrency(),
                    pos.quantity(),
                    pos.averagePrice(i.multiplier()),
                    pos.costBasis(),
                    mark,
                    value,
                    upnl,
                    pos.realizedPnl(),
                    upnl.multiply(rate)));
        }
        // The figures before the views are built: the views' own, average price included (value and scale).
        List<? extends PositionFigures> figures = s.positionFigures();
        assertThat(figures).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            PositionFigures f = figures.get(k);
            PositionView v = expected.get(k);
            assertThat(new PositionView(
                            f.instrumentId(),
                            f.currency(),
                            f.quantity(),
                            f.averagePrice(),
                            f.costBasis(),
                            f.mark(),
                            f.marketValue(),
                            f.unrealizedPnl(),
                            f.realizedPnl(),
                            f.unrealizedPnlBase()))
                    .isEqualTo(v);
        }
        assertThat(((DeferredPositions) s.positions()).built()).isFalse();
        assertThat(List.copyOf(s.positions())).containsExactlyElementsOf(expected);
        assertThat(((DeferredPositions) s.positions()).built()).isTrue();
        // Once built, the figures are the views themselves.
        assertThat(List.<PositionFigures>copyOf(s.positionFigures())).containsExactlyElementsOf(expected);
    }

    private static void assertSame(Portfolio a, Portfolio b) {
        assertThat(a.id()).isEqualTo(b.id());
        assertThat(a.name()).isEqualTo(b.name());
        assertThat(a.description()).isEqualTo(b.description());
        assertThat(a.baseCurrency()).isEqualTo(b.baseCurrency());
        assertThat(a.startingBalance()).isEqualTo(b.startingBalance());
        assertThat(a.settings()).isEqualTo(b.settings());
        assertThat(a.createdAt()).isEqualTo(b.createdAt());
        assertThat(a.archived()).isEqualTo(b.archived());
        assertThat(a.deleted()).isEqualTo(b.deleted());
        assertThat(a.balances()).isEqualTo(b.balances());
        assertThat(a.positions()).isEqualTo(b.positions());
        assertThat(a.positionCurrencies()).isEqualTo(b.positionCurrencies());
        assertThat(a.margins()).isEqualTo(b.margins());
        assertThat(a.riskMarks()).isEqualTo(b.riskMarks());
        assertThat(a.account()).isEqualTo(b.account());
    }

    private static PortfolioSnapshot snapshot(Portfolio p) {
        return p.snapshot(
                id -> id.equals(ACME.id()) ? new BigDecimal("101.5") : null,
                id -> ALL.stream()
                        .filter(i -> i.id().equals(id))
                        .findFirst()
                        .orElseThrow()
                        .multiplier(),
                FX,
                new BigDecimal("3.00"));
    }

    /** A random taker fill of instrument {@code k} of {@link #ALL} for {@code p}, near its price. */
    static Fill fill(SplittableRandom r, Portfolio p, int k, long id) {
        Instrument i = ALL.get(k);
        BigDecimal price = new BigDecimal(PRICES[k]).multiply(BigDecimal.valueOf(90 + r.nextInt(21), 2));
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
