package dev.paperdesk.engine.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.JournalEntry;
import dev.paperdesk.engine.store.WorkspaceException;
import dev.paperdesk.engine.store.WorkspaceState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workspaces on real SQLite files: round trips, transactions and refusal of bad files. */
class WorkspacePersistenceIT {
    private static final Instant START = Instant.parse("2026-03-02T14:30:00Z");
    private static final InstrumentId ACME = new InstrumentId("ACME", "sim");
    private static final InstrumentId BTC = new InstrumentId("BTC-USD", "sim");

    @TempDir
    Path dir;

    @Test
    void reopeningRestoresPortfoliosPositionsOrdersAndJournal() {
        Path file = dir.resolve("trading.paperdesk");
        List<PortfolioSnapshot> portfolios;
        WorkspaceState state;
        List<JournalEntry> journal;
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(file, START, 3))) {
            PortfolioId pid = s.portfolios().get(0).id();
            TradingSession.await(s.submit(OrderRequest.market(pid, ACME, Side.BUY, Quantity.of(250))));
            s.advance(Duration.ofSeconds(3));
            TradingSession.await(s.submit(OrderRequest.market(pid, BTC, Side.BUY, Quantity.of("1.5"))));
            s.advance(Duration.ofSeconds(3));
            TradingSession.await(s.submit(OrderRequest.market(pid, ACME, Side.SELL, Quantity.of(100))));
            TradingSession.await(s.submit(OrderRequest.limit(pid, ACME, Side.BUY, Quantity.of(1), Price.of("1"))));
            portfolios = s.portfolios();
            journal = s.journal();
        }
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file)) {
            state = store.load();
            assertThat(store.journal()).isEqualTo(journal);
            assertThat(store.summary().orders()).isEqualTo(4);
            assertThat(store.summary().fills()).isEqualTo(3);
            assertThat(store.summary().schemaVersion()).isEqualTo(SqliteWorkspaceStore.schemaVersion());
        }
        try (TradingSession again = TradingSession.open(SessionConfig.simulated(file, START, 3))) {
            assertThat(again.portfolios()).hasSize(1);
            PortfolioSnapshot before = portfolios.get(0);
            PortfolioSnapshot after = again.portfolios().get(0);
            assertThat(after.cash()).isEqualByComparingTo(before.cash());
            assertThat(after.realizedPnl()).isEqualByComparingTo(before.realizedPnl());
            assertThat(after.feesPaid()).isEqualByComparingTo(before.feesPaid());
            assertThat(after.positions())
                    .extracting(p -> p.instrumentId() + " "
                            + p.quantity().stripTrailingZeros().toPlainString() + " "
                            + p.costBasis().stripTrailingZeros().toPlainString())
                    .containsExactlyElementsOf(before.positions().stream()
                            .map(p -> p.instrumentId() + " "
                                    + p.quantity().stripTrailingZeros().toPlainString() + " "
                                    + p.costBasis().stripTrailingZeros().toPlainString())
                            .toList());
            assertThat(again.orders()).isEqualTo(state.orders());
            assertThat(again.fills()).isEqualTo(state.fills());
            assertThat(again.journal()).isEqualTo(journal);
            // New ids continue after the restored ones.
            var next =
                    TradingSession.await(again.submit(OrderRequest.market(after.id(), ACME, Side.BUY, Quantity.of(1))));
            assertThat(next.id().value()).isEqualTo(5);
        }
    }

    @Test
    void ledgerSumsToCash() {
        Path file = dir.resolve("ledger.paperdesk");
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(file, START, 5))) {
            PortfolioId pid = s.portfolios().get(0).id();
            TradingSession.await(s.submit(OrderRequest.market(pid, ACME, Side.BUY, Quantity.of(10))));
            TradingSession.await(s.submit(OrderRequest.market(pid, ACME, Side.SELL, Quantity.of(4))));
            var sum = s.ledger(pid).stream()
                    .map(e -> e.amount())
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            assertThat(sum).isEqualByComparingTo(s.portfolios().get(0).cash());
        }
    }

    @Test
    void theJournalIsAppendOnly() throws Exception {
        Path file = dir.resolve("journal.paperdesk");
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(file, START, 5))) {
            TradingSession.await(
                    s.submit(OrderRequest.market(s.portfolios().get(0).id(), ACME, Side.BUY, Quantity.of(1))));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM order_events"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("UPDATE ledger SET amount = '0'"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void aFileThatIsNotAWorkspaceIsRefusedAndLeftUntouched() throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "these are my trading notes, not a database\n", StandardCharsets.UTF_8);
        String before = sha(notes);
        assertThatThrownBy(() -> SqliteWorkspaceStore.open(notes))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WorkspaceException.Kind.NOT_A_WORKSPACE);
                    assertThat(e.getMessage()).contains(notes.toString()).contains("not a Paperdesk workspace");
                });
        assertThat(sha(notes)).isEqualTo(before);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                .containsExactly("notes.txt");
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE contacts (name TEXT)");
            st.execute("INSERT INTO contacts VALUES ('Ada')");
        }
        String before = sha(other);
        assertThatThrownBy(() -> SqliteWorkspaceStore.open(other))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> assertThat(e.kind())
                        .isEqualTo(WorkspaceException.Kind.NOT_A_WORKSPACE));
        assertThat(sha(other)).isEqualTo(before);
    }

    @Test
    void aNewerSchemaIsRefused() throws Exception {
        Path file = dir.resolve("newer.paperdesk");
        SqliteWorkspaceStore.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        String before = sha(file);
        assertThatThrownBy(() -> SqliteWorkspaceStore.open(file))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WorkspaceException.Kind.NEWER_SCHEMA);
                    assertThat(e.getMessage()).contains("schema version 99");
                });
        assertThat(sha(file)).isEqualTo(before);
    }

    @Test
    void aDamagedWorkspaceIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("damaged.paperdesk");
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(file, START, 5))) {
            PortfolioId pid = s.portfolios().get(0).id();
            for (int i = 0; i < 50; i++) {
                TradingSession.await(s.submit(OrderRequest.market(pid, ACME, Side.BUY, Quantity.of(1))));
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        // Scribble over every page after the first, keeping the header: the database is damaged.
        for (int i = 4096; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        String before = sha(file);
        assertThatThrownBy(() -> SqliteWorkspaceStore.open(file))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                    assertThat(e.kind()).isIn(WorkspaceException.Kind.CORRUPT, WorkspaceException.Kind.NOT_A_WORKSPACE);
                    assertThat(e.getMessage()).contains(file.toString());
                });
        assertThat(sha(file)).isEqualTo(before);
    }

    @Test
    void aWorkspaceOpenElsewhereIsRefused() {
        Path file = dir.resolve("busy.paperdesk");
        try (SqliteWorkspaceStore first = SqliteWorkspaceStore.open(file)) {
            assertThatThrownBy(() -> SqliteWorkspaceStore.open(file))
                    .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(WorkspaceException.Kind.LOCKED);
                        assertThat(e.getMessage()).contains("already open");
                    });
        }
        // Released on close: it opens again.
        SqliteWorkspaceStore.open(file).close();
    }

    @Test
    void aFailedCommitChangesNothing() {
        Path file = dir.resolve("atomic.paperdesk");
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file)) {
            var changes = new dev.paperdesk.engine.store.ChangeSet()
                    // An event for an order that does not exist violates the foreign key after a valid ledger row.
                    .event(new dev.paperdesk.engine.model.OrderEvent.Accepted(
                            new dev.paperdesk.engine.model.OrderId(77), START, "x"));
            long before = store.summary().orderEvents();
            assertThatThrownBy(() -> store.commit(changes)).isInstanceOf(WorkspaceException.class);
            assertThat(store.summary().orderEvents()).isEqualTo(before);
        }
    }

    private static String sha(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
