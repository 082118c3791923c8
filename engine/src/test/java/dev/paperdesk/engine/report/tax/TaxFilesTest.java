package dev.paperdesk.engine.report.tax;

import static dev.paperdesk.engine.report.ReportFixtures.ACME;
import static dev.paperdesk.engine.report.ReportFixtures.fill;
import static dev.paperdesk.engine.report.ReportFixtures.records;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.report.ExportOptions;
import dev.paperdesk.engine.report.pdf.PdfText;
import dev.paperdesk.engine.report.pdf.ReportFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tax report's files: Form 8949-like CSV, TXF records and the PDF, checked against the computed lines. */
class TaxFilesTest {
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-02-10T12:00:00Z"), ZoneOffset.UTC);

    static final List<Fill> FILLS = List.of(
            fill(1, "2024-01-10", ACME, Side.BUY, "100", "10", "1.00"),
            fill(2, "2025-01-02", ACME, Side.BUY, "100", "50", "1.00"),
            fill(3, "2025-02-01", ACME, Side.SELL, "150", "40", "1.50"),
            fill(4, "2025-02-15", ACME, Side.BUY, "20", "42", "1.00"));

    static TaxReport report() {
        return TaxLotCalculator.build(
                records(FILLS, CostBasisMethod.FIFO, "100000"), 2025, CostBasisMethod.FIFO, ZoneOffset.UTC);
    }

    @Test
    void form8949CsvHasBothPartsWithTotals() throws Exception {
        Path csv = Files.createTempDirectory("tax").resolve("f8949.csv");
        TaxReportFiles.write(report(), csv, FIXED, ExportOptions.DEFAULT);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines)
                .containsExactly(
                        "part,description,date_acquired,date_sold,proceeds,cost_basis,adjustment_code,adjustment_amount,gain_or_loss",
                        // 50 of the 2025 lot at a loss: 2000 − 0.50 fee vs 2500 + 0.50 fee; 20 replaced → 40% of 501
                        // disallowed
                        "short-term,50 ACME,2025-01-02,2025-02-01,1999.50,2500.50,W,200.40,-300.60",
                        "short-term,Total short-term (1 line),,,1999.50,2500.50,,200.40,-300.60",
                        "long-term,100 ACME,2024-01-10,2025-02-01,3999.00,1001.00,,,2998.00",
                        "long-term,Total long-term (1 line),,,3999.00,1001.00,,0.00,2998.00");
    }

    @Test
    void txfHasOneRecordPerLineWithTheWashSaleAmount() throws Exception {
        Path txf = Files.createTempDirectory("tax").resolve("gains.txf");
        TaxReportFiles.write(report(), txf, FIXED, ExportOptions.DEFAULT);
        String text = Files.readString(txf, StandardCharsets.US_ASCII);
        assertThat(text)
                .isEqualTo(String.join(
                        "\r\n",
                        "V042",
                        "APaperdesk",
                        "D02/10/2026",
                        "^",
                        "TD",
                        "N321",
                        "C1",
                        "L1",
                        "P50 ACME",
                        "D01/02/2025",
                        "D02/01/2025",
                        "$2500.50",
                        "$1999.50",
                        "$200.40",
                        "^",
                        "TD",
                        "N323",
                        "C1",
                        "L1",
                        "P100 ACME",
                        "D01/10/2024",
                        "D02/01/2025",
                        "$1001.00",
                        "$3999.00",
                        "^",
                        ""));
    }

    @Test
    void pdfShowsEveryLineAndTheTotals() throws Exception {
        TaxReport r = report();
        Path pdf = PdfText.sample("tax.pdf");
        TaxReportFiles.write(r, pdf, FIXED, ExportOptions.DEFAULT);
        String text = PdfText.of(pdf);
        assertThat(text)
                .contains("Realized gains and losses 2025")
                .contains("Part I \u2014 Short-term")
                .contains("Part II \u2014 Long-term")
                .contains("Wash sales");
        for (TaxLine l : r.lines()) {
            assertThat(text)
                    .contains(l.description())
                    .contains(ReportFormat.money(l.proceeds()))
                    .contains(ReportFormat.money(l.costBasis()))
                    .contains(ReportFormat.signedMoney(l.gain()));
        }
        assertThat(text).contains(ReportFormat.signedMoney(r.totals().gain())).contains("200.40");
    }

    @Test
    void anUnknownExtensionIsRefusedWithTheFileName() {
        Path bad = Path.of("gains.xlsx");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TaxReportFiles.formatOf(bad))
                .hasMessageContaining("gains.xlsx")
                .hasMessageContaining(".pdf, .csv or .txf");
    }

    /** Replacement shares sold: the files carry the raised basis and the tacked acquisition date. */
    @Test
    void replacementSharesCarryTheDeferredLossIntoEveryFile() throws Exception {
        List<Fill> fills = List.of(
                fill(1, "2024-01-02", ACME, Side.BUY, "100", "50", "0"),
                fill(2, "2024-10-01", ACME, Side.SELL, "100", "40", "0"),
                fill(3, "2024-10-15", ACME, Side.BUY, "100", "42", "0"),
                fill(4, "2025-03-01", ACME, Side.SELL, "100", "45", "0"));
        TaxReport r = TaxLotCalculator.build(
                records(fills, CostBasisMethod.FIFO, "100000"), 2025, CostBasisMethod.FIFO, ZoneOffset.UTC);
        Path dir = Files.createTempDirectory("tax");
        TaxReportFiles.write(r, dir.resolve("f.csv"), FIXED, ExportOptions.DEFAULT);
        assertThat(Files.readAllLines(dir.resolve("f.csv"), StandardCharsets.UTF_8))
                .contains("long-term,100 ACME,2024-01-16,2025-03-01,4500.00,5200.00,,,-700.00");
        TaxReportFiles.write(r, dir.resolve("f.txf"), FIXED, ExportOptions.DEFAULT);
        assertThat(Files.readString(dir.resolve("f.txf"), StandardCharsets.US_ASCII))
                .contains("N323\r\nC1\r\nL1\r\nP100 ACME\r\nD01/16/2024\r\nD03/01/2025\r\n$5200.00\r\n$4500.00\r\n^");
        TaxReportFiles.write(r, dir.resolve("f.pdf"), FIXED, ExportOptions.DEFAULT);
        assertThat(PdfText.of(dir.resolve("f.pdf")))
                .contains("Replacement shares sold")
                .contains(ReportFormat.date(java.time.LocalDate.parse("2024-10-15")))
                .contains(ReportFormat.date(java.time.LocalDate.parse("2024-01-16")))
                .contains(ReportFormat.money(new java.math.BigDecimal("1000")))
                .contains(ReportFormat.money(new java.math.BigDecimal("5200")))
                .contains(ReportFormat.signedMoney(new java.math.BigDecimal("-700")));
    }
}
