package dev.paperdesk.engine.portfolio.margin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.AssetClass;
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
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import dev.paperdesk.engine.portfolio.PositionMargin;
import dev.paperdesk.engine.portfolio.RiskMarks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarginCalculatorTest {
    static final Instrument PERP = new Instrument.Perpetual(
            new InstrumentId("BTC-USDT-PERP", "sim"),
            Currency.BTC,
            Currency.USDT,
            new BigDecimal("0.1"),
            new BigDecimal("0.001"),
            BigDecimal.ONE,
            8);
    static final Instrument ACME = new Instrument.Equity(
            new InstrumentId("ACME", "sim"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "x");
    static final Instrument PUT = new Instrument.OptionContract(
            new InstrumentId("ACME-P-90", "sim"),
            ACME.id(),
            Instrument.OptionRight.PUT,
            Instrument.OptionStyle.AMERICAN,
            new BigDecimal("90"),
            LocalDate.of(2027, 1, 15),
            Currency.USD,
            new BigDecimal("0.01"),
            BigDecimal.ONE,
            new BigDecimal("100"));
    static final Instrument TOKYO = new Instrument.Equity(
            new InstrumentId("TKO", "tse"), BigDecimal.ONE, BigDecimal.ONE, Currency.of("JPY"), "x");
    static final Map<InstrumentId, Instrument> ALL =
            Map.of(PERP.id(), PERP, ACME.id(), ACME, PUT.id(), PUT, TOKYO.id(), TOKYO);

    final Portfolio p = new Portfolio(
            new PortfolioId(1), "M", "", Currency.USD, new BigDecimal("10000"), CostBasisMethod.FIFO, Instant.EPOCH);
    final Map<InstrumentId, BigDecimal> marks = new HashMap<>();

    void trade(Instrument i, Side side, String qty, String price) {
        p.applyFill(
                new Fill(
                        new FillId(1),
                        new OrderId(1),
                        p.id(),
                        i.id(),
                        side,
                        Quantity.of(qty),
                        Price.of(price),
                        Money.zero(i.quoteCurrency()),
                        Liquidity.TAKER,
                        BigDecimal.ZERO,
                        Instant.EPOCH),
                i);
    }

    AccountSnapshot account() {
        var snap = p.snapshot(
                marks::get,
                id -> ALL.get(id).multiplier(),
                (from, to) -> from.code().equals("JPY") ? Optional.empty() : Optional.of(BigDecimal.ONE));
        return MarginCalculator.DEFAULT.compute(
                snap, ALL::get, id -> id.equals(ACME.id()) ? new BigDecimal("100") : null);
    }

    @Test
    void crossPerpetualAtTierOne() {
        trade(PERP, Side.BUY, "0.5", "60000");
        marks.put(PERP.id(), new BigDecimal("58000"));
        AccountSnapshot a = account();
        assertThat(a.equity()).isEqualByComparingTo("9000");
        assertThat(a.balance()).isEqualByComparingTo("10000");
        assertThat(a.unrealizedPnl()).isEqualByComparingTo("-1000");
        assertThat(a.usedMargin()).isEqualByComparingTo("300");
        assertThat(a.maintenanceMargin()).isEqualByComparingTo("150");
        assertThat(a.freeMargin()).isEqualByComparingTo("8700");
        assertThat(a.marginLevel()).isEqualByComparingTo("30");
        assertThat(a.crossEquity()).isEqualByComparingTo("9000");
        assertThat(a.maintenanceRatio())
                .isEqualByComparingTo(new BigDecimal("150")
                        .divide(new BigDecimal("9000"), dev.paperdesk.engine.model.Decimals.DIVISION));
        assertThat(a.warningLevel()).isEqualTo(WarningLevel.NONE);
        assertThat(a.grossExposure()).isEqualByComparingTo("29000");
        assertThat(a.exposure()).containsEntry(AssetClass.PERPETUAL, new BigDecimal("29000.0"));
        assertThat(a.effectiveLeverage())
                .isEqualByComparingTo(new BigDecimal("29000")
                        .divide(new BigDecimal("9000"), dev.paperdesk.engine.model.Decimals.DIVISION));
        assertThat(a.stockBuyingPower()).isEqualByComparingTo("34800");
        assertThat(a.buyingPower().get(AssetClass.PERPETUAL)).isEqualByComparingTo("870000");
        PositionMarginView v = a.positions().get(0);
        assertThat(v.mode()).isEqualTo(MarginMode.CROSS);
        assertThat(v.leverage()).isEqualTo(100);
        assertThat(v.initialMargin()).isEqualByComparingTo("300");
        assertThat(v.isolatedMargin()).isZero();
        assertThat(v.notional()).isEqualByComparingTo("29000");
        assertThat(v.entryPrice()).isEqualByComparingTo("60000");
        assertThat(v.mark()).isEqualByComparingTo("58000");
        // The mark where cross equity meets maintenance: 58,000 − (9,000 − 150) / 0.5.
        assertThat(v.liquidationPrice()).isEqualByComparingTo("40300");
        assertThat(v.rate()).isEqualByComparingTo("1");
        assertThat(a.position(PERP.id())).contains(v);
        assertThat(a.position(ACME.id())).isEmpty();
    }

    @Test
    void crossShortLiquidatesAbove() {
        trade(PERP, Side.SELL, "0.5", "60000");
        marks.put(PERP.id(), new BigDecimal("60000"));
        PositionMarginView v = account().positions().get(0);
        assertThat(v.liquidationPrice()).isEqualByComparingTo("79700");
    }

    @Test
    void isolatedLongLiquidationPriceFollowsThePublishedFormulaExactly() {
        trade(PERP, Side.BUY, "0.5", "60000");
        p.setMargin(PERP.id(), new PositionMargin(MarginMode.ISOLATED, 20, new BigDecimal("1500")));
        marks.put(PERP.id(), new BigDecimal("58000"));
        AccountSnapshot a = account();
        PositionMarginView v = a.positions().get(0);
        // Entry × (1 − IM + MM) = 60,000 × (1 − 0.05 + 0.005)
        assertThat(v.liquidationPrice()).isEqualByComparingTo("57300");
        assertThat(v.leverage()).isEqualTo(20);
        assertThat(v.initialMargin()).isEqualByComparingTo("1500");
        assertThat(v.maintenanceRatio()).isEqualByComparingTo("0.3");
        assertThat(a.usedMargin()).isEqualByComparingTo("1500");
        assertThat(a.crossEquity()).isEqualByComparingTo("8500");
        assertThat(a.freeMargin()).isEqualByComparingTo("8500");
        assertThat(a.maintenanceRatio()).isEqualByComparingTo("0.3");
        marks.put(PERP.id(), new BigDecimal("57300"));
        AccountSnapshot atLiq = account();
        assertThat(atLiq.positions().get(0).maintenanceRatio()).isEqualByComparingTo("1");
        assertThat(atLiq.warningLevel()).isEqualTo(WarningLevel.LIQUIDATION);
        marks.put(PERP.id(), new BigDecimal("57300.1"));
        assertThat(account().warningLevel()).isEqualTo(WarningLevel.WARNING_95);
    }

    @Test
    void isolatedShortLiquidationPrice() {
        trade(PERP, Side.SELL, "0.5", "60000");
        p.setMargin(PERP.id(), new PositionMargin(MarginMode.ISOLATED, 10, new BigDecimal("3000")));
        marks.put(PERP.id(), new BigDecimal("60000"));
        // Entry × (1 + IM − MM) = 60,000 × (1 + 0.1 − 0.005)
        assertThat(account().positions().get(0).liquidationPrice()).isEqualByComparingTo("65700");
    }

    @Test
    void largerPerpetualsFallIntoLowerLeverageTiers() {
        p.topUp(new BigDecimal("1000000"), Currency.USD, Instant.EPOCH);
        trade(PERP, Side.BUY, "5", "60000");
        marks.put(PERP.id(), new BigDecimal("60000"));
        PositionMarginView v = account().positions().get(0);
        assertThat(v.leverage()).isEqualTo(20);
        assertThat(v.initialMargin()).isEqualByComparingTo("15000");
        assertThat(v.maintenanceMargin()).isEqualByComparingTo("7500");
    }

    @Test
    void stocksUseTheirClassTermsAndChosenLeverage() {
        p.setSettings(PortfolioSettings.DEFAULTS.withLeverage(AssetClass.EQUITY, 2));
        trade(ACME, Side.BUY, "100", "100");
        marks.put(ACME.id(), new BigDecimal("110"));
        AccountSnapshot a = account();
        PositionMarginView v = a.positions().get(0);
        assertThat(v.leverage()).isEqualTo(2);
        assertThat(v.initialMargin()).isEqualByComparingTo("5000");
        assertThat(v.maintenanceMargin()).isEqualByComparingTo("2500");
        assertThat(a.equity()).isEqualByComparingTo("11000");
        assertThat(a.stockBuyingPower()).isEqualByComparingTo("12000");
    }

    @Test
    void longOptionsArePaidInFullAndShortOptionsMarginedRegTStyle() {
        trade(PUT, Side.BUY, "1", "2");
        marks.put(PUT.id(), new BigDecimal("3"));
        PositionMarginView longPut = account().positions().get(0);
        assertThat(longPut.initialMargin()).isEqualByComparingTo("300");
        assertThat(longPut.maintenanceMargin()).isZero();
        assertThat(longPut.liquidationPrice()).isNull();
        trade(PUT, Side.SELL, "3", "2");
        PositionMarginView shortPut = account().positions().get(0);
        // 2 contracts × 100 × (3 + max(20% × 100 − 10, 10% × 90)) = 200 × 13
        assertThat(shortPut.initialMargin()).isEqualByComparingTo("2600");
        assertThat(shortPut.maintenanceMargin()).isEqualByComparingTo("2600");
    }

    @Test
    void shortOptionRequirementRule() {
        assertThat(MarginSchedule.shortOptionRequirement(
                        false, new BigDecimal("100"), new BigDecimal("90"), new BigDecimal("2")))
                .isEqualByComparingTo("12");
        assertThat(MarginSchedule.shortOptionRequirement(
                        true, new BigDecimal("100"), new BigDecimal("130"), BigDecimal.ONE))
                .isEqualByComparingTo("11");
        assertThat(MarginSchedule.shortOptionRequirement(
                        true, new BigDecimal("100"), new BigDecimal("90"), new BigDecimal("12")))
                .isEqualByComparingTo("32");
        assertThat(MarginSchedule.shortOptionRequirement(
                        false, new BigDecimal("100"), new BigDecimal("110"), new BigDecimal("11")))
                .isEqualByComparingTo("31");
        // Deep OTM put: the floor is 10% of the strike.
        assertThat(MarginSchedule.shortOptionRequirement(
                        false, new BigDecimal("100"), new BigDecimal("50"), BigDecimal.ZERO))
                .isEqualByComparingTo("5");
    }

    @Test
    void unknownInstrumentsAndMissingRatesAreHandled() {
        trade(TOKYO, Side.BUY, "10", "1000");
        marks.put(TOKYO.id(), new BigDecimal("1100"));
        AccountSnapshot a = account();
        PositionMarginView v = a.positions().get(0);
        assertThat(v.rate()).isNull();
        assertThat(v.liquidationPrice()).isNull();
        assertThat(a.usedMargin()).isZero();
        assertThat(a.grossExposure()).isZero();
        var snap = p.snapshot(marks::get, id -> BigDecimal.ONE, (f, t) -> Optional.of(BigDecimal.ONE));
        AccountSnapshot unknown = MarginCalculator.DEFAULT.compute(snap, id -> null, id -> null);
        PositionMarginView u = unknown.positions().get(0);
        assertThat(u.initialMargin()).isEqualByComparingTo("11000");
        assertThat(u.maintenanceMargin()).isZero();
        assertThat(u.leverage()).isEqualTo(1);
    }

    @Test
    void noPositionsMeansNoMarginLevelAndNothingUsed() {
        AccountSnapshot a = account();
        assertThat(a.marginLevel()).isNull();
        assertThat(a.usedMargin()).isZero();
        assertThat(a.maintenanceRatio()).isZero();
        assertThat(a.positions()).isEmpty();
        assertThat(a.limits()).isEqualTo(PortfolioSettings.DEFAULTS.limits());
    }

    @Test
    void dailyLossAndDrawdownComeFromTheRiskMarks() {
        p.setRiskMarks(new RiskMarks(
                LocalDate.EPOCH, new BigDecimal("12500"), new BigDecimal("2500"), new BigDecimal("20000")));
        AccountSnapshot a = account();
        // Day P&L = 10,000 − 12,500 − 2,500 = −5,000, i.e. 40% of the day's opening equity.
        assertThat(a.dayPnl()).isEqualByComparingTo("-5000");
        assertThat(a.dailyLossPct()).isEqualByComparingTo("40");
        assertThat(a.drawdownPct()).isEqualByComparingTo("50");
        p.setRiskMarks(new RiskMarks(LocalDate.EPOCH, new BigDecimal("9000"), BigDecimal.ZERO, new BigDecimal("9000")));
        AccountSnapshot up = account();
        assertThat(up.dailyLossPct()).isZero();
        assertThat(up.drawdownPct()).isZero();
    }

    @Test
    void ratioIsCappedWhenThePoolHasNoEquity() {
        assertThat(MarginCalculator.ratio(BigDecimal.ONE, BigDecimal.ZERO)).isEqualByComparingTo("10");
        assertThat(MarginCalculator.ratio(BigDecimal.ONE, new BigDecimal("-5"))).isEqualByComparingTo("10");
        assertThat(MarginCalculator.ratio(BigDecimal.ZERO, new BigDecimal("-5")))
                .isZero();
        assertThat(MarginCalculator.ratio(new BigDecimal("100"), new BigDecimal("5")))
                .isEqualByComparingTo("10");
        assertThat(MarginCalculator.ratio(new BigDecimal("5"), new BigDecimal("10")))
                .isEqualByComparingTo("0.5");
    }

    @Test
    void defaultMarginOfNewPositions() {
        assertThat(MarginCalculator.defaultMargin(PortfolioSettings.DEFAULTS, PERP))
                .isEqualTo(PositionMargin.cross(100));
        PortfolioSettings iso = PortfolioSettings.DEFAULTS.withPerpetualMarginMode(MarginMode.ISOLATED);
        assertThat(MarginCalculator.defaultMargin(iso, PERP).mode()).isEqualTo(MarginMode.ISOLATED);
        assertThat(MarginCalculator.defaultMargin(iso, ACME)).isEqualTo(PositionMargin.cross(4));
    }

    @Test
    void warningLevels() {
        assertThat(WarningLevel.of(new BigDecimal("0.7999"))).isEqualTo(WarningLevel.NONE);
        assertThat(WarningLevel.of(new BigDecimal("0.80"))).isEqualTo(WarningLevel.WARNING_80);
        assertThat(WarningLevel.of(new BigDecimal("0.8999"))).isEqualTo(WarningLevel.WARNING_80);
        assertThat(WarningLevel.of(new BigDecimal("0.9"))).isEqualTo(WarningLevel.WARNING_90);
        assertThat(WarningLevel.of(new BigDecimal("0.95"))).isEqualTo(WarningLevel.WARNING_95);
        assertThat(WarningLevel.of(new BigDecimal("0.9999"))).isEqualTo(WarningLevel.WARNING_95);
        assertThat(WarningLevel.of(BigDecimal.ONE)).isEqualTo(WarningLevel.LIQUIDATION);
        assertThat(WarningLevel.of(0.85)).isEqualTo(WarningLevel.WARNING_80);
        assertThat(WarningLevel.of(0.95)).isEqualTo(WarningLevel.WARNING_95);
        assertThat(WarningLevel.of(1.0)).isEqualTo(WarningLevel.LIQUIDATION);
        assertThat(WarningLevel.of(0.1)).isEqualTo(WarningLevel.NONE);
        assertThat(WarningLevel.WARNING_90.threshold()).isEqualByComparingTo("0.9");
    }

    @Test
    void scheduleTiersAndRates() {
        MarginSchedule s = MarginSchedule.DEFAULT;
        assertThat(s.perpetualTier(new BigDecimal("49999.99")).maxLeverage()).isEqualTo(100);
        assertThat(s.perpetualTier(new BigDecimal("50000")).maxLeverage()).isEqualTo(50);
        assertThat(s.perpetualTier(new BigDecimal("-50000")).maxLeverage()).isEqualTo(50);
        assertThat(s.perpetualTier(new BigDecimal("249999")).maxLeverage()).isEqualTo(50);
        assertThat(s.perpetualTier(new BigDecimal("250000")).maxLeverage()).isEqualTo(20);
        assertThat(s.perpetualTier(new BigDecimal("1000000")).maxLeverage()).isEqualTo(10);
        assertThat(s.perpetualTier(new BigDecimal("4999999")).maxLeverage()).isEqualTo(10);
        assertThat(s.perpetualTier(new BigDecimal("5000000")).maxLeverage()).isEqualTo(5);
        assertThat(s.perpetualTier(new BigDecimal("5000000")).maintenanceRate()).isEqualByComparingTo("0.10");
        assertThat(s.perpetualTiers()).hasSize(5);
        MarginSchedule.Rates r = s.rates(AssetClass.PERPETUAL, 100, new BigDecimal("60000"));
        assertThat(r.leverage()).isEqualTo(50);
        assertThat(r.initialRate()).isEqualByComparingTo("0.02");
        assertThat(r.maintenanceRate()).isEqualByComparingTo("0.01");
        assertThat(s.rates(AssetClass.PERPETUAL, 10, new BigDecimal("1000")).leverage())
                .isEqualTo(10);
        assertThat(s.rates(AssetClass.EQUITY, 10, BigDecimal.ONE).leverage()).isEqualTo(4);
        assertThat(s.rates(AssetClass.EQUITY, 10, BigDecimal.ONE).initialRate()).isEqualByComparingTo("0.25");
        assertThat(s.rates(AssetClass.CRYPTO_SPOT, 10, BigDecimal.ONE).maintenanceRate())
                .isEqualByComparingTo("0.05");
        assertThat(s.rates(AssetClass.FX, 50, BigDecimal.ONE).initialRate()).isEqualByComparingTo("0.02");
        assertThat(s.rates(AssetClass.FX, 50, BigDecimal.ONE).maintenanceRate()).isEqualByComparingTo("0.01");
        assertThat(s.rates(AssetClass.ETF, 0, BigDecimal.ONE).leverage()).isEqualTo(1);
        assertThat(s.maxLeverage(AssetClass.OPTION)).isEqualTo(1);
        assertThat(s.maxLeverage(AssetClass.CRYPTO_SPOT)).isEqualTo(10);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MarginSchedule(Map.of(), List.of()))
                .hasMessageContaining("lacks terms");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MarginSchedule.ClassTerms(0, BigDecimal.ONE))
                .hasMessageContaining("at least 1");
    }

    @Test
    void anAccountWithNothingInItDividesByNothing() {
        Portfolio empty = new Portfolio(
                new PortfolioId(2), "E", "", Currency.USD, BigDecimal.ZERO, CostBasisMethod.FIFO, Instant.EPOCH);
        var snap = empty.snapshot(marks::get, id -> BigDecimal.ONE, (f, t) -> Optional.of(BigDecimal.ONE));
        AccountSnapshot a = MarginCalculator.DEFAULT.compute(snap, ALL::get, id -> null);
        assertThat(a.effectiveLeverage()).isZero();
        assertThat(a.drawdownPct()).isZero();
        assertThat(a.dailyLossPct()).isZero();
        // A day that started at zero equity has no loss percentage, whatever the P&L.
        empty.setRiskMarks(new RiskMarks(LocalDate.EPOCH, BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ZERO));
        var later = empty.snapshot(marks::get, id -> BigDecimal.ONE, (f, t) -> Optional.of(BigDecimal.ONE));
        assertThat(MarginCalculator.DEFAULT.compute(later, ALL::get, id -> null).dailyLossPct())
                .isZero();
    }

    @Test
    void liquidationPricesThatWouldBeZeroAreNone() {
        trade(PERP, Side.BUY, "0.5", "60000");
        // Isolated margin of 100.5% of entry: Entry × (1 − 1.005 + 0.005) = 0.
        p.setMargin(PERP.id(), new PositionMargin(MarginMode.ISOLATED, 1, new BigDecimal("30150")));
        marks.put(PERP.id(), new BigDecimal("60000"));
        assertThat(account().positions().get(0).liquidationPrice()).isNull();
        // Cross: 60,000 − (30,150 − 150) / 0.5 = 0.
        Portfolio q = new Portfolio(
                new PortfolioId(3),
                "Q",
                "",
                Currency.USD,
                new BigDecimal("30150"),
                CostBasisMethod.FIFO,
                Instant.EPOCH);
        q.applyFill(
                new Fill(
                        new FillId(1),
                        new OrderId(1),
                        q.id(),
                        PERP.id(),
                        Side.BUY,
                        Quantity.of("0.5"),
                        Price.of("60000"),
                        Money.zero(Currency.USDT),
                        Liquidity.TAKER,
                        BigDecimal.ZERO,
                        Instant.EPOCH),
                PERP);
        var snap = q.snapshot(marks::get, id -> BigDecimal.ONE, (f, t) -> Optional.of(BigDecimal.ONE));
        PositionMarginView v = MarginCalculator.DEFAULT
                .compute(snap, ALL::get, id -> null)
                .positions()
                .get(0);
        assertThat(v.liquidationPrice()).isNull();
    }
}
