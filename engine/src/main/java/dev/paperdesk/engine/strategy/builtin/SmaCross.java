package dev.paperdesk.engine.strategy.builtin;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.strategy.api.IndicatorHandle;
import dev.paperdesk.engine.strategy.api.ParameterSpec;
import dev.paperdesk.engine.strategy.api.ParameterValues;
import dev.paperdesk.engine.strategy.api.Strategy;
import dev.paperdesk.engine.strategy.api.StrategyContext;
import dev.paperdesk.engine.strategy.api.StrategyDefinition;
import dev.paperdesk.engine.strategy.api.StrategyOrder;
import dev.paperdesk.engine.strategy.api.StrategyPosition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The reference SMA crossover, long only, with exact semantics (the YAML template {@code
 * builtin:sma-cross} must behave identically):
 *
 * <ul>
 *   <li>Signals are evaluated on the close of each bar of the instrument and timeframe.
 *   <li>Enter long when flat, with no entry working, and SMA(fast) crosses above SMA(slow): {@code
 *       fast > slow} on this bar and {@code fast <= slow} on the previous bar (both defined).
 *   <li>Exit (close the whole position) when long and SMA(fast) crosses below SMA(slow).
 *   <li>Orders are market orders submitted on the signal bar's close; the engine fills them (in a
 *       bar backtest, at the next bar's open).
 *   <li>Size: {@code qty} units, or when {@code qty} is 0 (the default) as many whole units as the
 *       cash buys at the signal bar's close.
 * </ul>
 *
 * Orders are tagged {@code enter-long} and {@code exit-long}, like the template's rules.
 */
public final class SmaCross implements Strategy {
    /** The declared parameters: {@code fast} (10), {@code slow} (30), {@code qty} (0 = all cash). */
    public static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.ofInt("fast", 10, 2, 100, 1, "fast SMA period (bars)"),
            ParameterSpec.ofInt("slow", 30, 2, 400, 5, "slow SMA period (bars)"),
            ParameterSpec.ofDecimal(
                    "qty", "0", "0", "1000000", "1", "units per entry; 0 buys as many whole units as cash allows"));

    private final InstrumentId instrument;
    private final Timeframe timeframe;
    private final int fastPeriod;
    private final int slowPeriod;
    private final BigDecimal qty;
    private StrategyContext ctx;
    private IndicatorHandle fast;
    private IndicatorHandle slow;

    public SmaCross(InstrumentId instrument, Timeframe timeframe, ParameterValues values) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.fastPeriod = values.intValue("fast");
        this.slowPeriod = values.intValue("slow");
        this.qty = values.decimal("qty");
    }

    /** The definition for one instrument and timeframe, for runners and optimizers. */
    public static StrategyDefinition definition(InstrumentId instrument, Timeframe timeframe) {
        return new StrategyDefinition() {
            @Override
            public String name() {
                return "sma-cross";
            }

            @Override
            public String description() {
                return "Long-only SMA crossover: buy when SMA(fast) crosses above SMA(slow), sell when it crosses"
                        + " below.";
            }

            @Override
            public List<ParameterSpec> parameters() {
                return PARAMETERS;
            }

            @Override
            public Build build(ParameterValues values) {
                return new Build.Built(new SmaCross(instrument, timeframe, values), values);
            }
        };
    }

    @Override
    public String name() {
        return "sma-cross";
    }

    @Override
    public void onStart(StrategyContext context) {
        this.ctx = context;
        ctx.subscribeBars(instrument, timeframe);
        fast = ctx.indicator(instrument, timeframe, "sma:" + fastPeriod);
        slow = ctx.indicator(instrument, timeframe, "sma:" + slowPeriod);
    }

    @Override
    public void onBar(Bar bar) {
        if (!bar.instrumentId().equals(instrument) || bar.timeframe() != timeframe || ctx.isWarmingUp()) {
            return;
        }
        double f0 = fast.value(0, 0);
        double s0 = slow.value(0, 0);
        double f1 = fast.value(0, 1);
        double s1 = slow.value(0, 1);
        if (Double.isNaN(f0) || Double.isNaN(s0) || Double.isNaN(f1) || Double.isNaN(s1)) {
            return;
        }
        boolean crossUp = f0 > s0 && f1 <= s1;
        boolean crossDown = f0 < s0 && f1 >= s1;
        StrategyPosition position = ctx.position(instrument);
        if (position.isFlat() && crossUp && ctx.openOrders(instrument).isEmpty()) {
            BigDecimal units = qty.signum() > 0
                    ? qty.setScale(0, RoundingMode.DOWN)
                    : ctx.cash().amount().divide(bar.close(), 0, RoundingMode.DOWN);
            if (units.signum() > 0) {
                ctx.submit(new StrategyOrder.Market(instrument, Side.BUY, new Quantity(units), false, "enter-long"));
            }
        } else if (position.isLong() && crossDown) {
            ctx.closePosition(instrument, "exit-long");
        }
    }
}
