package dev.paperdesk.engine.strategy.rules;

import dev.paperdesk.engine.indicator.spec.IndicatorKind;
import dev.paperdesk.engine.indicator.spec.IndicatorSpec;
import dev.paperdesk.engine.indicator.spec.IndicatorSpecParser;
import dev.paperdesk.engine.indicator.spec.SpecParseResult;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.strategy.api.ParameterSpec;
import dev.paperdesk.engine.strategy.api.ParameterType;
import dev.paperdesk.engine.strategy.api.PositionState;
import dev.paperdesk.engine.strategy.api.PriceSource;
import dev.paperdesk.engine.strategy.api.StrategyProblem;
import dev.paperdesk.engine.strategy.api.StrategyProblem.Kind;
import dev.paperdesk.engine.strategy.rules.CompiledRules.IndicatorDecl;
import dev.paperdesk.engine.strategy.rules.CompiledRules.Rule;
import dev.paperdesk.engine.strategy.rules.ExpressionParser.ExpressionException;
import dev.paperdesk.engine.strategy.rules.RuleAction.ExitSpec;
import dev.paperdesk.engine.strategy.rules.RuleAction.ExitUnit;
import dev.paperdesk.engine.strategy.rules.RuleAction.Sizing;
import dev.paperdesk.engine.strategy.rules.YamlNode.Entry;
import dev.paperdesk.engine.strategy.rules.YamlNode.ListNode;
import dev.paperdesk.engine.strategy.rules.YamlNode.MapNode;
import dev.paperdesk.engine.strategy.rules.YamlNode.Mark;
import dev.paperdesk.engine.strategy.rules.YamlNode.Scalar;
import dev.paperdesk.engine.strategy.rules.YamlNode.ScalarKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the tree of a strategy file into {@link CompiledRules}, collecting every problem with its
 * line and column instead of stopping at the first. Parameter declarations are read separately
 * ({@link #readParameters}) because the rest is compiled once per set of parameter values.
 */
final class RuleCompiler {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final List<String> CONDITIONS =
            List.of("all", "any", "not", "above", "below", "crosses_above", "crosses_below", "position", "time");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int DEFAULT_ATR_PERIOD = 14;

    private final String source;
    private final List<StrategyProblem> problems;
    private final Map<String, BigDecimal> values;
    // Parameters whose declaration was already reported as bad: references to them stay silent.
    private Set<String> brokenParameters = Set.of();

    // Indicators under construction: name -> index, with the history their references need.
    private final Map<String, Integer> indicatorIndex = new LinkedHashMap<>();
    private final List<IndicatorDecl> indicators = new ArrayList<>();
    private final List<Integer> history = new ArrayList<>();
    // Declared indicators that failed to compile: references to them are not reported again.
    private final Set<String> brokenIndicators = new HashSet<>();
    private int barHistory = 2;
    private Timeframe timeframe;

    RuleCompiler(String source, List<StrategyProblem> problems, Map<String, BigDecimal> values) {
        this.source = source;
        this.problems = problems;
        this.values = values;
    }

    RuleCompiler ignoringReferencesTo(Set<String> broken) {
        this.brokenParameters = Set.copyOf(broken);
        return this;
    }

    // ---------------------------------------------------------------- header and parameters

    /** The strategy's name, or null after reporting why there is none. */
    static String readName(String source, MapNode root, List<StrategyProblem> problems) {
        RuleCompiler c = new RuleCompiler(source, problems, Map.of());
        YamlNode n = root.get("name");
        if (n == null) {
            c.problem(Kind.MISSING_FIELD, root.mark(), "missing field 'name'");
            return null;
        }
        String name = c.plainText(n, "name");
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._\\-]{0,59}")) {
            c.problem(
                    Kind.INVALID_VALUE,
                    n.mark(),
                    "name '" + name
                            + "' must start with a letter or digit and use only letters, digits, '.', '_' and '-'");
            return null;
        }
        return name;
    }

    /** A declared parameter and where it was declared. */
    record DeclaredParameter(ParameterSpec spec, Mark mark) {}

    /** Reads {@code parameters:}; bad declarations are reported and left out. */
    static List<DeclaredParameter> readParameters(String source, MapNode root, List<StrategyProblem> problems) {
        RuleCompiler c = new RuleCompiler(source, problems, Map.of());
        YamlNode node = root.get("parameters");
        List<DeclaredParameter> out = new ArrayList<>();
        if (node == null || isNull(node)) {
            return out;
        }
        MapNode map = c.map(node, "parameters");
        if (map == null) {
            return out;
        }
        for (Entry e : map.entries().values()) {
            String where = "parameter '" + e.key() + "'";
            if (!NAME.matcher(e.key()).matches()) {
                c.problem(
                        Kind.INVALID_VALUE,
                        e.keyMark(),
                        where + ": a name is a letter or '_' followed by letters, digits or '_'");
                continue;
            }
            MapNode decl = c.map(e.value(), where);
            if (decl == null) {
                continue;
            }
            Fields f = c.new Fields(decl, where);
            YamlNode typeNode = f.optional("type");
            BigDecimal def = c.literal(f.required("default"), where + " default");
            BigDecimal min = c.literal(f.required("min"), where + " min");
            BigDecimal max = c.literal(f.required("max"), where + " max");
            YamlNode stepNode = f.optional("step");
            BigDecimal step = stepNode == null ? null : c.literal(stepNode, where + " step");
            YamlNode descNode = f.optional("description");
            String description = descNode == null ? "" : c.plainText(descNode, where + " description");
            ParameterType type = null;
            if (typeNode != null) {
                String t = c.plainText(typeNode, where + " type");
                type = t == null ? null : ParameterType.byLabel(t);
                if (t != null && type == null) {
                    c.problem(
                            Kind.INVALID_VALUE,
                            typeNode.mark(),
                            where + ": unknown type '" + t + "' (use int or decimal)");
                }
            }
            f.finish();
            if (def == null || min == null || max == null || (stepNode != null && step == null)) {
                continue;
            }
            if (typeNode != null && type == null) {
                continue;
            }
            if (type == null) {
                boolean whole = isWhole(def) && isWhole(min) && isWhole(max) && (step == null || isWhole(step));
                type = whole ? ParameterType.INT : ParameterType.DECIMAL;
            }
            if (step == null) {
                BigDecimal tenth = max.subtract(min)
                        .divide(BigDecimal.TEN, 10, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros();
                step = type == ParameterType.INT || tenth.signum() == 0 ? BigDecimal.ONE : tenth;
            }
            try {
                out.add(new DeclaredParameter(
                        new ParameterSpec(e.key(), type, def, min, max, step, description), e.keyMark()));
            } catch (IllegalArgumentException ex) {
                c.problem(Kind.BAD_PARAMETER, e.keyMark(), where + ": " + stripName(ex.getMessage(), e.key()));
            }
        }
        return out;
    }

    private static String stripName(String message, String name) {
        return message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
    }

    // ---------------------------------------------------------------- the body

    /** Compiles the whole file for the parameter values given at construction; null when any problem was found. */
    CompiledRules compile(MapNode root, String name) {
        int before = problems.size();
        Fields top = new Fields(root, "strategy");
        top.optional("name");
        top.optional("description");
        top.optional("parameters");
        List<InstrumentId> instruments = instruments(top.required("instruments"));
        YamlNode tfNode = top.required("timeframe");
        timeframe = tfNode == null ? null : timeframeOf(tfNode, "timeframe");
        YamlNode indNode = top.optional("indicators");
        if (indNode != null && !isNull(indNode)) {
            indicators(indNode);
        }
        List<Rule> rules = rules(top.required("rules"));
        YamlNode cdNode = top.optional("cooldown");
        Integer cooldown = cdNode == null ? Integer.valueOf(0) : whole(cdNode, "cooldown", 0, 1_000_000);
        YamlNode mpNode = top.optional("max_positions");
        int defaultMax = instruments == null ? 1 : Math.max(1, instruments.size());
        Integer maxPositions =
                mpNode == null ? Integer.valueOf(defaultMax) : whole(mpNode, "max_positions", 1, 1_000_000);
        top.finish();
        if (problems.size() > before
                || instruments == null
                || timeframe == null
                || rules == null
                || cooldown == null
                || maxPositions == null) {
            return null;
        }
        List<IndicatorDecl> decls = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorDecl d = indicators.get(i);
            decls.add(new IndicatorDecl(d.name(), d.spec(), d.timeframe(), d.source(), history.get(i)));
        }
        return new CompiledRules(name, instruments, timeframe, decls, rules, cooldown, maxPositions, barHistory);
    }

    private List<InstrumentId> instruments(YamlNode node) {
        if (node == null) {
            return null;
        }
        List<YamlNode> items = node instanceof ListNode l ? l.items() : List.of(node);
        if (items.isEmpty()) {
            problem(Kind.MISSING_FIELD, node.mark(), "instruments: list at least one instrument (SYMBOL@venue)");
            return null;
        }
        List<InstrumentId> out = new ArrayList<>();
        boolean ok = true;
        for (YamlNode item : items) {
            String text = plainText(item, "instruments");
            if (text == null) {
                ok = false;
                continue;
            }
            try {
                InstrumentId id = InstrumentId.parse(text.trim());
                if (out.contains(id)) {
                    problem(Kind.INVALID_VALUE, item.mark(), "instruments: " + id + " is listed twice");
                    ok = false;
                } else {
                    out.add(id);
                }
            } catch (IllegalArgumentException e) {
                problem(Kind.INVALID_VALUE, item.mark(), "instruments: " + e.getMessage());
                ok = false;
            }
        }
        return ok ? out : null;
    }

    private Timeframe timeframeOf(YamlNode node, String where) {
        String text = plainText(node, where);
        if (text == null) {
            return null;
        }
        try {
            return Timeframe.parse(text);
        } catch (IllegalArgumentException e) {
            problem(Kind.INVALID_VALUE, node.mark(), where + ": " + e.getMessage());
            return null;
        }
    }

    private void indicators(YamlNode node) {
        MapNode map = map(node, "indicators");
        if (map == null) {
            return;
        }
        for (Entry e : map.entries().values()) {
            String where = "indicator '" + e.key() + "'";
            if (!NAME.matcher(e.key()).matches()) {
                problem(
                        Kind.INVALID_VALUE,
                        e.keyMark(),
                        where + ": a name is a letter or '_' followed by letters, digits or '_'");
                continue;
            }
            if (BarField.byName(e.key()) != null) {
                problem(Kind.INVALID_VALUE, e.keyMark(), where + ": the name is taken by the bar field");
                continue;
            }
            YamlNode specNode;
            Timeframe tf = timeframe;
            PriceSource src = PriceSource.BAR;
            boolean ok = true;
            if (e.value() instanceof MapNode m) {
                Fields f = new Fields(m, where);
                specNode = f.required("spec");
                YamlNode tfNode = f.optional("timeframe");
                if (tfNode != null) {
                    tf = timeframeOf(tfNode, where + " timeframe");
                    ok = tf != null;
                    if (tf != null && timeframe != null && tf.duration().compareTo(timeframe.duration()) < 0) {
                        // its bars are built from the strategy's: a shorter one would never have a value
                        problem(
                                Kind.INVALID_VALUE,
                                tfNode.mark(),
                                where + ": timeframe " + tf.label() + " is shorter than the strategy's "
                                        + timeframe.label() + "; its bars are built from the strategy's, so it"
                                        + " needs " + timeframe.label() + " or longer (or the strategy on "
                                        + tf.label() + " data)");
                        tf = null;
                        ok = false;
                    }
                }
                YamlNode srcNode = f.optional("source");
                if (srcNode != null) {
                    String s = plainText(srcNode, where + " source");
                    src = s == null ? null : PriceSource.byLabel(s);
                    if (s != null && src == null) {
                        problem(
                                Kind.INVALID_VALUE,
                                srcNode.mark(),
                                where + ": unknown source '" + s
                                        + "' (use bar, open, high, low, close, volume, median or typical)");
                    }
                    ok &= src != null;
                }
                f.finish();
            } else {
                specNode = e.value();
            }
            if (specNode == null) {
                brokenIndicators.add(e.key());
                continue;
            }
            IndicatorSpec spec = indicatorSpec(specNode, where);
            if (spec == null || !ok || tf == null) {
                brokenIndicators.add(e.key());
                continue;
            }
            if (!src.appliesTo(spec.kind())) {
                problem(
                        Kind.INVALID_VALUE,
                        specNode.mark(),
                        where + ": " + spec.token() + " reads several bar fields and cannot be fed " + src.label()
                                + " alone");
                brokenIndicators.add(e.key());
                continue;
            }
            indicatorIndex.put(e.key(), indicators.size());
            indicators.add(new IndicatorDecl(e.key(), spec, tf, src, 2));
            history.add(2);
        }
    }

    private IndicatorSpec indicatorSpec(YamlNode node, String where) {
        if (!(node instanceof Scalar s) || s.kind() == ScalarKind.NULL) {
            problem(
                    Kind.TYPE_MISMATCH,
                    node.mark(),
                    where + ": expected an indicator spec such as 'sma:20', got " + node.describe());
            return null;
        }
        String text = substituted(s, where);
        if (text == null) {
            return null;
        }
        SpecParseResult r = IndicatorSpecParser.parse(text);
        if (r instanceof SpecParseResult.Invalid inv) {
            Kind kind = inv.problem().startsWith("unknown indicator") ? Kind.UNKNOWN_INDICATOR : Kind.BAD_PARAMETER;
            String from = text.equals(s.text()) ? "" : " (from '" + s.text() + "')";
            problem(kind, s.mark(), where + ": " + inv.message() + from);
            return null;
        }
        return ((SpecParseResult.Parsed) r).specs().get(0);
    }

    private int atrIndicator(int period) {
        String key = "atr:" + period + "@" + timeframe.label();
        Integer existing = indicatorIndex.get(key);
        if (existing != null) {
            return existing;
        }
        IndicatorSpec spec = IndicatorSpecParser.parse("atr:" + period) instanceof SpecParseResult.Parsed p
                ? p.specs().get(0)
                : null;
        if (spec == null) {
            throw new IllegalStateException("atr:" + period + " should parse");
        }
        indicatorIndex.put(key, indicators.size());
        indicators.add(new IndicatorDecl(key, spec, timeframe, PriceSource.BAR, 2));
        history.add(2);
        return indicators.size() - 1;
    }

    // ---------------------------------------------------------------- rules

    private List<Rule> rules(YamlNode node) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof ListNode list)) {
            problem(Kind.TYPE_MISMATCH, node.mark(), "rules: expected a list of rules, got " + node.describe());
            return null;
        }
        if (list.items().isEmpty()) {
            problem(Kind.MISSING_FIELD, node.mark(), "rules: the list is empty");
            return null;
        }
        List<Rule> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean ok = true;
        int i = 0;
        for (YamlNode item : list.items()) {
            i++;
            MapNode m = map(item, "rule " + i);
            if (m == null) {
                ok = false;
                continue;
            }
            YamlNode nameNode = m.get("name");
            String ruleName = nameNode == null ? null : plainText(nameNode, "rule " + i + " name");
            String where = ruleName == null ? "rule " + i : "rule '" + ruleName + "'";
            Fields f = new Fields(m, where);
            f.required("name");
            if (ruleName != null && !names.add(ruleName)) {
                problem(Kind.INVALID_VALUE, nameNode.mark(), where + ": another rule has this name");
                ok = false;
            }
            YamlNode whenNode = f.required("when");
            Condition when = whenNode == null ? null : condition(whenNode, where + " when");
            YamlNode thenNode = f.required("then");
            RuleAction then = thenNode == null ? null : action(thenNode, where + " then");
            f.finish();
            if (ruleName == null || when == null || then == null) {
                ok = false;
                continue;
            }
            out.add(new Rule(ruleName, when, then, partLabels(whenNode)));
        }
        return ok ? out : null;
    }

    /**
     * Labels of the parts of a rule's condition, as {@link Rule#parts()} splits it: the items of a
     * list or of a top-level {@code all}, else the condition; each its key and line.
     */
    private static List<String> partLabels(YamlNode when) {
        List<YamlNode> items = List.of(when);
        if (when instanceof ListNode list) {
            items = list.items();
        } else if (when instanceof MapNode map
                && map.entries().size() == 1
                && map.get("all") instanceof ListNode list) {
            items = list.items();
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : items) {
            String key = item instanceof MapNode m && !m.entries().isEmpty()
                    ? m.entries().keySet().iterator().next()
                    : "condition";
            out.add("'" + key + "' (line " + item.mark().line() + ")");
        }
        return out;
    }

    private Condition condition(YamlNode node, String where) {
        if (node instanceof ListNode list) {
            return group(list, where, true);
        }
        if (!(node instanceof MapNode map)) {
            problem(
                    Kind.TYPE_MISMATCH,
                    node.mark(),
                    where + ": expected a condition such as {above: [rsi, 70]}, got " + node.describe());
            return null;
        }
        if (map.entries().isEmpty()) {
            problem(
                    Kind.MISSING_FIELD,
                    node.mark(),
                    where + ": empty condition (use " + String.join(", ", CONDITIONS) + ")");
            return null;
        }
        List<Entry> entries = List.copyOf(map.entries().values());
        if (entries.size() > 1) {
            Entry second = entries.get(1);
            problem(
                    Kind.INVALID_VALUE,
                    second.keyMark(),
                    where + ": a condition has exactly one key; put several under 'all:' or 'any:'");
            return null;
        }
        Entry e = entries.get(0);
        String key = e.key();
        YamlNode v = e.value();
        String inner = where + " " + key;
        return switch (key) {
            case "all", "any" -> {
                if (!(v instanceof ListNode l)) {
                    problem(
                            Kind.TYPE_MISMATCH,
                            v.mark(),
                            inner + ": expected a list of conditions, got " + v.describe());
                    yield null;
                }
                yield group(l, inner, key.equals("all"));
            }
            case "not" -> {
                Condition c = condition(v, inner);
                yield c == null ? null : new Condition.Not(c);
            }
            case "above", "below", "crosses_above", "crosses_below" -> {
                if (!(v instanceof ListNode l) || l.items().size() != 2) {
                    problem(
                            Kind.TYPE_MISMATCH,
                            v.mark(),
                            inner + ": expected two operands [left, right], got "
                                    + (v instanceof ListNode l2
                                            ? "a list of " + l2.items().size()
                                            : v.describe()));
                    yield null;
                }
                boolean cross = key.startsWith("crosses");
                Operand a = operand(l.items().get(0), inner, cross ? 1 : 0);
                Operand b = operand(l.items().get(1), inner, cross ? 1 : 0);
                if (a == null || b == null) {
                    yield null;
                }
                boolean up = key.endsWith("above");
                yield cross ? new Condition.Cross(up, a, b) : new Condition.Compare(up, a, b);
            }
            case "position" -> position(v, inner);
            case "time" -> timeWindow(v, inner);
            default -> {
                problem(
                        Kind.UNKNOWN_FIELD,
                        e.keyMark(),
                        where + ": unknown condition '" + key + "'" + suggestion(key, CONDITIONS) + " (use "
                                + String.join(", ", CONDITIONS) + ")");
                yield null;
            }
        };
    }

    private Condition group(ListNode list, String where, boolean all) {
        if (list.items().isEmpty()) {
            problem(Kind.MISSING_FIELD, list.mark(), where + ": the list of conditions is empty");
            return null;
        }
        List<Condition> out = new ArrayList<>();
        boolean ok = true;
        for (YamlNode item : list.items()) {
            Condition c = condition(item, where);
            ok &= c != null;
            out.add(c);
        }
        if (!ok) {
            return null;
        }
        return all ? new Condition.All(List.copyOf(out)) : new Condition.Any(List.copyOf(out));
    }

    private Condition position(YamlNode v, String where) {
        List<YamlNode> items = v instanceof ListNode l ? l.items() : List.of(v);
        Set<PositionState> states = EnumSet.noneOf(PositionState.class);
        boolean ok = !items.isEmpty();
        for (YamlNode item : items) {
            String t = plainText(item, where);
            if (t == null) {
                ok = false;
                continue;
            }
            switch (t.trim().toLowerCase(Locale.ROOT)) {
                case "flat" -> states.add(PositionState.FLAT);
                case "long" -> states.add(PositionState.LONG);
                case "short" -> states.add(PositionState.SHORT);
                case "open" -> {
                    states.add(PositionState.LONG);
                    states.add(PositionState.SHORT);
                }
                default -> {
                    problem(
                            Kind.INVALID_VALUE,
                            item.mark(),
                            where + ": unknown position '" + t + "' (use flat, long, short or open)");
                    ok = false;
                }
            }
        }
        if (items.isEmpty()) {
            problem(Kind.MISSING_FIELD, v.mark(), where + ": name flat, long, short or open");
        }
        return ok ? new Condition.PositionIs(Set.copyOf(states)) : null;
    }

    private Condition timeWindow(YamlNode v, String where) {
        MapNode m = map(v, where);
        if (m == null) {
            return null;
        }
        Fields f = new Fields(m, where);
        LocalTime from = localTime(f.required("from"), where + " from");
        LocalTime to = localTime(f.required("to"), where + " to");
        ZoneId zone = ZoneId.of("UTC");
        boolean ok = true;
        YamlNode zoneNode = f.optional("zone");
        if (zoneNode != null) {
            String z = plainText(zoneNode, where + " zone");
            try {
                zone = z == null ? null : ZoneId.of(z.trim());
            } catch (DateTimeException e) {
                problem(
                        Kind.INVALID_VALUE,
                        zoneNode.mark(),
                        where + ": unknown time zone '" + z + "' (use an IANA name such as America/New_York)");
                zone = null;
            }
            ok = zone != null;
        }
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        YamlNode daysNode = f.optional("days");
        if (daysNode != null) {
            days = days(daysNode, where + " days");
            ok &= days != null;
        }
        f.finish();
        if (from != null && to != null && from.equals(to)) {
            problem(Kind.INVALID_VALUE, m.mark(), where + ": 'from' and 'to' are equal, so the window is empty");
            return null;
        }
        if (!ok || from == null || to == null) {
            return null;
        }
        return new Condition.TimeWindow(from, to, zone, Set.copyOf(days));
    }

    private LocalTime localTime(YamlNode node, String where) {
        if (node == null) {
            return null;
        }
        String t = plainText(node, where);
        if (t == null) {
            return null;
        }
        try {
            String s = t.trim();
            return LocalTime.parse(s.length() == 4 && s.charAt(1) == ':' ? "0" + s : s);
        } catch (DateTimeParseException e) {
            problem(Kind.INVALID_VALUE, node.mark(), where + ": '" + t + "' is not a time of day (use HH:MM)");
            return null;
        }
    }

    private Set<DayOfWeek> days(YamlNode node, String where) {
        List<YamlNode> items = node instanceof ListNode l ? l.items() : List.of(node);
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        boolean ok = !items.isEmpty();
        for (YamlNode item : items) {
            String t = plainText(item, where);
            if (t == null) {
                ok = false;
                continue;
            }
            DayOfWeek d = dayOf(t.trim().toLowerCase(Locale.ROOT));
            if (d == null) {
                problem(Kind.INVALID_VALUE, item.mark(), where + ": unknown day '" + t + "' (use mon, tue, ... sun)");
                ok = false;
            } else {
                out.add(d);
            }
        }
        return ok ? out : null;
    }

    private static DayOfWeek dayOf(String t) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (t.equals(full) || t.equals(full.substring(0, 3))) {
                return d;
            }
        }
        return null;
    }

    /** An operand; {@code extraShift} is 1 inside crosses, which also read the previous bar. */
    private Operand operand(YamlNode node, String where, int extraShift) {
        if (node instanceof Scalar s && s.kind() == ScalarKind.NUMBER) {
            return new Operand.Constant(Double.parseDouble(s.text()));
        }
        if (!(node instanceof Scalar s) || s.kind() != ScalarKind.STRING) {
            problem(
                    Kind.TYPE_MISMATCH,
                    node.mark(),
                    where + ": expected a number, a bar field or an indicator, got " + node.describe());
            return null;
        }
        String text = substituted(s, where);
        if (text == null) {
            return null;
        }
        try {
            return ExpressionParser.parse(text, (name, output, ago) -> reference(name, output, ago, extraShift));
        } catch (ExpressionException e) {
            if (e.alreadyReported()) {
                return null;
            }
            String from = text.equals(s.text()) ? "" : " (from '" + s.text() + "')";
            problem(
                    e.unknownName() ? Kind.UNKNOWN_REFERENCE : Kind.INVALID_VALUE,
                    s.mark(),
                    where + ": in '" + text + "'" + from + ": " + e.getMessage());
            return null;
        }
    }

    private Operand reference(String name, String output, int ago, int extraShift) throws ExpressionException {
        BarField field = BarField.byName(name);
        if (field != null) {
            if (!output.isEmpty()) {
                throw new ExpressionException("the bar field '" + name + "' has no output '" + output + "'", true);
            }
            barHistory = Math.max(barHistory, ago + extraShift + 1);
            return new Operand.FieldRef(field, ago);
        }
        Integer index = indicatorIndex.get(name);
        if (index == null && brokenIndicators.contains(name)) {
            throw new ExpressionException("", true, true);
        }
        if (index == null) {
            List<String> known = new ArrayList<>(userIndicatorNames());
            String hint = suggestion(name, known);
            throw new ExpressionException(
                    "unknown name '" + name + "'" + hint + " (indicators: "
                            + (known.isEmpty() ? "none declared" : String.join(", ", known))
                            + "; bar fields: open, high, low, close, volume)",
                    true);
        }
        IndicatorDecl decl = indicators.get(index);
        IndicatorKind kind = decl.spec().kind();
        List<String> outputs = kind.suffixes().stream()
                .map(x -> x.startsWith(".") ? x.substring(1) : x)
                .toList();
        int out = outputs.indexOf(output);
        if (out < 0) {
            List<String> named = outputs.stream().filter(o -> !o.isEmpty()).toList();
            String msg = output.isEmpty()
                    ? "indicator '" + name + "' (" + decl.spec().token() + ") has outputs " + String.join(", ", named)
                            + ": write " + name + "." + named.get(0) + " or similar"
                    : "indicator '" + name + "' (" + decl.spec().token() + ") has no output '" + output + "'"
                            + (named.isEmpty() ? "" : " (outputs: " + String.join(", ", named) + ")");
            throw new ExpressionException(msg, true);
        }
        history.set(index, Math.max(history.get(index), ago + extraShift + 1));
        return new Operand.IndicatorRef(index, out, ago);
    }

    private List<String> userIndicatorNames() {
        return indicatorIndex.keySet().stream().filter(n -> !n.contains("@")).toList();
    }

    // ---------------------------------------------------------------- actions

    private RuleAction action(YamlNode node, String where) {
        MapNode m = map(node, where);
        if (m == null) {
            return null;
        }
        Fields f = new Fields(m, where);
        YamlNode kindNode = f.required("action");
        RuleAction.Kind kind = null;
        if (kindNode != null) {
            String t = plainText(kindNode, where + " action");
            if (t != null) {
                try {
                    kind = RuleAction.Kind.valueOf(t.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problem(
                            Kind.INVALID_VALUE,
                            kindNode.mark(),
                            where + ": unknown action '" + t + "' (use buy, sell, close or reverse)");
                }
            }
        }
        YamlNode orderNode = f.optional("order");
        YamlNode limitNode = f.optional("limit_price");
        YamlNode validNode = f.optional("valid_bars");
        YamlNode tifNode = f.optional("time_in_force");
        YamlNode sizeNode = f.optional("size");
        YamlNode slNode = f.optional("stop_loss");
        YamlNode tpNode = f.optional("take_profit");
        YamlNode trNode = f.optional("trailing_stop");
        f.finish();
        boolean ok = kind != null;
        if (kind == RuleAction.Kind.CLOSE) {
            for (Map.Entry<String, YamlNode> e : orderedMap(
                            "order",
                            orderNode,
                            "limit_price",
                            limitNode,
                            "valid_bars",
                            validNode,
                            "time_in_force",
                            tifNode,
                            "size",
                            sizeNode)
                    .entrySet()) {
                problem(
                        Kind.INVALID_VALUE,
                        e.getValue().mark(),
                        where + ": '" + e.getKey() + "' does not apply to close (it closes at market)");
                ok = false;
            }
            for (Map.Entry<String, YamlNode> e : orderedMap(
                            "stop_loss", slNode, "take_profit", tpNode, "trailing_stop", trNode)
                    .entrySet()) {
                problem(
                        Kind.INVALID_VALUE,
                        e.getValue().mark(),
                        where + ": '" + e.getKey() + "' does not apply to close");
                ok = false;
            }
            return ok ? new RuleAction(kind, null, 1, null, null, null, null, null) : null;
        }
        boolean limit = false;
        if (orderNode != null) {
            String t = plainText(orderNode, where + " order");
            if ("limit".equals(t)) {
                limit = true;
            } else if (!"market".equals(t)) {
                if (t != null) {
                    problem(
                            Kind.INVALID_VALUE,
                            orderNode.mark(),
                            where + ": unknown order '" + t + "' (use market or limit)");
                }
                ok = false;
            }
        }
        Operand limitPrice = null;
        if (limit && limitNode == null) {
            problem(Kind.MISSING_FIELD, orderNode.mark(), where + ": a limit order needs 'limit_price'");
            ok = false;
        } else if (!limit && limitNode != null && ok) {
            problem(Kind.INVALID_VALUE, limitNode.mark(), where + ": 'limit_price' needs 'order: limit'");
            ok = false;
        } else if (limitNode != null) {
            limitPrice = operand(limitNode, where + " limit_price", 0);
            ok &= limitPrice != null;
        }
        int validBars = 1;
        if (validNode != null) {
            if (!limit) {
                problem(Kind.INVALID_VALUE, validNode.mark(), where + ": 'valid_bars' needs 'order: limit'");
                ok = false;
            } else {
                Integer vb = whole(validNode, where + " valid_bars", 1, 1_000_000);
                ok &= vb != null;
                validBars = vb == null ? 1 : vb;
            }
        }
        TimeInForce tif = null;
        if (tifNode != null) {
            String t = plainText(tifNode, where + " time_in_force");
            List<String> allowed = limit ? List.of("gtc", "day", "ioc", "fok") : List.of("ioc", "fok");
            if (t == null || !allowed.contains(t)) {
                if (t != null) {
                    problem(
                            Kind.INVALID_VALUE,
                            tifNode.mark(),
                            where + ": time_in_force '" + t + "' does not apply to a " + (limit ? "limit" : "market")
                                    + " entry (use " + String.join(", ", allowed) + ")");
                }
                ok = false;
            } else {
                tif = TimeInForce.valueOf(t.toUpperCase(Locale.ROOT));
                if (validNode != null && (tif == TimeInForce.IOC || tif == TimeInForce.FOK)) {
                    problem(
                            Kind.INVALID_VALUE,
                            validNode.mark(),
                            where + ": 'valid_bars' does not apply to an " + t + " entry (it never rests)");
                    ok = false;
                }
            }
        }
        ExitSpec sl = slNode == null ? null : exit(slNode, where + " stop_loss");
        ExitSpec tp = tpNode == null ? null : exit(tpNode, where + " take_profit");
        ExitSpec tr = trNode == null ? null : exit(trNode, where + " trailing_stop");
        ok &= (slNode == null || sl != null) && (tpNode == null || tp != null) && (trNode == null || tr != null);
        Sizing sizing = null;
        if (sizeNode == null && kindNode != null) {
            problem(Kind.MISSING_FIELD, m.mark(), where + ": missing field 'size'");
            ok = false;
        } else if (sizeNode == null) {
            ok = false;
        } else {
            sizing = sizing(sizeNode, where + " size");
            ok &= sizing != null;
            if (sizing != null && sizing.mode() == Sizing.Mode.RISK_PCT && slNode == null) {
                problem(
                        Kind.MISSING_FIELD,
                        sizeNode.mark(),
                        where + ": risk_pct sizing needs a 'stop_loss' to measure the risk per unit");
                ok = false;
            }
        }
        return ok ? new RuleAction(kind, limitPrice, validBars, sizing, sl, tp, tr, tif) : null;
    }

    private static Map<String, YamlNode> orderedMap(Object... keyValues) {
        Map<String, YamlNode> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], (YamlNode) keyValues[i + 1]);
            }
        }
        return m;
    }

    private Sizing sizing(YamlNode node, String where) {
        MapNode m = map(node, where);
        if (m == null) {
            return null;
        }
        Fields f = new Fields(m, where);
        Map<Sizing.Mode, YamlNode> given = new LinkedHashMap<>();
        for (Sizing.Mode mode : Sizing.Mode.values()) {
            YamlNode n = f.optional(mode.name().toLowerCase(Locale.ROOT));
            if (n != null) {
                given.put(mode, n);
            }
        }
        YamlNode stepNode = f.optional("step");
        f.finish();
        if (given.size() != 1) {
            problem(
                    given.isEmpty() ? Kind.MISSING_FIELD : Kind.INVALID_VALUE,
                    m.mark(),
                    where + ": give exactly one of quantity, amount, equity_pct, cash_pct or risk_pct");
            return null;
        }
        Map.Entry<Sizing.Mode, YamlNode> e = given.entrySet().iterator().next();
        String field = where + " " + e.getKey().name().toLowerCase(Locale.ROOT);
        BigDecimal v = number(e.getValue(), field);
        BigDecimal step = stepNode == null ? BigDecimal.ONE : number(stepNode, where + " step");
        if (v == null || step == null) {
            return null;
        }
        if (step.signum() <= 0) {
            problem(
                    Kind.INVALID_VALUE,
                    stepNode.mark(),
                    where + " step: must be positive, was " + step.toPlainString());
            return null;
        }
        boolean ok =
                switch (e.getKey()) {
                    case QUANTITY -> v.signum() >= 0;
                    case AMOUNT -> v.signum() > 0;
                    case EQUITY_PCT -> v.signum() > 0 && v.compareTo(BigDecimal.valueOf(1000)) <= 0;
                    case CASH_PCT, RISK_PCT -> v.signum() > 0 && v.compareTo(HUNDRED) <= 0;
                };
        if (!ok) {
            String range =
                    switch (e.getKey()) {
                        case QUANTITY -> "0 or more (0 buys as much as the cash allows)";
                        case AMOUNT -> "positive";
                        case EQUITY_PCT -> "above 0 and at most 1000";
                        case CASH_PCT, RISK_PCT -> "above 0 and at most 100";
                    };
            problem(
                    Kind.INVALID_VALUE,
                    e.getValue().mark(),
                    field + ": must be " + range + ", was " + v.toPlainString());
            return null;
        }
        return new Sizing(e.getKey(), v, step);
    }

    private ExitSpec exit(YamlNode node, String where) {
        MapNode m = map(node, where);
        if (m == null) {
            return null;
        }
        Fields f = new Fields(m, where);
        YamlNode pct = f.optional("pct");
        YamlNode price = f.optional("price");
        YamlNode atr = f.optional("atr");
        YamlNode periodNode = f.optional("atr_period");
        f.finish();
        int count = (pct == null ? 0 : 1) + (price == null ? 0 : 1) + (atr == null ? 0 : 1);
        if (count != 1) {
            problem(
                    count == 0 ? Kind.MISSING_FIELD : Kind.INVALID_VALUE,
                    m.mark(),
                    where + ": give exactly one of pct, price or atr");
            return null;
        }
        if (periodNode != null && atr == null) {
            problem(Kind.INVALID_VALUE, periodNode.mark(), where + ": 'atr_period' needs 'atr'");
            return null;
        }
        ExitUnit unit = pct != null ? ExitUnit.PERCENT : price != null ? ExitUnit.PRICE : ExitUnit.ATR;
        YamlNode valueNode = pct != null ? pct : price != null ? price : atr;
        String field = where + " " + (pct != null ? "pct" : price != null ? "price" : "atr");
        BigDecimal v = number(valueNode, field);
        if (v == null) {
            return null;
        }
        if (v.signum() <= 0 || (unit == ExitUnit.PERCENT && v.compareTo(HUNDRED) >= 0)) {
            problem(
                    Kind.INVALID_VALUE,
                    valueNode.mark(),
                    field + ": must be "
                            + (unit == ExitUnit.PERCENT ? "above 0 and below 100" : "positive") + ", was "
                            + v.toPlainString());
            return null;
        }
        int atrIndex = -1;
        if (unit == ExitUnit.ATR) {
            Integer period = periodNode == null
                    ? Integer.valueOf(DEFAULT_ATR_PERIOD)
                    : whole(periodNode, where + " atr_period", 1, 100_000);
            if (period == null || timeframe == null) {
                return null;
            }
            atrIndex = atrIndicator(period);
        }
        return new ExitSpec(unit, v, atrIndex);
    }

    // ---------------------------------------------------------------- scalars

    /** Tracks which keys of a map were read, so that the rest can be reported as unknown. */
    final class Fields {
        private final MapNode map;
        private final String where;
        private final Set<String> known = new LinkedHashSet<>();

        Fields(MapNode map, String where) {
            this.map = map;
            this.where = where;
        }

        YamlNode required(String key) {
            known.add(key);
            YamlNode n = map.get(key);
            if (n == null) {
                problem(Kind.MISSING_FIELD, map.mark(), where + ": missing field '" + key + "'");
            }
            return n;
        }

        YamlNode optional(String key) {
            known.add(key);
            return map.get(key);
        }

        void finish() {
            for (Entry e : map.entries().values()) {
                if (!known.contains(e.key())) {
                    problem(
                            Kind.UNKNOWN_FIELD,
                            e.keyMark(),
                            where + ": unknown field '" + e.key() + "'" + suggestion(e.key(), known) + " (known: "
                                    + String.join(", ", known) + ")");
                }
            }
        }
    }

    private MapNode map(YamlNode node, String where) {
        if (node instanceof MapNode m) {
            return m;
        }
        problem(Kind.TYPE_MISMATCH, node.mark(), where + ": expected a map of fields, got " + node.describe());
        return null;
    }

    /** A scalar's text without parameter substitution (names, types, timeframes, ...). */
    private String plainText(YamlNode node, String where) {
        if (node instanceof Scalar s && s.kind() != ScalarKind.NULL) {
            if (s.text().contains("${")) {
                problem(Kind.INVALID_VALUE, s.mark(), where + ": parameters cannot be used here");
                return null;
            }
            return s.text();
        }
        problem(Kind.TYPE_MISMATCH, node.mark(), where + ": expected a single value, got " + node.describe());
        return null;
    }

    /** A literal number (no parameter references), as in parameter declarations. */
    private BigDecimal literal(YamlNode node, String where) {
        if (node == null) {
            return null;
        }
        String t = plainText(node, where);
        if (t == null) {
            return null;
        }
        if (!DECIMAL.matcher(t.trim()).matches()) {
            problem(Kind.TYPE_MISMATCH, node.mark(), where + ": expected a number, got '" + t + "'");
            return null;
        }
        return new BigDecimal(t.trim());
    }

    /** A number, possibly written as a parameter reference such as {@code ${qty}}. */
    private BigDecimal number(YamlNode node, String where) {
        if (!(node instanceof Scalar s) || s.kind() == ScalarKind.NULL || s.kind() == ScalarKind.BOOLEAN) {
            problem(Kind.TYPE_MISMATCH, node.mark(), where + ": expected a number, got " + node.describe());
            return null;
        }
        String t = substituted(s, where);
        if (t == null) {
            return null;
        }
        if (!DECIMAL.matcher(t.trim()).matches()) {
            String from = t.equals(s.text()) ? "" : " (from '" + s.text() + "')";
            problem(Kind.TYPE_MISMATCH, s.mark(), where + ": expected a number, got '" + t + "'" + from);
            return null;
        }
        return new BigDecimal(t.trim());
    }

    private Integer whole(YamlNode node, String where, int min, int max) {
        BigDecimal v = number(node, where);
        if (v == null) {
            return null;
        }
        if (!isWhole(v)) {
            problem(Kind.TYPE_MISMATCH, node.mark(), where + ": expected a whole number, got " + v.toPlainString());
            return null;
        }
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            problem(
                    Kind.INVALID_VALUE,
                    node.mark(),
                    where + ": must be between " + min + " and " + max + ", was " + v.toPlainString());
            return null;
        }
        return v.intValueExact();
    }

    /** The scalar's text with every {@code ${name}} replaced by the parameter's value; null if one is unknown. */
    private String substituted(Scalar s, String where) {
        String text = s.text();
        if (!text.contains("${")) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder sb = new StringBuilder();
        boolean ok = true;
        int last = 0;
        while (m.find()) {
            sb.append(text, last, m.start());
            String name = m.group(1).trim();
            BigDecimal v = values.get(name);
            if (v == null && brokenParameters.contains(name)) {
                ok = false;
            } else if (v == null) {
                problem(
                        Kind.UNKNOWN_PARAMETER,
                        s.mark(),
                        where + ": unknown parameter '${" + name + "}'"
                                + suggestion(name, values.keySet())
                                + (values.isEmpty()
                                        ? " (no parameters are declared)"
                                        : " (declared: " + String.join(", ", values.keySet()) + ")"));
                ok = false;
            } else {
                sb.append(v.stripTrailingZeros().toPlainString());
            }
            last = m.end();
        }
        sb.append(text, last, text.length());
        String out = sb.toString();
        if (ok && out.contains("${")) {
            problem(Kind.INVALID_VALUE, s.mark(), where + ": unclosed '${' in '" + text + "'");
            return null;
        }
        return ok ? out : null;
    }

    private static boolean isNull(YamlNode n) {
        return n instanceof Scalar s && s.kind() == ScalarKind.NULL;
    }

    private static boolean isWhole(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }

    private void problem(Kind kind, Mark mark, String message) {
        problems.add(new StrategyProblem(kind, source, mark.line(), mark.column(), message));
    }

    /** {@code " (did you mean 'x'?)"} for the closest candidate within two edits, else empty. */
    static String suggestion(String word, Iterable<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best == null || best.equals(word) ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
