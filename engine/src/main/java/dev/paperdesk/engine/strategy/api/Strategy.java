package dev.paperdesk.engine.strategy.api;

import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.Quote;

/**
 * A trading strategy: callbacks the engine calls on its event loop thread, one at a time, in event
 * order.
 *
 * <p>Lifecycle: {@link #onStart} once, then market data, fills, order updates and timers in time
 * order, then {@link #onStop} once. The engine keeps these guarantees for every implementation:
 *
 * <ul>
 *   <li>Indicators registered through the context are updated with a bar <em>before</em> {@link
 *       #onBar} receives it, so a strategy reads values that include the bar it is handed.
 *   <li>Bars that close at the same instant are delivered longest timeframe first, so a signal on
 *       the shorter timeframe sees the longer timeframe's bar that has just completed.
 *   <li>{@link #onFill} is called after the position and cash reflect the fill.
 *   <li>Market orders submitted while handling a bar fill no earlier than the next price the
 *       market offers (in a backtest on bars: the next bar's open).
 * </ul>
 *
 * <p>Callbacks must not block. An exception thrown from a callback stops this strategy only (see
 * {@code dev.paperdesk.engine.strategy.SafeStrategy}).
 */
public interface Strategy {
    /** A short name shown in reports and logs, e.g. {@code sma-cross}. */
    String name();

    /** Called once before any other callback; register indicators, subscriptions and timers here. */
    void onStart(StrategyContext context);

    /** A completed bar of a subscribed instrument and timeframe. */
    default void onBar(Bar bar) {}

    /** A new best bid and offer of a subscribed instrument. */
    default void onQuote(Quote quote) {}

    /** A public trade of a subscribed instrument. */
    default void onTrade(TradePrint trade) {}

    /** An execution of one of this strategy's orders. */
    default void onFill(Fill fill) {}

    /** Any other change of one of this strategy's orders (accepted, rejected, cancelled, ...). */
    default void onOrderUpdate(OrderEvent event) {}

    /** A timer scheduled through the context has fired. */
    default void onTimer(TimerEvent timer) {}

    /** Called once when the strategy is stopped; no callback follows. */
    default void onStop() {}

    /**
     * The bar timeframes this strategy reads besides its data's own, known before it starts (a rule
     * strategy's indicator timeframes). A backtest builds the longer ones from the data's shorter
     * series, as the live market builds every timeframe from its trades, so a 4h trend filter works on
     * a file of 1m bars. Default: none.
     */
    default java.util.Set<dev.paperdesk.engine.model.Timeframe> timeframes() {
        return java.util.Set.of();
    }
}
