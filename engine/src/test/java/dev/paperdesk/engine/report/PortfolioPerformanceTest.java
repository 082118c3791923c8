package dev.paperdesk.engine.report;

import static dev.paperdesk.engine.report.ReportFixtures.ACME;
import static dev.paperdesk.engine.report.ReportFixtures.PID;
import static dev.paperdesk.engine.report.ReportFixtures.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.analytics.ReturnStatistics;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.LedgerKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioPerformanceTest {
    private static final List<dev.paperdesk.engine.model.Fill> ROUND_TRIP = List.of(
            fill(1, "2026-01-05", ACME, Side.BUY, "100", "100", "0"),
            fill(2, "2026-01-08", ACME, Side.SELL, "100", "110", "1"));

    @Test
    void dailyEquityFromTheOpeningDayAndReturnsThatCompoundToTheGain() {
        AccountRecords records = ReportFixtures.records(ROUND_TRIP, CostBasisMethod.FIFO, "10000");

        PortfolioPerformance p = PortfolioPerformance.of(records, ZoneOffset.UTC, id -> AssetClass.EQUITY);

        assertThat(p.dates()).first().isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(p.dates()).last().isEqualTo(LocalDate.of(2026, 1, 8));
        assertThat(p.equity()[0]).isEqualTo(10_000.0);
        assertThat(p.equity()[p.equity().length - 1]).isEqualTo(10_999.0);
        assertThat(p.returns().size()).isEqualTo(3);
        assertThat(ReturnStatistics.cumReturnFinal(p.returns().returns())).isCloseTo(0.0999, within(1e-12));
        assertThat(p.trades()).singleElement().satisfies(t -> {
            assertThat(t.pnl()).isEqualTo(999.0);
            assertThat(t.fees()).isEqualTo(1.0);
            assertThat(t.assetClass()).isEqualTo(AssetClass.EQUITY);
        });
    }

    @Test
    void aTopUpIsNotCountedAsPerformance() {
        AccountRecords base = ReportFixtures.records(ROUND_TRIP, CostBasisMethod.FIFO, "10000");
        List<LedgerEntry> ledger = new ArrayList<>(base.ledger());
        ledger.add(new LedgerEntry(
                PID,
                LocalDate.of(2026, 1, 6).atTime(12, 0).toInstant(ZoneOffset.UTC),
                LedgerKind.TOP_UP,
                new BigDecimal("5000"),
                Currency.USD,
                "",
                "top-up"));
        ledger.sort(java.util.Comparator.comparing(LedgerEntry::timestamp));
        AccountRecords records = new AccountRecords(
                base.workspace(),
                base.portfolioId(),
                base.portfolioName(),
                base.baseCurrency(),
                base.costBasisMethod(),
                base.orders(),
                base.orderEvents(),
                base.fills(),
                ledger,
                base.notes(),
                base.multipliers(),
                base.currentMarks(),
                base.asOf());

        PortfolioPerformance p = PortfolioPerformance.of(records, ZoneOffset.UTC, id -> AssetClass.EQUITY);

        assertThat(p.equity()[p.equity().length - 1]).isEqualTo(15_999.0);
        assertThat(p.returns().returnAt(0)).isZero();
        // time-weighted: the marks only move on the sale, when the account holds 15,000
        assertThat(ReturnStatistics.cumReturnFinal(p.returns().returns())).isCloseTo(999.0 / 15_000, within(1e-12));
    }

    @Test
    void nothingBookedIsEmpty() {
        AccountRecords records = ReportFixtures.records(List.of(), CostBasisMethod.FIFO, "10000");
        AccountRecords empty = new AccountRecords(
                records.workspace(),
                records.portfolioId(),
                records.portfolioName(),
                records.baseCurrency(),
                records.costBasisMethod(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                java.util.Map.of(),
                java.util.Map.of(),
                records.asOf());

        PortfolioPerformance p = PortfolioPerformance.of(empty, ZoneOffset.UTC, id -> AssetClass.EQUITY);

        assertThat(p.isEmpty()).isTrue();
        assertThat(p.returns().isEmpty()).isTrue();
        assertThat(p.trades()).isEmpty();
    }

    @Test
    void aDepositAloneGivesOneDayAndNoReturn() {
        AccountRecords records = ReportFixtures.records(List.of(), CostBasisMethod.FIFO, "10000");

        PortfolioPerformance p = PortfolioPerformance.of(records, ZoneOffset.UTC, id -> AssetClass.EQUITY);

        assertThat(p.dates()).hasSize(1);
        assertThat(p.equity()).containsExactly(10_000.0);
        assertThat(p.returns().isEmpty()).isTrue();
    }
}
