package dev.paperdesk.engine.execution.models;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed model spec: {@code name} or {@code name(key=value, key=nested(...))}. Values are
 * numbers or words ({@link #number}), or nested specs ({@link #spec}). Errors name the column.
 */
public record ModelSpec(String name, Map<String, Object> args) {
    public ModelSpec {
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** Parses one spec; throws {@link IllegalArgumentException} with the position of the problem. */
    public static ModelSpec parse(String text) {
        Parser p = new Parser(text);
        ModelSpec spec = p.spec();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return spec;
    }

    /** A numeric argument, or {@code fallback} when absent; a unit suffix {@code ms} or {@code %} is allowed. */
    public double number(String key, double fallback) {
        Object v = args.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(name + ": " + key + " must be a number");
        }
        String t = s.toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("bps")) {
            t = t.substring(0, t.length() - 3);
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": " + key + " must be a number, not '" + s + "'");
        }
    }

    /** A word argument, or {@code fallback}. */
    public String word(String key, String fallback) {
        Object v = args.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(name + ": " + key + " must be a word");
        }
        return s;
    }

    /** A nested spec argument, or {@code null}. */
    public ModelSpec spec(String key) {
        Object v = args.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof ModelSpec m) {
            return m;
        }
        return new ModelSpec((String) v, Map.of());
    }

    /** Refuses arguments the model does not know, so a typo does not silently fall back to a default. */
    public ModelSpec only(String... keys) {
        for (String k : args.keySet()) {
            if (!java.util.Arrays.asList(keys).contains(k)) {
                throw new IllegalArgumentException(
                        name + ": unknown parameter '" + k + "' (known: " + String.join(", ", keys) + ")");
            }
        }
        return this;
    }

    private static final class Parser {
        final String text;
        int pos;

        Parser(String text) {
            this.text = text;
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("model spec '" + text + "', column " + (pos + 1) + ": " + message);
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        String word() {
            skipSpace();
            int start = pos;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '%' || c == '+') {
                    pos++;
                } else {
                    break;
                }
            }
            if (start == pos) {
                throw error(pos < text.length() ? "expected a name or number" : "unexpected end");
            }
            return text.substring(start, pos);
        }

        ModelSpec spec() {
            String name = word().toLowerCase(Locale.ROOT);
            Map<String, Object> args = new LinkedHashMap<>();
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '(') {
                pos++;
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == ')') {
                    pos++;
                    return new ModelSpec(name, args);
                }
                while (true) {
                    String key = word().toLowerCase(Locale.ROOT);
                    skipSpace();
                    if (pos >= text.length() || text.charAt(pos) != '=') {
                        throw error("expected '=' after " + key);
                    }
                    pos++;
                    int save = pos;
                    String value = word();
                    skipSpace();
                    if (pos < text.length() && text.charAt(pos) == '(') {
                        pos = save;
                        args.put(key, spec());
                    } else {
                        args.put(key, value);
                    }
                    skipSpace();
                    if (pos < text.length() && text.charAt(pos) == ',') {
                        pos++;
                        continue;
                    }
                    if (pos < text.length() && text.charAt(pos) == ')') {
                        pos++;
                        break;
                    }
                    throw error("expected ',' or ')'");
                }
            }
            return new ModelSpec(name, args);
        }
    }

    /** Formats a double without a useless ".0": {@code 2}, {@code 0.5}. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
