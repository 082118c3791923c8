package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.portfolio.CurrencyBalance;
import dev.paperdesk.engine.portfolio.FxRates;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.Position;
import dev.paperdesk.engine.portfolio.PositionFigures;
import dev.paperdesk.engine.portfolio.PositionMargin;
import dev.paperdesk.engine.portfolio.PositionView;
import dev.paperdesk.engine.portfolio.RiskMarks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Computes a portfolio's margin account exactly from its snapshot: per-position initial and
 * maintenance margin (on entry notional), the cross pool and the isolated pools, margin level,
 * liquidation prices, leverage, exposure and the risk-limit figures. Stateless.
 */
public final class MarginCalculator {
    /** Maintenance ratios are capped here when a pool's equity is gone (shown as "over 1000%"). */
    public static final BigDecimal RATIO_CAP = BigDecimal.TEN;

    public static final MarginCalculator DEFAULT = new MarginCalculator(MarginSchedule.DEFAULT);

    private final MarginSchedule schedule;

    public MarginCalculator(MarginSchedule schedule) {
        this.schedule = schedule;
    }

    public MarginSchedule schedule() {
        return schedule;
    }

    /** The margin terms a new position of {@code instrument} gets under {@code settings}. */
    public static PositionMargin defaultMargin(PortfolioSettings settings, Instrument instrument) {
        int leverage = settings.leverage(instrument.assetClass());
        if (instrument instanceof Instrument.Perpetual && settings.perpetualMarginMode() == MarginMode.ISOLATED) {
            return new PositionMargin(MarginMode.ISOLATED, leverage, BigDecimal.ZERO);
        }
        return PositionMargin.cross(leverage);
    }

    /**
     * The margin account of {@code s}.
     *
     * @param instruments looks up a position's instrument ({@code null} for unknown ones: margined at 100%)
     * @param underlyingMarks the price of an option's underlying, or {@code null} when unknown (the strike is used)
     */
    public AccountSnapshot compute(
            PortfolioSnapshot s,
            Function<InstrumentId, Instrument> instruments,
            Function<InstrumentId, BigDecimal> underlyingMarks) {
        PortfolioSettings settings = s.account().settings();
        List<Working> open = new ArrayList<>();
        BigDecimal crossInitial = BigDecimal.ZERO;
        BigDecimal crossMaintenance = BigDecimal.ZERO;
        BigDecimal isolatedAllocated = BigDecimal.ZERO;
        BigDecimal isolatedEquity = BigDecimal.ZERO;
        BigDecimal isolatedMaintenance = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        Map<AssetClass, BigDecimal> exposure = new EnumMap<>(AssetClass.class);
        for (PositionView p : s.positions()) {
            if (p.quantity().signum() == 0) {
                continue;
            }
            Instrument instrument = instruments.apply(p.instrumentId());
            BigDecimal rate = s.rate(p.currency()).orElse(null);
            Working w = working(p, instrument, s, settings, underlyingMarks);
            open.add(w);
            if (rate == null) {
                continue;
            }
            gross = gross.add(w.notional.multiply(rate));
            exposure.merge(w.assetClass, w.notional.multiply(rate), BigDecimal::add);
            if (w.margin.mode() == MarginMode.ISOLATED) {
                isolatedAllocated = isolatedAllocated.add(
                        w.margin.isolatedMargin().max(BigDecimal.ZERO).multiply(rate));
                isolatedEquity = isolatedEquity.add(
                        w.margin.isolatedMargin().add(p.unrealizedPnl()).multiply(rate));
                isolatedMaintenance = isolatedMaintenance.add(w.maintenance.multiply(rate));
            } else {
                crossInitial = crossInitial.add(w.initial.multiply(rate));
                crossMaintenance = crossMaintenance.add(w.maintenance.multiply(rate));
            }
        }
        BigDecimal equity = s.equity();
        BigDecimal crossEquity = equity.subtract(isolatedEquity);
        BigDecimal crossRatio = ratio(crossMaintenance, crossEquity);
        BigDecimal worst = crossRatio;
        List<PositionMarginView> views = new ArrayList<>(open.size());
        for (Working w : open) {
            BigDecimal rate = s.rate(w.view.currency()).orElse(null);
            BigDecimal liq;
            BigDecimal posRatio;
            if (w.margin.mode() == MarginMode.ISOLATED) {
                posRatio = ratio(w.maintenance, w.margin.isolatedMargin().add(w.view.unrealizedPnl()));
                liq = isolatedLiquidationPrice(w);
                worst = worst.max(posRatio);
            } else {
                posRatio = crossRatio;
                liq = rate == null ? null : crossLiquidationPrice(w, crossEquity, crossMaintenance, rate);
            }
            views.add(new PositionMarginView(
                    w.view.instrumentId(),
                    w.assetClass,
                    w.view.currency(),
                    w.view.quantity(),
                    w.view.averagePrice(),
                    w.mark,
                    w.notional,
                    w.view.unrealizedPnl(),
                    w.margin.mode(),
                    w.rates.leverage(),
                    w.margin.mode() == MarginMode.ISOLATED ? w.margin.isolatedMargin() : w.initial,
                    w.maintenance,
                    w.margin.isolatedMargin(),
                    liq,
                    posRatio,
                    rate));
        }
        BigDecimal used = crossInitial.add(isolatedAllocated);
        BigDecimal maintenance = crossMaintenance.add(isolatedMaintenance);
        BigDecimal reserved = s.reservedForOrders();
        BigDecimal free = crossEquity.subtract(crossInitial).subtract(reserved);
        Map<AssetClass, BigDecimal> buyingPower = new EnumMap<>(AssetClass.class);
        for (AssetClass ac : AssetClass.values()) {
            buyingPower.put(ac, free.max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(settings.leverage(ac))));
        }
        RiskMarks marks = s.account().marks();
        BigDecimal dayPnl = marks.dayPnl(equity);
        BigDecimal dailyLoss = dailyLossPct(marks, equity);
        BigDecimal drawdown = drawdownPct(marks, equity);
        BigDecimal unrealized = s.unrealizedPnl();
        return new AccountSnapshot(
                s.id(),
                s.baseCurrency(),
                equity,
                equity.subtract(unrealized),
                s.cash(),
                unrealized,
                s.realizedPnl(),
                dayPnl,
                used,
                maintenance,
                free,
                used.signum() == 0 ? null : equity.divide(used, Decimals.DIVISION),
                crossEquity,
                crossMaintenance,
                worst,
                WarningLevel.of(worst),
                equity.signum() > 0 ? gross.divide(equity, Decimals.DIVISION) : BigDecimal.ZERO,
                gross,
                exposure,
                buyingPower,
                dailyLoss,
                drawdown,
                settings.limits(),
                views,
                reserved);
    }

    /**
     * What a {@link MarginBook} reads of {@code compute(s, instruments, underlyingMarks)}: each open
     * position's margin terms and the cross pool's maintenance and equity, by the same expressions
     * (the same values and scales), without the cross ratio, liquidation prices, exposure, buying
     * power and risk percentages a full account divides out. An isolated pool's ratio is worked out
     * as in {@code compute} (those are few).
     */
    public MarginBook.Pools pools(
            PortfolioSnapshot s,
            Function<InstrumentId, Instrument> instruments,
            Function<InstrumentId, BigDecimal> underlyingMarks) {
        PortfolioSettings settings = s.account().settings();
        List<MarginBook.Pool> out = new ArrayList<>();
        BigDecimal crossMaintenance = BigDecimal.ZERO;
        BigDecimal isolatedEquity = BigDecimal.ZERO;
        for (PositionFigures p : s.positionFigures()) {
            if (p.quantity().signum() == 0) {
                continue;
            }
            BigDecimal rate = s.rate(p.currency()).orElse(null);
            Working w = working(p, instruments.apply(p.instrumentId()), s, settings, underlyingMarks);
            boolean isolated = w.margin.mode() == MarginMode.ISOLATED;
            if (rate != null) {
                if (isolated) {
                    isolatedEquity = plus(
                            isolatedEquity,
                            w.margin.isolatedMargin().add(p.unrealizedPnl()).multiply(rate));
                } else {
                    crossMaintenance = plus(crossMaintenance, w.maintenance.multiply(rate));
                }
            }
            out.add(new MarginBook.Pool(
                    p.instrumentId(),
                    w.assetClass,
                    p.quantity(),
                    w.margin.mode(),
                    w.maintenance,
                    w.margin.isolatedMargin(),
                    isolated ? ratio(w.maintenance, w.margin.isolatedMargin().add(p.unrealizedPnl())) : null,
                    rate));
        }
        return new MarginBook.Pools(out, crossMaintenance, minus(s.equity(), isolatedEquity));
    }

    /**
     * Only the free margin of {@code s}: exactly {@code compute(s, instruments,
     * underlyingMarks).freeMargin()}, same value and scale, without the position views, ratios,
     * liquidation prices and risk figures that a full account needs and the pre-trade requirement
     * (a difference of two free margins per order) does not.
     */
    public BigDecimal freeMargin(
            PortfolioSnapshot s,
            Function<InstrumentId, Instrument> instruments,
            Function<InstrumentId, BigDecimal> underlyingMarks) {
        PortfolioSettings settings = s.account().settings();
        BigDecimal crossInitial = BigDecimal.ZERO;
        BigDecimal isolatedEquity = BigDecimal.ZERO;
        for (PositionFigures p : s.positionFigures()) {
            if (p.quantity().signum() == 0) {
                continue;
            }
            BigDecimal rate = s.rate(p.currency()).orElse(null);
            if (rate == null) {
                continue;
            }
            Working w = working(p, instruments.apply(p.instrumentId()), s, settings, underlyingMarks);
            if (w.margin.mode() == MarginMode.ISOLATED) {
                isolatedEquity = isolatedEquity.add(
                        w.margin.isolatedMargin().add(p.unrealizedPnl()).multiply(rate));
            } else {
                crossInitial = crossInitial.add(w.initial.multiply(rate));
            }
        }
        return s.equity().subtract(isolatedEquity).subtract(crossInitial).subtract(s.reservedForOrders());
    }

    /** Today's loss as a percentage of the day's opening equity, 0 when up (top-ups excluded). */
    static BigDecimal dailyLossPct(RiskMarks marks, BigDecimal equity) {
        BigDecimal dayPnl = marks.dayPnl(equity);
        return dayPnl.signum() < 0 && marks.dayStartEquity().signum() > 0
                ? Percent.of(dayPnl.negate(), marks.dayStartEquity())
                : BigDecimal.ZERO;
    }

    /** The drop from the equity peak (raised to {@code equity} when higher), in percent. */
    static BigDecimal drawdownPct(RiskMarks marks, BigDecimal equity) {
        BigDecimal peak = marks.peakEquity().max(equity);
        return peak.signum() > 0 ? Percent.of(peak.subtract(equity), peak) : BigDecimal.ZERO;
    }

    /**
     * The figures the pre-trade checks read of {@code portfolio} valued at {@code marks} and {@code
     * fx}, with {@code reserved} held back for working orders: exactly the equity and free margin of
     * {@code compute(portfolio.snapshot(marks, multipliers, fx).withReservedForOrders(reserved), …)},
     * same value and scale, its number of open positions, and the notional at the mark of the
     * position in {@code focus} — read straight from the portfolio, without building a snapshot,
     * position views (whose average price is a division each), ratios or liquidation prices.
     *
     * @param focusPrice when not {@code null}, the same pass also gives {@link
     *     PreTradeFigures#freeMarginAtPrice()}: the free margin with {@code focus} valued at this price
     *     and nothing reserved (what a working order needs when the market comes to its price)
     */
    public PreTradeFigures preTrade(
            Portfolio portfolio,
            InstrumentId focus,
            BigDecimal focusPrice,
            Function<InstrumentId, BigDecimal> marks,
            Function<InstrumentId, BigDecimal> multipliers,
            FxRates fx,
            Function<InstrumentId, Instrument> instruments,
            Function<InstrumentId, BigDecimal> underlyingMarks,
            BigDecimal reserved) {
        return preTrade(
                portfolio,
                null,
                null,
                focus,
                focusPrice,
                marks,
                multipliers,
                fx,
                instruments,
                underlyingMarks,
                reserved);
    }

    /**
     * {@link #preTrade(Portfolio, InstrumentId, BigDecimal, Function, Function, FxRates, Function,
     * Function, BigDecimal) preTrade} of the portfolio as it would be with a fill in {@code focus}
     * booked ({@code booked}, from {@link Portfolio#whatIf}) and the position given {@code bookedTerms}
     * ({@code null}: none): the same figures, value and scale, as those of a copy of the portfolio the
     * fill was booked into and the terms set on, without making the copy.
     */
    public PreTradeFigures preTrade(
            Portfolio portfolio,
            Portfolio.Booking booked,
            PositionMargin bookedTerms,
            InstrumentId focus,
            BigDecimal focusPrice,
            Function<InstrumentId, BigDecimal> marks,
            Function<InstrumentId, BigDecimal> multipliers,
            FxRates fx,
            Function<InstrumentId, Instrument> instruments,
            Function<InstrumentId, BigDecimal> underlyingMarks,
            BigDecimal reserved) {
        Currency base = portfolio.baseCurrency();
        PortfolioSettings settings = portfolio.settings();
        // The terms of Portfolio.snapshot and MarginCalculator.compute, each computed by the same
        // expression: exact sums do not depend on their order, so the totals have the reference's
        // value and scale (and a booked position or bucket may be added after the others). The
        // second set values the focus instrument at focusPrice.
        Sums sums = new Sums();
        boolean bookedSeen = false;
        for (Position p : portfolio.positionsView()) {
            boolean isBooked = booked != null && p.instrumentId().equals(focus);
            bookedSeen |= isBooked;
            add(
                    sums,
                    isBooked ? booked.position() : p,
                    isBooked ? booked.currency() : portfolio.positionCurrency(p.instrumentId()),
                    isBooked ? bookedTerms : portfolio.marginTerms(p.instrumentId()),
                    base,
                    settings,
                    focus,
                    focusPrice,
                    marks,
                    multipliers,
                    fx,
                    instruments,
                    underlyingMarks);
        }
        if (booked != null && !bookedSeen) {
            add(
                    sums,
                    booked.position(),
                    booked.currency(),
                    bookedTerms,
                    base,
                    settings,
                    focus,
                    focusPrice,
                    marks,
                    multipliers,
                    fx,
                    instruments,
                    underlyingMarks);
        }
        BigDecimal cashBase = BigDecimal.ZERO;
        boolean bucketSeen = false;
        for (CurrencyBalance b : portfolio.balancesView()) {
            CurrencyBalance bucket = b;
            if (booked != null && b.currency().equals(booked.currency())) {
                bucketSeen = true;
                bucket = booked.balance();
            }
            cashBase = addCash(cashBase, bucket, base, fx);
        }
        if (booked != null && !bucketSeen) {
            cashBase = addCash(cashBase, booked.balance(), base, fx);
        }
        BigDecimal equity = plus(cashBase, sums.marketValueBase);
        BigDecimal free = minus(minus(minus(equity, sums.isolatedEquity), sums.crossInitial), reserved);
        BigDecimal freeAtPrice = null;
        if (focusPrice != null) {
            freeAtPrice = minus(
                    minus(plus(cashBase, sums.marketValueAtPrice), sums.isolatedEquityAtPrice),
                    sums.crossInitialAtPrice);
            // − 0 (nothing reserved) moves only a negative scale up to 0
            if (freeAtPrice.scale() < 0) {
                freeAtPrice = freeAtPrice.subtract(BigDecimal.ZERO);
            }
        }
        return new PreTradeFigures(
                base,
                equity,
                free,
                reserved,
                portfolio.riskMarks(),
                settings.limits(),
                sums.open,
                sums.focusNotional,
                freeAtPrice);
    }

    /** The running totals of one pre-trade pass. */
    private static final class Sums {
        BigDecimal marketValueBase = BigDecimal.ZERO;
        BigDecimal crossInitial = BigDecimal.ZERO;
        BigDecimal isolatedEquity = BigDecimal.ZERO;
        BigDecimal marketValueAtPrice = BigDecimal.ZERO;
        BigDecimal crossInitialAtPrice = BigDecimal.ZERO;
        BigDecimal isolatedEquityAtPrice = BigDecimal.ZERO;
        BigDecimal focusNotional;
        int open;
    }

    private static BigDecimal addCash(BigDecimal cashBase, CurrencyBalance b, Currency base, FxRates fx) {
        BigDecimal r = fx.rate(b.currency(), base).orElse(null);
        return r == null ? cashBase : plus(cashBase, Decimals.times(b.cash(), r));
    }

    /** Adds one position's terms (held in {@code currency}, with margin {@code terms} or the defaults). */
    private void add(
            Sums sums,
            Position p,
            Currency currency,
            PositionMargin terms,
            Currency base,
            PortfolioSettings settings,
            InstrumentId focus,
            BigDecimal focusPrice,
            Function<InstrumentId, BigDecimal> marks,
            Function<InstrumentId, BigDecimal> multipliers,
            FxRates fx,
            Function<InstrumentId, Instrument> instruments,
            Function<InstrumentId, BigDecimal> underlyingMarks) {
        InstrumentId id = p.instrumentId();
        BigDecimal multiplier = multipliers.apply(id);
        BigDecimal mark = marks.apply(id);
        BigDecimal quantity = p.quantity();
        BigDecimal cost = p.costBasis();
        // Position.marketValue's expression, on the quantity read once.
        // (× 1 returns its operand: the same value and scale, without a new object.)
        BigDecimal value = mark == null ? cost : Decimals.times(quantity.multiply(mark), multiplier);
        boolean repriced = focusPrice != null && id.equals(focus);
        BigDecimal valueAtPrice = repriced ? Decimals.times(quantity.multiply(focusPrice), multiplier) : value;
        // The snapshot converts with fx; the account with the snapshot's rates (one for the base).
        BigDecimal snapshotRate = fx.rate(currency, base).orElse(null);
        if (snapshotRate != null) {
            sums.marketValueBase = plus(sums.marketValueBase, Decimals.times(value, snapshotRate));
            sums.marketValueAtPrice = plus(sums.marketValueAtPrice, Decimals.times(valueAtPrice, snapshotRate));
        }
        if (quantity.signum() == 0) {
            return;
        }
        sums.open++;
        BigDecimal rate = currency.equals(base) ? BigDecimal.ONE : snapshotRate;
        if (rate == null) {
            return;
        }
        if (id.equals(focus)) {
            sums.focusNotional = Decimals.times(value.abs(), rate);
        }
        Instrument instrument = instruments.apply(id);
        if (instrument == null) {
            sums.crossInitial = plus(sums.crossInitial, Decimals.times(value.abs(), rate));
            sums.crossInitialAtPrice = plus(sums.crossInitialAtPrice, Decimals.times(valueAtPrice.abs(), rate));
            return;
        }
        PositionMargin margin = terms != null ? terms : defaultMargin(settings, instrument);
        if (margin.mode() == MarginMode.ISOLATED) {
            sums.isolatedEquity = plus(
                    sums.isolatedEquity, Decimals.times(margin.isolatedMargin().add(value.subtract(cost)), rate));
            sums.isolatedEquityAtPrice = plus(
                    sums.isolatedEquityAtPrice,
                    Decimals.times(margin.isolatedMargin().add(valueAtPrice.subtract(cost)), rate));
        } else {
            BigDecimal initial =
                    crossInitial(p, instrument, margin, multiplier, quantity, cost, value, mark, underlyingMarks);
            sums.crossInitial = plus(sums.crossInitial, Decimals.times(initial, rate));
            BigDecimal initialAtPrice = repriced
                    ? crossInitial(
                            p,
                            instrument,
                            margin,
                            multiplier,
                            quantity,
                            cost,
                            valueAtPrice,
                            focusPrice,
                            underlyingMarks)
                    : initial;
            sums.crossInitialAtPrice = plus(sums.crossInitialAtPrice, Decimals.times(initialAtPrice, rate));
        }
    }

    /**
     * {@code a.add(b)}, or the operand itself when the other is the {@link BigDecimal#ZERO} a sum
     * starts from and its scale is not negative: 0 + x is then x in value and scale. A pre-trade pass
     * over one position in one bucket makes no copies of its terms.
     */
    static BigDecimal plus(BigDecimal a, BigDecimal b) {
        if (a == BigDecimal.ZERO && b.scale() >= 0) {
            return b;
        }
        if (b == BigDecimal.ZERO && a.scale() >= 0) {
            return a;
        }
        return a.add(b);
    }

    /** {@code a.subtract(b)}, or {@code a} itself when {@code b} is {@link BigDecimal#ZERO} and its scale is not negative. */
    static BigDecimal minus(BigDecimal a, BigDecimal b) {
        return b == BigDecimal.ZERO && a.scale() >= 0 ? a : a.subtract(b);
    }

    /** The initial margin of an open cross position as {@link #working} computes it. */
    private BigDecimal crossInitial(
            Position p,
            Instrument instrument,
            PositionMargin margin,
            BigDecimal multiplier,
            BigDecimal quantity,
            BigDecimal cost,
            BigDecimal value,
            BigDecimal mark,
            Function<InstrumentId, BigDecimal> underlyingMarks) {
        if (instrument instanceof Instrument.OptionContract option) {
            if (quantity.signum() > 0) {
                return value.abs();
            }
            BigDecimal optionMark = mark != null ? mark : p.averagePrice(multiplier);
            BigDecimal underlying = underlyingMarks.apply(option.underlying());
            return MarginSchedule.shortOptionRequirement(
                            option.right() == Instrument.OptionRight.CALL,
                            underlying == null ? option.strike() : underlying,
                            option.strike(),
                            optionMark)
                    .multiply(quantity.abs())
                    .multiply(instrument.multiplier());
        }
        BigDecimal entryNotional = cost.abs();
        return Decimals.times(
                entryNotional,
                schedule.rates(instrument.assetClass(), margin.leverage(), entryNotional)
                        .initialRate());
    }

    /** Maintenance ÷ equity; a pool with maintenance but no equity left is capped at {@link #RATIO_CAP}. */
    static BigDecimal ratio(BigDecimal maintenance, BigDecimal equity) {
        if (maintenance.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        if (equity.signum() <= 0) {
            return RATIO_CAP;
        }
        return maintenance.divide(equity, Decimals.DIVISION).min(RATIO_CAP);
    }

    private record Working(
            PositionFigures view,
            AssetClass assetClass,
            PositionMargin margin,
            MarginSchedule.Rates rates,
            BigDecimal mark,
            BigDecimal notional,
            BigDecimal initial,
            BigDecimal maintenance,
            BigDecimal multiplier) {}

    private Working working(
            PositionFigures p,
            Instrument instrument,
            PortfolioSnapshot s,
            PortfolioSettings settings,
            Function<InstrumentId, BigDecimal> underlyingMarks) {
        BigDecimal entryNotional = p.costBasis().abs();
        BigDecimal mark = p.mark() != null ? p.mark() : p.averagePrice();
        BigDecimal marketValue = p.marketValue().abs();
        if (instrument == null) {
            // An instrument the market no longer lists: no leverage, nothing to liquidate against.
            MarginSchedule.Rates r = new MarginSchedule.Rates(1, BigDecimal.ONE, BigDecimal.ZERO);
            return new Working(
                    p,
                    AssetClass.EQUITY,
                    PositionMargin.cross(1),
                    r,
                    mark,
                    marketValue,
                    marketValue,
                    BigDecimal.ZERO,
                    BigDecimal.ONE);
        }
        PositionMargin margin =
                s.account().margins().getOrDefault(p.instrumentId(), defaultMargin(settings, instrument));
        MarginSchedule.Rates rates = schedule.rates(instrument.assetClass(), margin.leverage(), entryNotional);
        BigDecimal initial;
        BigDecimal maintenance;
        if (instrument instanceof Instrument.OptionContract option) {
            rates = new MarginSchedule.Rates(1, BigDecimal.ONE, BigDecimal.ZERO);
            if (p.quantity().signum() > 0) {
                // A long option is paid in full: its value buys nothing, and it cannot lose more.
                initial = marketValue;
                maintenance = BigDecimal.ZERO;
            } else {
                BigDecimal underlying = underlyingMarks.apply(option.underlying());
                BigDecimal perUnit = MarginSchedule.shortOptionRequirement(
                        option.right() == Instrument.OptionRight.CALL,
                        underlying == null ? option.strike() : underlying,
                        option.strike(),
                        mark);
                initial = perUnit.multiply(p.quantity().abs()).multiply(instrument.multiplier());
                maintenance = initial;
            }
        } else {
            initial = entryNotional.multiply(rates.initialRate());
            maintenance = entryNotional.multiply(rates.maintenanceRate());
        }
        return new Working(
                p,
                instrument.assetClass(),
                margin,
                rates,
                mark,
                marketValue,
                initial,
                maintenance,
                instrument.multiplier());
    }

    /**
     * Long: {@code entry × (1 − IM + MM)}; short: {@code entry × (1 + IM − MM)}, with IM the isolated
     * margin over the entry notional and MM the maintenance rate. Exact here because maintenance is
     * assessed on entry notional.
     */
    private static BigDecimal isolatedLiquidationPrice(Working w) {
        BigDecimal entryNotional = w.view.costBasis().abs();
        if (entryNotional.signum() == 0) {
            return null;
        }
        BigDecimal im = w.margin.isolatedMargin().divide(entryNotional, Decimals.DIVISION);
        BigDecimal mm = w.maintenance.divide(entryNotional, Decimals.DIVISION);
        BigDecimal factor = w.view.quantity().signum() > 0
                ? BigDecimal.ONE.subtract(im).add(mm)
                : BigDecimal.ONE.add(im).subtract(mm);
        BigDecimal price = w.view.averagePrice().multiply(factor);
        return price.signum() > 0 ? price : null;
    }

    /** The mark at which the cross pool's equity would meet its maintenance, other prices unchanged. */
    private static BigDecimal crossLiquidationPrice(
            Working w, BigDecimal crossEquity, BigDecimal crossMaintenance, BigDecimal rate) {
        if (w.maintenance.signum() == 0 || rate.signum() == 0) {
            return null;
        }
        BigDecimal perPrice = w.view.quantity().multiply(w.multiplier).multiply(rate);
        BigDecimal price =
                w.mark.subtract(crossEquity.subtract(crossMaintenance).divide(perPrice, Decimals.DIVISION));
        return price.signum() > 0 ? price : null;
    }
}
