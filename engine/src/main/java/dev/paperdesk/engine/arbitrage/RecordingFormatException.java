package dev.paperdesk.engine.arbitrage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A market recording file that cannot be read: truncated, corrupt or of an unknown version. The
 * message names the file, the event, the byte offset in the uncompressed stream and the field.
 */
public final class RecordingFormatException extends IOException {
    private final transient Path file;
    private final long offset;
    private final long event;
    private final String field;

    RecordingFormatException(Path file, long offset, long event, String field, String problem, Throwable cause) {
        super(message(file, offset, event, field, problem), cause);
        this.file = file;
        this.offset = offset;
        this.event = event;
        this.field = field;
    }

    private static String message(Path file, long offset, long event, String field, String problem) {
        String where = event < 0 ? "header" : "event " + event;
        return file + ": " + where + ", field " + field + " at byte " + offset + " (uncompressed): " + problem;
    }

    public Path file() {
        return file;
    }

    /** Byte offset in the uncompressed stream where the bad field starts. */
    public long offset() {
        return offset;
    }

    /** The index of the event being read (from 0), or -1 in the header. */
    public long event() {
        return event;
    }

    public String field() {
        return field;
    }
}
