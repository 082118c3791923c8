package dev.paperdesk.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation of settings, limits, margin terms, risk marks and currency buckets. */
class SettingsAndLimitsTest {
    @Test
    void defaultsFollowTheSchedule() {
        PortfolioSettings s = PortfolioSettings.DEFAULTS;
        assertThat(s.leverage(AssetClass.PERPETUAL)).isEqualTo(100);
        assertThat(s.leverage(AssetClass.CRYPTO_SPOT)).isEqualTo(10);
        assertThat(s.leverage(AssetClass.EQUITY)).isEqualTo(4);
        assertThat(s.leverage(AssetClass.ETF)).isEqualTo(4);
        assertThat(s.leverage(AssetClass.FX)).isEqualTo(50);
        assertThat(s.leverage(AssetClass.OPTION)).isEqualTo(1);
        assertThat(s.perpetualMarginMode()).isEqualTo(MarginMode.CROSS);
        assertThat(s.limits()).isEqualTo(RiskLimits.DEFAULTS);
        assertThat(s.borrowRate("ACME")).isEqualByComparingTo("0.03");
        RiskLimits l = RiskLimits.DEFAULTS;
        assertThat(l.maxPositionPct().threshold()).isEqualByComparingTo("25");
        assertThat(l.dailyLossPct().threshold()).isEqualByComparingTo("10");
        assertThat(l.maxOpenPositions().threshold()).isEqualByComparingTo("20");
        assertThat(l.riskPerTradePct().threshold()).isEqualByComparingTo("2");
        assertThat(l.drawdownStopPct().threshold()).isEqualByComparingTo("25");
        assertThat(l.correlation().threshold()).isEqualByComparingTo("0.7");
        assertThat(l.maxPositionPct().mode()).isEqualTo(LimitMode.WARN);
    }

    @Test
    void leverageIsCheckedAgainstTheClassMaximum() {
        assertThat(PortfolioSettings.DEFAULTS
                        .withLeverage(AssetClass.PERPETUAL, 1)
                        .leverage(AssetClass.PERPETUAL))
                .isEqualTo(1);
        assertThatThrownBy(() -> PortfolioSettings.DEFAULTS.withLeverage(AssetClass.EQUITY, 5))
                .hasMessageContaining("between 1 and 4");
        assertThatThrownBy(() -> PortfolioSettings.DEFAULTS.withLeverage(AssetClass.FX, 0))
                .hasMessageContaining("between 1 and 50");
        assertThat(new PortfolioSettings(
                                CostBasisMethod.FIFO,
                                Map.of(AssetClass.FX, 50),
                                MarginMode.ISOLATED,
                                RiskLimits.DEFAULTS,
                                null,
                                BigDecimal.ZERO)
                        .leverage(AssetClass.FX))
                .isEqualTo(50);
    }

    @Test
    void borrowRatesAreFractionsBetweenZeroAndOne() {
        PortfolioSettings s = PortfolioSettings.DEFAULTS.withBorrowRate("ACME", new BigDecimal("0.25"));
        assertThat(s.borrowRate("ACME")).isEqualByComparingTo("0.25");
        assertThat(s.borrowRate("OTHER")).isEqualByComparingTo("0.03");
        assertThat(PortfolioSettings.DEFAULTS
                        .withBorrowRate("X", BigDecimal.ONE)
                        .borrowRate("X"))
                .isEqualByComparingTo("1");
        assertThat(PortfolioSettings.DEFAULTS
                        .withBorrowRate("X", BigDecimal.ZERO)
                        .borrowRate("X"))
                .isZero();
        assertThatThrownBy(() -> PortfolioSettings.DEFAULTS.withBorrowRate("X", new BigDecimal("1.01")))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> PortfolioSettings.DEFAULTS.withBorrowRate("X", new BigDecimal("-0.01")))
                .hasMessageContaining("between 0 and 1");
    }

    @Test
    void limitsAreCheckedAgainstTheirRanges() {
        RiskLimits d = RiskLimits.DEFAULTS;
        assertThat(new RiskLimits(
                        RiskLimit.warn("1"),
                        RiskLimit.warn("1"),
                        RiskLimit.warn("1"),
                        RiskLimit.warn("0.1"),
                        RiskLimit.warn("5"),
                        RiskLimit.warn("0.5")))
                .isNotNull();
        assertThat(new RiskLimits(
                        RiskLimit.warn("100"),
                        RiskLimit.warn("50"),
                        RiskLimit.warn("100"),
                        RiskLimit.warn("10"),
                        RiskLimit.warn("50"),
                        RiskLimit.warn("0.95")))
                .isNotNull();
        assertThatThrownBy(() -> new RiskLimits(
                        RiskLimit.warn("100.5"),
                        d.dailyLossPct(),
                        d.maxOpenPositions(),
                        d.riskPerTradePct(),
                        d.drawdownStopPct(),
                        d.correlation()))
                .hasMessageContaining("max position size (%) must lie between 1 and 100");
        assertThatThrownBy(() -> new RiskLimits(
                        d.maxPositionPct(),
                        RiskLimit.warn("0.5"),
                        d.maxOpenPositions(),
                        d.riskPerTradePct(),
                        d.drawdownStopPct(),
                        d.correlation()))
                .hasMessageContaining("daily loss limit");
        assertThatThrownBy(() -> new RiskLimits(
                        d.maxPositionPct(),
                        d.dailyLossPct(),
                        RiskLimit.warn("2.5"),
                        d.riskPerTradePct(),
                        d.drawdownStopPct(),
                        d.correlation()))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> new RiskLimits(
                        d.maxPositionPct(),
                        d.dailyLossPct(),
                        d.maxOpenPositions(),
                        RiskLimit.warn("11"),
                        d.drawdownStopPct(),
                        d.correlation()))
                .hasMessageContaining("risk per trade");
        assertThatThrownBy(() -> new RiskLimits(
                        d.maxPositionPct(),
                        d.dailyLossPct(),
                        d.maxOpenPositions(),
                        d.riskPerTradePct(),
                        RiskLimit.warn("4"),
                        d.correlation()))
                .hasMessageContaining("drawdown stop");
        assertThatThrownBy(() -> new RiskLimits(
                        d.maxPositionPct(),
                        d.dailyLossPct(),
                        d.maxOpenPositions(),
                        d.riskPerTradePct(),
                        d.drawdownStopPct(),
                        RiskLimit.warn("0.96")))
                .hasMessageContaining("correlation threshold");
        assertThat(d.maxPositionPct().withMode(LimitMode.BLOCK).mode()).isEqualTo(LimitMode.BLOCK);
        assertThat(PortfolioSettings.DEFAULTS.withLimits(d).limits()).isEqualTo(d);
    }

    @Test
    void positionMarginTerms() {
        assertThat(PositionMargin.cross(20).isolatedMargin()).isZero();
        assertThatThrownBy(() -> PositionMargin.cross(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new PositionMargin(MarginMode.CROSS, 5, BigDecimal.ONE))
                .hasMessageContaining("no isolated margin");
        PositionMargin iso = new PositionMargin(MarginMode.ISOLATED, 5, BigDecimal.ONE);
        assertThat(iso.withIsolatedMargin(BigDecimal.TEN).isolatedMargin()).isEqualByComparingTo("10");
        assertThat(iso.withIsolatedMargin(BigDecimal.TEN).leverage()).isEqualTo(5);
    }

    @Test
    void riskMarksRollTheDayRaiseThePeakAndIgnoreTopUps() {
        LocalDate d = LocalDate.of(2026, 3, 2);
        RiskMarks m = RiskMarks.start(d, new BigDecimal("1000"));
        assertThat(m.dayPnl(new BigDecimal("900"))).isEqualByComparingTo("-100");
        RiskMarks same = m.observe(d, new BigDecimal("900"));
        assertThat(same).isEqualTo(m);
        RiskMarks peak = m.observe(d, new BigDecimal("1200"));
        assertThat(peak.peakEquity()).isEqualByComparingTo("1200");
        assertThat(peak.dayStartEquity()).isEqualByComparingTo("1000");
        RiskMarks equalPeak = peak.observe(d, new BigDecimal("1200"));
        assertThat(equalPeak).isSameAs(peak);
        RiskMarks next = peak.observe(d.plusDays(1), new BigDecimal("1100"));
        assertThat(next.day()).isEqualTo(d.plusDays(1));
        assertThat(next.dayStartEquity()).isEqualByComparingTo("1100");
        assertThat(next.peakEquity()).isEqualByComparingTo("1200");
        RiskMarks earlier = next.observe(d, new BigDecimal("1000"));
        assertThat(earlier.day()).isEqualTo(d.plusDays(1));
        RiskMarks topped = next.toppedUp(new BigDecimal("500"));
        assertThat(topped.topUpsToday()).isEqualByComparingTo("500");
        assertThat(topped.peakEquity()).isEqualByComparingTo("1700");
        assertThat(topped.dayPnl(new BigDecimal("1600"))).isZero();
    }

    @Test
    void currencyBucketArithmetic() {
        CurrencyBalance b = CurrencyBalance.empty(Currency.USD).deposit(new BigDecimal("100"));
        assertThat(b.accountedBalance()).isEqualByComparingTo("100");
        CurrencyBalance traded = b.book(new BigDecimal("-40"), new BigDecimal("5"), new BigDecimal("1"));
        assertThat(traded.cash()).isEqualByComparingTo("59");
        assertThat(traded.realizedPnl()).isEqualByComparingTo("5");
        assertThat(traded.feesPaid()).isEqualByComparingTo("1");
        assertThat(traded.accountedBalance()).isEqualByComparingTo("104");
        CurrencyBalance f = traded.funding(new BigDecimal("-2")).funding(new BigDecimal("3"));
        assertThat(f.fundingPaid()).isEqualByComparingTo("2");
        assertThat(f.fundingReceived()).isEqualByComparingTo("3");
        assertThat(f.cash()).isEqualByComparingTo("60");
        assertThat(f.accountedBalance()).isEqualByComparingTo("105");
        CurrencyBalance rest =
                f.borrow(new BigDecimal("0.5")).insurance(new BigDecimal("4")).adl(new BigDecimal("-1"));
        assertThat(rest.cash()).isEqualByComparingTo("62.5");
        assertThat(rest.accountedBalance()).isEqualByComparingTo("107.5");
        CurrencyBalance top = rest.topUp(new BigDecimal("10"));
        assertThat(top.topUps()).isEqualByComparingTo("10");
        assertThat(top.deposits()).isEqualByComparingTo("110");
        assertThat(top.fundingPaid()).isEqualByComparingTo("2");
        assertThat(top.borrowFees()).isEqualByComparingTo("0.5");
        assertThat(top.insuranceCredits()).isEqualByComparingTo("4");
        assertThat(top.adlTransfers()).isEqualByComparingTo("-1");
        assertThat(top.accountedBalance()).isEqualByComparingTo("117.5");
        CurrencyBalance zero = CurrencyBalance.restart(Currency.USD, BigDecimal.TEN);
        assertThat(zero.accountedBalance()).isEqualByComparingTo("10");
        assertThat(zero.fundingPaid()).isZero();
    }
}
