package dev.paperdesk.engine.store;

import java.nio.file.Path;

/** A workspace cannot be opened or written; the message names the file and what is wrong. */
public final class WorkspaceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (exit codes, dialogs). */
    public enum Kind {
        NOT_A_WORKSPACE,
        NEWER_SCHEMA,
        CORRUPT,
        LOCKED,
        IO
    }

    private final Kind kind;
    private final transient Path path;

    public WorkspaceException(Kind kind, Path path, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.path = path;
    }

    public WorkspaceException(Kind kind, Path path, String message) {
        this(kind, path, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public Path path() {
        return path;
    }
}
