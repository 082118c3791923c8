package dev.paperdesk.engine.indicator.spec;

import dev.paperdesk.engine.indicator.spec.IndicatorKind.Param;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Parses indicator tokens {@code name[:param[:param…]]} (e.g. {@code macd:12:26:9}), separated by
 * commas in a list. Omitted trailing parameters take their defaults; names are case-insensitive and
 * written in lower case in column names. Problems come back as {@link SpecParseResult.Invalid}
 * values naming the token, never as exceptions.
 */
public final class IndicatorSpecParser {
    private IndicatorSpecParser() {}

    /** Parses a comma-separated list of tokens; duplicates and empty lists are rejected. */
    public static SpecParseResult parseList(String text) {
        if (text == null || text.isBlank()) {
            return new SpecParseResult.Invalid("", "no indicator given");
        }
        List<IndicatorSpec> specs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : text.split(",", -1)) {
            SpecParseResult r = parse(raw);
            if (r instanceof SpecParseResult.Invalid) {
                return r;
            }
            IndicatorSpec spec = ((SpecParseResult.Parsed) r).specs().get(0);
            if (!seen.add(spec.columnBase())) {
                return new SpecParseResult.Invalid(spec.token(), "listed twice");
            }
            specs.add(spec);
        }
        return new SpecParseResult.Parsed(specs);
    }

    /** Parses one token. */
    public static SpecParseResult parse(String rawToken) {
        String token = rawToken == null ? "" : rawToken.trim();
        if (token.isEmpty()) {
            return new SpecParseResult.Invalid(token, "empty token (check for a stray comma)");
        }
        String[] parts = token.split(":", -1);
        String name = parts[0].trim().toLowerCase(Locale.ROOT);
        IndicatorKind kind = IndicatorKind.byToken(name);
        if (kind == null) {
            return new SpecParseResult.Invalid(
                    token, "unknown indicator '" + parts[0].trim() + "' (known: " + knownNames() + ")");
        }
        List<Param> params = kind.params();
        int given = parts.length - 1;
        if (given > params.size()) {
            return new SpecParseResult.Invalid(token, tooMany(kind));
        }
        List<Double> values = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (i >= given) {
                values.add(p.defaultValue());
                continue;
            }
            String text = parts[i + 1].trim();
            String what = "parameter " + (i + 1) + " (" + p.name() + ")";
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return new SpecParseResult.Invalid(token, what + " '" + text + "' is not a number");
            }
            if (!Double.isFinite(v)
                    || text.endsWith("d")
                    || text.endsWith("f")
                    || text.endsWith("D")
                    || text.endsWith("F")) {
                return new SpecParseResult.Invalid(token, what + " '" + text + "' is not a number");
            }
            if (p.whole() && v != Math.rint(v)) {
                return new SpecParseResult.Invalid(token, what + " must be a whole number, was " + text);
            }
            if (v < p.min() || v > p.max()) {
                return new SpecParseResult.Invalid(token, what + " must be " + range(p) + ", was " + text);
            }
            values.add(v);
        }
        String normalized = Stream.concat(
                        Stream.of(name), Stream.of(parts).skip(1).map(String::trim))
                .collect(Collectors.joining(":"));
        IndicatorSpec spec = new IndicatorSpec(kind, values, given, normalized);
        try {
            // Cross-parameter rules (MACD fast < slow, SAR acceleration <= maximum) live in the
            // indicators; building one here reports them against the token.
            spec.create();
        } catch (IllegalArgumentException e) {
            return new SpecParseResult.Invalid(token, e.getMessage());
        }
        return new SpecParseResult.Parsed(List.of(spec));
    }

    private static String tooMany(IndicatorKind kind) {
        if (kind.params().isEmpty()) {
            return kind.token() + " takes no parameters";
        }
        return kind.token() + " takes at most " + kind.params().size() + " parameters: "
                + kind.params().stream().map(Param::name).collect(Collectors.joining(", "));
    }

    private static String range(Param p) {
        if (!p.whole()) {
            return "positive";
        }
        return "between " + (long) p.min() + " and " + (long) p.max();
    }

    private static String knownNames() {
        return Stream.of(IndicatorKind.values()).map(IndicatorKind::token).collect(Collectors.joining(", "));
    }
}
