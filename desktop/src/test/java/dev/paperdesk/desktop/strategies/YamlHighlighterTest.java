package dev.paperdesk.desktop.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The editor's colouring of strategy YAML, token by token. */
class YamlHighlighterTest {
    static List<String> styled(String text) {
        return YamlHighlighter.tokens(text).stream()
                .map(t -> t.styleClass().substring(5) + ":" + text.substring(t.start(), t.end()))
                .toList();
    }

    @Test
    void keysValuesListsAndComments() {
        String yaml =
                """
                name: sma-cross # the reference
                parameters:
                  - {name: fast, default: 10, min: 2.5e1}
                  - name: "slow one"
                    enabled: true
                    note: 'it''s ok'
                    off: null
                # a whole-line comment
                url: http://x#y
                """;
        assertThat(styled(yaml))
                .containsExactly(
                        "key:name",
                        "comment:# the reference",
                        "key:parameters",
                        "dash:-",
                        "number:10",
                        "number:2.5e1",
                        "dash:-",
                        "key:name",
                        "string:\"slow one\"",
                        "key:enabled",
                        "boolean:true",
                        "key:note",
                        "string:'it''s ok'",
                        "key:off",
                        "boolean:null",
                        "comment:# a whole-line comment",
                        "key:url");
    }

    @Test
    void tokensNeverOverlapAndStayInsideTheText() {
        String yaml = "a: [1, -2, \"x\"]\n- - b: -0.5\nc: \"unclosed\n  # c\n";
        List<YamlHighlighter.Token> tokens = YamlHighlighter.tokens(yaml);
        int last = 0;
        for (YamlHighlighter.Token t : tokens) {
            assertThat(t.start()).isGreaterThanOrEqualTo(last);
            assertThat(t.end()).isLessThanOrEqualTo(yaml.length());
            last = t.end();
        }
        assertThat(styled(yaml))
                .containsExactly(
                        "key:a",
                        "number:1",
                        "number:-2",
                        "string:\"x\"",
                        "dash:-",
                        "dash:-",
                        "key:b",
                        "number:-0.5",
                        "key:c",
                        "string:\"unclosed",
                        "comment:# c");
    }
}
