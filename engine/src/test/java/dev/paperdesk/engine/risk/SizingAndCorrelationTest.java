package dev.paperdesk.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SizingAndCorrelationTest {
    static final Instrument BTC = new Instrument.CryptoSpot(
            new InstrumentId("BTC-USDT", "sim"),
            Currency.BTC,
            Currency.USDT,
            new BigDecimal("0.01"),
            new BigDecimal("0.001"));
    static final Instrument OPTION = new Instrument.OptionContract(
            new InstrumentId("ACME-C", "sim"),
            new InstrumentId("ACME", "sim"),
            Instrument.OptionRight.CALL,
            Instrument.OptionStyle.EUROPEAN,
            BigDecimal.TEN,
            java.time.LocalDate.of(2027, 1, 1),
            Currency.USD,
            new BigDecimal("0.01"),
            BigDecimal.ONE,
            new BigDecimal("100"));

    @Test
    void sizeRisksThePercentageOfEquityToTheStopRoundedDownToTheLot() {
        // 2% of 5,000,000 = 100,000 over a 1,500 stop distance = 66.666… BTC → 66.666
        PositionSizer.Sizing s = PositionSizer.size(
                new BigDecimal("5000000"),
                new BigDecimal("2"),
                new BigDecimal("60000"),
                new BigDecimal("58500"),
                BTC,
                BigDecimal.ONE);
        assertThat(s.quantity()).isEqualByComparingTo("66.666");
        assertThat(s.riskBudget()).isEqualByComparingTo("100000");
        assertThat(s.riskAmount()).isEqualByComparingTo("99999.000");
        assertThat(s.riskAmount()).isLessThanOrEqualTo(s.riskBudget());
        assertThat(s.notional()).isEqualByComparingTo("3999960");
        // A short: stop above entry; EUR base at 0.9 EUR per USDT.
        PositionSizer.Sizing eur = PositionSizer.size(
                new BigDecimal("90000"),
                BigDecimal.ONE,
                new BigDecimal("100"),
                new BigDecimal("110"),
                OPTION,
                new BigDecimal("0.9"));
        // 900 EUR / (10 × 100 × 0.9) = 1 contract.
        assertThat(eur.quantity()).isEqualByComparingTo("1");
        assertThat(eur.riskAmount()).isEqualByComparingTo("900");
    }

    @Test
    void sizingRejectsUnusableInputs() {
        BigDecimal e = new BigDecimal("1000");
        assertThatThrownBy(() ->
                        PositionSizer.size(BigDecimal.ZERO, BigDecimal.ONE, e, BigDecimal.ONE, BTC, BigDecimal.ONE))
                .hasMessageContaining("equity must be positive");
        assertThatThrownBy(() -> PositionSizer.size(e, BigDecimal.ZERO, e, BigDecimal.ONE, BTC, BigDecimal.ONE))
                .hasMessageContaining("risk %");
        assertThatThrownBy(() -> PositionSizer.size(e, new BigDecimal("101"), e, BigDecimal.ONE, BTC, BigDecimal.ONE))
                .hasMessageContaining("risk %");
        assertThat(PositionSizer.size(e, new BigDecimal("100"), e, new BigDecimal("999"), BTC, BigDecimal.ONE)
                        .quantity())
                .isEqualByComparingTo("1000");
        assertThatThrownBy(() -> PositionSizer.size(e, BigDecimal.ONE, e, e, BTC, BigDecimal.ONE))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> PositionSizer.size(e, BigDecimal.ONE, BigDecimal.ZERO, e, BTC, BigDecimal.ONE))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> PositionSizer.size(e, BigDecimal.ONE, e, BigDecimal.ZERO, BTC, BigDecimal.ONE))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> PositionSizer.size(e, BigDecimal.ONE, e, BigDecimal.ONE, BTC, BigDecimal.ZERO))
                .hasMessageContaining("must be positive");
    }

    @Test
    void correlationOfCommonReturns() {
        ReturnCorrelations c = new ReturnCorrelations(Duration.ofMinutes(1), 50);
        InstrumentId a = new InstrumentId("A", "sim");
        InstrumentId b = new InstrumentId("B", "sim");
        InstrumentId inv = new InstrumentId("INV", "sim");
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        double pa = 100;
        double pb = 50;
        double pi = 80;
        Instant t = Instant.parse("2026-03-02T00:00:00Z");
        for (int i = 0; i < 60; i++) {
            double z = r.nextGaussian();
            pa *= Math.exp(0.01 * z);
            pb *= Math.exp(0.02 * z + 0.001 * r.nextGaussian());
            pi *= Math.exp(-0.01 * z);
            // Two prices per minute: the later one is the close.
            c.onPrice(a, t.plusSeconds(10), pa * 1.5);
            c.onPrice(a, t.plusSeconds(50), pa);
            c.onPrice(b, t.plusSeconds(30), pb);
            c.onPrice(inv, t.plusSeconds(30), pi);
            t = t.plusSeconds(60);
        }
        assertThat(c.correlation(a, b).orElseThrow()).isGreaterThan(0.99);
        assertThat(c.correlation(a, inv).orElseThrow()).isLessThan(-0.99);
        assertThat(c.correlation(a, new InstrumentId("NONE", "sim"))).isEmpty();
    }

    @Test
    void tooFewCommonReturnsGiveNoCorrelation() {
        ReturnCorrelations c = new ReturnCorrelations(Duration.ofSeconds(1), 10);
        InstrumentId a = new InstrumentId("A", "sim");
        InstrumentId b = new InstrumentId("B", "sim");
        Instant t = Instant.EPOCH;
        for (int i = 0; i < 10; i++) {
            c.onPrice(a, t.plusSeconds(i), 100 + i);
            c.onPrice(b, t.plusSeconds(i), 100 + (i % 3));
        }
        assertThat(c.correlation(a, b)).isEmpty();
        c.onPrice(a, t.plusSeconds(10), 111);
        c.onPrice(b, t.plusSeconds(10), 101);
        assertThat(c.correlation(a, b)).isPresent();
        c.onPrice(a, t.plusSeconds(11), 0);
        c.onPrice(a, t.plusSeconds(11), Double.NaN);
        ReturnCorrelations flat = new ReturnCorrelations(Duration.ofSeconds(1), 10);
        for (int i = 0; i < 20; i++) {
            flat.onPrice(a, t.plusSeconds(i), 100);
            flat.onPrice(b, t.plusSeconds(i), 100 + i);
        }
        assertThat(flat.correlation(a, b)).isEmpty();
        assertThatThrownBy(() -> new ReturnCorrelations(Duration.ZERO, 20)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new ReturnCorrelations(Duration.ofSeconds(1), 9))
                .hasMessageContaining("at least 10");
    }

    @Test
    void pearsonOfKnownSeries() {
        double[] x = {1, 2, 3, 4};
        double[] y = {2, 4, 6, 8};
        assertThat(ReturnCorrelations.pearson(x, y, 4).orElseThrow())
                .isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        double[] z = {1, 3, 2, 4};
        assertThat(ReturnCorrelations.pearson(x, z, 4).orElseThrow())
                .isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-12));
    }
}
