package dev.paperdesk.engine.report;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How exported files are written.
 *
 * @param zone the zone timestamps are written in (ISO-8601 with its offset; UTC writes {@code Z})
 * @param byteOrderMark start CSV files with a UTF-8 byte order mark, so spreadsheets detect UTF-8
 */
public record ExportOptions(ZoneId zone, boolean byteOrderMark) {
    /** UTC, no byte order mark. */
    public static final ExportOptions DEFAULT = new ExportOptions(ZoneOffset.UTC, false);

    public ExportOptions {
        Objects.requireNonNull(zone, "zone");
    }

    public ExportOptions withByteOrderMark(boolean bom) {
        return new ExportOptions(zone, bom);
    }
}
