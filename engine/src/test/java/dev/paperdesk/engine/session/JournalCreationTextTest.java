package dev.paperdesk.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.store.JournalEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The journal's CREATED entry describes the order in the words of {@link TradingEngine#describe},
 * though the engine writes them only when the journal is read; the ledger names the fill.
 */
class JournalCreationTextTest {
    private static final InstrumentId ACME = new InstrumentId("ACME", "sim");

    @Test
    void createdEntriesAndFillLedgerEntriesReadAsTheOrderAndFillInWords() {
        try (TradingSession session =
                TradingSession.open(SessionConfig.simulated(null, Instant.parse("2026-03-02T15:00:00Z"), 7))) {
            PortfolioId portfolio = session.portfolios().get(0).id();
            OrderRequest limit =
                    OrderRequest.limit(portfolio, ACME, Side.BUY, Quantity.of(3), new Price(new BigDecimal("50.00")));
            OrderRequest market = OrderRequest.market(portfolio, ACME, Side.BUY, Quantity.of(2));
            Order resting = TradingSession.await(session.submit(limit));
            Order filled = TradingSession.await(session.submit(market));

            List<JournalEntry> restingJournal = session.journal(resting.id());
            assertThat(restingJournal.get(0).kind()).isEqualTo("CREATED");
            assertThat(restingJournal.get(0).reason())
                    .isEqualTo(TradingEngine.describe(limit))
                    .isEqualTo("BUY 3 ACME@sim LIMIT limit 50 GTC");
            assertThat(session.journal(filled.id()).get(0).reason()).isEqualTo(TradingEngine.describe(market));

            var trade = session.ledger(portfolio).stream()
                    .filter(e -> e.kind() == dev.paperdesk.engine.portfolio.LedgerKind.TRADE)
                    .toList();
            var fill = session.fills().get(0);
            assertThat(trade).hasSize(1);
            assertThat(trade.get(0).reference()).isEqualTo(fill.id().toString());
            assertThat(trade.get(0).note()).isEqualTo("BUY 2 ACME@sim @ " + fill.price());
        }
    }
}
