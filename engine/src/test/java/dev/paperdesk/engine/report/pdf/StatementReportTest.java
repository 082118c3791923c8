package dev.paperdesk.engine.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.market.RandomWalkFeed;
import dev.paperdesk.engine.portfolio.LedgerKind;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.report.AccountRecords;
import dev.paperdesk.engine.report.MarkSource;
import dev.paperdesk.engine.report.ReportFixtures;
import dev.paperdesk.engine.report.Statement;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account statement: its figures against the portfolio's own accounting, and the PDF's text. */
class StatementReportTest {
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;

    static AccountRecords records;
    static Portfolio portfolio;

    @BeforeAll
    static void tradeOnce() throws Exception {
        Path file = ReportFixtures.tradedWorkspace(dir);
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file)) {
            records = AccountRecords.read(store, "demo", RandomWalkFeed.demoInstruments(), store.tradeJournal());
            portfolio = store.load().portfolios().get(0);
        }
    }

    @Test
    void closingFiguresAgreeWithThePortfolio() {
        Statement s = Statement.of(records, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28), ZoneOffset.UTC);
        // Valued at the same marks, the replay and the portfolio agree exactly.
        MarkSource marks = MarkSource.lastFillPrice(records.fills());
        PortfolioSnapshot snap =
                portfolio.snapshot(id -> marks.mark(id, s.end()).orElse(null), id -> BigDecimal.ONE);
        assertThat(s.closing().equity()).isEqualByComparingTo(snap.equity());
        assertThat(s.closing().cash(records.baseCurrency())).isEqualByComparingTo(portfolio.cash());
        assertThat(s.closing().unrealizedPnl()).isEqualByComparingTo(snap.unrealizedPnl());
        assertThat(s.realizedPnl())
                .isEqualByComparingTo(
                        portfolio.balance(portfolio.baseCurrency()).realizedPnl());
        assertThat(s.flow(LedgerKind.FEE))
                .isEqualByComparingTo(
                        portfolio.balance(portfolio.baseCurrency()).feesPaid().negate());
        assertThat(s.opening().equity()).isEqualByComparingTo("0");
        assertThat(s.netDeposits()).isEqualByComparingTo(portfolio.startingBalance());
        assertThat(s.explainedChange()).isEqualByComparingTo(s.changeInEquity());
        assertThat(s.fills()).hasSize(records.fills().size());
        assertThat(s.closing().positions())
                .extracting(p -> p.instrumentId() + " "
                        + p.quantity().stripTrailingZeros().toPlainString())
                .containsExactly("ACME@sim 300", "BTC-USD@sim 1");
    }

    @Test
    void pdfShowsTheStatementsNumbers() throws Exception {
        Statement s = Statement.of(records, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28), ZoneOffset.UTC);
        Path pdf = PdfText.sample("statement.pdf");
        StatementReport.write(s, true, FIXED, pdf);
        String text = PdfText.of(pdf);
        int pages = PdfText.pages(pdf);
        assertThat(text)
                .contains("Account statement")
                .contains("Portfolio Demo")
                .contains("2026-01-01 to 2026-02-28 (UTC)")
                .contains(ReportFormat.money(s.closing().equity()))
                .contains(ReportFormat.signedMoney(s.realizedPnl()))
                .contains(ReportFormat.signedMoney(s.flow(LedgerKind.FEE)))
                .contains(ReportFormat.money(s.closing().cash(records.baseCurrency())))
                .contains("Page 1 of " + pages)
                .contains("Page " + pages + " of " + pages)
                .contains("Generated 2026-03-01 09:00:00 UTC");
        for (var f : records.fills()) {
            assertThat(text).contains(ReportFormat.price(f.price().value()));
        }
        for (var t : s.trades()) {
            assertThat(text).contains(ReportFormat.signedMoney(t.netPnl()));
        }
    }

    @Test
    void aQuietPeriodSaysSoInsteadOfLeavingBlanks() throws Exception {
        Statement s = Statement.of(records, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31), ZoneOffset.UTC);
        Path pdf = PdfText.sample("statement-empty.pdf");
        StatementReport.write(s, true, FIXED, pdf);
        String text = PdfText.of(pdf);
        assertThat(text)
                .contains("No open positions at the end of the period.")
                .contains("No round trip was closed in this period.")
                .contains("No fills in this period.")
                .contains("No ledger entries in this period.")
                .contains("No journal notes in this period.");
    }

    @Test
    void theSameInputGivesTheSameBytes() throws Exception {
        Statement s = Statement.of(records, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), ZoneOffset.UTC);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        StatementReport.write(s, false, FIXED, a);
        StatementReport.write(s, false, FIXED, b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        assertThat(Files.exists(dir)).isTrue();
    }
}
