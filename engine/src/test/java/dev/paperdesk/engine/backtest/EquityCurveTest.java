package dev.paperdesk.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EquityCurveTest {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal CAPITAL = new BigDecimal("100000");

    /** One sample: how far after the previous close (0 = the same instant), the equity, the benchmark's close. */
    record Sample(long afterNanos, BigDecimal equity, BigDecimal close) {}

    @Provide
    Arbitrary<List<Sample>> samples() {
        Arbitrary<Long> after = Arbitraries.longs()
                .between(0, 3 * 86_400_000_000_000L)
                .edgeCases(c -> c.add(0L))
                .injectDuplicates(0.2);
        Arbitrary<BigDecimal> equity = Arbitraries.oneOf(
                        Arbitraries.longs().between(1, 99_999_999_999L).flatMap(u -> Arbitraries.integers()
                                .between(-2, 12)
                                .map(s -> BigDecimal.valueOf(u, s))),
                        // wider than a long's 18 digits
                        Arbitraries.longs()
                                .between(1, Long.MAX_VALUE)
                                .map(u -> new BigDecimal(
                                        java.math.BigInteger.valueOf(u).multiply(java.math.BigInteger.TEN.pow(5)), 9)))
                // the same object again, as a flat portfolio's equity comes bar after bar
                .injectDuplicates(0.3);
        Arbitrary<BigDecimal> close = Arbitraries.longs()
                .between(1, 10_000_000L)
                .map(u -> BigDecimal.valueOf(u, 2))
                .injectNull(0.1);
        return Combinators.combine(after, equity, close).as(Sample::new).list().ofMaxSize(200);
    }

    /**
     * Samples whose closes fall on whole seconds for a while (no nanosecond column yet), then
     * anywhere, with jumps of up to 292 years (closes too far apart for a second offset in an int).
     */
    @Provide
    Arbitrary<List<Sample>> farSamples() {
        Arbitrary<Long> after = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 600).map(m -> m * 60_000_000_000L),
                Arbitraries.longs().between(0, 3 * 86_400_000_000_000L),
                Arbitraries.longs().between(0, Long.MAX_VALUE).edgeCases(c -> c.add(Long.MAX_VALUE)));
        Arbitrary<BigDecimal> equity = Arbitraries.longs()
                .between(1, 99_999_999_999L)
                .flatMap(u -> Arbitraries.integers().between(0, 4).map(s -> BigDecimal.valueOf(u, s)))
                .injectDuplicates(0.5);
        Arbitrary<BigDecimal> close =
                Arbitraries.longs().between(1, 10_000_000L).map(u -> BigDecimal.valueOf(u, 2));
        return Combinators.combine(after, equity, close).as(Sample::new).list().ofMaxSize(200);
    }

    /** Closes far apart in time or off whole seconds give the same points, from a small start or the expected size. */
    @Property(tries = 300)
    void farAndFractionalClosesGiveTheSamePoints(
            @ForAll("farSamples") List<Sample> samples, @ForAll long seed, @ForAll boolean sized) {
        List<EquityPoint> expected = eager(samples);
        EquityCurve curve = curve(samples, sized ? samples.size() : 1, new java.util.SplittableRandom(seed));
        assertThat(curve).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            EquityPoint want = expected.get(i);
            assertThat(curve.time(i)).isEqualTo(want.time());
            assertThat(curve.equity(i).toString()).isEqualTo(want.equity().toString());
            assertThat(Double.doubleToLongBits(curve.drawdown(i))).isEqualTo(Double.doubleToLongBits(want.drawdown()));
            assertThat(curve.epochDay(i))
                    .isEqualTo(LocalDate.ofInstant(want.time().minusNanos(1), ZoneOffset.UTC)
                            .toEpochDay());
        }
        assertThat(curve).isEqualTo(expected);
    }

    /** What the recorder computed at every bar before the curve was kept in columns. */
    private static List<EquityPoint> eager(List<Sample> samples) {
        List<EquityPoint> out = new ArrayList<>();
        BigDecimal peak = null;
        BigDecimal units = null;
        BigDecimal benchmarkClose = null;
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        for (Sample s : samples) {
            t = t.plusNanos(s.afterNanos());
            if (s.close() != null) {
                if (units == null) {
                    units = CAPITAL.divide(s.close(), MC);
                }
                benchmarkClose = s.close();
            }
            BigDecimal eq = s.equity();
            peak = peak == null ? eq : peak.max(eq);
            double dd = eq.compareTo(peak) == 0 ? 0.0 : eq.divide(peak, MC).doubleValue() - 1;
            BigDecimal bench = units == null ? CAPITAL : Backtester.cents(units, benchmarkClose);
            EquityPoint p = new EquityPoint(t, eq, dd, bench);
            if (!out.isEmpty() && out.get(out.size() - 1).time().equals(t)) {
                out.set(out.size() - 1, p);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static EquityCurve curve(List<Sample> samples, int expected) {
        return curve(samples, expected, null);
    }

    /**
     * The curve of {@code samples}, with each figure of at most 18 digits handed over as a scaled
     * long instead when {@code scaled} (a random choice per sample; null: never) says so.
     */
    private static EquityCurve curve(List<Sample> samples, int expected, java.util.SplittableRandom scaled) {
        EquityCurve.Builder b = new EquityCurve.Builder(CAPITAL, expected);
        BigDecimal units = null;
        BigDecimal benchmarkClose = null;
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        for (Sample s : samples) {
            t = t.plusNanos(s.afterNanos());
            if (s.close() != null) {
                if (units == null) {
                    units = CAPITAL.divide(s.close(), MC);
                    b.benchmarkUnits(units);
                }
                benchmarkClose = s.close();
            }
            BigDecimal eq = s.equity();
            if (scaled != null && eq.precision() <= 18 && scaled.nextInt(3) > 0) {
                b.add(t.getEpochSecond(), t.getNano(), eq.unscaledValue().longValueExact(), eq.scale(), benchmarkClose);
            } else {
                b.add(t.getEpochSecond(), t.getNano(), eq, benchmarkClose);
            }
        }
        return b.build();
    }

    /**
     * Figures handed over as scaled longs (as the engine does while a position is re-marked), mixed
     * in any order with BigDecimal ones, give the same points — equity in the same scale, drawdown
     * against the same peaks, benchmark — as the eagerly computed curve.
     */
    @Property(tries = 300)
    void scaledFiguresGiveTheSamePoints(@ForAll("samples") List<Sample> samples, @ForAll long seed) {
        List<EquityPoint> expected = eager(samples);
        EquityCurve curve = curve(samples, 1, new java.util.SplittableRandom(seed));
        assertThat(curve).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            EquityPoint want = expected.get(i);
            EquityPoint got = curve.get(i);
            assertThat(got.equity().toString()).isEqualTo(want.equity().toString());
            assertThat(Double.doubleToLongBits(got.drawdown())).isEqualTo(Double.doubleToLongBits(want.drawdown()));
        }
        assertThat(curve).isEqualTo(expected);
    }

    @Property(tries = 300)
    void pointsAreTheEagerlyComputedOnes(@ForAll("samples") List<Sample> samples) {
        List<EquityPoint> expected = eager(samples);
        EquityCurve curve = curve(samples, 1); // starts small: exercises growing the columns
        assertThat(curve).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            EquityPoint want = expected.get(i);
            EquityPoint got = curve.get(i);
            // same values in the same scales: the result files print them identically
            assertThat(got.time()).isEqualTo(want.time());
            assertThat(got.equity().toString()).isEqualTo(want.equity().toString());
            assertThat(got.benchmark().toString()).isEqualTo(want.benchmark().toString());
            assertThat(Double.doubleToLongBits(got.drawdown())).isEqualTo(Double.doubleToLongBits(want.drawdown()));
            assertThat(curve.epochDay(i))
                    .isEqualTo(LocalDate.ofInstant(want.time().minusNanos(1), ZoneOffset.UTC)
                            .toEpochDay());
        }
        assertThat(curve).isEqualTo(expected);
    }

    /**
     * A flat stretch (its digits kept once for the run), then figures that move below the peak at the
     * same scale (the digits go per point from there, the flat points keeping theirs), a same-instant
     * replacement and a new peak.
     */
    @Test
    void flatThenMovingFiguresKeepEveryPointsDigits() {
        BigDecimal flat = new BigDecimal("100000.00");
        List<Sample> samples = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            samples.add(new Sample(60_000_000_000L, flat, new BigDecimal("10.00")));
        }
        samples.add(new Sample(60_000_000_000L, new BigDecimal("99990.50"), new BigDecimal("9.99")));
        samples.add(new Sample(0L, new BigDecimal("99980.25"), new BigDecimal("9.98")));
        samples.add(new Sample(60_000_000_000L, new BigDecimal("99995.00"), null));
        samples.add(new Sample(60_000_000_000L, new BigDecimal("100001.00"), null));
        samples.add(new Sample(60_000_000_000L, new BigDecimal("100001.00"), null));
        for (java.util.SplittableRandom scaled :
                new java.util.SplittableRandom[] {null, new java.util.SplittableRandom(3)}) {
            EquityCurve curve = curve(samples, samples.size(), scaled);
            List<EquityPoint> expected = eager(samples);
            assertThat(curve).hasSize(9).isEqualTo(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(curve.equity(i).toString())
                        .isEqualTo(expected.get(i).equity().toString());
            }
            assertThat(curve.equity(4)).isEqualTo(flat);
            assertThat(curve.equity(5).toString()).isEqualTo("99980.25");
        }
    }

    @Test
    void aResultKeepsTheCurveAndAPlainListIsCopied() {
        EquityCurve curve = curve(
                List.of(
                        new Sample(60_000_000_000L, new BigDecimal("100000.00"), new BigDecimal("10.00")),
                        new Sample(60_000_000_000L, new BigDecimal("99000.50"), new BigDecimal("9.90"))),
                4);
        assertThat(EquityCurve.copyOf(curve)).isSameAs(curve);
        List<EquityPoint> plain = new ArrayList<>(curve);
        assertThat(EquityCurve.copyOf(plain)).isNotSameAs(plain).isEqualTo(curve);
        assertThat(curve.get(1).drawdown())
                .isEqualTo(new BigDecimal("99000.50")
                                .divide(new BigDecimal("100000.00"), MC)
                                .doubleValue()
                        - 1);
        assertThat(curve.get(1).benchmark()).isEqualTo(new BigDecimal("99000.00"));
        assertThatThrownBy(() -> curve.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
