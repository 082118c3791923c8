package dev.paperdesk.engine.strategy.builtin;

import dev.paperdesk.engine.strategy.api.StrategyProblem;
import dev.paperdesk.engine.strategy.rules.RuleStrategyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The built-in YAML strategy templates, shipped as class-path resources (from {@code
 * assets/strategies/}) and named {@code builtin:NAME}. Users list them, load them, or copy their
 * text to start a strategy of their own.
 */
public final class Templates {
    /** The prefix of template references, as in {@code builtin:sma-cross}. */
    public static final String PREFIX = "builtin:";

    private static final String DIRECTORY = "/dev/paperdesk/engine/strategy/templates/";

    /** The template names, in the order they are presented. */
    public static final List<String> NAMES = List.of(
            "sma-cross", "rsi-reversion", "bollinger-breakout", "donchian-trend", "macd-momentum", "volume-breakout");

    private Templates() {}

    /** One template: its name, reference and one-line description. */
    public record Template(String name, String description) {
        public Template {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }

        /** {@code builtin:NAME}. */
        public String reference() {
            return PREFIX + name;
        }
    }

    /** Every template with its description (read from the file). */
    public static List<Template> list() {
        return NAMES.stream()
                .map(n -> new Template(
                        n,
                        switch (load(PREFIX + n)) {
                            case RuleStrategyLoader.Load.Loaded l -> l.definition()
                                    .description();
                            case RuleStrategyLoader.Load.Invalid i -> "(invalid: "
                                    + i.problems().get(0) + ")";
                        }))
                .toList();
    }

    /** Whether {@code reference} names a template ({@code builtin:NAME}). */
    public static boolean isTemplateReference(String reference) {
        return reference != null && reference.startsWith(PREFIX);
    }

    /** The YAML text of template {@code reference} ({@code builtin:NAME} or just {@code NAME}). */
    public static Optional<String> text(String reference) {
        String name = reference.startsWith(PREFIX) ? reference.substring(PREFIX.length()) : reference;
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = Templates.class.getResourceAsStream(DIRECTORY + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " is missing from the class path");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads template {@code reference}; an unknown name is reported as a problem. */
    public static RuleStrategyLoader.Load load(String reference) {
        Optional<String> text = text(reference);
        if (text.isEmpty()) {
            return new RuleStrategyLoader.Load.Invalid(List.of(new StrategyProblem(
                    StrategyProblem.Kind.INVALID_VALUE,
                    reference,
                    0,
                    0,
                    "no such template (templates: " + String.join(", ", NAMES) + ")")));
        }
        String name = reference.startsWith(PREFIX) ? reference : PREFIX + reference;
        return RuleStrategyLoader.load(name, text.get());
    }
}
