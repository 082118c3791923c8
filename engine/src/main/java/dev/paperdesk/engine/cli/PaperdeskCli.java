package dev.paperdesk.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code paperdesk}. Errors go to stderr with a non-zero exit code. */
@Command(
        name = "paperdesk",
        mixinStandardHelpOptions = true,
        versionProvider = PaperdeskCli.Version.class,
        description = "Paperdesk: a paper-trading workstation's engine on the command line.",
        subcommands = {
            WorkspaceCommand.class,
            DataCommand.class,
            IndicatorsCommand.class,
            MetricsCommand.class,
            OptionsCommand.class,
            ExportCommand.class,
            ReportCommand.class,
            PortfolioCommand.class,
            BacktestCommand.class,
            OptimizeCommand.class,
            MonteCarloCommand.class,
            ArbitrageCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the command failed (the message says why)",
            "2:invalid command line",
            "3:the workspace cannot be used (not a workspace, newer, damaged or in use)"
        })
public final class PaperdeskCli implements Runnable {
    /** Exit code for workspace problems. */
    public static final int EXIT_WORKSPACE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/paperdesk/engine/cli/logback-cli.xml");
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PaperdeskCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new CliErrors());
        return cl.execute(args);
    }

    /** The product version, from the build. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = PaperdeskCli.class.getResourceAsStream("/dev/paperdesk/engine/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"paperdesk " + version(), "Java " + Runtime.version()};
        }
    }
}
