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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
        // Loss 1,000 on 100 units, 60 replaced: 600 disallowed, 400 allowed. The 600 goes into the
        // replacement's basis (2,520 + 600) and its holding period starts 30 days (the washed units'
        // holding) before its purchase.
        assertThat(r.lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly(
                        "short-term 100 ACME 2025-01-02 2025-02-01 4000.00 5000.00 W 600.00 -400.00",
                        "short-term 60 ACME 2025-01-16 2025-04-01 2700.00 3120.00  0.00 -420.00");
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

    /**
     * The hand-worked case for every method: buy 100 @ 50, sell 100 @ 40 (loss 1,000), buy 100 @ 42
     * within 30 days (wash sale: 1,000 disallowed, replacement basis 4,200 + 1,000 = 5,200), sell the
     * replacement @ 45: loss 4,500 − 5,200 = −700. The washed units were held 2024-01-02 → 2024-10-01
     * (273 days), so the replacement bought 2024-10-15 counts from 2024-01-16 and its sale on
     * 2025-03-01 is long-term (it would be short-term on its own purchase date).
     */
    @ParameterizedTest
    @EnumSource(CostBasisMethod.class)
    void theDisallowedLossMovesIntoTheReplacementBasisWithTheHoldingPeriod(CostBasisMethod method) {
        List<Fill> fills = List.of(
                fill(1, "2024-01-02", ACME, Side.BUY, "100", "50", "0"),
                fill(2, "2024-10-01", ACME, Side.SELL, "100", "40", "0"),
                fill(3, "2024-10-15", ACME, Side.BUY, "100", "42", "0"),
                fill(4, "2025-03-01", ACME, Side.SELL, "100", "45", "0"));
        assertThat(report(fills, method, 2024).lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly("short-term 100 ACME 2024-01-02 2024-10-01 4000.00 5000.00 W 1000.00 0.00");
        TaxReport y2025 = report(fills, method, 2025);
        assertThat(y2025.lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly("long-term 100 ACME 2024-01-16 2025-03-01 4500.00 5200.00  0.00 -700.00");
        TaxLine replacement = y2025.lines().get(0);
        assertThat(replacement.purchased()).isEqualTo(LocalDate.parse("2024-10-15"));
        assertThat(replacement.carriedLoss()).isEqualByComparingTo("1000");
        assertThat(replacement.replacement()).isTrue();
        // Over both years the deferred loss is realized in full: 0 + (-700) = the cash result -1,000 + 300.
        assertThat(report(fills, method, 2024)
                        .totals()
                        .gain()
                        .add(y2025.totals().gain()))
                .isEqualByComparingTo("-700");
    }

    @Test
    void withoutTheWashTheReplacementWouldBeShortTerm() {
        List<Fill> fills = List.of(
                fill(1, "2024-01-02", ACME, Side.BUY, "100", "50", "0"),
                fill(2, "2024-10-01", ACME, Side.SELL, "100", "60", "0"),
                fill(3, "2024-10-15", ACME, Side.BUY, "100", "42", "0"),
                fill(4, "2025-03-01", ACME, Side.SELL, "100", "45", "0"));
        // The first sale gains, so nothing is washed and the second lot keeps its own dates and basis.
        assertThat(report(fills, CostBasisMethod.FIFO, 2025).lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly("short-term 100 ACME 2024-10-15 2025-03-01 4500.00 4200.00  0.00 300.00");
    }

    /**
     * A partial replacement: 100 sold at a loss of 1,000, 40 bought back in the window carry 400
     * (pro rata); the other 60 of a purchase of 100 are ordinary. The replacement units are sold first:
     * a sale of 70 splits into 40 carrying the loss and 30 ordinary ones.
     */
    @Test
    void aPartialReplacementCarriesItsShareAndSplitsTheLaterSale() {
        List<Fill> fills = List.of(
                fill(1, "2025-01-02", ACME, Side.BUY, "100", "50", "0"),
                fill(2, "2025-02-01", ACME, Side.SELL, "100", "40", "0"),
                fill(3, "2025-02-10", ACME, Side.BUY, "40", "42", "0"),
                fill(4, "2025-05-01", ACME, Side.SELL, "40", "45", "0"));
        assertThat(report(fills, CostBasisMethod.FIFO, 2025).lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly(
                        "short-term 100 ACME 2025-01-02 2025-02-01 4000.00 5000.00 W 400.00 -600.00",
                        // 40 × 42 + 400 = 2,080; 40 × 45 = 1,800; held from 2025-02-10 − 30 days
                        "short-term 40 ACME 2025-01-11 2025-05-01 1800.00 2080.00  0.00 -280.00");
        List<Fill> bigger = List.of(
                fill(1, "2025-01-02", ACME, Side.BUY, "100", "50", "0"),
                fill(2, "2025-02-01", ACME, Side.SELL, "100", "40", "0"),
                fill(3, "2025-03-01", ACME, Side.BUY, "40", "42", "0"),
                fill(4, "2025-03-20", ACME, Side.BUY, "60", "60", "0"),
                fill(5, "2025-06-01", ACME, Side.SELL, "100", "65", "0"));
        // Only the buy 28 days after the sale is in the window (2025-03-20 is 47 days later): 40 replace,
        // and the sale of 100 takes the 40 carrying the loss, then the 60 ordinary ones.
        assertThat(report(bigger, CostBasisMethod.FIFO, 2025).lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly(
                        "short-term 100 ACME 2025-01-02 2025-02-01 4000.00 5000.00 W 400.00 -600.00",
                        "short-term 40 ACME 2025-01-30 2025-06-01 2600.00 2080.00  0.00 520.00",
                        "short-term 60 ACME 2025-03-20 2025-06-01 3900.00 3600.00  0.00 300.00");
    }

    @Test
    void aReplacementPurchaseSoldInPartsCarriesTheLossOnItsReplacementUnitsFirst() {
        List<Fill> split = List.of(
                fill(1, "2025-01-02", ACME, Side.BUY, "50", "50", "0"),
                fill(2, "2025-02-01", ACME, Side.SELL, "50", "40", "0"),
                fill(3, "2025-02-10", ACME, Side.BUY, "100", "42", "0"),
                fill(4, "2025-05-01", ACME, Side.SELL, "70", "45", "0"));
        // 500 disallowed onto the first 50 units of the 100 bought; the sale of 70 splits 50 + 20.
        assertThat(report(split, CostBasisMethod.FIFO, 2025).lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly(
                        "short-term 50 ACME 2025-01-02 2025-02-01 2000.00 2500.00 W 500.00 0.00",
                        "short-term 50 ACME 2025-01-11 2025-05-01 2250.00 2600.00  0.00 -350.00",
                        "short-term 20 ACME 2025-02-10 2025-05-01 900.00 840.00  0.00 60.00");
    }

    @Test
    void aReplacementSoldAtALossIsWashedAgainWithItsCarriedLoss() {
        List<Fill> fills = List.of(
                fill(1, "2025-01-02", ACME, Side.BUY, "100", "50", "0"),
                fill(2, "2025-02-01", ACME, Side.SELL, "100", "40", "0"),
                fill(3, "2025-02-10", ACME, Side.BUY, "100", "42", "0"),
                fill(4, "2025-03-01", ACME, Side.SELL, "100", "41", "0"),
                fill(5, "2025-03-05", ACME, Side.BUY, "100", "41", "0"),
                fill(6, "2025-06-02", ACME, Side.SELL, "100", "43", "0"));
        // Second loss = 4,100 − (4,200 + 1,000) = −1,100, all disallowed into the third lot: 4,100 + 1,100.
        // Holding: 30 days, then 2025-02-10 − 30 = 2025-01-11 → 2025-03-01 is 49 days; 2025-03-05 − 49.
        assertThat(report(fills, CostBasisMethod.FIFO, 2025).lines())
                .extracting(TaxLotCalculatorTest::line)
                .containsExactly(
                        "short-term 100 ACME 2025-01-02 2025-02-01 4000.00 5000.00 W 1000.00 0.00",
                        "short-term 100 ACME 2025-01-11 2025-03-01 4100.00 5200.00 W 1100.00 0.00",
                        "short-term 100 ACME 2025-01-15 2025-06-02 4300.00 5200.00  0.00 -900.00");
    }
}
