package dev.paperdesk.engine.cli;

/** A user-facing command failure with its exit code. */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(String message) {
        this(message, 1);
    }

    public int exitCode() {
        return exitCode;
    }
}
