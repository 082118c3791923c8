package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.market.RandomWalkFeed;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.report.AccountRecords;
import dev.paperdesk.engine.session.WorkspaceLocator;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --workspace} and {@code --portfolio} options of the export and report commands. */
final class AccountOptions {
    @Option(
            names = "--workspace",
            paramLabel = "PATH",
            description =
                    "The workspace file (default: $" + WorkspaceLocator.ENV_VARIABLE + " or the default workspace).")
    Path workspace;

    @Option(
            names = "--portfolio",
            paramLabel = "NAME",
            description = "The portfolio's name (any case). May be left out when the workspace has only one.")
    String portfolio;

    /** Reads the portfolio's records, journal notes included; the workspace is closed again. */
    AccountRecords read() {
        Path path = WorkspaceLocator.resolve(workspace);
        if (!Files.exists(path)) {
            throw new CliException("no workspace at " + path, PaperdeskCli.EXIT_WORKSPACE);
        }
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(path)) {
            String name = portfolio;
            if (name == null || name.isBlank()) {
                List<Portfolio> all = store.load().portfolios();
                if (all.size() != 1) {
                    throw new CliException(
                            "--portfolio is needed: workspace " + path + " has " + all.size() + " portfolios ("
                                    + String.join(
                                            ", ",
                                            all.stream().map(Portfolio::name).toList()) + ")",
                            2);
                }
                name = all.get(0).name();
            }
            try {
                return AccountRecords.read(store, name, instrumentCatalog(), store.tradeJournal());
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), 1);
            }
        }
    }

    /** Every instrument a workspace can hold fills of: the simulated market's and the demo feed's. */
    static java.util.List<dev.paperdesk.engine.model.Instrument> instrumentCatalog() {
        java.util.List<dev.paperdesk.engine.model.Instrument> all = new java.util.ArrayList<>(
                dev.paperdesk.engine.market.sim.SimulatedMarket.defaultMarket(0).instruments());
        all.addAll(RandomWalkFeed.demoInstruments());
        return all;
    }
}
