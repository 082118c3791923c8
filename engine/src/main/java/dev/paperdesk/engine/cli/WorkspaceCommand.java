package dev.paperdesk.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperdesk.engine.session.WorkspaceLocator;
import dev.paperdesk.engine.store.WorkspaceSummary;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperdesk workspace …}: inspect workspaces. */
@Command(
        name = "workspace",
        mixinStandardHelpOptions = true,
        description = "Inspect Paperdesk workspaces.",
        subcommands = {WorkspaceCommand.Info.class})
final class WorkspaceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "info",
            mixinStandardHelpOptions = true,
            description = {
                "Print the schema version and the counts of portfolios, orders and fills of a workspace.",
                "Without --workspace, uses $" + WorkspaceLocator.ENV_VARIABLE + " or the default workspace."
            })
    static final class Info implements Callable<Integer> {
        @Option(names = "--workspace", paramLabel = "PATH", description = "The workspace file.")
        Path workspace;

        @Option(
                names = "--json",
                description = "Machine-readable output: keys path, schema_version, portfolios,"
                        + " orders, fills, order_events, ledger_entries.")
        boolean json;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path path = WorkspaceLocator.resolve(workspace);
            if (!Files.exists(path)) {
                throw new CliException("no workspace at " + path, PaperdeskCli.EXIT_WORKSPACE);
            }
            WorkspaceSummary s;
            try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(path)) {
                s = store.summary();
            }
            var out = spec.commandLine().getOut();
            if (json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ObjectNode node = mapper.createObjectNode();
                node.put("path", s.path().toString());
                node.put("schema_version", s.schemaVersion());
                node.put("portfolios", s.portfolios());
                node.put("orders", s.orders());
                node.put("fills", s.fills());
                node.put("order_events", s.orderEvents());
                node.put("ledger_entries", s.ledgerEntries());
                out.println(mapper.writeValueAsString(node));
            } else {
                out.printf("workspace       %s%n", s.path());
                out.printf("schema version  %d%n", s.schemaVersion());
                out.printf("portfolios      %d%n", s.portfolios());
                out.printf("orders          %d%n", s.orders());
                out.printf("fills           %d%n", s.fills());
                out.printf("order events    %d%n", s.orderEvents());
                out.printf("ledger entries  %d%n", s.ledgerEntries());
            }
            out.flush();
            return 0;
        }
    }
}
