package dev.paperdesk.engine.cli;

import picocli.CommandLine.Command;

/** {@code paperdesk data …}: market data files. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Generate and manage market data files.",
        subcommands = {DataGenerateCommand.class})
final class DataCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
