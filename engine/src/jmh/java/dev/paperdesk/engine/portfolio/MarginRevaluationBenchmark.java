package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.margin.AccountSnapshot;
import dev.paperdesk.engine.portfolio.margin.MarginBook;
import dev.paperdesk.engine.portfolio.margin.MarginCalculator;
import dev.paperdesk.engine.portfolio.margin.MarginMonitor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Re-valuing every open position and its margin after a price tick that moved every mark. The
 * engine's path is {@link MarginBook} ({@code bookAfterTick}: exact, scaled-long fixed point, every
 * pool's level decided exactly, the published snapshot with views built on read). Baselines in the
 * same run: the former floating-point screen ({@link MarginMonitor}), the former per-tick snapshot
 * refresh ({@link Portfolio#snapshot}) and the full reference ({@code snapshot} + {@link
 * MarginCalculator}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class MarginRevaluationBenchmark {
    @Param({"10000"})
    int positions;

    private Portfolio portfolio;
    private Map<InstrumentId, Instrument> instruments;
    private Map<InstrumentId, Integer> index;
    private BigDecimal[] marks;
    private double[] markValues;
    private MarginMonitor screen;
    private InstrumentId[] ids;
    private long tick;
    private MarginBook book;
    private BigDecimal[] baseMarks;
    private BigDecimal[] upMarks;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(7);
        portfolio = new Portfolio(
                new PortfolioId(1),
                "Bench",
                "",
                Currency.USD,
                new BigDecimal("1000000000"),
                CostBasisMethod.FIFO,
                Instant.EPOCH);
        instruments = new HashMap<>();
        index = new HashMap<>();
        ids = new InstrumentId[positions];
        marks = new BigDecimal[positions];
        markValues = new double[positions];
        for (int i = 0; i < positions; i++) {
            InstrumentId id = new InstrumentId("P" + i + "-USDT-PERP", "bench");
            Instrument ins = new Instrument.Perpetual(
                    id,
                    Currency.of("B" + i),
                    Currency.USDT,
                    new BigDecimal("0.01"),
                    new BigDecimal("0.001"),
                    BigDecimal.ONE,
                    8);
            instruments.put(id, ins);
            index.put(id, i);
            ids[i] = id;
            BigDecimal price = BigDecimal.valueOf(1000 + r.nextInt(100_000), 2);
            portfolio.applyFill(
                    new Fill(
                            new FillId(i + 1),
                            new OrderId(i + 1),
                            portfolio.id(),
                            id,
                            r.nextBoolean() ? Side.BUY : Side.SELL,
                            Quantity.of(BigDecimal.valueOf(1 + r.nextInt(5000), 3)),
                            Price.of(price),
                            Money.zero(Currency.USDT),
                            Liquidity.TAKER,
                            BigDecimal.ZERO,
                            Instant.EPOCH),
                    ins);
            if (i % 4 == 0) {
                portfolio.setMargin(id, new PositionMargin(MarginMode.ISOLATED, 20, price.multiply(BigDecimal.TEN)));
            }
            marks[i] = price;
            markValues[i] = price.doubleValue();
        }
        screen = MarginMonitor.of(exact(), id -> index.getOrDefault(id, -1));
        var snap = portfolio.snapshot(
                id -> marks[index.get(id)], id -> BigDecimal.ONE, (f, t) -> Optional.of(BigDecimal.ONE));
        book = MarginBook.of(
                portfolio,
                snap,
                MarginCalculator.DEFAULT.compute(snap, instruments::get, id -> null),
                id -> BigDecimal.ONE,
                (f, t) -> Optional.of(BigDecimal.ONE));
        if (!book.fixedPoint()) {
            throw new IllegalStateException("the benchmark portfolio must run in fixed point");
        }
        baseMarks = marks.clone();
        upMarks = new BigDecimal[positions];
        for (int i = 0; i < positions; i++) {
            upMarks[i] = baseMarks[i].add(new BigDecimal("0.01"));
        }
    }

    private AccountSnapshot exact() {
        var snap = portfolio.snapshot(
                id -> marks[index.get(id)], id -> BigDecimal.ONE, (f, t) -> Optional.of(BigDecimal.ONE));
        return MarginCalculator.DEFAULT.compute(snap, instruments::get, id -> null);
    }

    /** One tick: every mark moves by ±1 cent (so nothing can be constant-folded). */
    private void move() {
        tick++;
        double step = (tick & 1) == 0 ? 0.01 : -0.01;
        for (int i = 0; i < markValues.length; i++) {
            markValues[i] += step;
        }
    }

    @Benchmark
    public boolean screenAfterTick() {
        move();
        return screen.needsExactCheck(markValues);
    }

    @Benchmark
    public AccountSnapshot exactAfterTick() {
        tick++;
        BigDecimal step = (tick & 1) == 0 ? new BigDecimal("0.01") : new BigDecimal("-0.01");
        for (int i = 0; i < marks.length; i++) {
            marks[i] = marks[i].add(step);
        }
        return exact();
    }

    /**
     * The engine's exact per-tick path: every mark moves by one cent (marks arrive as BigDecimal, as
     * from the feed), each position is re-valued in fixed point, every pool's level is decided
     * exactly, and the portfolio snapshot is published with its equity (views built on read).
     */
    @Benchmark
    public PortfolioSnapshot bookAfterTick() {
        tick++;
        BigDecimal[] next = (tick & 1) == 0 ? baseMarks : upMarks;
        for (int i = 0; i < next.length; i++) {
            book.remark(ids[i], next[i]);
        }
        if (book.levelsChanged()) {
            throw new IllegalStateException("a one-cent move must not change a level here");
        }
        return book.snapshot(portfolio.riskMarks(), BigDecimal.ZERO);
    }

    /** Baseline: the engine's former per-tick refresh, a full BigDecimal snapshot of the portfolio. */
    @Benchmark
    public PortfolioSnapshot snapshotAfterTick() {
        tick++;
        BigDecimal[] next = (tick & 1) == 0 ? baseMarks : upMarks;
        return portfolio.snapshot(
                id -> next[index.get(id)], id -> BigDecimal.ONE, (f, t) -> Optional.of(BigDecimal.ONE));
    }
}
