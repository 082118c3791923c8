package dev.paperdesk.engine.strategy.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A YAML document tree that remembers where each node starts, so that every problem found while
 * compiling a strategy file can name its line and column. Jackson's own {@code JsonNode} forgets
 * token locations; this tree keeps them.
 */
sealed interface YamlNode {
    /** Where the node starts (for a scalar: its first character, quote included). */
    Mark mark();

    /** What the node is, in words, for type-mismatch messages. */
    String describe();

    /** A 1-based line and column. */
    record Mark(int line, int column) {
        static final Mark START = new Mark(1, 1);
    }

    /** A mapping; keys keep their own marks. */
    record MapNode(Map<String, Entry> entries, Mark mark) implements YamlNode {
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            Objects.requireNonNull(mark, "mark");
        }

        YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** One key of a mapping and its value. */
    record Entry(String key, Mark keyMark, YamlNode value) {}

    /** A sequence. */
    record ListNode(List<YamlNode> items, Mark mark) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
            Objects.requireNonNull(mark, "mark");
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar: its text and whether YAML read it as a string, a number, a boolean or null. */
    record Scalar(String text, ScalarKind kind, Mark mark) implements YamlNode {
        public Scalar {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(mark, "mark");
        }

        @Override
        public String describe() {
            return switch (kind) {
                case NULL -> "nothing";
                case BOOLEAN -> "'" + text + "'";
                case NUMBER -> text;
                case STRING -> "'" + text + "'";
            };
        }
    }

    /** How YAML typed a scalar. */
    enum ScalarKind {
        STRING,
        NUMBER,
        BOOLEAN,
        NULL
    }
}
