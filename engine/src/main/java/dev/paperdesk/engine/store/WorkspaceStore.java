package dev.paperdesk.engine.store;

import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import java.util.List;
import java.util.Optional;

/** The engine's persistence port. Implementations must make {@link #commit} atomic. */
public interface WorkspaceStore extends AutoCloseable {
    /** A display name for the workspace (file name without extension). */
    String name();

    /** Loads everything needed to resume trading. */
    WorkspaceState load();

    /** The order journal, oldest first. */
    List<JournalEntry> journal();

    /** Ledger entries of one portfolio, oldest first. */
    List<LedgerEntry> ledger(PortfolioId portfolio);

    /**
     * Account history of every portfolio, oldest first within each kind: portfolio events, margin
     * history, liquidations, insurance fund movements and funding payments.
     */
    default List<dev.paperdesk.engine.portfolio.margin.AccountRecord> accountHistory() {
        return List.of();
    }

    /** Commits all changes in one transaction, or none of them. */
    void commit(ChangeSet changes);

    WorkspaceSummary summary();

    Optional<String> setting(String key);

    /** The workspace's bar series, when it keeps them (in-memory stores do not). */
    default Optional<BarStore> barStore() {
        return Optional.empty();
    }

    void putSetting(String key, String value);

    @Override
    void close();
}
