package dev.paperdesk.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entries a fill books write their texts on first read, with the words an eager booking wrote. */
class LedgerEntryTextTest {
    private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");
    private static final PortfolioId ID = new PortfolioId(1);
    private static final Instrument ACME = new Instrument.Equity(
            new InstrumentId("ACME", "sim"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "Industrials");

    private static Portfolio portfolio() {
        return new Portfolio(ID, "main", "", Currency.USD, new BigDecimal("100000"), CostBasisMethod.FIFO, T);
    }

    private static Fill fill(long id, Side side, String qty, String price, String fee) {
        return new Fill(
                new FillId(id),
                new OrderId(7),
                ID,
                ACME.id(),
                side,
                new Quantity(new BigDecimal(qty)),
                new Price(new BigDecimal(price)),
                Money.of(new BigDecimal(fee), Currency.USD),
                Liquidity.TAKER,
                BigDecimal.ZERO,
                T);
    }

    @Test
    void aFillsEntriesReadAsTheEagerlyWrittenOnes() {
        List<LedgerEntry> entries = portfolio().applyFill(fill(12, Side.BUY, "3", "100.050", "1.00"), ACME);

        // What the booking wrote before the texts became lazy: reference = fill id, note = side qty instrument @ price.
        LedgerEntry trade = new LedgerEntry(
                ID, T, LedgerKind.TRADE, new BigDecimal("-300.150"), Currency.USD, "F12", "BUY 3 ACME@sim @ 100.05");
        LedgerEntry fee = new LedgerEntry(ID, T, LedgerKind.FEE, new BigDecimal("-1.00"), Currency.USD, "F12", "fee");
        assertThat(entries).containsExactly(trade, fee);
        assertThat(entries.get(0).hashCode()).isEqualTo(trade.hashCode());
        assertThat(entries.get(0).note()).isEqualTo("BUY 3 ACME@sim @ 100.05");
        assertThat(entries.get(0).reference()).isEqualTo("F12");
        assertThat(entries.get(1).note()).isEqualTo("fee");
        assertThat(entries.get(1).reference()).isEqualTo("F12");
        assertThat(entries.get(0).toString()).isEqualTo(trade.toString());
    }

    @Test
    void aFeeFreeFillBooksOnlyItsTrade() {
        Portfolio p = portfolio();
        p.applyFill(fill(1, Side.BUY, "5", "10", "0"), ACME);
        List<LedgerEntry> entries = p.applyFill(fill(2, Side.SELL, "2", "11.5", "0"), ACME);

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).kind()).isEqualTo(LedgerKind.TRADE);
        assertThat(entries.get(0).amount()).isEqualByComparingTo("23.0");
        assertThat(entries.get(0).note()).isEqualTo("SELL 2 ACME@sim @ 11.5");
        assertThat(entries.get(0).reference()).isEqualTo("F2");
    }

    @Test
    void entriesDifferingOnlyInTheirTextsAreNotEqual() {
        List<LedgerEntry> entries = portfolio().applyFill(fill(12, Side.BUY, "3", "100.05", "0"), ACME);
        LedgerEntry otherNote = new LedgerEntry(
                ID, T, LedgerKind.TRADE, entries.get(0).amount(), Currency.USD, "F12", "BUY 3 ACME@sim @ 100.06");
        LedgerEntry otherReference = new LedgerEntry(
                ID, T, LedgerKind.TRADE, entries.get(0).amount(), Currency.USD, "F13", "BUY 3 ACME@sim @ 100.05");

        assertThat(entries.get(0)).isNotEqualTo(otherNote).isNotEqualTo(otherReference);
    }

    @Test
    void aFillBooksOnlyTradeAndFeeEntriesAndNullTextsReadAsEmpty() {
        assertThatThrownBy(() -> LedgerEntry.ofFill(
                        ID, LedgerKind.FUNDING, BigDecimal.ONE, Currency.USD, fill(1, Side.BUY, "1", "1", "0")))
                .isInstanceOf(IllegalArgumentException.class);
        LedgerEntry e = new LedgerEntry(ID, T, LedgerKind.TOP_UP, BigDecimal.TEN, Currency.USD, null, null);
        assertThat(e.reference()).isEmpty();
        assertThat(e.note()).isEmpty();
    }
}
