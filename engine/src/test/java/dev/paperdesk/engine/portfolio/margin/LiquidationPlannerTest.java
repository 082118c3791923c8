package dev.paperdesk.engine.portfolio.margin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.RiskLimits;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiquidationPlannerTest {
    static final Instrument PERP = MarginCalculatorTest.PERP;
    static final InstrumentId OTHER = new InstrumentId("ETH-USDT-PERP", "sim");
    static final Instrument ETH = new Instrument.Perpetual(
            OTHER,
            Currency.of("ETH"),
            Currency.USDT,
            new BigDecimal("0.01"),
            new BigDecimal("0.01"),
            BigDecimal.ONE,
            8);
    static final Map<InstrumentId, Instrument> ALL = Map.of(PERP.id(), PERP, OTHER, ETH);

    static PositionMarginView view(
            InstrumentId id,
            MarginMode mode,
            String qty,
            String mark,
            String pnl,
            String mm,
            String isolated,
            String ratio) {
        BigDecimal q = new BigDecimal(qty);
        return new PositionMarginView(
                id,
                AssetClass.PERPETUAL,
                Currency.USDT,
                q,
                new BigDecimal("60000"),
                new BigDecimal(mark),
                q.abs().multiply(new BigDecimal(mark)),
                new BigDecimal(pnl),
                mode,
                100,
                BigDecimal.ZERO,
                new BigDecimal(mm),
                new BigDecimal(isolated),
                null,
                new BigDecimal(ratio),
                BigDecimal.ONE);
    }

    static AccountSnapshot account(String crossEquity, String crossMm, List<PositionMarginView> views) {
        BigDecimal eq = new BigDecimal(crossEquity);
        return new AccountSnapshot(
                new PortfolioId(1),
                Currency.USD,
                eq,
                eq,
                eq,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal(crossMm),
                BigDecimal.ZERO,
                null,
                eq,
                new BigDecimal(crossMm),
                BigDecimal.ZERO,
                WarningLevel.NONE,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                Map.of(),
                Map.of(),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                RiskLimits.DEFAULTS,
                views,
                java.math.BigDecimal.ZERO);
    }

    @Test
    void nothingToDoWhenNoPoolIsBreached() {
        AccountSnapshot a = account(
                "1000", "150", List.of(view(PERP.id(), MarginMode.CROSS, "0.5", "58000", "-1000", "150", "0", "0.15")));
        assertThat(LiquidationPlanner.next(a, ALL::get)).isEmpty();
        assertThat(LiquidationPlanner.next(account("0", "0", List.of()), ALL::get))
                .isEmpty();
    }

    @Test
    void crossBreachClosesTheSmallestLotRoundedQuantityThatRestoresEightyPercent() {
        // Equity 145 against maintenance 150 at a mark of 40,290: close (150 − 0.8·145) / (300 − 0.8·201.45).
        AccountSnapshot a = account(
                "145", "150", List.of(view(PERP.id(), MarginMode.CROSS, "0.5", "40290", "-9855", "150", "0", "1.03")));
        LiquidationStep step = LiquidationPlanner.next(a, ALL::get).orElseThrow();
        assertThat(step.kind()).isEqualTo(AccountRecord.LiquidationKind.PARTIAL);
        assertThat(step.quantity()).isEqualByComparingTo("0.245");
        assertThat(step.mode()).isEqualTo(MarginMode.CROSS);
        assertThat(step.ratioBefore())
                .isEqualByComparingTo(new BigDecimal("150")
                        .divide(new BigDecimal("145"), dev.paperdesk.engine.model.Decimals.DIVISION));
        // After the step the pool sits at or below 80% of maintenance.
        BigDecimal mmAfter = new BigDecimal("150").subtract(new BigDecimal("300").multiply(step.quantity()));
        BigDecimal eqAfter = new BigDecimal("145")
                .subtract(LiquidationPlanner.fee(step.quantity().multiply(new BigDecimal("40290"))));
        assertThat(mmAfter.divide(eqAfter, dev.paperdesk.engine.model.Decimals.DIVISION))
                .isLessThanOrEqualTo(new BigDecimal("0.8"));
        BigDecimal oneLotLess = step.quantity().subtract(new BigDecimal("0.001"));
        BigDecimal mmLess = new BigDecimal("150").subtract(new BigDecimal("300").multiply(oneLotLess));
        BigDecimal eqLess =
                new BigDecimal("145").subtract(LiquidationPlanner.fee(oneLotLess.multiply(new BigDecimal("40290"))));
        assertThat(mmLess.divide(eqLess, dev.paperdesk.engine.model.Decimals.DIVISION))
                .isGreaterThan(new BigDecimal("0.8"));
    }

    @Test
    void crossBreachAtExactlyMaintenanceIsABreach() {
        AccountSnapshot a = account(
                "150", "150", List.of(view(PERP.id(), MarginMode.CROSS, "0.5", "40300", "-9850", "150", "0", "1")));
        assertThat(LiquidationPlanner.next(a, ALL::get)).isPresent();
    }

    @Test
    void noEquityLeftMeansFullLiquidation() {
        AccountSnapshot a = account(
                "-10", "150", List.of(view(PERP.id(), MarginMode.CROSS, "0.5", "39000", "-10500", "150", "0", "10")));
        LiquidationStep step = LiquidationPlanner.next(a, ALL::get).orElseThrow();
        assertThat(step.kind()).isEqualTo(AccountRecord.LiquidationKind.FULL);
        assertThat(step.quantity()).isEqualByComparingTo("0.5");
        AccountSnapshot zero = account(
                "0", "150", List.of(view(PERP.id(), MarginMode.CROSS, "-0.5", "39000", "-10500", "150", "0", "10")));
        assertThat(LiquidationPlanner.next(zero, ALL::get).orElseThrow().kind())
                .isEqualTo(AccountRecord.LiquidationKind.FULL);
    }

    @Test
    void whenTheFeeOutweighsTheReliefThePositionIsClosedInFull() {
        // Maintenance per unit 3 against a fee per unit of 0.005 × 1000 = 5: a partial close cannot help.
        AccountSnapshot a =
                account("5", "6", List.of(view(PERP.id(), MarginMode.CROSS, "2", "1000", "-10", "6", "0", "1.2")));
        assertThat(LiquidationPlanner.next(a, ALL::get).orElseThrow().kind())
                .isEqualTo(AccountRecord.LiquidationKind.FULL);
    }

    @Test
    void aPartialThatWouldNeedTheWholePositionIsFull() {
        AccountSnapshot a = account(
                "10", "150", List.of(view(PERP.id(), MarginMode.CROSS, "0.1", "40000", "-2000", "150", "0", "15")));
        LiquidationStep step = LiquidationPlanner.next(a, ALL::get).orElseThrow();
        assertThat(step.kind()).isEqualTo(AccountRecord.LiquidationKind.FULL);
        assertThat(step.quantity()).isEqualByComparingTo("0.1");
    }

    @Test
    void isolatedPositionsGoFirstAndTheirOwnEquityIsTheirPool() {
        PositionMarginView cross = view(PERP.id(), MarginMode.CROSS, "0.5", "40290", "-9855", "150", "0", "1.03");
        PositionMarginView iso = view(OTHER, MarginMode.ISOLATED, "10", "2800", "-1450", "150", "1595", "1.03");
        LiquidationStep step = LiquidationPlanner.next(account("145", "150", List.of(cross, iso)), ALL::get)
                .orElseThrow();
        assertThat(step.instrumentId()).isEqualTo(OTHER);
        assertThat(step.mode()).isEqualTo(MarginMode.ISOLATED);
        // Pool equity 1595 − 1450 = 145: (150 − 116) / (15 − 0.8 × 14) = 8.947 → 8.95 lots of 0.01.
        assertThat(step.quantity()).isEqualByComparingTo("8.95");
    }

    @Test
    void healthyIsolatedPositionsAreLeftAlone() {
        PositionMarginView iso = view(OTHER, MarginMode.ISOLATED, "10", "2990", "-100", "150", "1500", "0.107");
        assertThat(LiquidationPlanner.next(account("1000", "0", List.of(iso)), ALL::get))
                .isEmpty();
        PositionMarginView noMaintenance = view(OTHER, MarginMode.ISOLATED, "10", "2990", "-100", "0", "0", "1");
        assertThat(LiquidationPlanner.next(account("1000", "0", List.of(noMaintenance)), ALL::get))
                .isEmpty();
    }

    @Test
    void theCrossPositionWithTheLargestMaintenanceGoesFirst() {
        PositionMarginView small = view(OTHER, MarginMode.CROSS, "1", "2000", "-500", "50", "0", "1.1");
        PositionMarginView large = view(PERP.id(), MarginMode.CROSS, "0.5", "40000", "-10000", "150", "0", "1.1");
        LiquidationStep step = LiquidationPlanner.next(account("180", "200", List.of(small, large)), ALL::get)
                .orElseThrow();
        assertThat(step.instrumentId()).isEqualTo(PERP.id());
        PositionMarginView unknown =
                view(new InstrumentId("GONE", "sim"), MarginMode.CROSS, "1", "10", "0", "500", "0", "1");
        assertThat(LiquidationPlanner.next(account("180", "500", List.of(unknown)), ALL::get)
                        .orElseThrow()
                        .kind())
                .isEqualTo(AccountRecord.LiquidationKind.FULL);
    }

    @Test
    void feeIsHalfAPercentOfNotional() {
        assertThat(LiquidationPlanner.fee(new BigDecimal("-10000"))).isEqualByComparingTo("50");
        assertThat(LiquidationPlanner.FEE_RATE).isEqualByComparingTo("0.005");
        assertThat(LiquidationPlanner.TARGET_RATIO).isEqualByComparingTo("0.8");
    }
}
