package dev.paperdesk.engine.indicator.spec;

import java.util.List;
import java.util.Objects;

/** The outcome of parsing a spec list: the specs, or the first bad token and what is wrong with it. */
public sealed interface SpecParseResult {
    /** Every token parsed. */
    record Parsed(List<IndicatorSpec> specs) implements SpecParseResult {
        public Parsed {
            specs = List.copyOf(specs);
        }
    }

    /** A token that could not be parsed. */
    record Invalid(String token, String problem) implements SpecParseResult {
        public Invalid {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(problem, "problem");
        }

        /** A one-line message naming the token and the problem. */
        public String message() {
            return "indicator '" + token + "': " + problem;
        }
    }
}
