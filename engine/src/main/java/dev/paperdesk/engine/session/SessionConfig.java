package dev.paperdesk.engine.session;

import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.execution.models.ExecutionSettings;
import dev.paperdesk.engine.execution.models.LatencyModel;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.RandomWalkFeed;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * How to open a trading session.
 *
 * @param workspace the workspace file, or {@code null} for an in-memory workspace
 * @param fees the default fee model (the fee of the execution defaults)
 * @param simulatedStart when set, the session runs on a simulated clock starting there and is
 *     driven by {@link TradingSession#advance}; when {@code null}, it runs on the wall clock
 * @param createDemoPortfolio create the "Demo" portfolio when the workspace has none
 * @param execution the execution models in force (fill, slippage, latency, fees, queue) and their
 *     seed; a workspace that has saved its own settings uses those instead
 */
public record SessionConfig(
        Path workspace,
        MarketDataFeed feed,
        FeeModel fees,
        Instant simulatedStart,
        boolean createDemoPortfolio,
        BigDecimal demoBalance,
        ExecutionSettings execution) {

    public static final BigDecimal DEFAULT_STARTING_BALANCE = new BigDecimal("5000000");
    public static final long DEFAULT_SEED = 42L;

    public SessionConfig {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(demoBalance, "demoBalance");
        if (execution == null) {
            execution = defaultExecution(feed, fees, simulatedStart != null);
        }
    }

    /** A configuration with the default execution models for its feed. */
    public SessionConfig(
            Path workspace,
            MarketDataFeed feed,
            FeeModel fees,
            Instant simulatedStart,
            boolean createDemoPortfolio,
            BigDecimal demoBalance) {
        this(workspace, feed, fees, simulatedStart, createDemoPortfolio, demoBalance, null);
    }

    /**
     * The default models: with the simulator's books, book walk without extra slippage; with quotes
     * or bars only, size-against-depth slippage. Latency is uniform 50–200 ms on the wall clock and
     * zero on a simulated clock driven command by command (a test or replay then sees each command's
     * result at once; set a latency model to study races).
     */
    public static ExecutionSettings defaultExecution(MarketDataFeed feed, FeeModel fees, boolean simulatedClock) {
        ModelSet set = feed.origin() instanceof SimulatedMarket ? ModelSet.paperTrading() : ModelSet.withoutBook(fees);
        if (feed.origin() instanceof SimulatedMarket && fees != StandardFeeModel.DEFAULT) {
            set = set.withFee(fees);
        }
        if (simulatedClock) {
            set = set.withLatency(new LatencyModel.Zero());
        }
        return ExecutionSettings.of(DEFAULT_SEED, set);
    }

    /** Paper trading on the wall clock against the full simulated multi-venue market. */
    public static SessionConfig paperTrading(Path workspace) {
        return new SessionConfig(
                workspace,
                SimulatedMarket.defaultMarket(DEFAULT_SEED),
                StandardFeeModel.DEFAULT,
                null,
                true,
                DEFAULT_STARTING_BALANCE);
    }

    /** A session on a simulated clock, advanced explicitly; for tests and replays. */
    public static SessionConfig simulated(Path workspace, Instant start, long seed) {
        return new SessionConfig(
                workspace, new RandomWalkFeed(seed), StandardFeeModel.DEFAULT, start, true, DEFAULT_STARTING_BALANCE);
    }

    public SessionConfig withFeed(MarketDataFeed newFeed) {
        return new SessionConfig(
                workspace,
                newFeed,
                fees,
                simulatedStart,
                createDemoPortfolio,
                demoBalance,
                defaultExecution(newFeed, fees, simulatedStart != null).withSeed(execution.seed()));
    }

    public SessionConfig withFees(FeeModel newFees) {
        return new SessionConfig(
                workspace,
                feed,
                newFees,
                simulatedStart,
                createDemoPortfolio,
                demoBalance,
                execution.withDefaults(execution.defaults().withFee(newFees)));
    }

    /**
     * Fills at the quoted touch with no slippage and no latency (fees still apply): frictionless
     * models, for teaching and for checking accounting by hand at known prices.
     */
    public SessionConfig withFrictionlessFills() {
        return withExecution(execution.withDefaults(execution
                .defaults()
                .withSlippage(new dev.paperdesk.engine.execution.models.SlippageModel.None())
                .withLatency(new dev.paperdesk.engine.execution.models.LatencyModel.Zero())));
    }

    public SessionConfig withExecution(ExecutionSettings newExecution) {
        return new SessionConfig(workspace, feed, fees, simulatedStart, createDemoPortfolio, demoBalance, newExecution);
    }
}
