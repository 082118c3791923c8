package dev.paperdesk.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.indicator.spec.IndicatorKind;
import dev.paperdesk.engine.indicator.spec.IndicatorSpecParser;
import dev.paperdesk.engine.indicator.spec.SpecParseResult;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Streaming updates allocate nothing: the bytes this thread allocates across 200,000 updates of
 * every indicator stay within the noise of the measurement itself (a few hundred bytes), where one
 * boxed double per update would be 3.2 MB.
 */
class AllocationFreeUpdateTest {
    @Test
    void updatesDoNotAllocate() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported());
        bean.setThreadAllocatedMemoryEnabled(true);
        OhlcvArrays bars = StreamingBatchEquivalenceTest.randomBars(1000, 42);
        long tid = Thread.currentThread().threadId();
        for (IndicatorKind kind : IndicatorKind.values()) {
            StreamingIndicator ind = ((SpecParseResult.Parsed) IndicatorSpecParser.parse(kind.token()))
                    .specs()
                    .get(0)
                    .create();
            double sink = feed(ind, bars, 20_000); // warm up, so class loading and JIT are not counted
            long before = bean.getThreadAllocatedBytes(tid);
            sink += feed(ind, bars, 200_000);
            long allocated = bean.getThreadAllocatedBytes(tid) - before;
            assertThat(allocated).as("%s allocated bytes (sink %s)", kind, sink).isLessThan(1024);
        }
    }

    private static double feed(StreamingIndicator ind, OhlcvArrays b, int updates) {
        double sink = 0;
        int n = b.size();
        for (int u = 0; u < updates; u++) {
            int i = u % n;
            // Timestamps keep increasing across passes so VWAP sees new sessions, not time travel.
            long t = b.epochMillis()[i] + (u / n) * 86_400_000L * 400;
            ind.update(t, b.open()[i], b.high()[i], b.low()[i], b.close()[i], b.volume()[i]);
            sink += ind.value(0);
        }
        return sink;
    }
}
