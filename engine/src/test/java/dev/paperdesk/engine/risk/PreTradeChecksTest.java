package dev.paperdesk.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.LimitMode;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.RiskLimit;
import dev.paperdesk.engine.portfolio.RiskLimits;
import dev.paperdesk.engine.portfolio.margin.AccountSnapshot;
import dev.paperdesk.engine.portfolio.margin.PositionMarginView;
import dev.paperdesk.engine.portfolio.margin.WarningLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreTradeChecksTest {
    static final Instrument ACME = new Instrument.Equity(
            new InstrumentId("ACME", "sim"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "x");
    static final InstrumentId OTHER = new InstrumentId("OTHER", "sim");

    static PositionMarginView position(InstrumentId id, String notional) {
        return new PositionMarginView(
                id,
                AssetClass.EQUITY,
                Currency.USD,
                BigDecimal.ONE,
                BigDecimal.ONE,
                BigDecimal.ONE,
                new BigDecimal(notional),
                BigDecimal.ZERO,
                MarginMode.CROSS,
                4,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                null,
                BigDecimal.ZERO,
                BigDecimal.ONE);
    }

    static AccountSnapshot account(
            String equity,
            String free,
            String dayPnl,
            String dailyLoss,
            String drawdown,
            RiskLimits limits,
            List<PositionMarginView> positions) {
        BigDecimal eq = new BigDecimal(equity);
        return new AccountSnapshot(
                new PortfolioId(1),
                Currency.USD,
                eq,
                eq,
                eq,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal(dayPnl),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal(free),
                null,
                eq,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                WarningLevel.NONE,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                Map.of(),
                Map.of(),
                new BigDecimal(dailyLoss),
                new BigDecimal(drawdown),
                limits,
                positions,
                java.math.BigDecimal.ZERO);
    }

    static OrderIntent buy(String qty, String opening, String price, String stop) {
        return new OrderIntent(
                ACME,
                Side.BUY,
                new BigDecimal(qty),
                new BigDecimal(opening),
                new BigDecimal(price),
                stop == null ? null : new BigDecimal(stop),
                BigDecimal.ONE);
    }

    static final AccountSnapshot CALM = account("100000", "90000", "0", "0", "0", RiskLimits.DEFAULTS, List.of());

    @Test
    void aSmallOrderPasses() {
        AccountSnapshot after =
                account("100000", "80000", "0", "0", "0", RiskLimits.DEFAULTS, List.of(position(ACME.id(), "10000")));
        RiskVerdict v = PreTradeChecks.check(buy("100", "100", "100", null), CALM, after, Map.of());
        assertThat(v.rejection()).isEmpty();
        assertThat(v.warnings()).isEmpty();
    }

    @Test
    void reductionsAreNeverChecked() {
        AccountSnapshot broke = account("100", "-50", "-90", "90", "90", RiskLimits.DEFAULTS, List.of());
        assertThat(PreTradeChecks.check(buy("100", "0", "100", null), broke, broke, Map.of()))
                .isEqualTo(RiskVerdict.PASS);
    }

    @Test
    void negativeFreeMarginAfterTheOrderIsInsufficientFunds() {
        AccountSnapshot after = account("100000", "-10", "0", "0", "0", RiskLimits.DEFAULTS, List.of());
        RiskVerdict v = PreTradeChecks.check(buy("100", "100", "100", null), CALM, after, Map.of());
        assertThat(v.rejection()).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
            assertThat(r.message()).isEqualTo("needs 90,010.00 USD of margin and fees but only 90,000.00 USD is free");
        });
        AccountSnapshot zero = account("100000", "0", "0", "0", "0", RiskLimits.DEFAULTS, List.of());
        assertThat(PreTradeChecks.check(buy("100", "100", "100", null), CALM, zero, Map.of())
                        .rejection())
                .isEmpty();
    }

    @Test
    void maxPositionSizeWarnsWithItsNumbers() {
        AccountSnapshot after =
                account("100000", "10000", "0", "0", "0", RiskLimits.DEFAULTS, List.of(position(ACME.id(), "30000")));
        RiskVerdict v = PreTradeChecks.check(buy("300", "300", "100", null), CALM, after, Map.of());
        assertThat(v.rejection()).isEmpty();
        assertThat(v.warnings()).singleElement().satisfies(w -> {
            assertThat(w.limit()).isEqualTo("max position size");
            assertThat(w.mode()).isEqualTo(LimitMode.WARN);
            assertThat(w.message()).isEqualTo("30,000.00 USD is 30.00% of equity 100,000.00 USD (limit 25%)");
            assertThat(w.toString()).startsWith("max position size: 30,000.00");
        });
        AccountSnapshot exactly =
                account("100000", "10000", "0", "0", "0", RiskLimits.DEFAULTS, List.of(position(ACME.id(), "25000")));
        assertThat(PreTradeChecks.check(buy("250", "250", "100", null), CALM, exactly, Map.of())
                        .warnings())
                .isEmpty();
    }

    @Test
    void aBlockingLimitRejectsAndKeepsTheOtherWarnings() {
        RiskLimits limits = new RiskLimits(
                RiskLimits.DEFAULTS.maxPositionPct().withMode(LimitMode.BLOCK), RiskLimits.DEFAULTS.dailyLossPct(),
                RiskLimits.DEFAULTS.maxOpenPositions(), RiskLimits.DEFAULTS.riskPerTradePct(),
                RiskLimits.DEFAULTS.drawdownStopPct(), RiskLimits.DEFAULTS.correlation());
        AccountSnapshot before = account("100000", "90000", "-12000", "12", "0", limits, List.of());
        AccountSnapshot after =
                account("100000", "10000", "0", "0", "0", limits, List.of(position(ACME.id(), "30000")));
        RiskVerdict v = PreTradeChecks.check(buy("300", "300", "100", null), before, after, Map.of());
        assertThat(v.rejection()).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.RISK_LIMIT);
            assertThat(r.message()).startsWith("max position size: 30,000.00 USD is 30.00%");
        });
        assertThat(v.warnings()).singleElement().satisfies(w -> {
            assertThat(w.limit()).isEqualTo("daily loss limit");
            assertThat(w.message())
                    .isEqualTo("down 12,000.00 USD today, 12.00% of the day's opening equity (limit 10%)");
        });
    }

    @Test
    void dailyLossAndDrawdownStartAtTheirThresholds() {
        AccountSnapshot at = account("100000", "90000", "-10000", "10", "25", RiskLimits.DEFAULTS, List.of());
        RiskVerdict v = PreTradeChecks.check(buy("1", "1", "100", null), at, CALM, Map.of());
        assertThat(v.warnings()).extracting(RiskWarning::limit).containsExactly("daily loss limit", "drawdown stop");
        assertThat(v.warnings().get(1).message()).isEqualTo("equity is 25.00% below its peak (limit 25%)");
        AccountSnapshot below = account("100000", "90000", "-9999", "9.99", "24.99", RiskLimits.DEFAULTS, List.of());
        assertThat(PreTradeChecks.check(buy("1", "1", "100", null), below, CALM, Map.of())
                        .warnings())
                .isEmpty();
    }

    @Test
    void maxOpenPositionsCountsThePositionsAfterTheOrder() {
        List<PositionMarginView> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(position(new InstrumentId("S" + i, "sim"), "1"));
        }
        AccountSnapshot atLimit = account("100000", "90000", "0", "0", "0", RiskLimits.DEFAULTS, twenty);
        assertThat(PreTradeChecks.check(buy("1", "1", "100", null), CALM, atLimit, Map.of())
                        .warnings())
                .isEmpty();
        List<PositionMarginView> more = new ArrayList<>(twenty);
        more.add(position(ACME.id(), "1"));
        AccountSnapshot over = account("100000", "90000", "0", "0", "0", RiskLimits.DEFAULTS, more);
        assertThat(PreTradeChecks.check(buy("1", "1", "100", null), CALM, over, Map.of())
                        .warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.message()).isEqualTo("21 positions open after this order (limit 20)"));
    }

    @Test
    void riskPerTradeUsesTheStopWhenTheOrderHasOne() {
        // 300 × (100 − 90) = 3,000 = 3% of 100,000.
        RiskVerdict v = PreTradeChecks.check(buy("300", "300", "100", "90"), CALM, CALM, Map.of());
        assertThat(v.warnings()).singleElement().satisfies(w -> {
            assertThat(w.limit()).isEqualTo("risk per trade");
            assertThat(w.message()).isEqualTo("3,000.00 USD to the stop is 3.00% of equity (limit 2%)");
        });
        assertThat(PreTradeChecks.check(buy("200", "200", "100", "90"), CALM, CALM, Map.of())
                        .warnings())
                .isEmpty();
        assertThat(PreTradeChecks.check(buy("300", "300", "100", null), CALM, CALM, Map.of())
                        .warnings())
                .isEmpty();
    }

    @Test
    void correlationAboveTheThresholdWarns() {
        RiskVerdict v =
                PreTradeChecks.check(buy("1", "1", "100", null), CALM, CALM, Map.of(OTHER, 0.83, ACME.id(), 0.99));
        assertThat(v.warnings()).singleElement().satisfies(w -> {
            assertThat(w.limit()).isEqualTo("correlation");
            assertThat(w.message()).isEqualTo("0.83 between ACME@sim and the open OTHER@sim position (threshold 0.7)");
        });
        assertThat(PreTradeChecks.check(buy("1", "1", "100", null), CALM, CALM, Map.of(OTHER, 0.7))
                        .warnings())
                .hasSize(1);
        assertThat(PreTradeChecks.check(buy("1", "1", "100", null), CALM, CALM, Map.of(OTHER, 0.69))
                        .warnings())
                .isEmpty();
        assertThat(PreTradeChecks.check(buy("1", "1", "100", null), CALM, CALM, Map.of(OTHER, -0.9))
                        .warnings())
                .isEmpty();
        assertThat(PreTradeChecks.check(buy("1", "1", "100", null), CALM, CALM, Map.of(OTHER, Double.NaN))
                        .warnings())
                .isEmpty();
    }

    @Test
    void withoutWarningsTheVerdictIsTheSameButCarriesNone() {
        RiskLimits blockPosition = new RiskLimits(
                RiskLimits.DEFAULTS.maxPositionPct().withMode(LimitMode.BLOCK), RiskLimits.DEFAULTS.dailyLossPct(),
                RiskLimits.DEFAULTS.maxOpenPositions(), RiskLimits.DEFAULTS.riskPerTradePct(),
                RiskLimits.DEFAULTS.drawdownStopPct(), RiskLimits.DEFAULTS.correlation());
        AccountSnapshot down = account("100000", "90000", "-12000", "12", "30", RiskLimits.DEFAULTS, List.of());
        AccountSnapshot downBlocking = account("100000", "90000", "-12000", "12", "30", blockPosition, List.of());
        AccountSnapshot broke = account("100000", "0", "0", "0", "0", RiskLimits.DEFAULTS, List.of());
        record Case(OrderIntent order, AccountSnapshot before, BigDecimal notional, Map<InstrumentId, Double> rho) {}
        List<Case> cases = List.of(
                // warnings only: daily loss, drawdown, risk per trade, correlation, position size
                new Case(buy("300", "300", "100", "90"), down, new BigDecimal("30000"), Map.of(OTHER, 0.9)),
                // a blocking position limit and warnings beside it
                new Case(buy("300", "300", "100", null), downBlocking, new BigDecimal("30000"), Map.of(OTHER, 0.9)),
                // insufficient funds
                new Case(buy("300", "300", "100", null), broke, new BigDecimal("30000"), Map.of()),
                // nothing breached
                new Case(buy("1", "1", "100", null), CALM, new BigDecimal("100"), Map.of()));
        for (Case c : cases) {
            BigDecimal requirement = new BigDecimal("30000");
            RiskVerdict full = PreTradeChecks.check(c.order(), c.before(), c.notional(), 1, c.rho(), requirement, true);
            RiskVerdict lean =
                    PreTradeChecks.check(c.order(), c.before(), c.notional(), 1, c.rho(), requirement, false);
            assertThat(lean.rejection()).isEqualTo(full.rejection());
            assertThat(lean.reservation()).isEqualByComparingTo(full.reservation());
            assertThat(lean.warnings()).isEmpty();
        }
        // The cases above do warn when asked to.
        assertThat(PreTradeChecks.check(
                                cases.get(0).order(),
                                down,
                                new BigDecimal("30000"),
                                1,
                                Map.of(OTHER, 0.9),
                                BigDecimal.ONE,
                                true)
                        .warnings())
                .extracting(RiskWarning::limit)
                .containsExactly(
                        "max position size", "daily loss limit", "risk per trade", "drawdown stop", "correlation");
        assertThat(PreTradeChecks.check(
                                cases.get(1).order(),
                                downBlocking,
                                new BigDecimal("30000"),
                                1,
                                Map.of(),
                                BigDecimal.ONE,
                                false)
                        .rejection())
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(RejectReason.RISK_LIMIT));
    }

    @Test
    void openingQuantity() {
        assertThat(OrderIntent.opening(BigDecimal.ZERO, Side.BUY, BigDecimal.TEN))
                .isEqualByComparingTo("10");
        assertThat(OrderIntent.opening(new BigDecimal("5"), Side.BUY, BigDecimal.TEN))
                .isEqualByComparingTo("10");
        assertThat(OrderIntent.opening(new BigDecimal("5"), Side.SELL, BigDecimal.TEN))
                .isEqualByComparingTo("5");
        assertThat(OrderIntent.opening(new BigDecimal("15"), Side.SELL, BigDecimal.TEN))
                .isZero();
        assertThat(OrderIntent.opening(new BigDecimal("-10"), Side.BUY, BigDecimal.TEN))
                .isZero();
        assertThat(buy("1", "0", "1", null).opens()).isFalse();
        assertThat(RiskVerdict.reject(new dev.paperdesk.engine.model.Rejection(RejectReason.RISK_LIMIT, "x"))
                        .warnings())
                .isEmpty();
        assertThat(new RiskLimit(BigDecimal.ONE, LimitMode.BLOCK).mode()).isEqualTo(LimitMode.BLOCK);
    }
}
