package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.report.ReportFixtures;
import dev.paperdesk.engine.report.pdf.PdfText;
import dev.paperdesk.engine.report.pdf.ReportFormat;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperdesk export} and {@code paperdesk report} through the command line. */
class ReportCommandsTest {
    @TempDir
    static Path dir;

    static Path workspace;
    static Portfolio portfolio;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PaperdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void trade() throws Exception {
        workspace = ReportFixtures.tradedWorkspace(dir);
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(workspace)) {
            portfolio = store.load().portfolios().get(0);
        }
    }

    @Test
    void exportsEveryKindInBothFormats() throws Exception {
        for (String kind : List.of("orders", "fills", "trades", "positions", "ledger", "equity", "journal")) {
            for (String ext : List.of("csv", "json")) {
                Path out = dir.resolve("x-" + kind + "." + ext);
                Run r = run(
                        "export",
                        kind,
                        "--workspace",
                        workspace.toString(),
                        "--portfolio",
                        "Demo",
                        "--out",
                        out.toString());
                assertThat(r.exit()).as(kind + " " + ext + ": " + r.err()).isZero();
                assertThat(r.out()).contains("of portfolio Demo to " + out.toAbsolutePath());
                assertThat(Files.size(out)).isPositive();
            }
        }
        List<String> fills = Files.readAllLines(dir.resolve("x-fills.csv"), StandardCharsets.UTF_8);
        assertThat(fills).hasSize(10);
        JsonNode ledger =
                new ObjectMapper().readTree(dir.resolve("x-ledger.json").toFile());
        JsonNode rows = ledger.get("rows");
        assertThat(rows.get(rows.size() - 1).get("balance").decimalValue()).isEqualByComparingTo(portfolio.cash());
    }

    @Test
    void badArgumentsAreExplained() throws Exception {
        Run ext = run(
                "export",
                "fills",
                "--workspace",
                workspace.toString(),
                "--out",
                dir.resolve("f.xlsx").toString());
        assertThat(ext.exit()).isEqualTo(2);
        assertThat(ext.err()).contains("must end in .csv or .json");
        Run kind = run(
                "export",
                "balances",
                "--workspace",
                workspace.toString(),
                "--out",
                dir.resolve("f.csv").toString());
        assertThat(kind.exit()).isEqualTo(2);
        assertThat(kind.err()).contains("not one of orders, fills");
        Run name = run(
                "export",
                "fills",
                "--workspace",
                workspace.toString(),
                "--portfolio",
                "Nope",
                "--out",
                dir.resolve("f.csv").toString());
        assertThat(name.exit()).isEqualTo(1);
        assertThat(name.err()).contains("no portfolio named 'Nope'").contains("Demo");
        Run missing = run(
                "export",
                "fills",
                "--workspace",
                dir.resolve("absent.paperdesk").toString(),
                "--out",
                dir.resolve("f.csv").toString());
        assertThat(missing.exit()).isEqualTo(3);
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "not a folder");
        Path target = blocker.resolve("fills.csv");
        Run unwritable = run("export", "fills", "--workspace", workspace.toString(), "--out", target.toString());
        assertThat(unwritable.exit()).isEqualTo(1);
        assertThat(unwritable.err()).contains("cannot write " + target.toAbsolutePath());
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void statementPdfShowsTheClosingCash() throws Exception {
        Path pdf = dir.resolve("statement.pdf");
        Run r = run(
                "report",
                "statement",
                "--workspace",
                workspace.toString(),
                "--portfolio",
                "demo",
                "--from",
                "2026-01-01",
                "--to",
                "2026-02-28",
                "--journal",
                "--out",
                pdf.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String text = PdfText.of(pdf);
        assertThat(text).contains("Account statement").contains(ReportFormat.money(portfolio.cash()));
        Run backwards = run(
                "report",
                "statement",
                "--workspace",
                workspace.toString(),
                "--from",
                "2026-02-01",
                "--to",
                "2026-01-01",
                "--out",
                pdf.toString());
        assertThat(backwards.exit()).isEqualTo(2);
        assertThat(backwards.err()).contains("before --from");
    }

    @Test
    void taxReportInEveryFormatAndMethod() throws Exception {
        for (String method : List.of("fifo", "lifo", "average")) {
            Path csv = dir.resolve("tax-" + method + ".csv");
            Run r = run(
                    "report",
                    "tax",
                    "--workspace",
                    workspace.toString(),
                    "--year",
                    "2026",
                    "--method",
                    method,
                    "--out",
                    csv.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.get(0)).startsWith("part,description,date_acquired,date_sold,proceeds");
            // The five FIFO round trips split into lots; every method yields at least as many lines as sales.
            assertThat(lines.stream().filter(l -> l.startsWith("short-term,") && !l.contains("Total")))
                    .hasSizeGreaterThanOrEqualTo(5);
        }
        Path txf = dir.resolve("tax.txf");
        assertThat(run("report", "tax", "--workspace", workspace.toString(), "--year", "2026", "--out", txf.toString())
                        .exit())
                .isZero();
        assertThat(Files.readString(txf)).startsWith("V042\r\nAPaperdesk\r\n").contains("N321");
        Path pdf = dir.resolve("tax.pdf");
        assertThat(run("report", "tax", "--workspace", workspace.toString(), "--year", "2026", "--out", pdf.toString())
                        .exit())
                .isZero();
        // FIFO realized P&L less the fees of the closed units: the report's total gain.
        String text = PdfText.of(pdf);
        assertThat(text).contains("Realized gains and losses 2026").contains("Part I");
        Run badMethod = run(
                "report",
                "tax",
                "--workspace",
                workspace.toString(),
                "--year",
                "2026",
                "--method",
                "hifo",
                "--out",
                pdf.toString());
        assertThat(badMethod.exit()).isEqualTo(2);
        assertThat(badMethod.err()).contains("not one of fifo, lifo, average");
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(workspace)) {
            var records = dev.paperdesk.engine.report.AccountRecords.read(
                    store, "Demo", dev.paperdesk.engine.market.RandomWalkFeed.demoInstruments(), null);
            var report = dev.paperdesk.engine.report.tax.TaxLotCalculator.build(
                    records, 2026, records.costBasisMethod(), java.time.ZoneOffset.UTC);
            assertThat(text).contains(ReportFormat.signedMoney(report.totals().gain()));
            // Gains net of fees are the realized P&L less the fees carried by the closed units,
            // plus the losses disallowed as wash sales (the fixture re-buys ACME within 30 days of its losses),
            // less those losses once carried into the basis of replacement shares sold later.
            assertThat(report.washSales()).isNotEmpty();
            BigDecimal fees = report.lines().stream().map(l -> l.lot().fees()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal carried =
                    report.lines().stream().map(l -> l.carriedLoss()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(report.totals()
                            .gain()
                            .subtract(portfolio
                                    .balance(portfolio.baseCurrency())
                                    .realizedPnl()
                                    .subtract(fees)
                                    .add(report.totals().adjustment())
                                    .subtract(carried))
                            .abs())
                    .isLessThanOrEqualTo(new BigDecimal("0.01")
                            .multiply(BigDecimal.valueOf(report.lines().size())));
        }
    }

    @Test
    void helpDescribesEveryOption() {
        Run export = run("export", "--help");
        assertThat(export.out())
                .contains("--workspace")
                .contains("--portfolio")
                .contains("--out")
                .contains("--bom");
        Run tax = run("report", "tax", "--help");
        assertThat(tax.out()).contains("--year").contains("--method").contains("TXF");
        Run statement = run("report", "statement", "--help");
        assertThat(statement.out()).contains("--from").contains("--to").contains("--journal");
    }
}
