package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.store.WorkspaceException;
import picocli.CommandLine;

/** Turns exceptions into one clear line on stderr and an exit code; no stack traces for user errors. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        if (e instanceof WorkspaceException w) {
            cl.getErr().println("error: " + w.getMessage());
            return PaperdeskCli.EXIT_WORKSPACE;
        }
        if (e instanceof CliException c) {
            cl.getErr().println("error: " + c.getMessage());
            return c.exitCode();
        }
        if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
            cl.getErr().println("error: " + e.getMessage());
            return 1;
        }
        cl.getErr().println("error: " + e);
        e.printStackTrace(cl.getErr());
        return 1;
    }
}
