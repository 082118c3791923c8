package dev.paperdesk.engine.strategy.api;

import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.model.Timeframe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a running strategy may ask of the engine. The engine implements it (one instance per
 * running strategy); methods are called only from the strategy's callbacks, on the engine thread.
 *
 * <p>Order methods return at once with the id the engine assigned; acceptance, rejection and fills
 * arrive later through {@link Strategy#onOrderUpdate} and {@link Strategy#onFill}. While {@link
 * #isWarmingUp()} is true (the engine is replaying history to prime indicators) orders are refused.
 */
public interface StrategyContext {
    /** The running strategy's name. */
    String strategyName();

    /** Engine time: simulated in a backtest, the wall clock in paper trading. */
    Instant now();

    /** The parameter values this instance runs with. */
    ParameterValues parameters();

    /** True while the engine feeds history to prime indicators; orders are refused meanwhile. */
    boolean isWarmingUp();

    // --- market data ---

    /** Delivers completed bars of {@code instrument} in {@code timeframe} to {@link Strategy#onBar}. */
    void subscribeBars(InstrumentId instrument, Timeframe timeframe);

    /** Delivers best bid/offer changes of {@code instrument} to {@link Strategy#onQuote}. */
    void subscribeQuotes(InstrumentId instrument);

    /** Delivers public trades of {@code instrument} to {@link Strategy#onTrade}. */
    void subscribeTrades(InstrumentId instrument);

    /**
     * Registers an indicator (and the bar subscription it needs). Registering the same request twice
     * returns the same handle. A spec that cannot be built throws {@link IllegalArgumentException}.
     */
    IndicatorHandle indicator(IndicatorRequest request);

    /** Registers {@code spec} (e.g. {@code "rsi:14"}) on whole bars with the default history. */
    default IndicatorHandle indicator(InstrumentId instrument, Timeframe timeframe, String spec) {
        return indicator(IndicatorRequest.of(instrument, timeframe, spec));
    }

    /** The instrument's contract details (tick, lot, multiplier), when the engine knows it. */
    Optional<Instrument> instrument(InstrumentId instrument);

    // --- portfolio ---

    /** This strategy's position in {@code instrument}. */
    StrategyPosition position(InstrumentId instrument);

    /**
     * The signed quantity of {@code position(instrument)} (zero when flat); a host may give it
     * without working out the average price.
     */
    default BigDecimal positionQuantity(InstrumentId instrument) {
        return position(instrument).quantity();
    }

    /** Cash available to the strategy, in the portfolio's base currency. */
    Money cash();

    /** Cash plus the marked value of open positions, in the base currency. */
    Money equity();

    /** The strategy's orders on {@code instrument} that can still fill, oldest first. */
    List<WorkingOrder> openOrders(InstrumentId instrument);

    // --- orders ---

    /** Submits an order; returns the id the engine assigned (for a bracket: the entry's id). */
    OrderId submit(StrategyOrder order);

    /** Asks to cancel a working order; false when it is no longer working. */
    boolean cancel(OrderId order);

    /** Asks to modify a working order; false when it is no longer working. */
    boolean modify(OrderId order, OrderChange change);

    default OrderId buyMarket(InstrumentId instrument, Quantity quantity, String tag) {
        return submit(new StrategyOrder.Market(instrument, Side.BUY, quantity, false, tag));
    }

    default OrderId sellMarket(InstrumentId instrument, Quantity quantity, String tag) {
        return submit(new StrategyOrder.Market(instrument, Side.SELL, quantity, false, tag));
    }

    default OrderId buyLimit(InstrumentId instrument, Quantity quantity, Price limit, String tag) {
        return submit(new StrategyOrder.Limit(instrument, Side.BUY, quantity, limit, TimeInForce.GTC, false, tag));
    }

    default OrderId sellLimit(InstrumentId instrument, Quantity quantity, Price limit, String tag) {
        return submit(new StrategyOrder.Limit(instrument, Side.SELL, quantity, limit, TimeInForce.GTC, false, tag));
    }

    /**
     * Closes the whole position in {@code instrument} with a reduce-only market order, after
     * cancelling the strategy's other working orders there (its bracket exits among them). Empty when
     * already flat.
     */
    default Optional<OrderId> closePosition(InstrumentId instrument, String tag) {
        for (WorkingOrder w : openOrders(instrument)) {
            cancel(w.id());
        }
        BigDecimal quantity = positionQuantity(instrument);
        if (quantity.signum() == 0) {
            return Optional.empty();
        }
        Side side = quantity.signum() > 0 ? Side.SELL : Side.BUY;
        return Optional.of(submit(new StrategyOrder.Market(instrument, side, new Quantity(quantity.abs()), true, tag)));
    }

    // --- timers ---

    /** Calls {@link Strategy#onTimer} once at {@code at}; re-using a name replaces that timer. */
    void scheduleAt(String name, Instant at);

    /** Calls {@link Strategy#onTimer} every {@code interval} from now; re-using a name replaces it. */
    void scheduleEvery(String name, Duration interval);

    /** Cancels the timer called {@code name}; false when there was none. */
    boolean cancelTimer(String name);

    // --- logging ---

    /** Writes a line to the strategy's log (shown with its name and the engine time). */
    void log(LogLevel level, String message);

    default void info(String message) {
        log(LogLevel.INFO, message);
    }

    default void warn(String message) {
        log(LogLevel.WARN, message);
    }
}
