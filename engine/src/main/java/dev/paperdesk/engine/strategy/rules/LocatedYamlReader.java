package dev.paperdesk.engine.strategy.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.paperdesk.engine.strategy.api.StrategyProblem;
import dev.paperdesk.engine.strategy.api.StrategyProblem.Kind;
import dev.paperdesk.engine.strategy.rules.YamlNode.Entry;
import dev.paperdesk.engine.strategy.rules.YamlNode.Mark;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into a {@link YamlNode} tree with Jackson's streaming YAML parser, recording each
 * token's {@link JsonLocation} ({@code currentTokenLocation()}) as the node's mark. Duplicate keys
 * are reported (YAML forbids them; a silent "last one wins" hides typos).
 */
final class LocatedYamlReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final String source;
    private final List<StrategyProblem> problems;

    LocatedYamlReader(String source, List<StrategyProblem> problems) {
        this.source = source;
        this.problems = problems;
    }

    /** The document's root, or null after adding a syntax problem. */
    YamlNode read(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(new StrategyProblem(Kind.MISSING_FIELD, source, 1, 1, "the file is empty"));
                return null;
            }
            return node(p, t);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
            int col = loc == null ? 1 : Math.max(1, loc.getColumnNr());
            problems.add(new StrategyProblem(Kind.SYNTAX, source, line, col, "not valid YAML: " + firstLine(e)));
            return null;
        } catch (IOException e) {
            problems.add(new StrategyProblem(Kind.SYNTAX, source, 1, 1, "cannot read: " + e.getMessage()));
            return null;
        }
    }

    private YamlNode node(JsonParser p, JsonToken t) throws IOException {
        Mark mark = mark(p.currentTokenLocation());
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    Mark keyMark = mark(p.currentTokenLocation());
                    YamlNode value = node(p, p.nextToken());
                    if (entries.containsKey(key)) {
                        problems.add(new StrategyProblem(
                                Kind.INVALID_VALUE,
                                source,
                                keyMark.line(),
                                keyMark.column(),
                                "duplicate key '" + key + "' (first at line "
                                        + entries.get(key).keyMark().line() + ")"));
                    } else {
                        entries.put(key, new Entry(key, keyMark, value));
                    }
                }
                return new YamlNode.MapNode(entries, mark);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                    items.add(node(p, i));
                }
                return new YamlNode.ListNode(items, mark);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarKind.NUMBER, mark);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarKind.BOOLEAN, mark);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar("", YamlNode.ScalarKind.NULL, mark);
            }
            default -> {
                return new YamlNode.Scalar(p.getText() == null ? "" : p.getText(), YamlNode.ScalarKind.STRING, mark);
            }
        }
    }

    private static Mark mark(JsonLocation loc) {
        return new Mark(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    private static String firstLine(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
