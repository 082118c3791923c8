package dev.paperdesk.engine.session;

import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.StandardFeeModel;
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
 * @param simulatedStart when set, the session runs on a simulated clock starting there and is
 *     driven by {@link TradingSession#advance}; when {@code null}, it runs on the wall clock
 * @param createDemoPortfolio create the "Demo" portfolio when the workspace has none
 */
public record SessionConfig(
        Path workspace,
        MarketDataFeed feed,
        FeeModel fees,
        Instant simulatedStart,
        boolean createDemoPortfolio,
        BigDecimal demoBalance) {

    public static final BigDecimal DEFAULT_STARTING_BALANCE = new BigDecimal("5000000");
    public static final long DEFAULT_SEED = 42L;

    public SessionConfig {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(demoBalance, "demoBalance");
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
        return new SessionConfig(workspace, newFeed, fees, simulatedStart, createDemoPortfolio, demoBalance);
    }

    public SessionConfig withFees(FeeModel newFees) {
        return new SessionConfig(workspace, feed, newFees, simulatedStart, createDemoPortfolio, demoBalance);
    }
}
