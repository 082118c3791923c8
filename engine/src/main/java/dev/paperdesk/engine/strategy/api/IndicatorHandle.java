package dev.paperdesk.engine.strategy.api;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import java.util.List;

/**
 * A live indicator the engine updates on every bar of its instrument and timeframe, before the
 * strategy's {@code onBar} sees that bar. Values are NaN while undefined (during warm-up, or further
 * back than the bars seen or the history kept).
 */
public interface IndicatorHandle {
    /** What was asked for. */
    IndicatorRequest request();

    default InstrumentId instrumentId() {
        return request().instrumentId();
    }

    default Timeframe timeframe() {
        return request().timeframe();
    }

    /** Output names in output order: the spec's column suffixes without the dot, {@code ""} for a primary output. */
    default List<String> outputNames() {
        return request().spec().kind().suffixes().stream()
                .map(s -> s.startsWith(".") ? s.substring(1) : s)
                .toList();
    }

    /** The index of the output called {@code name} ({@code "upper"}, {@code "hist"}, {@code ""}), or -1. */
    default int outputIndex(String name) {
        return outputNames().indexOf(name);
    }

    /** The latest value of the first output. */
    default double value() {
        return value(0, 0);
    }

    /** The latest value of output {@code output}. */
    default double value(int output) {
        return value(output, 0);
    }

    /** The value of {@code output} {@code barsAgo} bars back (0 = latest); NaN beyond the kept history. */
    double value(int output, int barsAgo);

    /** Whether every output is defined at the latest bar. */
    boolean isReady();

    /** The number of bars fed so far. */
    long barCount();
}
