package dev.paperdesk.engine.execution;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole order pipeline — validation, decimal-to-tick conversion, the paper venue, booking the
 * fill into the portfolio and committing to an in-memory workspace — on a simulated clock (the loop
 * runs on the calling thread, so no thread hand-off is measured). Limit orders far from the market
 * alternate with their cancels and with small market orders on the demo equity.
 *
 * <p>Before each cycle of four operations the simulated clock moves on by {@link #CYCLE} outside the
 * measured call: the feed publishes a quote every 250 ms and the venue's depletion of the touch
 * decays, so the market orders keep filling (on a clock that stands still the displayed size runs
 * out after about 1,800 fills and every later market order would be rejected for lack of
 * liquidity, measuring a rejection instead of a booked fill).
 *
 * <p>Each iteration opens a fresh session. A session keeps its whole history in memory (orders, their
 * journal, fills, ledger entries; the in-memory workspace keeps another copy), and one that has taken
 * a million orders fills a 1 GB heap, so a single session over the whole run measures the garbage
 * collector's struggle with that history rather than the order path; an iteration of two seconds still
 * leaves a few hundred thousand orders of history behind it, far beyond any trading day.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class EnginePipelineBenchmark {
    private static final InstrumentId ACME = new InstrumentId("ACME", "sim");
    /** Engine time per cycle of four operations: 200 market orders a second on one equity. */
    static final Duration CYCLE = Duration.ofMillis(20);

    private TradingSession session;
    private PortfolioId portfolio;
    private SplittableRandom random;
    private Order lastLimit;
    private int n;
    private long marketOrders;
    private long marketFills;

    @Setup(Level.Iteration)
    public void setUp() {
        n = 0;
        marketOrders = 0;
        marketFills = 0;
        lastLimit = null;
        session = TradingSession.open(SessionConfig.simulated(null, Instant.parse("2026-03-02T15:00:00Z"), 7)
                .withFees(dev.paperdesk.engine.execution.StandardFeeModel.DEFAULT));
        portfolio = session.portfolios().get(0).id();
        random = new SplittableRandom(1);
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        session.close();
        // Guards the benchmark itself: a run whose market orders stopped filling measures rejections.
        if (marketFills < marketOrders * 99 / 100) {
            throw new IllegalStateException("only " + marketFills + " of " + marketOrders
                    + " market orders filled: the mix no longer books fills");
        }
    }

    private Order market(Side side) {
        Order o = TradingSession.await(session.submit(OrderRequest.market(portfolio, ACME, side, Quantity.of(1))));
        marketOrders++;
        if (o.status() == OrderStatus.FILLED) {
            marketFills++;
        }
        return o;
    }

    /** Moves the clock on before each cycle; not part of the measured call. */
    @Setup(Level.Invocation)
    public void advanceClock() {
        if (n % 4 == 0) {
            session.advance(CYCLE);
        }
    }

    @Benchmark
    public Object submitMatchCancel() {
        int k = n++ % 4;
        return switch (k) {
            case 0 -> lastLimit = TradingSession.await(session.submit(OrderRequest.limit(
                    portfolio,
                    ACME,
                    Side.BUY,
                    Quantity.of(1 + random.nextInt(10)),
                    new Price(new BigDecimal("50.00")))));
            case 1 -> TradingSession.await(session.cancel(lastLimit.id()));
            case 2 -> market(Side.BUY);
            default -> market(Side.SELL);
        };
    }
}
