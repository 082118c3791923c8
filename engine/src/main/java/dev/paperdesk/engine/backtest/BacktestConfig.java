package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.models.FillModel;
import dev.paperdesk.engine.execution.models.LatencyModel;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.execution.models.QueueModel;
import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.strategy.api.StrategyDefinition;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides a backtest's outcome: the strategy and its parameter overrides, the bars,
 * the starting capital, the execution models (fill, slippage, latency, fees, queue) and the seed
 * of their random draws. Two runs of an equal configuration give equal orders and fills.
 *
 * @param strategySource where the strategy came from, for the report (a file or {@code builtin:NAME})
 * @param benchmark the instrument held in the buy-and-hold comparison; {@code null}: the first series'
 */
public record BacktestConfig(
        String strategySource,
        StrategyDefinition strategy,
        Map<String, String> parameters,
        BacktestData data,
        BigDecimal capital,
        ModelSet models,
        long seed,
        InstrumentId benchmark) {

    public static final BigDecimal DEFAULT_CAPITAL = new BigDecimal("100000");
    public static final long DEFAULT_SEED = 42L;

    public BacktestConfig {
        Objects.requireNonNull(strategySource, "strategySource");
        Objects.requireNonNull(strategy, "strategy");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(capital, "capital");
        if (capital.signum() <= 0) {
            throw new IllegalArgumentException("starting capital must be positive, was " + capital.toPlainString());
        }
        Objects.requireNonNull(models, "models");
        if (benchmark == null) {
            benchmark = data.primary().instrument().id();
        }
    }

    /** Defaults: 100,000 USD, {@link #barModels(FeeModel)} without fees, seed 42. */
    public static BacktestConfig of(String source, StrategyDefinition strategy, BacktestData data) {
        return new BacktestConfig(
                source, strategy, Map.of(), data, DEFAULT_CAPITAL, barModels(FeeModel.NONE), DEFAULT_SEED, null);
    }

    /**
     * The backtest defaults on bars: market orders at the next bar's open, resting orders along the
     * intrabar path, no slippage, no latency, the given fees.
     */
    public static ModelSet barModels(FeeModel fees) {
        return new ModelSet(
                FillModel.Bars.DEFAULT,
                new SlippageModel.None(),
                new LatencyModel.Zero(),
                fees,
                QueueModel.QueuePosition.DEFAULT);
    }

    public BacktestConfig withParameters(Map<String, String> p) {
        return new BacktestConfig(strategySource, strategy, p, data, capital, models, seed, benchmark);
    }

    public BacktestConfig withCapital(BigDecimal c) {
        return new BacktestConfig(strategySource, strategy, parameters, data, c, models, seed, benchmark);
    }

    public BacktestConfig withModels(ModelSet m) {
        return new BacktestConfig(strategySource, strategy, parameters, data, capital, m, seed, benchmark);
    }

    public BacktestConfig withSeed(long s) {
        return new BacktestConfig(strategySource, strategy, parameters, data, capital, models, s, benchmark);
    }

    public BacktestConfig withData(BacktestData d) {
        return new BacktestConfig(strategySource, strategy, parameters, d, capital, models, seed, null);
    }
}
