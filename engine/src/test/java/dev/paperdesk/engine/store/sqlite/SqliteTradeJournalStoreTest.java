package dev.paperdesk.engine.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.store.ChangeSet;
import dev.paperdesk.engine.store.TradeJournalStore;
import dev.paperdesk.engine.store.TradeJournalStoreContract;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal in a real workspace file keeps the store contract and survives reopening. */
class SqliteTradeJournalStoreTest extends TradeJournalStoreContract {
    @TempDir
    Path dir;

    private SqliteWorkspaceStore workspace;

    private static Portfolio portfolio(long id, String name) {
        return new Portfolio(
                new PortfolioId(id),
                name,
                "",
                Currency.USD,
                new BigDecimal("1000"),
                CostBasisMethod.FIFO,
                Instant.EPOCH);
    }

    @Override
    protected TradeJournalStore store() {
        workspace = SqliteWorkspaceStore.open(dir.resolve("journal.paperdesk"));
        workspace.commit(new ChangeSet().portfolio(portfolio(1, "One")).portfolio(portfolio(2, "Two")));
        return workspace.tradeJournal();
    }

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void notesAndImagesSurviveReopeningTheWorkspace() {
        TradeJournalStore s = store();
        var note = s.add(new TradeJournalStore.NoteDraft(
                P1, new TradeJournalStore.Account(), "keep me", Set.of("kept"), Instant.parse("2026-01-01T00:00:00Z")));
        var img = s.attach(note.id(), "c.png", "image/png", PNG, Instant.parse("2026-01-01T00:00:00Z"));
        workspace.close();
        workspace = SqliteWorkspaceStore.open(dir.resolve("journal.paperdesk"));
        TradeJournalStore again = workspace.tradeJournal();
        var back = again.note(note.id()).orElseThrow();
        assertThat(back.text()).isEqualTo("keep me");
        assertThat(back.tags()).containsExactly("kept");
        assertThat(back.createdAt()).isEqualTo(note.createdAt());
        assertThat(back.attachments()).containsExactly(img);
        assertThat(again.attachment(img.id()).orElseThrow().data()).isEqualTo(PNG);
        assertThat(workspace.summary().schemaVersion()).isEqualTo(Migrations.latestVersion());
    }
}
