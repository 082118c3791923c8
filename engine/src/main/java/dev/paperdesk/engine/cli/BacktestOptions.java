package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.backtest.StrategySource;
import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.strategy.rules.RuleStrategyDefinition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that describe a backtest run, shared by {@code backtest} and {@code optimize}: the
 * strategy, the CSV data, capital, commission and slippage.
 */
final class BacktestOptions {
    @Option(
            names = "--strategy",
            required = true,
            paramLabel = "FILE.yaml|builtin:NAME",
            description = "A YAML rule strategy file, or a built-in template such as builtin:sma-cross.")
    String strategy;

    @Mixin
    BarDataOptions data;

    @Option(
            names = "--capital",
            defaultValue = "100000",
            paramLabel = "N",
            description = "Starting cash in USD (default: ${DEFAULT-VALUE}).")
    BigDecimal capital;

    @Option(
            names = "--commission-per-order",
            defaultValue = "0",
            paramLabel = "X",
            description = "A flat commission in USD charged on each fill (a market order on bars fills"
                    + " at once, so per order); default ${DEFAULT-VALUE}.")
    BigDecimal commission;

    @Option(
            names = "--slippage",
            defaultValue = "none",
            paramLabel = "MODEL",
            description = "none, fixed:BPS (basis points against the order), or a model spec such as"
                    + " size-depth(base=2, impact=3, cap=5) (default: ${DEFAULT-VALUE}).")
    String slippage;

    /**
     * The configuration with {@code parameters} as overrides and {@code seed} for the models' random
     * draws: the options checked, the data read and the strategy loaded for it.
     */
    BacktestConfig config(Map<String, String> parameters, long seed) {
        if (capital.signum() <= 0) {
            throw new CliException("--capital must be positive, not " + capital.toPlainString(), 2);
        }
        if (commission.signum() < 0) {
            throw new CliException("--commission-per-order must not be negative", 2);
        }
        SlippageModel slip = slippage(slippage);
        BacktestData bars = data.load();
        RuleStrategyDefinition definition = strategy(strategy, bars);
        FeeModel fees = commission.signum() == 0
                ? FeeModel.NONE
                : new StandardFeeModel(BigDecimal.ZERO, commission, BigDecimal.ZERO, BigDecimal.ZERO);
        ModelSet models = BacktestConfig.barModels(fees).withSlippage(slip);
        return new BacktestConfig(strategy, definition, parameters, bars, capital, models, seed, null);
    }

    /** Loads strategy {@code reference} (a file or template) bound to the instruments and timeframe of {@code bars}. */
    static RuleStrategyDefinition strategy(String reference, BacktestData bars) {
        List<InstrumentId> ids =
                bars.series().stream().map(s -> s.instrument().id()).toList();
        try {
            return StrategySource.load(
                    reference,
                    StrategySource.text(reference),
                    ids,
                    bars.primary().timeframe());
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 1);
        }
    }

    static SlippageModel slippage(String text) {
        String t = text.strip();
        if (t.startsWith("fixed:")) {
            try {
                return new SlippageModel.FixedBps(Double.parseDouble(t.substring(6)));
            } catch (NumberFormatException e) {
                throw new CliException("--slippage fixed:BPS needs a number, not '" + t.substring(6) + "'", 2);
            }
        }
        try {
            return SlippageModel.parse(t);
        } catch (IllegalArgumentException e) {
            throw new CliException("--slippage: " + e.getMessage(), 2);
        }
    }
}
