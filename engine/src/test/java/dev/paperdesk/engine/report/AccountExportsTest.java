package dev.paperdesk.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperdesk.engine.market.RandomWalkFeed;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.report.tax.ClosedLot;
import dev.paperdesk.engine.report.tax.LotReplay;
import dev.paperdesk.engine.store.TradeJournalStore;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports checked against the engine's own records, in a locale with ',' decimals. */
class AccountExportsTest {
    @TempDir
    static Path dir;

    static AccountRecords records;
    static Portfolio portfolio;
    Locale saved;

    @BeforeAll
    static void trade() throws Exception {
        Path file = ReportFixtures.tradedWorkspace(dir);
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file)) {
            TradeJournalStore journal = store.tradeJournal();
            journal.add(new TradeJournalStore.NoteDraft(
                    ReportFixtures.PID,
                    new TradeJournalStore.PositionNote(ReportFixtures.ACME),
                    "Sized up, \"breakout\" over 110\nsecond line",
                    Set.of("#Breakout", "plan"),
                    Instant.parse("2026-01-06T10:00:00Z")));
            records = AccountRecords.read(store, "Demo", RandomWalkFeed.demoInstruments(), journal);
            portfolio = store.load().portfolios().get(0);
        }
    }

    @BeforeEach
    void germanLocale() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    static List<List<String>> csv(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return RfcCsv.parse(new StringReader(text));
    }

    @Test
    void fillsCsvMatchesTheFills() throws Exception {
        Path out = dir.resolve("fills.csv");
        ExportFormat.write(new AccountExports(records).fills(), out, ExportOptions.DEFAULT);
        List<List<String>> rows = csv(out);
        assertThat(rows.get(0))
                .containsExactly(
                        "fill_id",
                        "order_id",
                        "time",
                        "instrument",
                        "side",
                        "quantity",
                        "price",
                        "notional",
                        "fee",
                        "fee_currency",
                        "liquidity",
                        "slippage");
        assertThat(rows).hasSize(records.fills().size() + 1);
        for (int i = 0; i < records.fills().size(); i++) {
            Fill f = records.fills().get(i);
            List<String> r = rows.get(i + 1);
            assertThat(r.get(0)).isEqualTo(Long.toString(f.id().value()));
            assertThat(r.get(2)).isEqualTo(f.timestamp().toString()).endsWith("Z");
            assertThat(new BigDecimal(r.get(5)))
                    .isEqualByComparingTo(f.quantity().value());
            assertThat(new BigDecimal(r.get(6))).isEqualByComparingTo(f.price().value());
            assertThat(new BigDecimal(r.get(8))).isEqualByComparingTo(f.fee().amount());
        }
    }

    @Test
    void ledgerBalanceEndsAtTheCash() throws Exception {
        Path out = dir.resolve("ledger.csv");
        ExportFormat.write(new AccountExports(records).ledger(), out, ExportOptions.DEFAULT);
        List<List<String>> rows = csv(out);
        assertThat(rows).hasSize(records.ledger().size() + 1);
        assertThat(new BigDecimal(rows.get(rows.size() - 1).get(4))).isEqualByComparingTo(portfolio.cash());
    }

    @Test
    void tradesJsonSumsToTheRealizedPnl() throws Exception {
        Path out = dir.resolve("trades.json");
        ExportFormat.write(new AccountExports(records).trades(), out, ExportOptions.DEFAULT);
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("export").asText()).isEqualTo("trades");
        assertThat(json.get("portfolio").asText()).isEqualTo("Demo");
        BigDecimal gross = BigDecimal.ZERO;
        for (JsonNode row : json.get("rows")) {
            gross = gross.add(row.get("gross_pnl").decimalValue());
            assertThat(row.get("holding_time").asText()).startsWith("PT");
        }
        assertThat(gross)
                .isEqualByComparingTo(
                        portfolio.balance(portfolio.baseCurrency()).realizedPnl());
        assertThat(json.get("rows")).hasSize(5);
        assertThat(json.get("rows").get(4).get("direction").asText()).isEqualTo("short");
    }

    @Test
    void positionsAndEquityAgreeWithTheReplay() throws Exception {
        AccountExports exports = new AccountExports(records);
        ExportTable positions = exports.positions();
        assertThat(positions.rows()).hasSize(2);
        assertThat((BigDecimal) positions.cell(0, "quantity")).isEqualByComparingTo("300");
        assertThat((BigDecimal) positions.cell(1, "quantity")).isEqualByComparingTo("1");
        ExportTable equity = exports.equity();
        AccountState end = AccountReplay.of(records).stateAt(records.asOf());
        BigDecimal last = (BigDecimal) equity.cell(equity.rows().size() - 1, "equity");
        assertThat(last).isEqualByComparingTo(AccountExports.money(end.equity()));
        // First point: the deposit, less the fees of the fills booked in the same instant (marked at their price).
        Instant first = (Instant) equity.cell(0, "time");
        BigDecimal fees = records.fills().stream()
                .filter(f -> f.timestamp().equals(first))
                .map(f -> f.fee().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(fees).isPositive();
        assertThat((BigDecimal) equity.cell(0, "net_deposits")).isEqualByComparingTo(portfolio.startingBalance());
        assertThat(((BigDecimal) equity.cell(0, "equity")).add(fees)).isEqualByComparingTo(portfolio.startingBalance());
    }

    @Test
    void ordersCarryTheirJournalAndNotesQuoteCommasQuotesAndNewlines() throws Exception {
        Path orders = dir.resolve("orders.json");
        ExportFormat.write(new AccountExports(records).orders(), orders, ExportOptions.DEFAULT);
        JsonNode json = new ObjectMapper().readTree(orders.toFile());
        JsonNode first = json.get("rows").get(0);
        assertThat(first.get("status").asText()).isEqualTo("FILLED");
        assertThat(first.get("events"))
                .extracting(e -> e.get("kind").asText())
                .containsExactly("CREATED", "ACCEPTED", "FILLED");
        Path journal = dir.resolve("journal.csv");
        ExportFormat.write(
                new AccountExports(records).journal(), journal, ExportOptions.DEFAULT.withByteOrderMark(true));
        byte[] bytes = Files.readAllBytes(journal);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("\"Sized up, \"\"breakout\"\" over 110\nsecond line\"")
                .contains("\r\n");
        List<List<String>> rows = RfcCsv.parse(new StringReader(text));
        assertThat(rows.get(1).get(7)).isEqualTo("Sized up, \"breakout\" over 110\nsecond line");
        assertThat(rows.get(1).get(6)).isEqualTo("breakout | plan");
    }

    @Test
    void lotMatchingAgreesWithThePortfoliosBookingUnderEveryMethod() {
        for (CostBasisMethod m : CostBasisMethod.values()) {
            AccountRecords r = records.withMethod(m);
            List<ClosedLot> lots = LotReplay.replay(r.fills(), m, r::multiplier).closed();
            BigDecimal gross = lots.stream().map(ClosedLot::grossPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal booked = AccountReplay.of(r).stateAt(r.asOf()).realizedPnl();
            assertThat(gross.subtract(booked).abs()).as(m.name()).isLessThan(new BigDecimal("1e-20"));
        }
    }
}
