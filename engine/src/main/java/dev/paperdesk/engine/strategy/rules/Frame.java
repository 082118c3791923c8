package dev.paperdesk.engine.strategy.rules;

import dev.paperdesk.engine.strategy.api.PositionState;
import java.time.Instant;

/** What conditions and operands read while one instrument's signal bar is evaluated. */
interface Frame {
    /** A field of the signal bar {@code ago} bars back; NaN before the first bar. */
    double bar(BarField field, int ago);

    /** Output {@code output} of declared indicator {@code index}, {@code ago} bars of its timeframe back. */
    double indicator(int index, int output, int ago);

    /** The position before anything is done on this bar. */
    PositionState position();

    /** The close time of the signal bar. */
    Instant time();
}
