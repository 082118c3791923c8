package dev.paperdesk.engine.market.history;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore.WriteMode;
import java.util.Objects;

/**
 * What to import and where: the file's mapping, the instrument the bars belong to, the timeframe
 * (null: inferred from the stamps) and what to do when the series already holds bars.
 */
public record ImportRequest(CsvBarMapping mapping, InstrumentId instrument, Timeframe timeframe, WriteMode mode) {
    public ImportRequest {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(mode, "mode");
    }
}
