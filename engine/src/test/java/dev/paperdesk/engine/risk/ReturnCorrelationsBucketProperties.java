package dev.paperdesk.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReturnCorrelationsBucketProperties {
    @Provide
    Arbitrary<Long> intervals() {
        return Arbitraries.oneOf(
                Arbitraries.longs()
                        .between(1, 10 * 86_400_000_000_000L)
                        .edgeCases(c -> c.add(1L).add(3L).add(60_000_000_000L)),
                Arbitraries.longs().between(1, Long.MAX_VALUE).edgeCases(c -> c.add(Long.MAX_VALUE / 2)));
    }

    /** Times that often stay in one interval for a while, then jump anywhere, extremes included. */
    @Provide
    Arbitrary<List<Long>> times() {
        Arbitrary<Long> any = Arbitraries.longs().edgeCases(c -> c.add(Long.MIN_VALUE)
                .add(Long.MAX_VALUE)
                .add(Long.MIN_VALUE + 1)
                .add(-1L)
                .add(0L));
        Arbitrary<Long> near = Arbitraries.longs().between(-3, 120_000_000_000L);
        return Arbitraries.oneOf(any, near, near, near).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 3000)
    void theIntervalOfAPriceIsItsFloorQuotientWhateverCameBefore(
            @ForAll("intervals") long interval, @ForAll("times") List<Long> steps) {
        ReturnCorrelations c = new ReturnCorrelations(Duration.ofNanos(interval), ReturnCorrelations.MIN_RETURNS);
        long t = 0;
        for (long step : steps) {
            // mostly small steps forward or back from the last time, sometimes a jump to the step itself
            t = Math.abs(step) < 120_000_000_001L ? t + step : step;
            assertThat(c.bucketOf(t)).as("time %d, interval %d", t, interval).isEqualTo(Math.floorDiv(t, interval));
        }
    }
}
