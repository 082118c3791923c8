package dev.paperdesk.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.InstrumentId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReturnCorrelationsTest {
    private static final InstrumentId A = new InstrumentId("AAA", "x");
    private static final InstrumentId B = new InstrumentId("BBB", "x");
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final int WINDOW = 12;

    /** A price of A or B, seconds after the start (steps may go back: feeds are not always in order). */
    record Price(boolean a, long second, double price) {}

    /** The closes kept in a sorted map, as the series were before they were kept in rings. */
    static final class Reference {
        final Map<InstrumentId, TreeMap<Long, Double>> closes = new HashMap<>();

        void onPrice(InstrumentId instrument, Instant at, double price) {
            if (!(price > 0)) {
                return;
            }
            long bucket = Math.floorDiv(at.getEpochSecond() * 1_000_000_000L + at.getNano(), INTERVAL.toNanos());
            TreeMap<Long, Double> series = closes.computeIfAbsent(instrument, k -> new TreeMap<>());
            series.put(bucket, price);
            while (series.size() > WINDOW + 1) {
                series.pollFirstEntry();
            }
        }

        OptionalDouble correlation(InstrumentId a, InstrumentId b) {
            TreeMap<Long, Double> x = closes.get(a);
            TreeMap<Long, Double> y = closes.get(b);
            if (x == null || y == null) {
                return OptionalDouble.empty();
            }
            double[] rx = new double[WINDOW];
            double[] ry = new double[WINDOW];
            int n = 0;
            for (var e : x.entrySet()) {
                long bucket = e.getKey();
                Double px0 = x.get(bucket - 1);
                Double py0 = y.get(bucket - 1);
                Double py1 = y.get(bucket);
                if (px0 == null || py0 == null || py1 == null || n == WINDOW) {
                    continue;
                }
                rx[n] = Math.log(e.getValue() / px0);
                ry[n] = Math.log(py1 / py0);
                n++;
            }
            return n < ReturnCorrelations.MIN_RETURNS ? OptionalDouble.empty() : ReturnCorrelations.pearson(rx, ry, n);
        }
    }

    @Provide
    Arbitrary<List<Price>> prices() {
        Arbitrary<Long> second = Arbitraries.longs().between(0, 40 * 60);
        Arbitrary<Double> price = Arbitraries.doubles().between(-1, 200).edgeCases(c -> c.add(0.0));
        return Combinators.combine(Arbitraries.of(true, false), second, price)
                .as(Price::new)
                .list()
                .ofMaxSize(400);
    }

    @Property(tries = 400)
    void correlationsAreTheSortedMapsOnes(@ForAll("prices") List<Price> prices, @ForAll boolean sorted) {
        List<Price> feed = sorted
                ? prices.stream()
                        .sorted(java.util.Comparator.comparingLong(Price::second))
                        .toList()
                : prices;
        ReturnCorrelations rings = new ReturnCorrelations(INTERVAL, WINDOW);
        Reference reference = new Reference();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        int k = 0;
        for (Price p : feed) {
            Instant at = start.plusSeconds(p.second());
            InstrumentId id = p.a() ? A : B;
            rings.onPrice(id, at, p.price());
            reference.onPrice(id, at, p.price());
            if (++k % 7 == 0) {
                assertThat(rings.correlation(A, B)).isEqualTo(reference.correlation(A, B));
            }
        }
        assertThat(rings.correlation(A, B)).isEqualTo(reference.correlation(A, B));
        assertThat(rings.correlation(B, A)).isEqualTo(reference.correlation(B, A));
    }
}
