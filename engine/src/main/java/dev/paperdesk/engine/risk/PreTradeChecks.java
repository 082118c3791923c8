package dev.paperdesk.engine.risk;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Rejection;
import dev.paperdesk.engine.portfolio.LimitMode;
import dev.paperdesk.engine.portfolio.RiskLimit;
import dev.paperdesk.engine.portfolio.RiskLimits;
import dev.paperdesk.engine.portfolio.margin.AccountSnapshot;
import dev.paperdesk.engine.portfolio.margin.Percent;
import dev.paperdesk.engine.portfolio.margin.RiskFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pre-trade checks of an order against its portfolio: the margin check (an order that opens
 * exposure must leave free margin ≥ 0) and the six advisory limits. Reductions are never limited.
 * Stateless; the account before and after the order are computed by the caller.
 */
public final class PreTradeChecks {
    private PreTradeChecks() {}

    /**
     * Checks {@code order}, requiring the free margin it uses at its expected price and fee ({@code
     * before.freeMargin − after.freeMargin}).
     *
     * @param before the account now
     * @param after the account as it would be once the order filled at its expected price and fee
     * @param correlations correlation of recent returns between the order's instrument and each open
     *     position's, signed by direction (positive: the new position adds to the same bet)
     */
    public static RiskVerdict check(
            OrderIntent order, AccountSnapshot before, AccountSnapshot after, Map<InstrumentId, Double> correlations) {
        return check(order, before, after, correlations, before.freeMargin().subtract(after.freeMargin()));
    }

    /**
     * Checks {@code order}; it is rejected when {@code requirement}, the free margin it would use,
     * exceeds the free margin now (which already excludes what working orders reserve).
     *
     * @param requirement margin and fees the order's opening part needs (at least {@code
     *     before.freeMargin − after.freeMargin}; the caller may ask for more, e.g. no credit for a
     *     limit below the market)
     */
    public static RiskVerdict check(
            OrderIntent order,
            AccountSnapshot before,
            AccountSnapshot after,
            Map<InstrumentId, Double> correlations,
            BigDecimal requirement) {
        BigDecimal notional = after.position(order.instrument().id())
                .filter(p -> p.rate() != null)
                .map(p -> p.notional().multiply(p.rate()))
                .orElse(null);
        return check(order, before, notional, after.positions().size(), correlations, requirement);
    }

    /**
     * Checks {@code order} on the figures of its account now and two figures of the account once
     * the order filled: the checks read nothing else of the account after the order.
     *
     * @param positionNotionalAfter the order's position after it filled, at the mark and in the base
     *     currency ({@code null} when flat or without an exchange rate)
     * @param openPositionsAfter how many positions are open after it filled
     */
    public static RiskVerdict check(
            OrderIntent order,
            RiskFigures before,
            BigDecimal positionNotionalAfter,
            int openPositionsAfter,
            Map<InstrumentId, Double> correlations,
            BigDecimal requirement) {
        return check(order, before, positionNotionalAfter, openPositionsAfter, correlations, requirement, true);
    }

    /**
     * {@link #check(OrderIntent, RiskFigures, BigDecimal, int, Map, BigDecimal)}; without {@code
     * warnings} the limits that only warn are not evaluated (nobody would read their warning): the
     * verdict is the same except that it carries no warnings.
     */
    public static RiskVerdict check(
            OrderIntent order,
            RiskFigures before,
            BigDecimal positionNotionalAfter,
            int openPositionsAfter,
            Map<InstrumentId, Double> correlations,
            BigDecimal requirement,
            boolean warnings) {
        if (!order.opens()) {
            return RiskVerdict.PASS;
        }
        String base = before.baseCurrency().code();
        if (requirement.compareTo(before.freeMargin()) > 0) {
            BigDecimal reserved = before.reservedForOrders();
            String held = reserved.signum() > 0
                    ? " (" + money(reserved) + " " + base + " is reserved for working orders)"
                    : "";
            return RiskVerdict.reject(new Rejection(
                    RejectReason.INSUFFICIENT_FUNDS,
                    "needs " + money(requirement) + " " + base + " of margin and fees but only "
                            + money(before.freeMargin().max(BigDecimal.ZERO)) + " " + base + " is free" + held));
        }
        RiskLimits limits = before.limits();
        List<RiskWarning> breaches = new ArrayList<>();
        BigDecimal equity = before.equity();
        if (positionNotionalAfter != null && equity.signum() > 0 && (warnings || blocks(limits.maxPositionPct()))) {
            BigDecimal notional = positionNotionalAfter;
            // Decided without the division unless the figure is within 10⁻³⁰ of the limit.
            if (Percent.exceeds(notional, equity, limits.maxPositionPct().threshold())) {
                BigDecimal pct = percent(notional, equity);
                breaches.add(warning(
                        "max position size",
                        limits.maxPositionPct(),
                        money(notional) + " " + base + " is " + pct(pct) + " of equity " + money(equity) + " " + base
                                + " (limit " + plain(limits.maxPositionPct()) + "%)"));
            }
        }
        if ((warnings || blocks(limits.dailyLossPct()))
                && before.dailyLossAtLeast(limits.dailyLossPct().threshold())) {
            breaches.add(warning(
                    "daily loss limit",
                    limits.dailyLossPct(),
                    "down " + money(before.dayPnl().negate()) + " " + base + " today, " + pct(before.dailyLossPct())
                            + " of the day's opening equity (limit " + plain(limits.dailyLossPct()) + "%)"));
        }
        long openAfter = openPositionsAfter;
        if ((warnings || blocks(limits.maxOpenPositions()))
                && BigDecimal.valueOf(openAfter)
                                .compareTo(limits.maxOpenPositions().threshold())
                        > 0) {
            breaches.add(warning(
                    "max open positions",
                    limits.maxOpenPositions(),
                    openAfter + " positions open after this order (limit " + plain(limits.maxOpenPositions()) + ")"));
        }
        if (order.stopPrice() != null && equity.signum() > 0 && (warnings || blocks(limits.riskPerTradePct()))) {
            BigDecimal risk = order.price()
                    .subtract(order.stopPrice())
                    .abs()
                    .multiply(order.openingQuantity())
                    .multiply(order.instrument().multiplier())
                    .multiply(order.rate());
            if (Percent.exceeds(risk, equity, limits.riskPerTradePct().threshold())) {
                BigDecimal pct = percent(risk, equity);
                breaches.add(warning(
                        "risk per trade",
                        limits.riskPerTradePct(),
                        money(risk) + " " + base + " to the stop is " + pct(pct) + " of equity (limit "
                                + plain(limits.riskPerTradePct()) + "%)"));
            }
        }
        if ((warnings || blocks(limits.drawdownStopPct()))
                && before.drawdownAtLeast(limits.drawdownStopPct().threshold())) {
            breaches.add(warning(
                    "drawdown stop",
                    limits.drawdownStopPct(),
                    "equity is " + pct(before.drawdownPct()) + " below its peak (limit "
                            + plain(limits.drawdownStopPct()) + "%)"));
        }
        for (var e : warnings || blocks(limits.correlation())
                ? correlations.entrySet()
                : Map.<InstrumentId, Double>of().entrySet()) {
            if (e.getKey().equals(order.instrument().id()) || !Double.isFinite(e.getValue())) {
                continue;
            }
            if (e.getValue() >= limits.correlation().threshold().doubleValue()) {
                breaches.add(warning(
                        "correlation",
                        limits.correlation(),
                        String.format(
                                java.util.Locale.ROOT,
                                "%.2f between %s and the open %s position (threshold %s)",
                                e.getValue(),
                                order.instrument().id(),
                                e.getKey(),
                                plain(limits.correlation()))));
            }
        }
        if (breaches.isEmpty()) {
            return new RiskVerdict(Optional.empty(), List.of(), requirement.max(BigDecimal.ZERO));
        }
        List<RiskWarning> blocking =
                breaches.stream().filter(w -> w.mode() == LimitMode.BLOCK).toList();
        if (!blocking.isEmpty()) {
            return new RiskVerdict(
                    Optional.of(new Rejection(
                            RejectReason.RISK_LIMIT,
                            String.join(
                                    "; ",
                                    blocking.stream().map(RiskWarning::toString).toList()))),
                    breaches.stream().filter(w -> w.mode() == LimitMode.WARN).toList());
        }
        return new RiskVerdict(Optional.empty(), breaches, requirement.max(BigDecimal.ZERO));
    }

    private static boolean blocks(RiskLimit limit) {
        return limit.mode() == LimitMode.BLOCK;
    }

    private static RiskWarning warning(String name, RiskLimit limit, String message) {
        return new RiskWarning(name, message, limit.mode());
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return Percent.of(part, whole);
    }

    /**
     * {@code v} rounded half-even to cents with a comma every three integer digits: the text of {@code
     * String.format(Locale.ROOT, "%,.2f", v.setScale(2, HALF_EVEN))}, written without a Formatter (a
     * warning is formatted on every order while a limit stays breached).
     */
    static String money(BigDecimal v) {
        String plain = v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        int start = plain.charAt(0) == '-' ? 1 : 0;
        int point = plain.length() - 3;
        StringBuilder out = new StringBuilder(plain.length() + (point - start) / 3);
        out.append(plain, 0, start);
        for (int i = start; i < point; i++) {
            if (i > start && (point - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, point, plain.length()).toString();
    }

    private static String pct(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    private static String plain(RiskLimit l) {
        return l.threshold().stripTrailingZeros().toPlainString();
    }
}
