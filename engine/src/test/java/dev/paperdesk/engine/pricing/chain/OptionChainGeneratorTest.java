package dev.paperdesk.engine.pricing.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.pricing.option.BlackScholesEuropeanPricer;
import dev.paperdesk.engine.pricing.option.OptionInputs;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OptionChainGeneratorTest {
    private static final LocalDate VALUATION = LocalDate.of(2026, 1, 16); // a Friday: its own date is not listed
    private static final InstrumentId ACME = new InstrumentId("ACME", "nasdaq");
    private static final InstrumentId BTC = new InstrumentId("BTC-USDT", "binance");

    private static OptionChain equityChain(long seed) {
        return OptionChainGenerator.DEFAULT.generate(
                ChainSpec.equity(ACME, 101.3, VALUATION, 0.04, 0.01, 0.28), new SplittableRandom(seed));
    }

    @Test
    void equityChainHasWeeklyAndMonthlyExpiriesOutToOneYear() {
        OptionChain chain = equityChain(7);
        var expiries = chain.expiries();
        assertThat(expiries.get(0)).isEqualTo(LocalDate.of(2026, 1, 23));
        assertThat(expiries).allMatch(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY);
        assertThat(expiries).allMatch(d -> d.isAfter(VALUATION) && !d.isAfter(VALUATION.plusYears(1)));
        assertThat(expiries).contains(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 12, 18)); // third Fridays
        assertThat(chain.quotes()).anyMatch(q -> q.expiryKind() == ExpiryKind.WEEKLY);
        assertThat(chain.quotes().stream().filter(q -> q.expiryKind() == ExpiryKind.MONTHLY))
                .extracting(q -> q.contract().expiry().getDayOfMonth())
                .allMatch(day -> day >= 15 && day <= 21);
        assertThat(expiries.size()).isBetween(15, 20);
    }

    @Test
    void contractsFollowTheModelConventions() {
        OptionChain chain = equityChain(7);
        var q = chain.quotes().stream()
                .filter(x -> x.contract().expiry().equals(LocalDate.of(2027, 1, 15)))
                .filter(x -> x.contract().strike().compareTo(BigDecimal.valueOf(100)) == 0)
                .filter(x -> x.contract().right() == OptionRight.CALL)
                .findFirst()
                .orElseThrow();
        assertThat(q.contract().id()).isEqualTo(new InstrumentId("ACME-20270115-C-100", "nasdaq"));
        assertThat(q.contract().underlying()).isEqualTo(ACME);
        assertThat(q.contract().style()).isEqualTo(OptionStyle.AMERICAN);
        assertThat(q.contract().multiplier()).isEqualByComparingTo("100");
        assertThat(q.contract().quoteCurrency()).isEqualTo(Currency.USD);
        // strikes: $2.5 increments near a $100 stock (doubled on long-dated monthlies)
        assertThat(chain.at(chain.expiries().get(0)))
                .extracting(x ->
                        x.contract().strike().remainder(new BigDecimal("2.5")).signum())
                .containsOnly(0);
    }

    @Test
    void quotesStraddleTheTheoreticalValueOnTheTick() {
        for (ChainQuote q : equityChain(11).quotes()) {
            BigDecimal tick = q.contract().tickSize();
            assertThat(q.bid().isOnTick(tick)).isTrue();
            assertThat(q.ask().isOnTick(tick)).isTrue();
            assertThat(q.bid().toDouble()).isLessThanOrEqualTo(q.theoreticalValue());
            assertThat(q.ask().toDouble()).isGreaterThanOrEqualTo(q.theoreticalValue());
            assertThat(q.openInterest()).isNotNegative();
            // American values are at least intrinsic
            double spot = 101.3;
            double intrinsic = q.contract().right() == OptionRight.CALL
                    ? Math.max(spot - q.contract().strike().doubleValue(), 0)
                    : Math.max(q.contract().strike().doubleValue() - spot, 0);
            assertThat(q.theoreticalValue()).isGreaterThanOrEqualTo(intrinsic - 1e-9);
        }
    }

    @Test
    void sameSeedSameChainDifferentSeedDifferentMarket() {
        assertThat(equityChain(42).quotes()).isEqualTo(equityChain(42).quotes());
        assertThat(equityChain(42).quotes()).isNotEqualTo(equityChain(43).quotes());
    }

    @Test
    void cryptoChainIsEuropeanPricedFromTheSurfaceWithOneCoinPerContract() {
        OptionChain chain = OptionChainGenerator.DEFAULT.generate(
                ChainSpec.crypto(BTC, 65_000, VALUATION, Currency.USDT, 0.03, 0.6), new SplittableRandom(1));
        ChainQuote q = chain.quotes().get(0);
        assertThat(q.contract().style()).isEqualTo(OptionStyle.EUROPEAN);
        assertThat(q.contract().multiplier()).isEqualByComparingTo("1");
        assertThat(q.contract().id().venue()).isEqualTo("binance");
        assertThat(q.contract().id().symbol()).startsWith("BTC-USDT-2026");
        assertThat(q.contract().strike().remainder(BigDecimal.valueOf(500)).signum())
                .isZero();
        // monthlies on the last Friday
        assertThat(chain.expiries()).contains(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 6, 26));
        for (ChainQuote x : chain.quotes()) {
            OptionInputs in = new OptionInputs(
                    x.contract().right(),
                    65_000,
                    x.contract().strike().doubleValue(),
                    x.timeToExpiry(),
                    0.03,
                    0.0,
                    x.volatility());
            assertThat(x.theoreticalValue()).isCloseTo(BlackScholesEuropeanPricer.DEFAULT.price(in), within(1e-9));
            double k = Math.log(x.contract().strike().doubleValue() / (65_000 * Math.exp(0.03 * x.timeToExpiry())));
            assertThat(x.volatility()).isCloseTo(chain.surface().volatility(k, x.timeToExpiry()), within(1e-12));
        }
        assertThat(chain.surface().arbitrageViolations(-1, 1, 101)).isEmpty();
    }

    @Test
    void openInterestConcentratesNearTheMoney() {
        OptionChain chain = equityChain(3);
        LocalDate monthly = LocalDate.of(2026, 3, 20);
        var quotes = chain.at(monthly);
        long nearTheMoney = quotes.stream()
                .filter(q -> Math.abs(q.contract().strike().doubleValue() - 101.3) < 5)
                .mapToLong(ChainQuote::openInterest)
                .sum();
        long wings = quotes.stream()
                .filter(q -> Math.abs(q.contract().strike().doubleValue() - 101.3) > 20)
                .mapToLong(ChainQuote::openInterest)
                .sum();
        assertThat(nearTheMoney).isGreaterThan(wings);
    }
}
