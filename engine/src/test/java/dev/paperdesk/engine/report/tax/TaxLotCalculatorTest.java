package dev.paperdesk.engine.report.tax;

import static dev.paperdesk.engine.report.ReportFixtures.ACME;
import static dev.paperdesk.engine.report.ReportFixtures.fill;
import static dev.paperdesk.engine.report.ReportFixtures.records;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tax lots per method on hand-worked examples: holding periods, fees, short sales and wash sales. */
class TaxLotCalculatorTest {
    /** 100 bought in 2024 at 10, 100 bought in 2025 at 20, 150 sold on 2025-06-01 at 30. */
    static final List<Fill> TWO_BUYS_ONE_SALE = List.of(
            fill(1, "2024-01-10", ACME, Side.BUY, "100", "10", "0"),
            fill(2, "2025-03-01", ACME, Side.BUY, "100", "20", "0"),
            fill(3, "2025-06-01", ACME, Side.SELL, "150", "30", "0"));

    static TaxReport report(List<Fill> fills, CostBasisMethod method, int year) {
        return TaxLotCalculator.build(records(fills, method, "100000"), year, method, ZoneOffset.UTC);
    }

    static String line(TaxLine l) {
        return l.term().label() + " " + l.description() + " " + l.acquired() + " " + l.sold() + " "
                + l.proceeds() + " " + l.costBasis() + " " + l.adjustmentCode() + " " + l.adjustment() + " "
                + l.gain();
    }

    @Test
    void fifoSellsTheOldLotFirstAndItIsLongTerm() {
        TaxReport r = report(TWO_BUYS_ONE_SALE, CostBasisMethod.FIFO, 2025);
        assertThat(r.lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly(
                        "short-term 50 ACME 2025-03-01 2025-06-01 1500.00 1000.00  0.00 500.00",
                        "long-term 100 ACME 2024-01-10 2025-06-01 3000.00 1000.00  0.00 2000.00");
        assertThat(r.totals().gain()).isEqualByComparingTo("2500");
    }

    @Test
    void lifoSellsTheNewLotFirst() {
        TaxReport r = report(TWO_BUYS_ONE_SALE, CostBasisMethod.LIFO, 2025);
        assertThat(r.lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly(
                        "short-term 100 ACME 2025-03-01 2025-06-01 3000.00 2000.00  0.00 1000.00",
                        "long-term 50 ACME 2024-01-10 2025-06-01 1500.00 500.00  0.00 1000.00");
        assertThat(r.totals().gain()).isEqualByComparingTo("2000");
    }

    @Test
    void averageCostPricesEveryUnitAtTheMeanAndKeepsPurchaseDatesInOrder() {
        TaxReport r = report(TWO_BUYS_ONE_SALE, CostBasisMethod.AVERAGE, 2025);
        assertThat(r.lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly(
                        "short-term 50 ACME 2025-03-01 2025-06-01 1500.00 750.00  0.00 750.00",
                        "long-term 100 ACME 2024-01-10 2025-06-01 3000.00 1500.00  0.00 1500.00");
    }

    @Test
    void salesOfOtherYearsAreLeftOut() {
        assertThat(report(TWO_BUYS_ONE_SALE, CostBasisMethod.FIFO, 2024).lines())
                .isEmpty();
        assertThat(report(TWO_BUYS_ONE_SALE, CostBasisMethod.FIFO, 2026).lines())
                .isEmpty();
    }

    @Test
    void feesFollowTheUnits() {
        List<Fill> fills = List.of(
                fill(1, "2024-01-10", ACME, Side.BUY, "100", "10", "1.00"),
                fill(2, "2025-03-01", ACME, Side.BUY, "100", "20", "1.00"),
                fill(3, "2025-06-01", ACME, Side.SELL, "150", "30", "1.50"));
        TaxReport r = report(fills, CostBasisMethod.FIFO, 2025);
        // Sale fee 1.50 split 100:50; the second buy's fee 1.00 split 50:50 with the unsold half.
        assertThat(r.lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly(
                        "short-term 50 ACME 2025-03-01 2025-06-01 1499.50 1000.50  0.00 499.00",
                        "long-term 100 ACME 2024-01-10 2025-06-01 2999.00 1001.00  0.00 1998.00");
        assertThat(r.totals().gain()).isEqualByComparingTo("2497.00");
    }

    @Test
    void exactlyOneYearIsStillShortTerm() {
        List<Fill> fills = List.of(
                fill(1, "2024-03-01", ACME, Side.BUY, "10", "10", "0"),
                fill(2, "2024-03-01", ACME, Side.BUY, "10", "10", "0"),
                fill(3, "2025-03-01", ACME, Side.SELL, "10", "12", "0"),
                fill(4, "2025-03-02", ACME, Side.SELL, "10", "12", "0"));
        TaxReport r = report(fills, CostBasisMethod.FIFO, 2025);
        assertThat(r.lines())
                .extracting(l -> l.sold() + " " + l.term())
                .containsExactly("2025-03-01 SHORT_TERM", "2025-03-02 LONG_TERM");
    }

    @Test
    void aShortSaleIsShortTermWithTheSaleAsProceeds() {
        List<Fill> fills = List.of(
                fill(1, "2024-05-01", ACME, Side.SELL, "10", "100", "0"),
                fill(2, "2025-05-10", ACME, Side.BUY, "10", "90", "0"));
        TaxReport r = report(fills, CostBasisMethod.FIFO, 2025);
        assertThat(r.lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly("short-term 10 ACME (short sale) 2024-05-01 2025-05-10 1000.00 900.00  0.00 100.00");
    }

    @Test
    void aLossWithARepurchaseWithinThirtyDaysIsAWashSale() {
        List<Fill> fills = List.of(
                fill(1, "2025-01-02", ACME, Side.BUY, "100", "50", "0"),
                fill(2, "2025-02-01", ACME, Side.SELL, "100", "40", "0"),
                fill(3, "2025-02-15", ACME, Side.BUY, "60", "42", "0"),
                fill(4, "2025-04-01", ACME, Side.SELL, "60", "45", "0"));
        TaxReport r = report(fills, CostBasisMethod.FIFO, 2025);
        // Loss 1,000 on 100 units, 60 replaced: 600 disallowed, 400 allowed.
        assertThat(r.lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly(
                        "short-term 100 ACME 2025-01-02 2025-02-01 4000.00 5000.00 W 600.00 -400.00",
                        "short-term 60 ACME 2025-02-15 2025-04-01 2700.00 2520.00  0.00 180.00");
        assertThat(r.washSales()).hasSize(1);
        assertThat(r.washSales().get(0).replacementQuantity()).isEqualByComparingTo("60");
        assertThat(r.totals().adjustment()).isEqualByComparingTo("600");
    }

    @Test
    void aPurchaseBeforeTheLossSaleStillHeldAfterItIsAReplacement() {
        List<Fill> fills = List.of(
                fill(1, "2025-01-02", ACME, Side.BUY, "100", "50", "0"),
                fill(2, "2025-01-20", ACME, Side.BUY, "100", "45", "0"),
                fill(3, "2025-01-25", ACME, Side.SELL, "100", "40", "0"));
        TaxReport r = report(fills, CostBasisMethod.FIFO, 2025);
        assertThat(r.lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly("short-term 100 ACME 2025-01-02 2025-01-25 4000.00 5000.00 W 1000.00 0.00");
    }

    @Test
    void purchasesSoldInTheSameSaleOrOutsideTheWindowAreNotReplacements() {
        List<Fill> together = List.of(
                fill(1, "2025-01-02", ACME, Side.BUY, "100", "50", "0"),
                fill(2, "2025-01-20", ACME, Side.BUY, "100", "45", "0"),
                fill(3, "2025-01-25", ACME, Side.SELL, "200", "40", "0"));
        assertThat(report(together, CostBasisMethod.FIFO, 2025).washSales()).isEmpty();
        List<Fill> late = List.of(
                fill(1, "2025-01-02", ACME, Side.BUY, "100", "50", "0"),
                fill(2, "2025-02-01", ACME, Side.SELL, "100", "40", "0"),
                fill(3, "2025-03-04", ACME, Side.BUY, "100", "42", "0"));
        assertThat(report(late, CostBasisMethod.FIFO, 2025).washSales()).isEmpty();
        List<Fill> onDay30 = List.of(
                fill(1, "2025-01-02", ACME, Side.BUY, "100", "50", "0"),
                fill(2, "2025-02-01", ACME, Side.SELL, "100", "40", "0"),
                fill(3, "2025-03-03", ACME, Side.BUY, "100", "42", "0"));
        assertThat(report(onDay30, CostBasisMethod.FIFO, 2025).washSales()).hasSize(1);
        assertThat(LocalDate.parse("2025-02-01").plusDays(30)).isEqualTo(LocalDate.parse("2025-03-03"));
    }
}
