package dev.paperdesk.engine.strategy.rules;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.strategy.api.ExitLevel;
import dev.paperdesk.engine.strategy.api.IndicatorHandle;
import dev.paperdesk.engine.strategy.api.IndicatorRequest;
import dev.paperdesk.engine.strategy.api.Offset;
import dev.paperdesk.engine.strategy.api.OrderTerms;
import dev.paperdesk.engine.strategy.api.ParameterValues;
import dev.paperdesk.engine.strategy.api.PositionState;
import dev.paperdesk.engine.strategy.api.Strategy;
import dev.paperdesk.engine.strategy.api.StrategyContext;
import dev.paperdesk.engine.strategy.api.StrategyOrder;
import dev.paperdesk.engine.strategy.api.WorkingOrder;
import dev.paperdesk.engine.strategy.rules.CompiledRules.IndicatorDecl;
import dev.paperdesk.engine.strategy.rules.CompiledRules.Rule;
import dev.paperdesk.engine.strategy.rules.RuleAction.ExitSpec;
import dev.paperdesk.engine.strategy.rules.RuleAction.Sizing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compiled YAML rule strategy running through the ordinary {@link Strategy} callbacks.
 *
 * <p>On the close of each bar of the signal timeframe, per instrument, rules are tried in file order
 * and the first whose condition holds and whose action applies acts; at most one action per
 * instrument and bar. {@code buy}/{@code sell} apply when flat with no entry working, outside the
 * cooldown and below {@code max_positions}; {@code close} when a position or an entry exists;
 * {@code reverse} when a position exists, outside the cooldown. See {@code docs/strategies.md}.
 */
public final class RuleStrategy implements Strategy {
    private final CompiledRules rules;
    private final ParameterValues values;
    private final Map<InstrumentId, InstrumentState> states = new LinkedHashMap<>();
    private StrategyContext ctx;

    RuleStrategy(CompiledRules rules, ParameterValues values) {
        this.rules = rules;
        this.values = values;
        this.silence = new Silence(rules.rules());
    }

    @Override
    public String name() {
        return rules.name();
    }

    /** The parameter values this instance was compiled with. */
    public ParameterValues parameterValues() {
        return values;
    }

    /** The instruments the strategy trades. */
    public List<InstrumentId> instruments() {
        return rules.instruments();
    }

    /** The timeframe whose bars trigger rule evaluation. */
    public Timeframe signalTimeframe() {
        return rules.timeframe();
    }

    @Override
    public void onStart(StrategyContext context) {
        this.ctx = context;
        for (InstrumentId id : rules.instruments()) {
            if (ctx.instrument(id).isEmpty()) {
                ctx.warn(id + " is not listed on this market: no bar of it will reach the strategy");
            }
            ctx.subscribeBars(id, rules.timeframe());
            IndicatorHandle[] handles = new IndicatorHandle[rules.indicators().size()];
            for (int i = 0; i < handles.length; i++) {
                IndicatorDecl d = rules.indicators().get(i);
                handles[i] = ctx.indicator(new IndicatorRequest(id, d.timeframe(), d.spec(), d.source(), d.history()));
            }
            states.put(id, new InstrumentState(id, handles, rules.barHistory()));
        }
        stateList = states.values().toArray(new InstrumentState[0]);
    }

    /** The states in instrument order, for the per-bar count of open positions. */
    private InstrumentState[] stateList = new InstrumentState[0];

    /** The instrument of the previous bar and its state: bars of one series look nothing up. */
    private InstrumentId lastInstrument;

    private InstrumentState lastState;

    @Override
    public void onBar(Bar bar) {
        if (bar.timeframe() != rules.timeframe()) {
            return;
        }
        InstrumentState s;
        if (bar.instrumentId() == lastInstrument) {
            s = lastState;
        } else {
            s = states.get(bar.instrumentId());
            lastInstrument = bar.instrumentId();
            lastState = s;
        }
        if (s == null) {
            return;
        }
        s.push(bar);
        if (ctx.isWarmingUp()) {
            return;
        }
        evaluate(s, bar);
    }

    @Override
    public Set<Timeframe> timeframes() {
        Set<Timeframe> out = new java.util.TreeSet<>();
        out.add(rules.timeframe());
        for (IndicatorDecl d : rules.indicators()) {
            out.add(d.timeframe());
        }
        return out;
    }

    /** Names each rule that never acted although it could, and the part of its condition that kept it still. */
    @Override
    public void onStop() {
        List<Rule> ruleList = rules.rules();
        for (int i = 0; i < ruleList.size(); i++) {
            String why = silence.explain(i, ruleList.get(i), rules.timeframe());
            if (why != null) {
                ctx.warn(why);
            }
        }
        unsized.forEach(
                (rule, u) -> ctx.warn(u.explain(rule, ctx.instrument(u.id()).orElse(null))));
    }

    /** Per rule, the entries it skipped because their size came to less than one lot. */
    private final Map<String, Unsized> unsized = new LinkedHashMap<>();

    /** How often a rule's entry was skipped for a size of zero, and the last such bar. */
    private record Unsized(long times, Instant lastBar, InstrumentId id, BigDecimal price, BigDecimal sized) {
        String explain(String rule, Instrument instrument) {
            String size =
                    sized.signum() <= 0 ? "nothing" : sized.stripTrailingZeros().toPlainString() + " units";
            String lot = instrument == null || sized.signum() <= 0 || sized.compareTo(instrument.lotSize()) >= 0
                    ? ""
                    : ", less than one lot of "
                            + instrument.lotSize().stripTrailingZeros().toPlainString() + " of " + id;
            return "rule '" + rule + "' held but placed no order " + times + (times == 1 ? " time" : " times")
                    + ": its size rounded to zero (the last, on the bar of " + lastBar + ", sized " + size + " at "
                    + price.toPlainString() + lot + ")";
        }
    }

    @Override
    public void onFill(Fill fill) {
        InstrumentState s = states.get(fill.instrumentId());
        if (s != null && ctx.positionQuantity(fill.instrumentId()).signum() == 0) {
            s.cooldownLeft = rules.cooldownBars();
        }
    }

    // evaluate and the methods it calls are small on purpose: they run on every signal bar, and a
    // method the compiler finds too big to inline costs a call and its escape analysis per bar.
    private void evaluate(InstrumentState s, Bar bar) {
        s.barIndex++;
        InstrumentId id = s.id;
        // the quantity's sign is all the rules ask of the position: no average price per fill
        int held = ctx.positionQuantity(id).signum();
        s.position = PositionState.of(held);
        s.time = null; // the close time, made when a condition asks for it
        List<WorkingOrder> openOrders = ctx.openOrders(id);
        boolean pendingEntry = (!openOrders.isEmpty() || !s.limitEntries.isEmpty()) && workingEntries(s, openOrders);
        boolean cooling = s.cooldownLeft > 0;
        if (cooling) {
            s.cooldownLeft--;
        }
        Rule rule = firstApplying(s, held, pendingEntry, cooling);
        if (rule != null) {
            act(s, rule, bar, held);
        }
    }

    /**
     * Expires limit entries that have waited their valid_bars and forgets those no longer working;
     * true when an entry is still working.
     */
    private boolean workingEntries(InstrumentState s, List<WorkingOrder> openOrders) {
        boolean pendingEntry = false;
        Set<OrderId> working = s.limitEntries.isEmpty() ? null : new HashSet<>();
        for (int i = 0, n = openOrders.size(); i < n; i++) {
            WorkingOrder w = openOrders.get(i);
            if (working != null) {
                working.add(w.id());
            }
            if (w.reduceOnly()) {
                continue;
            }
            LimitEntry since = s.limitEntries.get(w.id());
            if (since != null && s.barIndex - since.barIndex() >= since.validBars()) {
                ctx.cancel(w.id());
                continue;
            }
            pendingEntry = true;
        }
        if (working != null) {
            s.limitEntries.keySet().retainAll(working);
        }
        return pendingEntry;
    }

    /** The first rule, in file order, whose action applies and whose condition holds; null when none. */
    private Rule firstApplying(InstrumentState s, int held, boolean pendingEntry, boolean cooling) {
        List<Rule> ruleList = rules.rules();
        for (int i = 0, n = ruleList.size(); i < n; i++) {
            Rule rule = ruleList.get(i);
            if (applies(rule.then().kind(), s.id, held, pendingEntry, cooling)
                    && (silence.held[i] ? rule.when().test(s) : silence.test(i, rule, s))) {
                return rule;
            }
        }
        return null;
    }

    private boolean applies(RuleAction.Kind kind, InstrumentId id, int held, boolean pendingEntry, boolean cooling) {
        return switch (kind) {
            case BUY, SELL -> held == 0
                    && !pendingEntry
                    && !cooling
                    // fewer instruments than the limit: nothing to count
                    && (stateList.length < rules.maxPositions() || openPositions(id, held) < rules.maxPositions());
            case CLOSE -> held != 0 || pendingEntry;
            case REVERSE -> held != 0 && !cooling;
        };
    }

    /** Instruments with a position or a working entry; {@code held} is the sign of {@code current}'s position, read this bar. */
    private int openPositions(InstrumentId current, int held) {
        int n = 0;
        for (InstrumentState state : stateList) {
            InstrumentId id = state.id;
            if ((id.equals(current) ? held : ctx.positionQuantity(id).signum()) != 0) {
                n++;
                continue;
            }
            List<WorkingOrder> openOrders = ctx.openOrders(id);
            for (int i = 0, m = openOrders.size(); i < m; i++) {
                if (!openOrders.get(i).reduceOnly()) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private void act(InstrumentState s, Rule rule, Bar bar, int held) {
        RuleAction a = rule.then();
        switch (a.kind()) {
            case CLOSE -> {
                ctx.closePosition(s.id, rule.name());
                s.limitEntries.clear();
            }
            case BUY -> enter(s, rule, bar, Side.BUY);
            case SELL -> enter(s, rule, bar, Side.SELL);
            case REVERSE -> {
                ctx.closePosition(s.id, rule.name());
                s.limitEntries.clear();
                enter(s, rule, bar, held > 0 ? Side.SELL : Side.BUY);
            }
        }
    }

    private void enter(InstrumentState s, Rule rule, Bar bar, Side side) {
        RuleAction a = rule.then();
        BigDecimal reference = bar.close();
        Price limit = null;
        if (a.limitPrice() != null) {
            double lp = a.limitPrice().eval(s, 0);
            if (!(lp > 0) || Double.isInfinite(lp)) {
                ctx.warn(rule.name() + ": limit price " + lp + " is not a positive number; no order");
                return;
            }
            limit = roundLimit(s.id, BigDecimal.valueOf(lp), side);
            reference = limit.value();
        }
        BigDecimal stopDistance = null;
        if (a.stopLoss() != null) {
            stopDistance = distance(s, a.stopLoss(), reference);
            if (stopDistance == null) {
                ctx.warn(rule.name() + ": ATR for the stop-loss is not yet defined; no order");
                return;
            }
        }
        BigDecimal sized = size(a.sizing(), reference, stopDistance);
        BigDecimal qty = toLot(s.id, sized);
        if (qty.signum() <= 0) {
            ctx.info(rule.name() + ": size rounds to zero at " + reference.toPlainString() + "; no order");
            unsized.merge(
                    rule.name(),
                    new Unsized(1, bar.openTime(), s.id, reference, sized),
                    (was, now) -> new Unsized(was.times() + 1, now.lastBar(), now.id(), now.price(), now.sized()));
            return;
        }
        Quantity q = new Quantity(qty);
        TimeInForce tif = a.timeInForce();
        StrategyOrder.Entry entry = limit == null
                ? new StrategyOrder.Market(
                        s.id, side, q, OrderTerms.of(tif == null ? TimeInForce.IOC : tif), false, rule.name())
                : new StrategyOrder.Limit(
                        s.id, side, q, limit, tif == null ? TimeInForce.GTC : tif, false, rule.name());
        StrategyOrder order = entry;
        if (a.hasExits()) {
            ExitLevel sl = a.stopLoss() == null ? null : new ExitLevel.FromEntry(offset(s, a.stopLoss(), reference));
            ExitLevel tp = null;
            if (a.takeProfit() != null) {
                Offset o = offset(s, a.takeProfit(), reference);
                if (o == null) {
                    ctx.warn(rule.name() + ": ATR for the take-profit is not yet defined; no order");
                    return;
                }
                tp = new ExitLevel.FromEntry(o);
            }
            Offset trail = null;
            if (a.trailingStop() != null) {
                trail = offset(s, a.trailingStop(), reference);
                if (trail == null) {
                    ctx.warn(rule.name() + ": ATR for the trailing stop is not yet defined; no order");
                    return;
                }
            }
            order = new StrategyOrder.Bracket(entry, tp, sl, trail);
        }
        OrderId id = ctx.submit(order);
        if (limit != null) {
            s.limitEntries.put(id, new LimitEntry(s.barIndex, a.validBars()));
        }
    }

    /**
     * {@code qty} rounded down to the instrument's lot size as well, so a template sized in steps of
     * 0.001 (crypto) trades whole shares of a stock rather than being refused by the venue.
     */
    private BigDecimal toLot(InstrumentId id, BigDecimal qty) {
        Instrument inst = ctx.instrument(id).orElse(null);
        if (inst == null || qty.signum() <= 0 || qty.remainder(inst.lotSize()).signum() == 0) {
            return qty; // already whole lots: kept as written
        }
        return floorToStep(qty, BigDecimal.ONE, inst.lotSize());
    }

    /** Rounds a limit price to the tick, in the direction that never pays more than asked. */
    private Price roundLimit(InstrumentId id, BigDecimal price, Side side) {
        Instrument inst = ctx.instrument(id).orElse(null);
        if (inst == null) {
            return new Price(price);
        }
        return new Price(price)
                .roundToTick(inst.tickSize(), side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }

    /** The exit distance in price units, or null while an ATR is undefined. */
    private BigDecimal distance(InstrumentState s, ExitSpec e, BigDecimal reference) {
        return switch (e.unit()) {
            case PERCENT -> reference.multiply(e.value()).movePointLeft(2);
            case PRICE -> e.value();
            case ATR -> {
                double atr = s.handles[e.atrIndicator()].value(0, 0);
                yield Double.isNaN(atr) || atr <= 0 ? null : e.value().multiply(BigDecimal.valueOf(atr));
            }
        };
    }

    private Offset offset(InstrumentState s, ExitSpec e, BigDecimal reference) {
        if (e.unit() == RuleAction.ExitUnit.PERCENT) {
            return new Offset.Percent(e.value());
        }
        BigDecimal d = distance(s, e, reference);
        return d == null ? null : new Offset.Points(d);
    }

    private BigDecimal size(Sizing sizing, BigDecimal price, BigDecimal stopDistance) {
        BigDecimal notional;
        switch (sizing.mode()) {
            case QUANTITY -> {
                if (sizing.value().signum() > 0) {
                    return floorToStep(sizing.value(), BigDecimal.ONE, sizing.step());
                }
                notional = ctx.cash().amount();
            }
            case AMOUNT -> notional = sizing.value();
            case EQUITY_PCT -> notional =
                    ctx.equity().amount().multiply(sizing.value()).movePointLeft(2);
            case CASH_PCT -> notional =
                    ctx.cash().amount().multiply(sizing.value()).movePointLeft(2);
            case RISK_PCT -> {
                BigDecimal risk = ctx.equity().amount().multiply(sizing.value()).movePointLeft(2);
                return floorToStep(risk, stopDistance, sizing.step());
            }
            default -> throw new IllegalStateException(sizing.mode().toString());
        }
        return floorToStep(notional, price, sizing.step());
    }

    /** The largest multiple of {@code step} not above {@code amount / per}, exactly; zero when not positive. */
    static BigDecimal floorToStep(BigDecimal amount, BigDecimal per, BigDecimal step) {
        if (amount.signum() <= 0 || per.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return amount.divide(per.multiply(step), 0, RoundingMode.DOWN).multiply(step);
    }

    private final Silence silence;

    /**
     * Counts, for each rule until its condition first holds, the signal bars on which it could have
     * acted and how often each part of its condition held on them: a rule that never acted is then
     * explained at the stop (a session window that daily bars never reach, a threshold never crossed)
     * instead of leaving a run with no trades and no reason. A rule that has held once costs nothing more.
     */
    private static final class Silence {
        private static final int CLOSES_KEPT = 4;

        /** Whether the rule's condition has held on some bar (its counting then stops). */
        final boolean[] held;

        final long[] chances;
        final long[][] partHeld;
        /** Distinct UTC close times of day of the bars counted (a few), for a time window that never held. */
        final List<TreeSet<LocalTime>> closes;

        /** Per rule and part, the bars on which the part read an indicator not yet defined. */
        final long[][] partUndefined;

        private final Watch watch = new Watch();

        /** A frame that notes whether an indicator read was undefined (NaN: not warmed up yet). */
        private static final class Watch implements Frame {
            Frame frame;
            boolean undefined;

            @Override
            public double bar(BarField field, int ago) {
                return frame.bar(field, ago);
            }

            @Override
            public double indicator(int index, int output, int ago) {
                double v = frame.indicator(index, output, ago);
                undefined |= Double.isNaN(v);
                return v;
            }

            @Override
            public PositionState position() {
                return frame.position();
            }

            @Override
            public Instant time() {
                return frame.time();
            }
        }

        Silence(List<Rule> rules) {
            int n = rules.size();
            held = new boolean[n];
            chances = new long[n];
            partHeld = new long[n][];
            partUndefined = new long[n][];
            closes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                partHeld[i] = new long[rules.get(i).parts().size()];
                partUndefined[i] = new long[rules.get(i).parts().size()];
                closes.add(new TreeSet<>());
            }
        }

        /** The rule's condition, part by part (every part tested, as the parts have no side effects). */
        boolean test(int i, Rule rule, Frame f) {
            chances[i]++;
            List<Condition> parts = rule.parts();
            boolean all = true;
            watch.frame = f;
            for (int k = 0, n = parts.size(); k < n; k++) {
                watch.undefined = false;
                if (parts.get(k).test(watch)) {
                    partHeld[i][k]++;
                } else {
                    all = false;
                }
                if (watch.undefined) {
                    partUndefined[i][k]++;
                }
            }
            TreeSet<LocalTime> seen = closes.get(i);
            if (seen.size() < CLOSES_KEPT) {
                seen.add(LocalTime.ofInstant(f.time(), ZoneOffset.UTC));
            }
            held[i] = all;
            return all;
        }

        /** Why the rule never acted, or null when it did or never could (never applicable). */
        String explain(int i, Rule rule, Timeframe timeframe) {
            if (held[i] || chances[i] == 0) {
                return null;
            }
            List<Condition> parts = rule.parts();
            List<String> labels = rule.partLabels();
            List<String> never = new ArrayList<>();
            boolean window = false;
            for (int k = 0; k < parts.size(); k++) {
                if (partHeld[i][k] == 0) {
                    never.add(labels.get(k));
                    window |= parts.get(k) instanceof Condition.TimeWindow;
                }
            }
            StringBuilder out = new StringBuilder("rule '")
                    .append(rule.name())
                    .append("' never acted: on the ")
                    .append(String.format(Locale.ROOT, "%,d", chances[i]))
                    .append(' ')
                    .append(timeframe.label())
                    .append(chances[i] == 1 ? " bar" : " bars")
                    .append(" it could act on, ");
            if (parts.size() == 1) {
                out.append("its condition ").append(labels.get(0)).append(" never held");
            } else if (!never.isEmpty()) {
                out.append(String.join(" and ", never)).append(" held on none");
            } else {
                List<String> counts = new ArrayList<>();
                for (int k = 0; k < parts.size(); k++) {
                    counts.add(labels.get(k) + " on " + String.format(Locale.ROOT, "%,d", partHeld[i][k]));
                }
                out.append("its parts held (")
                        .append(String.join(", ", counts))
                        .append(") but never all on the same bar");
            }
            for (int k = 0; k < parts.size(); k++) {
                long undefined = partUndefined[i][k];
                if (partHeld[i][k] == 0 && undefined > 0) {
                    out.append("; ")
                            .append(labels.get(k))
                            .append(" read an indicator that was undefined on ")
                            .append(undefined == chances[i] ? "all" : String.format(Locale.ROOT, "%,d", undefined))
                            .append(" of them (too few bars of its timeframe to warm it up)");
                }
            }
            if (window) {
                TreeSet<LocalTime> seen = closes.get(i);
                out.append(" (those bars close at ")
                        .append(String.join(
                                ", ", seen.stream().map(LocalTime::toString).toList()))
                        .append(seen.size() >= CLOSES_KEPT ? ", ..." : "")
                        .append(" UTC; a time window needs bars that close inside it)");
            }
            return out.toString();
        }
    }

    /** A working limit entry: the signal bar it was placed on and how many bars it may wait. */
    private record LimitEntry(long barIndex, int validBars) {}

    /** One instrument's bars, indicator handles and bookkeeping; the frame its rules read. */
    private final class InstrumentState implements Frame {
        final InstrumentId id;
        final IndicatorHandle[] handles;
        final Bar[] ring;
        int head = -1;
        long count;
        long barIndex;
        int cooldownLeft;
        PositionState position = PositionState.FLAT;
        /** The evaluated bar's close; null until asked for (most rules never read it). */
        Instant time = Instant.EPOCH;

        final Map<OrderId, LimitEntry> limitEntries = new HashMap<>();

        InstrumentState(InstrumentId id, IndicatorHandle[] handles, int history) {
            this.id = id;
            this.handles = handles;
            this.ring = new Bar[history];
        }

        void push(Bar bar) {
            head = head + 1 == ring.length ? 0 : head + 1;
            ring[head] = bar;
            count++;
        }

        @Override
        public double bar(BarField field, int ago) {
            if (ago >= ring.length || ago >= count) {
                return Double.NaN;
            }
            int i = head - ago;
            return field.of(ring[i < 0 ? i + ring.length : i]);
        }

        @Override
        public double indicator(int index, int output, int ago) {
            return handles[index].value(output, ago);
        }

        @Override
        public PositionState position() {
            return position;
        }

        @Override
        public Instant time() {
            if (time == null) {
                Bar bar = ring[head];
                time = bar.openTime().plus(rules.timeframe().duration());
            }
            return time;
        }
    }
}
