package dev.paperdesk.desktop.strategies;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits strategy YAML into coloured tokens, line by line: mapping keys, list dashes, quoted strings,
 * numbers, booleans and null, and comments. A lexical colouring for the editor, not a parser: the
 * engine's loader remains the judge of what is valid.
 */
public final class YamlHighlighter {
    /** A styled range of the text, {@code [start, end)}, with its CSS style class. */
    public record Token(int start, int end, String styleClass) {
        public Token {
            Objects.requireNonNull(styleClass, "styleClass");
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("empty or negative token [" + start + ", " + end + ")");
            }
        }
    }

    public static final String KEY = "yaml-key";
    public static final String STRING = "yaml-string";
    public static final String NUMBER = "yaml-number";
    public static final String BOOLEAN = "yaml-boolean";
    public static final String COMMENT = "yaml-comment";
    public static final String DASH = "yaml-dash";

    private static final Pattern KEY_AT =
            Pattern.compile("([A-Za-z_$][\\w.$-]*|\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*')[ \\t]*:(?=\\s|$)");
    private static final Pattern NUMBER_WORD = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern BOOLEAN_WORD =
            Pattern.compile("(?:true|false|True|False|TRUE|FALSE|null|Null|NULL|~)");

    private YamlHighlighter() {}

    /** The tokens of {@code text}, in order and not overlapping; unstyled text has no token. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int lineStart = 0;
        int n = text.length();
        while (lineStart <= n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            line(text, lineStart, lineEnd, out);
            lineStart = lineEnd + 1;
        }
        return out;
    }

    private static void line(String t, int start, int end, List<Token> out) {
        int i = skipBlanks(t, start, end);
        while (i < end && t.charAt(i) == '-' && (i + 1 == end || isBlank(t.charAt(i + 1)))) {
            out.add(new Token(i, i + 1, DASH));
            i = skipBlanks(t, i + 1, end);
        }
        Matcher key = KEY_AT.matcher(t).region(i, end);
        if (key.lookingAt()) {
            out.add(new Token(key.start(1), key.end(1), KEY));
            i = key.end();
        }
        while (i < end) {
            char c = t.charAt(i);
            if (c == '#' && (i == start || isBlank(t.charAt(i - 1)))) {
                out.add(new Token(i, end, COMMENT));
                return;
            }
            if (c == '"' || c == '\'') {
                int close = closingQuote(t, i, end);
                out.add(new Token(i, close, STRING));
                i = close;
            } else if (isBlank(c) || isFlow(c)) {
                i++;
            } else {
                int wordEnd = i;
                while (wordEnd < end && !isBlank(t.charAt(wordEnd)) && !isFlow(t.charAt(wordEnd))) {
                    wordEnd++;
                }
                String word = t.substring(i, wordEnd);
                if (NUMBER_WORD.matcher(word).matches()) {
                    out.add(new Token(i, wordEnd, NUMBER));
                } else if (BOOLEAN_WORD.matcher(word).matches()) {
                    out.add(new Token(i, wordEnd, BOOLEAN));
                }
                i = wordEnd;
            }
        }
    }

    /** The index after the quote closing the string opened at {@code open}, or the line end. */
    private static int closingQuote(String t, int open, int end) {
        char q = t.charAt(open);
        int i = open + 1;
        while (i < end) {
            char c = t.charAt(i);
            if (q == '"' && c == '\\') {
                i += 2;
                continue;
            }
            if (c == q) {
                if (q == '\'' && i + 1 < end && t.charAt(i + 1) == '\'') {
                    i += 2; // '' is an escaped quote inside single quotes
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return end;
    }

    private static int skipBlanks(String t, int i, int end) {
        while (i < end && isBlank(t.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    /** Flow-collection punctuation, which separates plain scalars: {@code [ ] { } ,}. */
    private static boolean isFlow(char c) {
        return c == '[' || c == ']' || c == '{' || c == '}' || c == ',';
    }
}
