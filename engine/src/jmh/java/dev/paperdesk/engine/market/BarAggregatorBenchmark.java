package dev.paperdesk.engine.market;

import dev.paperdesk.engine.market.bars.BarAggregator;
import dev.paperdesk.engine.market.bars.GapPolicy;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** Trades per second aggregated into bars on the primitive path: 1m alone, and all seven timeframes. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class BarAggregatorBenchmark {
    static final int TRADES = 1 << 20;

    private long[] times;
    private long[] prices;
    private long[] lots;
    private BarAggregator oneMinute;
    private BarAggregator allTimeframes;

    @Setup(Level.Trial)
    public void setUp(Blackhole bh) {
        SplittableRandom r = new SplittableRandom(1);
        times = new long[TRADES];
        prices = new long[TRADES];
        lots = new long[TRADES];
        long t = 1_704_067_200_000_000_000L;
        long p = 6_500_000;
        for (int i = 0; i < TRADES; i++) {
            t += r.nextLong(200_000_000L); // ten trades a second on average
            p += r.nextInt(-3, 4);
            times[i] = t;
            prices[i] = p;
            lots[i] = 1 + r.nextInt(100);
        }
        InstrumentId id = InstrumentId.parse("BTC-USDT@binance");
        BigDecimal tick = new BigDecimal("0.01");
        BigDecimal lot = new BigDecimal("0.00001");
        oneMinute = new BarAggregator(id, tick, lot, List.of(Timeframe.M1), GapPolicy.SKIP, bh::consume);
        allTimeframes = new BarAggregator(id, tick, lot, List.of(Timeframe.values()), GapPolicy.SKIP, bh::consume);
    }

    // Each invocation replays the same tape shifted a week later, so time keeps moving forward.
    private long shift;

    @Benchmark
    @OperationsPerInvocation(TRADES)
    public void oneMinuteBars() {
        long s = shift += 7L * 86_400_000_000_000L;
        BarAggregator a = oneMinute;
        for (int i = 0; i < TRADES; i++) {
            a.onTrade(times[i] + s, prices[i], lots[i]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(TRADES)
    public void allTimeframeBars() {
        long s = shift += 7L * 86_400_000_000_000L;
        BarAggregator a = allTimeframes;
        for (int i = 0; i < TRADES; i++) {
            a.onTrade(times[i] + s, prices[i], lots[i]);
        }
    }
}
