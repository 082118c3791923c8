package dev.paperdesk.engine.portfolio.margin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Decimals;
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
import dev.paperdesk.engine.portfolio.DeferredPositions;
import dev.paperdesk.engine.portfolio.FxRates;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.PositionFigures;
import dev.paperdesk.engine.portfolio.PositionMargin;
import dev.paperdesk.engine.portfolio.PositionView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * The running book gives, after any sequence of ticks, exactly what the reference path gives at the
 * same marks ({@link Portfolio#snapshot} + {@link MarginCalculator#compute}): equal BigDecimals, scale
 * included, for the snapshot's totals and views, equal cross equity, and the same warning level for
 * every pool. Zero tolerance.
 */
class MarginBookProperties {
    static final BigDecimal EUR_RATE = new BigDecimal("1.0835");

    /** USDT and USD at par; EUR at a fixed rate; JPY unknown (left out of the totals). */
    static final FxRates FX = (from, to) -> {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        if (from.equals(Currency.USDT) && to.equals(Currency.USD)) {
            return Optional.of(BigDecimal.ONE);
        }
        if (from.equals(Currency.EUR) && to.equals(Currency.USD)) {
            return Optional.of(EUR_RATE);
        }
        return Optional.empty();
    };

    static final List<Instrument> INSTRUMENTS = List.of(
            perp("AAA", Currency.USDT, BigDecimal.ONE),
            perp("BBB", Currency.USDT, BigDecimal.ONE),
            perp("CCC", Currency.USDT, new BigDecimal("0.001")),
            perp("DDD", Currency.USDT, new BigDecimal("10")),
            perp("EEE", Currency.EUR, BigDecimal.ONE),
            perp("JJJ", Currency.of("JPY"), BigDecimal.ONE));

    static Instrument perp(String s, Currency quote, BigDecimal multiplier) {
        return new Instrument.Perpetual(
                new InstrumentId(s + "-" + quote.code() + "-PERP", "sim"),
                Currency.of(s + "X"),
                quote,
                new BigDecimal("0.00001"),
                new BigDecimal("0.00000001"),
                multiplier,
                8);
    }

    static Instrument instrument(InstrumentId id) {
        return INSTRUMENTS.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    static BigDecimal multiplier(InstrumentId id) {
        Instrument i = instrument(id);
        return i == null ? BigDecimal.ONE : i.multiplier();
    }

    /** A random decimal of {@code 1..maxUnscaled} units at a random scale in {@code [minScale, maxScale]}. */
    static BigDecimal decimal(SplittableRandom r, long maxUnscaled, int minScale, int maxScale) {
        return BigDecimal.valueOf(1 + r.nextLong(maxUnscaled), minScale + r.nextInt(maxScale - minScale + 1));
    }

    /** A portfolio in USD with up to {@code maxCash} of cash in cents and a random cost-basis method. */
    static Portfolio randomPortfolio(SplittableRandom r, long maxCash) {
        return new Portfolio(
                new PortfolioId(1),
                "B",
                "",
                Currency.USD,
                decimal(r, maxCash, 0, 2),
                r.nextBoolean() ? CostBasisMethod.FIFO : CostBasisMethod.AVERAGE,
                Instant.EPOCH);
    }

    @Property(tries = 400)
    void theBookMatchesTheReferenceAfterEveryTick(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Portfolio p = randomPortfolio(r, 200_000);
        Map<InstrumentId, BigDecimal> marks = new HashMap<>();
        int fillId = 1;
        for (Instrument ins : INSTRUMENTS) {
            if (r.nextInt(6) == 0) {
                continue;
            }
            BigDecimal price = decimal(r, 5_000_000, 0, 4);
            int fills = 1 + r.nextInt(3);
            for (int f = 0; f < fills; f++) {
                BigDecimal qty = f > 0 && r.nextInt(3) == 0
                        ? p.position(ins.id()).quantity().abs() // closes in full: a flat position with realized P&L
                        : decimal(r, 20_000, 0, 6);
                if (qty.signum() == 0) {
                    qty = BigDecimal.ONE;
                }
                Side side = f > 0 && p.position(ins.id()).quantity().signum() != 0
                        ? (p.position(ins.id()).quantity().signum() > 0 ? Side.SELL : Side.BUY)
                        : (r.nextBoolean() ? Side.BUY : Side.SELL);
                if (r.nextInt(4) == 0) {
                    side = side == Side.BUY ? Side.SELL : Side.BUY;
                }
                p.applyFill(
                        fill(
                                p,
                                ins,
                                fillId++,
                                side,
                                qty,
                                price.multiply(BigDecimal.valueOf(90 + r.nextInt(21)))
                                        .movePointLeft(2),
                                Money.zero(ins.quoteCurrency())),
                        ins);
            }
            BigDecimal notional = p.position(ins.id()).costBasis().abs();
            int leverage = 1 + r.nextInt(100);
            if (r.nextBoolean() && notional.signum() > 0) {
                // Isolated margin as the engine allocates it (a 34-digit quotient) or a round amount.
                BigDecimal margin = notional.divide(BigDecimal.valueOf(leverage), Decimals.DIVISION);
                if (r.nextBoolean()) {
                    margin = margin.setScale(2, RoundingMode.HALF_EVEN);
                }
                p.setMargin(ins.id(), new PositionMargin(MarginMode.ISOLATED, leverage, margin));
            } else {
                p.setMargin(ins.id(), PositionMargin.cross(leverage));
            }
            // One instrument in six has no price yet: valued at cost.
            marks.put(ins.id(), r.nextInt(6) == 0 ? null : price);
        }
        BigDecimal reserved = decimal(r, 10_000, 0, 3);

        Reference before = Reference.of(p, marks, reserved);
        MarginBook book = MarginBook.of(p, before.snapshot, before.account, MarginBookProperties::multiplier, FX);
        assertThat(book.isFor(p, FX)).isTrue();
        Map<String, WarningLevel> built = before.levels();
        assertThat(book.levels()).isEqualTo(built);
        boolean diverged = built.containsValue(WarningLevel.LIQUIDATION);
        Statistics.label("fixed point").collect(book.fixedPoint());
        Statistics.label("fixed point").coverage(c -> c.check(true).percentage(pct -> pct > 50));

        int ticks = 1 + r.nextInt(25);
        for (int t = 0; t < ticks; t++) {
            Instrument ins = INSTRUMENTS.get(r.nextInt(INSTRUMENTS.size()));
            BigDecimal mark = nextMark(r, p, ins, marks.get(ins.id()), before.account);
            marks.put(ins.id(), mark);
            book.remark(ins.id(), mark);

            Reference now = Reference.of(p, marks, reserved);
            PortfolioSnapshot published = book.snapshot(p.riskMarks(), reserved);
            assertThat(published.positions()).isInstanceOf(DeferredPositions.class);
            assertThat(((DeferredPositions) published.positions()).built()).isFalse();
            if (book.equityInLongs()) { // the scaled long a reader may take instead: the same value and scale
                assertThat(BigDecimal.valueOf(book.equityUnscaled(), book.equityScale()))
                        .isEqualTo(now.snapshot.equity());
            }
            Statistics.label("equity in longs").collect(book.equityInLongs());
            assertThat(book.equity()).isEqualTo(now.snapshot.equity());
            assertThat(book.unrealizedPnl()).isEqualTo(now.snapshot.unrealizedPnl());
            assertThat(published).isEqualTo(now.snapshot);
            assertThat(book.crossEquity()).isEqualByComparingTo(now.account.crossEquity());
            Map<String, WarningLevel> levels = now.levels();
            assertThat(book.levels()).isEqualTo(levels);
            diverged |= !levels.equals(built);
            // Out of fixed point the book cannot tell, and sends every tick to the exact check.
            assertThat(book.levelsChanged()).isEqualTo(diverged || !book.fixedPoint());
        }
    }

    /**
     * The next mark: a random move of up to ±40% at a random scale, or, one time in three, a price
     * at or one unit beside the exact boundary of a warning level of the instrument's isolated pool.
     */
    static BigDecimal nextMark(
            SplittableRandom r, Portfolio p, Instrument ins, BigDecimal previous, AccountSnapshot account) {
        BigDecimal base = previous == null ? p.position(ins.id()).averagePrice(ins.multiplier()) : previous;
        if (base.signum() == 0) {
            base = BigDecimal.valueOf(100);
        }
        Optional<PositionMarginView> pool = account.position(ins.id()).filter(v -> v.mode() == MarginMode.ISOLATED);
        int scale = r.nextInt(7);
        if (pool.isPresent() && r.nextInt(3) == 0) {
            PositionMarginView v = pool.get();
            WarningLevel level = WarningLevel.values()[1 + r.nextInt(4)];
            // equity = isolated + q·m·mark − cost = maintenance / threshold
            BigDecimal qm = v.quantity().multiply(ins.multiplier());
            BigDecimal cost = p.position(ins.id()).costBasis();
            BigDecimal target = v.maintenanceMargin()
                    .divide(level.threshold(), MathContext.DECIMAL128)
                    .subtract(v.isolatedMargin())
                    .add(cost)
                    .divide(qm, MathContext.DECIMAL128);
            BigDecimal at =
                    target.setScale(scale, RoundingMode.HALF_EVEN).add(BigDecimal.valueOf(r.nextInt(3) - 1, scale));
            if (at.signum() > 0) {
                return at;
            }
        }
        BigDecimal factor = BigDecimal.valueOf(60 + r.nextInt(81), 2);
        BigDecimal next = base.multiply(factor).setScale(scale, RoundingMode.HALF_EVEN);
        return next.signum() > 0 ? next : BigDecimal.ONE;
    }

    /** The reference path at given marks. */
    record Reference(PortfolioSnapshot snapshot, AccountSnapshot account) {
        static Reference of(Portfolio p, Map<InstrumentId, BigDecimal> marks, BigDecimal reserved) {
            PortfolioSnapshot s =
                    p.snapshot(marks::get, MarginBookProperties::multiplier, FX).withReservedForOrders(reserved);
            return new Reference(s, MarginCalculator.DEFAULT.compute(s, MarginBookProperties::instrument, id -> null));
        }

        /** Every pool's level, keyed as the engine records them. */
        Map<String, WarningLevel> levels() {
            Map<String, WarningLevel> out = new LinkedHashMap<>();
            out.put(
                    "cross",
                    WarningLevel.of(MarginCalculator.ratio(account.crossMaintenance(), account.crossEquity())));
            for (PositionMarginView v : account.positions()) {
                if (v.mode() == MarginMode.ISOLATED) {
                    out.put(v.instrumentId().toString(), WarningLevel.of(v.maintenanceRatio()));
                }
            }
            return out;
        }
    }

    @Property(tries = 100)
    void aChangedPortfolioOrRateRetiresTheBook(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Portfolio p = new Portfolio(
                new PortfolioId(1),
                "B",
                "",
                Currency.USD,
                new BigDecimal("100000"),
                CostBasisMethod.FIFO,
                Instant.EPOCH);
        Instrument ins = INSTRUMENTS.get(4); // quoted in EUR
        Map<InstrumentId, BigDecimal> marks = new HashMap<>();
        marks.put(ins.id(), decimal(r, 100_000, 0, 2));
        buy(p, ins, 1, marks.get(ins.id()));
        Reference ref = Reference.of(p, marks, BigDecimal.ZERO);
        MarginBook book = MarginBook.of(p, ref.snapshot, ref.account, MarginBookProperties::multiplier, FX);
        assertThat(book.isFor(p, FX)).isTrue();
        assertThat(book.isFor(p.copy(), FX)).isFalse();
        FxRates moved =
                (from, to) -> from.equals(Currency.EUR) ? Optional.of(new BigDecimal("1.0836")) : FX.rate(from, to);
        assertThat(book.isFor(p, moved)).isFalse();
        buy(p, ins, 2, marks.get(ins.id()));
        assertThat(book.isFor(p, FX)).isFalse();
    }

    /**
     * After any sequence of fills (opening, adding, reducing, closing and flipping positions, in cross
     * or isolated margin, in USDT, EUR and JPY) and ticks, a book built the way the engine builds it
     * after a fill (from the valuation made when the fill was committed, with only the margin terms
     * of {@link MarginCalculator#pools}, then re-marked to the prices that moved since) reports
     * exactly what a book built afresh from the reference at the current marks reports: equity,
     * unrealized P&amp;L, snapshot, cross equity and every pool's level, and its full account, once
     * read, is the reference's at the valuation's marks. {@code pools} is the account's own terms.
     */
    @Property(tries = 300)
    void aBookFromTheValuationOfAFillIsTheFreshlyBuiltBook(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Portfolio p = randomPortfolio(r, 2_000_000);
        Map<InstrumentId, BigDecimal> marks = new HashMap<>();
        for (Instrument ins : INSTRUMENTS) {
            marks.put(ins.id(), r.nextInt(8) == 0 ? null : decimal(r, 5_000_000, 0, 4));
        }
        BigDecimal reserved = r.nextBoolean() ? BigDecimal.ZERO : decimal(r, 10_000, 0, 3);
        int fillId = 1;
        int steps = 1 + r.nextInt(20);
        for (int step = 0; step < steps; step++) {
            Instrument ins = INSTRUMENTS.get(r.nextInt(INSTRUMENTS.size()));
            BigDecimal held = p.position(ins.id()).quantity();
            BigDecimal qty = held.signum() != 0 && r.nextInt(3) == 0
                    ? held.abs().multiply(BigDecimal.valueOf(1 + r.nextInt(2))) // closes, or flips
                    : decimal(r, 20_000, 0, 6);
            Side side = held.signum() != 0 && r.nextBoolean()
                    ? (held.signum() > 0 ? Side.SELL : Side.BUY)
                    : (r.nextBoolean() ? Side.BUY : Side.SELL);
            BigDecimal base = marks.get(ins.id()) == null ? BigDecimal.valueOf(100) : marks.get(ins.id());
            BigDecimal price = base.multiply(BigDecimal.valueOf(95 + r.nextInt(11), 2));
            if (price.signum() <= 0) {
                price = BigDecimal.ONE;
            }
            p.applyFill(
                    fill(
                            p,
                            ins,
                            fillId++,
                            side,
                            qty,
                            price,
                            r.nextBoolean()
                                    ? Money.zero(ins.quoteCurrency())
                                    : Money.of(decimal(r, 500, 0, 4), ins.quoteCurrency())),
                    ins);
            BigDecimal notional = p.position(ins.id()).costBasis().abs();
            int leverage = 1 + r.nextInt(50);
            if (r.nextBoolean() && notional.signum() > 0) {
                p.setMargin(
                        ins.id(),
                        new PositionMargin(
                                MarginMode.ISOLATED,
                                leverage,
                                notional.divide(BigDecimal.valueOf(leverage), Decimals.DIVISION)));
            } else {
                p.setMargin(ins.id(), PositionMargin.cross(leverage));
            }
            // The valuation made when the fill was committed, at the marks of that moment.
            Reference atFill = Reference.of(p, marks, reserved);
            // The engine's own copy of that valuation, whose position views nobody has read yet.
            PortfolioSnapshot committed =
                    p.snapshot(marks::get, MarginBookProperties::multiplier, FX).withReservedForOrders(reserved);
            MarginBook.Pools terms =
                    MarginCalculator.DEFAULT.pools(committed, MarginBookProperties::instrument, id -> null);
            assertThat(terms).isEqualTo(MarginBook.Pools.of(atFill.account));
            // Prices that move before the book is first needed.
            int ticks = r.nextInt(4);
            for (int t = 0; t < ticks; t++) {
                Instrument moved = INSTRUMENTS.get(r.nextInt(INSTRUMENTS.size()));
                marks.put(moved.id(), nextMark(r, p, moved, marks.get(moved.id()), atFill.account));
            }
            MarginBook book =
                    MarginBook.of(p, committed, terms, () -> atFill.account, MarginBookProperties::multiplier, FX);
            for (PositionFigures v : committed.positionFigures()) {
                BigDecimal now = marks.get(v.instrumentId());
                if (!java.util.Objects.equals(now, v.mark())) {
                    book.remark(v.instrumentId(), now);
                }
            }
            // The terms and the book read the valuation's figures: no position view (an average
            // price each) was built for them.
            assertThat(((DeferredPositions) committed.positions()).built()).isFalse();
            assertThat(committed).isEqualTo(atFill.snapshot);
            Reference now = Reference.of(p, marks, reserved);
            MarginBook fresh = MarginBook.of(p, now.snapshot, now.account, MarginBookProperties::multiplier, FX);
            assertThat(book.isFor(p, FX)).isTrue();
            assertThat(book.equity()).isEqualTo(fresh.equity()).isEqualTo(now.snapshot.equity());
            assertThat(book.unrealizedPnl()).isEqualTo(fresh.unrealizedPnl());
            assertThat(book.snapshot(p.riskMarks(), reserved))
                    .isEqualTo(fresh.snapshot(p.riskMarks(), reserved))
                    .isEqualTo(now.snapshot);
            assertThat(book.crossEquity()).isEqualByComparingTo(fresh.crossEquity());
            assertThat(book.levels()).isEqualTo(fresh.levels()).isEqualTo(now.levels());
            Map<String, WarningLevel> quiet = Map.of("cross", WarningLevel.NONE);
            assertThat(book.quietAtBuild()).isEqualTo(atFill.levels().equals(quiet));
            assertThat(fresh.quietAtBuild()).isEqualTo(now.levels().equals(quiet));
            boolean changed = book.levelsChanged();
            if (book.fixedPoint() && !atFill.levels().containsValue(WarningLevel.LIQUIDATION)) {
                // Levels known at the fill and at the marks now differ only where a pool crossed a threshold.
                assertThat(changed).isEqualTo(!now.levels().equals(atFill.levels()));
            }
            if (book.quietAtBuild() && !changed) {
                // What lets the engine keep such a book without recording levels: a fresh one is quiet too.
                assertThat(fresh.quietAtBuild()).isTrue();
            }
            assertThat(book.builtAccount()).isSameAs(atFill.account);
        }
    }

    /** A taker fill of {@code p} in {@code ins} at the epoch, its order id the fill's. */
    static Fill fill(Portfolio p, Instrument ins, int id, Side side, BigDecimal qty, BigDecimal price, Money fee) {
        return new Fill(
                new FillId(id),
                new OrderId(id),
                p.id(),
                ins.id(),
                side,
                Quantity.of(qty),
                Price.of(price),
                fee,
                Liquidity.TAKER,
                BigDecimal.ZERO,
                Instant.EPOCH);
    }

    private static void buy(Portfolio p, Instrument ins, int id, BigDecimal price) {
        p.applyFill(fill(p, ins, id, Side.BUY, BigDecimal.ONE, price, Money.zero(ins.quoteCurrency())), ins);
    }

    /**
     * One currency's cross positions: the cross pool's level is decided by comparing the fixed-point
     * value sum with a bound worked out once (equity at maintenance / 0.79), and by the exact ratio
     * below it. Marks are put at, and one unit either side of, the prices where the cross equity is
     * maintenance / 0.79, / 0.80, / 0.90, / 0.95 and / 1: the level is the reference's at every tick.
     */
    @Property(tries = 300)
    void theCrossPoolsLevelIsExactAroundItsBoundaries(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Portfolio p = new Portfolio(
                new PortfolioId(1),
                "B",
                "",
                Currency.USD,
                decimal(r, 50_000, 0, 2),
                CostBasisMethod.FIFO,
                Instant.EPOCH);
        List<Instrument> usdt = INSTRUMENTS.subList(0, 4); // USDT at par with USD: one currency of terms
        Map<InstrumentId, BigDecimal> marks = new HashMap<>();
        int fillId = 1;
        for (Instrument ins : usdt) {
            if (r.nextInt(3) == 0) {
                continue;
            }
            BigDecimal price = decimal(r, 5_000_000, 0, 4);
            p.applyFill(
                    fill(
                            p,
                            ins,
                            fillId++,
                            r.nextBoolean() ? Side.BUY : Side.SELL,
                            decimal(r, 20_000, 0, 3),
                            price,
                            Money.zero(ins.quoteCurrency())),
                    ins);
            p.setMargin(ins.id(), PositionMargin.cross(1 + r.nextInt(100)));
            marks.put(ins.id(), price);
        }
        if (marks.isEmpty()) {
            return;
        }
        Reference built = Reference.of(p, marks, BigDecimal.ZERO);
        MarginBook book = MarginBook.of(p, built.snapshot, built.account, MarginBookProperties::multiplier, FX);
        BigDecimal maintenance = built.account.crossMaintenance();
        BigDecimal[] ratios = {
            new BigDecimal("0.79"),
            new BigDecimal("0.80"),
            new BigDecimal("0.90"),
            new BigDecimal("0.95"),
            BigDecimal.ONE
        };
        List<InstrumentId> held = new ArrayList<>(marks.keySet());
        held.sort(java.util.Comparator.comparing(InstrumentId::toString));
        for (int t = 0; t < 30; t++) {
            InstrumentId id = held.get(r.nextInt(held.size()));
            BigDecimal qm = p.position(id).quantity().multiply(multiplier(id));
            int scale = r.nextInt(7);
            BigDecimal mark = null;
            if (maintenance.signum() > 0 && qm.signum() != 0 && r.nextInt(4) != 0) {
                // cross equity moves by qm per unit of price: the price at which it is maintenance / ratio
                BigDecimal equityNow =
                        Reference.of(p, marks, BigDecimal.ZERO).account.crossEquity();
                BigDecimal target = marks.get(id)
                        .add(maintenance
                                .divide(ratios[r.nextInt(ratios.length)], MathContext.DECIMAL128)
                                .subtract(equityNow)
                                .divide(qm, MathContext.DECIMAL128));
                mark = target.setScale(scale, RoundingMode.HALF_EVEN).add(BigDecimal.valueOf(r.nextInt(3) - 1, scale));
            }
            if (mark == null || mark.signum() <= 0) {
                mark = marks.get(id)
                        .multiply(BigDecimal.valueOf(80 + r.nextInt(41), 2))
                        .setScale(scale, RoundingMode.HALF_EVEN);
                if (mark.signum() <= 0) {
                    mark = BigDecimal.ONE;
                }
            }
            marks.put(id, mark);
            book.remark(id, mark);
            Reference now = Reference.of(p, marks, BigDecimal.ZERO);
            Map<String, WarningLevel> levels = now.levels();
            assertThat(book.levels()).isEqualTo(levels);
            if (book.equityInLongs()) {
                assertThat(BigDecimal.valueOf(book.equityUnscaled(), book.equityScale()))
                        .isEqualTo(now.snapshot.equity());
            }
            assertThat(book.equity()).isEqualTo(now.snapshot.equity());
            Statistics.label("cross level").collect(levels.get("cross"));
        }
        Statistics.label("cross level").coverage(c -> {
            c.check(WarningLevel.NONE).percentage(pct -> pct > 5);
            c.check(WarningLevel.WARNING_80).count(n -> n > 0);
            c.check(WarningLevel.LIQUIDATION).count(n -> n > 0);
        });
    }

    /** Views of a published snapshot are those of the reference, built on the first read only. */
    @Property(tries = 50)
    void viewsAreBuiltOnFirstReadFromTheMarksOfTheirInstant(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Portfolio p = new Portfolio(
                new PortfolioId(1),
                "B",
                "",
                Currency.USD,
                new BigDecimal("100000"),
                CostBasisMethod.FIFO,
                Instant.EPOCH);
        Map<InstrumentId, BigDecimal> marks = new HashMap<>();
        int id = 1;
        for (Instrument ins : INSTRUMENTS.subList(0, 3)) {
            marks.put(ins.id(), decimal(r, 100_000, 0, 3));
            buy(p, ins, id++, marks.get(ins.id()));
        }
        Reference ref = Reference.of(p, marks, BigDecimal.ZERO);
        MarginBook book = MarginBook.of(p, ref.snapshot, ref.account, MarginBookProperties::multiplier, FX);
        List<PortfolioSnapshot> published = new ArrayList<>();
        List<List<PositionView>> expected = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            Instrument ins = INSTRUMENTS.get(r.nextInt(3));
            marks.put(ins.id(), decimal(r, 100_000, 0, 3));
            book.remark(ins.id(), marks.get(ins.id()));
            published.add(book.snapshot(p.riskMarks(), BigDecimal.ZERO));
            expected.add(Reference.of(p, marks, BigDecimal.ZERO).snapshot.positions());
        }
        for (int t = 0; t < published.size(); t++) {
            assertThat(published.get(t).positions()).isEqualTo(expected.get(t));
            assertThat(((DeferredPositions) published.get(t).positions()).built())
                    .isTrue();
        }
    }
}
