package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperdeskCliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PaperdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path workspaceWithTrades() {
        Path file = dir.resolve("ws.paperdesk");
        try (TradingSession s =
                TradingSession.open(SessionConfig.simulated(file, Instant.parse("2026-03-02T14:30:00Z"), 1))) {
            var pid = s.portfolios().get(0).id();
            TradingSession.await(
                    s.submit(OrderRequest.market(pid, new InstrumentId("ACME", "sim"), Side.BUY, Quantity.of(5))));
            TradingSession.await(
                    s.submit(OrderRequest.market(pid, new InstrumentId("ACME", "sim"), Side.SELL, Quantity.of(2))));
        }
        return file;
    }

    @Test
    void printsTheVersion() {
        Run r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("paperdesk ").doesNotContain("unknown");
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("workspace").contains("Exit codes");
        assertThat(run("workspace", "info", "--help").out())
                .contains("--workspace")
                .contains("--json");
    }

    @Test
    void workspaceInfoPrintsSchemaAndCounts() {
        Path ws = workspaceWithTrades();
        Run r = run("workspace", "info", "--workspace", ws.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("schema version  " + SqliteWorkspaceStore.schemaVersion())
                .contains("portfolios      1")
                .contains("orders          2")
                .contains("fills           2");
    }

    @Test
    void workspaceInfoAsJson() throws Exception {
        Path ws = workspaceWithTrades();
        Run r = run("workspace", "info", "--workspace", ws.toString(), "--json");
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("schema_version").asInt()).isEqualTo(SqliteWorkspaceStore.schemaVersion());
        assertThat(json.get("portfolios").asLong()).isEqualTo(1);
        assertThat(json.get("orders").asLong()).isEqualTo(2);
        assertThat(json.get("fills").asLong()).isEqualTo(2);
        assertThat(json.get("path").asText()).isEqualTo(ws.toAbsolutePath().toString());
    }

    @Test
    void missingWorkspaceIsAnErrorAndNothingIsCreated() {
        Path ws = dir.resolve("nope.paperdesk");
        Run r = run("workspace", "info", "--workspace", ws.toString());
        assertThat(r.exit()).isEqualTo(PaperdeskCli.EXIT_WORKSPACE);
        assertThat(r.err()).contains("no workspace at").contains(ws.toString());
        assertThat(Files.exists(ws)).isFalse();
    }

    @Test
    void foreignFileGetsAClearMessage() throws Exception {
        Path f = dir.resolve("prices.csv");
        Files.writeString(f, "date,close\n2024-01-02,100\n");
        Run r = run("workspace", "info", "--workspace", f.toString());
        assertThat(r.exit()).isEqualTo(PaperdeskCli.EXIT_WORKSPACE);
        assertThat(r.err()).startsWith("error: ").contains("not a Paperdesk workspace");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void lockedWorkspaceGetsAClearMessage() {
        Path ws = workspaceWithTrades();
        try (SqliteWorkspaceStore open = SqliteWorkspaceStore.open(ws)) {
            Run r = run("workspace", "info", "--workspace", ws.toString());
            assertThat(r.exit()).isEqualTo(PaperdeskCli.EXIT_WORKSPACE);
            assertThat(r.err()).contains("already open");
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("workspace", "info", "--frobnicate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--frobnicate");
    }
}
