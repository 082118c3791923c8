package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.strategy.builtin.Templates;
import dev.paperdesk.engine.strategy.rules.RuleStrategyDefinition;
import dev.paperdesk.engine.strategy.rules.RuleStrategyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loads a YAML rule strategy (a file or {@code builtin:NAME}) for the bars it will run on: the
 * top-level {@code instruments:} and {@code timeframe:} lines are replaced by the data's instruments
 * and timeframe, so that a template written for {@code BTC-USDT@sim} on 1h runs unchanged on daily
 * ORCL bars. Line numbers of problems stay those of the file.
 */
public final class StrategySource {
    private static final Pattern INSTRUMENTS = Pattern.compile("(?m)^instruments:.*$");
    private static final Pattern TIMEFRAME = Pattern.compile("(?m)^timeframe:.*$");

    private StrategySource() {}

    /** The YAML text of {@code reference}: a template or a file. */
    public static String text(String reference) {
        if (Templates.isTemplateReference(reference)) {
            return Templates.text(reference)
                    .orElseThrow(() -> new IllegalArgumentException(
                            reference + ": no such template (templates: " + String.join(", ", Templates.NAMES) + ")"));
        }
        try {
            return Files.readString(Path.of(reference), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(reference + ": cannot read the strategy file: " + e.getMessage(), e);
        }
    }

    /**
     * Loads {@code text} bound to {@code instruments} and {@code timeframe}.
     *
     * @throws IllegalArgumentException listing every problem as {@code source:line:column: message}
     */
    public static RuleStrategyDefinition load(
            String source, String text, List<InstrumentId> instruments, Timeframe timeframe) {
        String bound = rebind(text, instruments, timeframe);
        return switch (RuleStrategyLoader.load(source, bound)) {
            case RuleStrategyLoader.Load.Loaded l -> l.definition();
            case RuleStrategyLoader.Load.Invalid i -> throw new IllegalArgumentException(i.message());
        };
    }

    /** Replaces the top-level instruments and timeframe lines (or leaves the text alone when given none). */
    public static String rebind(String text, List<InstrumentId> instruments, Timeframe timeframe) {
        String out = text;
        if (instruments != null && !instruments.isEmpty()) {
            String list = instruments.stream().map(InstrumentId::toString).collect(Collectors.joining(", "));
            out = INSTRUMENTS.matcher(out).replaceFirst(Matcher.quoteReplacement("instruments: [" + list + "]"));
        }
        if (timeframe != null) {
            out = TIMEFRAME.matcher(out).replaceFirst(Matcher.quoteReplacement("timeframe: " + timeframe.label()));
        }
        return out;
    }
}
