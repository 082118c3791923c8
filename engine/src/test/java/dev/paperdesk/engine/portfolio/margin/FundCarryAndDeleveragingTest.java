package dev.paperdesk.engine.portfolio.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FundCarryAndDeleveragingTest {
    @Test
    void fundTakesFeesAndCoversWhatItHas() {
        InsuranceFund fund = new InsuranceFund();
        assertThat(fund.balance(Currency.USDT)).isZero();
        assertThat(fund.receive(Currency.USDT, new BigDecimal("50"))).isEqualByComparingTo("50");
        assertThat(fund.receive(Currency.USDT, new BigDecimal("25"))).isEqualByComparingTo("75");
        assertThat(fund.cover(Currency.USDT, new BigDecimal("30"))).isEqualByComparingTo("30");
        assertThat(fund.balance(Currency.USDT)).isEqualByComparingTo("45");
        assertThat(fund.cover(Currency.USDT, new BigDecimal("100"))).isEqualByComparingTo("45");
        assertThat(fund.balance(Currency.USDT)).isZero();
        assertThat(fund.cover(Currency.USD, new BigDecimal("10"))).isZero();
        InsuranceFund copy = fund.copy();
        copy.receive(Currency.USDT, BigDecimal.ONE);
        assertThat(fund.balance(Currency.USDT)).isZero();
        assertThat(copy.balances()).containsKey(Currency.USDT);
        assertThatThrownBy(() -> fund.receive(Currency.USDT, new BigDecimal("-1")))
                .hasMessageContaining("must not be negative");
        assertThat(fund.receive(Currency.USDT, BigDecimal.ZERO)).isZero();
    }

    @Test
    void fundIsReplayedFromItsHistory() {
        PortfolioId p = new PortfolioId(1);
        Instant t = Instant.EPOCH;
        InsuranceFund fund = InsuranceFund.replay(List.of(
                new AccountRecord.InsuranceFundEntry(
                        p,
                        t,
                        AccountRecord.FundEntryKind.FEE,
                        Currency.USDT,
                        new BigDecimal("50"),
                        new BigDecimal("50"),
                        "F1"),
                new AccountRecord.PortfolioEvent(p, t, AccountRecord.PortfolioEventKind.CREATED, "x"),
                new AccountRecord.InsuranceFundEntry(
                        p,
                        t,
                        AccountRecord.FundEntryKind.COVER,
                        Currency.USDT,
                        new BigDecimal("-20"),
                        new BigDecimal("30"),
                        "F2")));
        assertThat(fund.balance(Currency.USDT)).isEqualByComparingTo("30");
    }

    @Test
    void fundingLongsPayWhenTheRateIsPositive() {
        assertThat(CarryCharges.funding(
                        new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("60000"), new BigDecimal("0.0001")))
                .isEqualByComparingTo("-3");
        assertThat(CarryCharges.funding(
                        new BigDecimal("-0.5"), BigDecimal.ONE, new BigDecimal("60000"), new BigDecimal("0.0001")))
                .isEqualByComparingTo("3");
        assertThat(CarryCharges.funding(
                        new BigDecimal("2"), BigDecimal.TEN, new BigDecimal("100"), new BigDecimal("-0.001")))
                .isEqualByComparingTo("2");
    }

    @Test
    void borrowFeeAccruesDailyOnShortsOnlyRoundedToTheMinorUnit() {
        // 100 × 50 × 3% / 365 = 0.41095… → 0.41
        assertThat(CarryCharges.dailyBorrowFee(
                        new BigDecimal("-100"),
                        BigDecimal.ONE,
                        new BigDecimal("50"),
                        new BigDecimal("0.03"),
                        Currency.USD))
                .isEqualByComparingTo("0.41");
        assertThat(CarryCharges.dailyBorrowFee(
                        new BigDecimal("100"),
                        BigDecimal.ONE,
                        new BigDecimal("50"),
                        new BigDecimal("0.03"),
                        Currency.USD))
                .isZero();
        assertThat(CarryCharges.dailyBorrowFee(
                        new BigDecimal("-1"),
                        BigDecimal.ONE,
                        new BigDecimal("60000"),
                        new BigDecimal("0.05"),
                        Currency.USDT))
                .isEqualByComparingTo("8.21917808");
        assertThat(CarryCharges.DAYS_PER_YEAR).isEqualByComparingTo("365");
    }

    @Test
    void deleveragingRanksByProfitTimesLeverage() {
        PortfolioId a = new PortfolioId(1);
        PortfolioId b = new PortfolioId(2);
        PortfolioId c = new PortfolioId(3);
        PortfolioId d = new PortfolioId(4);
        List<AutoDeleveraging.Candidate> candidates = List.of(
                new AutoDeleveraging.Candidate(d, new BigDecimal("100"), BigDecimal.TEN),
                new AutoDeleveraging.Candidate(b, new BigDecimal("300"), BigDecimal.ONE),
                new AutoDeleveraging.Candidate(c, new BigDecimal("-50"), new BigDecimal("100")),
                new AutoDeleveraging.Candidate(new PortfolioId(9), BigDecimal.ZERO, new BigDecimal("100")),
                new AutoDeleveraging.Candidate(a, new BigDecimal("100"), BigDecimal.TEN));
        assertThat(AutoDeleveraging.rank(candidates))
                .extracting(AutoDeleveraging.Candidate::portfolioId)
                .containsExactly(a, d, b);
        assertThat(candidates.get(4).score()).isEqualByComparingTo("1000");
        List<AutoDeleveraging.Transfer> t = AutoDeleveraging.allocate(new BigDecimal("250"), candidates);
        assertThat(t)
                .extracting(AutoDeleveraging.Transfer::from, AutoDeleveraging.Transfer::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(a, new BigDecimal("100")),
                        org.assertj.core.groups.Tuple.tuple(d, new BigDecimal("100")),
                        org.assertj.core.groups.Tuple.tuple(b, new BigDecimal("50")));
        assertThat(AutoDeleveraging.allocate(new BigDecimal("1000"), candidates).stream()
                        .map(AutoDeleveraging.Transfer::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("500");
        assertThat(AutoDeleveraging.allocate(new BigDecimal("100"), candidates)).hasSize(1);
        assertThat(AutoDeleveraging.allocate(BigDecimal.ZERO, candidates)).isEmpty();
    }

    @Test
    void liquidationRecordsBalanceTheirShortfall() {
        assertThatThrownBy(() -> new AccountRecord.Liquidation(
                        new PortfolioId(1),
                        Instant.EPOCH,
                        new InstrumentId("X", "sim"),
                        AccountRecord.LiquidationKind.FULL,
                        dev.paperdesk.engine.portfolio.MarginMode.CROSS,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.TEN,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        Currency.USD,
                        BigDecimal.ONE,
                        1))
                .hasMessageContaining("shortfall must equal");
    }
}
