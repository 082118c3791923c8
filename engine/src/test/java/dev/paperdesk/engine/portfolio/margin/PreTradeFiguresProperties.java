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
import dev.paperdesk.engine.portfolio.FxRates;
import dev.paperdesk.engine.portfolio.LimitMode;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import dev.paperdesk.engine.portfolio.PositionMargin;
import dev.paperdesk.engine.portfolio.RiskLimit;
import dev.paperdesk.engine.portfolio.RiskLimits;
import dev.paperdesk.engine.portfolio.RiskMarks;
import dev.paperdesk.engine.risk.OrderIntent;
import dev.paperdesk.engine.risk.PreTradeChecks;
import dev.paperdesk.engine.risk.RiskVerdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The lean pre-trade figures equal the full margin account's, value and scale (also when the order
 * is laid over the portfolio instead of booked into a copy of it), and the checks
 * decide, reject and warn exactly alike on either, with zero tolerance: over cross and isolated
 * perpetuals, equities, long and short options, an unlisted instrument, a currency without a rate,
 * a currency at a rate other than one, missing marks, reservations, risk marks whose daily loss or
 * drawdown sits exactly on, or one unit beside, a limit, and blocking or warning limits.
 */
class PreTradeFiguresProperties {
    static final Instrument PERP = MarginCalculatorTest.PERP;
    static final Instrument ACME = MarginCalculatorTest.ACME;
    static final Instrument PUT = MarginCalculatorTest.PUT;
    static final Instrument TOKYO = MarginCalculatorTest.TOKYO;
    static final List<Instrument> ALL = List.of(PERP, ACME, PUT, TOKYO);
    static final String[] BASE_PRICES = {"60000", "100", "3", "1000"};

    @Property(tries = 400)
    void leanFiguresAndVerdictsEqualTheFullAccounts(@ForAll @LongRange(min = 1) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RiskLimits limits = new RiskLimits(
                limit(r, 1 + r.nextInt(100)),
                limit(r, 1 + r.nextInt(50)),
                limit(r, 1 + r.nextInt(4)),
                limit(r, new BigDecimal(1 + r.nextInt(100)).movePointLeft(1)),
                limit(r, 5 + r.nextInt(46)),
                limit(r, new BigDecimal("0.7")));
        Portfolio p = new Portfolio(
                new PortfolioId(1),
                "M",
                "",
                Currency.USD,
                new BigDecimal(1 + r.nextInt(1_000_000)),
                PortfolioSettings.defaults(r.nextBoolean() ? CostBasisMethod.FIFO : CostBasisMethod.AVERAGE)
                        .withLimits(limits),
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
            p.applyFill(fill(r, p, k, t + 1), ALL.get(k));
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
        BigDecimal usdt = r.nextBoolean() ? BigDecimal.ONE : new BigDecimal("0.99870");
        FxRates fx = (from, to) -> from.equals(to)
                ? Optional.of(BigDecimal.ONE)
                : from.code().equals("JPY") ? Optional.empty() : Optional.of(usdt);
        Function<InstrumentId, BigDecimal> multipliers = id -> ALL.stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow()
                .multiplier();
        BigDecimal reserved = BigDecimal.valueOf(r.nextInt(100_000), 2);
        int k = r.nextInt(ALL.size());
        Instrument focus = ALL.get(k);

        // Risk marks around the equity: sometimes exactly on a limit, or one unit beside it.
        BigDecimal equity = p.snapshot(marks::get, multipliers, fx)
                .withReservedForOrders(reserved)
                .equity();
        p.setRiskMarks(marks(r, equity, limits));

        Portfolio trial = p.copy();
        Fill order = fill(r, p, k, 99);
        long revision = p.revision();
        Portfolio.Booking booking = p.whatIf(order, focus);
        assertThat(p.revision()).isEqualTo(revision); // a what-if leaves the portfolio as it was
        trial.applyFill(order, focus);
        // The what-if position and bucket are the ones booking leaves, value and scale.
        assertThat(booking.position()).isEqualTo(trial.position(focus.id()));
        assertThat(booking.balance()).isEqualTo(trial.balance(focus.quoteCurrency()));
        if (r.nextInt(3) == 0) { // terms the checks give the position after the fill
            boolean isolated = r.nextBoolean();
            trial.setMargin(
                    focus.id(),
                    new PositionMargin(
                            isolated ? MarginMode.ISOLATED : MarginMode.CROSS,
                            1 + r.nextInt(50),
                            isolated ? BigDecimal.valueOf(r.nextInt(100_000), r.nextInt(4)) : BigDecimal.ZERO));
        }

        MarginCalculator calc = MarginCalculator.DEFAULT;
        AccountSnapshot fullBefore = calc.compute(
                p.snapshot(marks::get, multipliers, fx).withReservedForOrders(reserved),
                instruments::get,
                id -> underlying);
        AccountSnapshot fullAfter = calc.compute(
                trial.snapshot(marks::get, multipliers, fx).withReservedForOrders(reserved),
                instruments::get,
                id -> underlying);
        BigDecimal price = r.nextInt(5) == 0 ? null : order.price().value();
        PreTradeFigures before = calc.preTrade(
                p, focus.id(), price, marks::get, multipliers, fx, instruments::get, id -> underlying, reserved);
        PreTradeFigures after = calc.preTrade(
                trial, focus.id(), price, marks::get, multipliers, fx, instruments::get, id -> underlying, reserved);
        // Without the copy: the portfolio with the booked position, bucket and terms laid over it.
        PreTradeFigures overlaid = calc.preTrade(
                p,
                booking,
                trial.marginTerms(focus.id()),
                focus.id(),
                price,
                marks::get,
                multipliers,
                fx,
                instruments::get,
                id -> underlying,
                reserved);
        assertThat(overlaid).isEqualTo(after);
        assertThat(overlaid.equity().scale()).isEqualTo(after.equity().scale());
        assertThat(overlaid.freeMargin().scale()).isEqualTo(after.freeMargin().scale());
        if (price != null) {
            assertThat(overlaid.freeMarginAtPrice().scale())
                    .isEqualTo(after.freeMarginAtPrice().scale());
        }
        Function<InstrumentId, BigDecimal> atPrice = id -> id.equals(focus.id()) ? price : marks.get(id);
        for (Portfolio q : List.of(p, trial)) {
            PreTradeFigures lean = q == p ? before : after;
            if (price == null) {
                assertThat(lean.freeMarginAtPrice()).isNull();
            } else {
                // The reference: the full account's free margin at those marks, nothing reserved.
                assertThat(lean.freeMarginAtPrice())
                        .isEqualTo(
                                calc.compute(q.snapshot(atPrice, multipliers, fx), instruments::get, id -> underlying)
                                        .freeMargin());
            }
        }

        for (var pair : List.of(List.of(before, fullBefore), List.of(after, fullAfter))) {
            PreTradeFigures lean = (PreTradeFigures) pair.get(0);
            AccountSnapshot full = (AccountSnapshot) pair.get(1);
            assertThat(lean.equity()).isEqualTo(full.equity());
            assertThat(lean.freeMargin()).isEqualTo(full.freeMargin());
            assertThat(lean.reservedForOrders()).isEqualTo(full.reservedForOrders());
            assertThat(lean.dayPnl()).isEqualTo(full.dayPnl());
            assertThat(lean.dailyLossPct()).isEqualTo(full.dailyLossPct());
            assertThat(lean.drawdownPct()).isEqualTo(full.drawdownPct());
            assertThat(lean.openPositions()).isEqualTo(full.positions().size());
            assertThat(lean.positionNotional())
                    .isEqualTo(full.position(focus.id())
                            .filter(v -> v.rate() != null)
                            .map(v -> v.notional().multiply(v.rate()))
                            .orElse(null));
            for (BigDecimal t : List.of(
                    limits.dailyLossPct().threshold(), limits.drawdownStopPct().threshold(), full.dailyLossPct())) {
                assertThat(lean.dailyLossAtLeast(t))
                        .isEqualTo(full.dailyLossPct().compareTo(t) >= 0);
                assertThat(lean.drawdownAtLeast(t)).isEqualTo(full.drawdownPct().compareTo(t) >= 0);
            }
        }

        BigDecimal held = p.position(focus.id()).quantity();
        BigDecimal opening =
                OrderIntent.opening(held, order.side(), order.quantity().value());
        OrderIntent intent = new OrderIntent(
                focus,
                order.side(),
                order.quantity().value(),
                opening,
                order.price().value(),
                r.nextBoolean() ? order.price().value().multiply(new BigDecimal("0.9")) : null,
                focus == TOKYO ? BigDecimal.ONE : usdt);
        Map<InstrumentId, Double> rho = r.nextBoolean() ? Map.of(ACME.id(), 0.8) : Map.of();
        BigDecimal requirement = fullBefore.freeMargin().subtract(fullAfter.freeMargin());
        RiskVerdict reference = PreTradeChecks.check(intent, fullBefore, fullAfter, rho, requirement);
        RiskVerdict lean =
                PreTradeChecks.check(intent, before, after.positionNotional(), after.openPositions(), rho, requirement);
        assertThat(lean).isEqualTo(reference);
    }

    private static RiskLimit limit(SplittableRandom r, long threshold) {
        return limit(r, BigDecimal.valueOf(threshold));
    }

    private static RiskLimit limit(SplittableRandom r, BigDecimal threshold) {
        return new RiskLimit(threshold, r.nextBoolean() ? LimitMode.WARN : LimitMode.BLOCK);
    }

    /** Marks whose daily loss and drawdown lie on a limit, one unit beside it, or anywhere. */
    private static RiskMarks marks(SplittableRandom r, BigDecimal equity, RiskLimits limits) {
        BigDecimal dayStart = around(r, equity, limits.dailyLossPct().threshold());
        BigDecimal peak = around(r, equity, limits.drawdownStopPct().threshold());
        BigDecimal topUps = r.nextInt(4) == 0 ? BigDecimal.valueOf(r.nextInt(1000)) : BigDecimal.ZERO;
        return new RiskMarks(LocalDate.EPOCH, dayStart.add(topUps.negate()).max(BigDecimal.ZERO), topUps, peak);
    }

    /** A reference {@code x} with {@code (x − equity) / x = pct %} exactly, or one unit beside, or random. */
    private static BigDecimal around(SplittableRandom r, BigDecimal equity, BigDecimal pct) {
        switch (r.nextInt(4)) {
            case 0:
                return equity.multiply(BigDecimal.valueOf(50 + r.nextInt(100), 2));
            case 1:
                return equity;
            default:
                // equity = x (1 − pct/100): exact when the quotient terminates; else cut, landing beside.
                BigDecimal x = equity.multiply(new BigDecimal(100))
                        .divide(new BigDecimal(100).subtract(pct), 40, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros();
                int unit = r.nextInt(3) - 1;
                return unit == 0
                        ? x
                        : x.add(BigDecimal.ONE
                                .movePointLeft(Math.max(0, x.scale()))
                                .multiply(BigDecimal.valueOf(unit)));
        }
    }

    private static Fill fill(SplittableRandom r, Portfolio p, int k, long id) {
        Instrument i = ALL.get(k);
        BigDecimal price = new BigDecimal(BASE_PRICES[k]).multiply(BigDecimal.valueOf(90 + r.nextInt(21), 2));
        BigDecimal qty = k == 0 ? BigDecimal.valueOf(1 + r.nextInt(2000), 3) : BigDecimal.valueOf(1 + r.nextInt(20));
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

    /**
     * A threshold of more than 34 digits that the exact quotient meets exactly is still decided by
     * the rounded quotient (half-even to 34 digits lands below or above it), not by the equality.
     */
    @net.jqwik.api.Example
    void thresholdsBeyondThirtyFourDigitsAreDecidedByTheRoundedQuotient() {
        BigDecimal whole = new BigDecimal("100");
        BigDecimal down = new BigDecimal("1.0000000000000000000000000000000005");
        BigDecimal up = new BigDecimal("1.0000000000000000000000000000000015");
        assertThat(Percent.of(down, whole)).isLessThan(down);
        assertThat(Percent.atLeast(down, whole, down)).isFalse();
        assertThat(Percent.of(up, whole)).isGreaterThan(up);
        assertThat(Percent.exceeds(up, whole, up)).isTrue();
    }

    /** The percentage decisions equal comparing the 34-digit quotient, on, beside and far from the limit. */
    @Property(tries = 1000)
    void percentDecisionsEqualTheRoundedQuotient(@ForAll @LongRange(min = 1) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BigDecimal whole = BigDecimal.valueOf(1 + r.nextLong(1_000_000_000L), r.nextInt(9));
        BigDecimal part =
                BigDecimal.valueOf(r.nextLong(2_000_000_000L) - (r.nextInt(10) == 0 ? 1_000_000 : 0), r.nextInt(9));
        BigDecimal q = Percent.of(part, whole);
        BigDecimal ulp = q.ulp();
        List<BigDecimal> thresholds = List.of(
                q,
                q.add(ulp),
                q.subtract(ulp),
                q.add(ulp.movePointLeft(1)),
                q.subtract(ulp.movePointLeft(1)),
                BigDecimal.valueOf(1 + r.nextInt(100)),
                BigDecimal.ZERO,
                new BigDecimal("-1"),
                q.setScale(Math.max(0, q.scale() - 2), RoundingMode.HALF_EVEN));
        for (BigDecimal t : thresholds) {
            assertThat(Percent.atLeast(part, whole, t)).as("%s ≥ %s", q, t).isEqualTo(q.compareTo(t) >= 0);
            assertThat(Percent.exceeds(part, whole, t)).as("%s > %s", q, t).isEqualTo(q.compareTo(t) > 0);
        }
    }
}
