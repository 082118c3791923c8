package dev.paperdesk.engine.store.memory;

import dev.paperdesk.engine.store.TradeJournalStore;
import dev.paperdesk.engine.store.TradeJournalStoreContract;

/** The in-memory journal keeps the store contract. */
class InMemoryTradeJournalStoreTest extends TradeJournalStoreContract {
    @Override
    protected TradeJournalStore store() {
        return new InMemoryTradeJournalStore();
    }
}
