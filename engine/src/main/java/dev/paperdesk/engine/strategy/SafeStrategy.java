package dev.paperdesk.engine.strategy;

import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.strategy.api.Strategy;
import dev.paperdesk.engine.strategy.api.StrategyCallback;
import dev.paperdesk.engine.strategy.api.StrategyContext;
import dev.paperdesk.engine.strategy.api.TimerEvent;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Wraps a strategy so that an exception from any of its callbacks stops that strategy alone: the
 * failure is reported once (strategy name, callback, cause), {@code onStop} is attempted so it can
 * release what it holds, and every later callback is ignored. The runner calls the wrapper, never
 * the strategy, so one faulty strategy cannot break the event loop or the others sharing it.
 *
 * <p>Errors the JVM cannot recover from ({@link VirtualMachineError} other than {@link
 * StackOverflowError}) are not swallowed: they concern the whole process.
 */
public final class SafeStrategy implements Strategy {
    /** Where a wrapped strategy is in its life. */
    public enum State {
        NEW,
        RUNNING,
        STOPPED,
        FAILED
    }

    private final Strategy delegate;
    private final Consumer<StrategyFailure> onFailure;
    private State state = State.NEW;
    private StrategyFailure failure;

    public SafeStrategy(Strategy delegate, Consumer<StrategyFailure> onFailure) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    @Override
    public String name() {
        return delegate.name();
    }

    public State state() {
        return state;
    }

    /** What stopped the strategy, if it failed. */
    public Optional<StrategyFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** The wrapped strategy. */
    public Strategy delegate() {
        return delegate;
    }

    @Override
    public void onStart(StrategyContext context) {
        if (state != State.NEW) {
            return;
        }
        state = State.RUNNING;
        guard(StrategyCallback.ON_START, () -> delegate.onStart(context));
    }

    @Override
    public void onBar(Bar bar) {
        if (state == State.RUNNING) {
            // guarded in place: a capturing lambda here would be an object per bar
            try {
                delegate.onBar(bar);
            } catch (Exception | Error e) {
                failed(StrategyCallback.ON_BAR, e);
            }
        }
    }

    @Override
    public void onQuote(Quote quote) {
        if (state == State.RUNNING) {
            try {
                delegate.onQuote(quote);
            } catch (Exception | Error e) {
                failed(StrategyCallback.ON_QUOTE, e);
            }
        }
    }

    @Override
    public void onTrade(TradePrint trade) {
        if (state == State.RUNNING) {
            guard(StrategyCallback.ON_TRADE, () -> delegate.onTrade(trade));
        }
    }

    @Override
    public void onFill(Fill fill) {
        if (state == State.RUNNING) {
            guard(StrategyCallback.ON_FILL, () -> delegate.onFill(fill));
        }
    }

    @Override
    public void onOrderUpdate(OrderEvent event) {
        if (state == State.RUNNING) {
            guard(StrategyCallback.ON_ORDER_UPDATE, () -> delegate.onOrderUpdate(event));
        }
    }

    @Override
    public void onTimer(TimerEvent timer) {
        if (state == State.RUNNING) {
            guard(StrategyCallback.ON_TIMER, () -> delegate.onTimer(timer));
        }
    }

    @Override
    public void onStop() {
        if (state != State.RUNNING) {
            return;
        }
        guard(StrategyCallback.ON_STOP, delegate::onStop);
        if (state == State.RUNNING) {
            state = State.STOPPED;
        }
    }

    private void guard(StrategyCallback callback, Runnable call) {
        try {
            call.run();
        } catch (Exception | Error e) {
            failed(callback, e);
        }
    }

    /** A callback threw: the strategy fails; a virtual machine error other than a stack overflow is rethrown. */
    private void failed(StrategyCallback callback, Throwable e) {
        if (e instanceof VirtualMachineError fatal && !(fatal instanceof StackOverflowError)) {
            throw fatal;
        }
        fail(callback, e);
    }

    private void fail(StrategyCallback callback, Throwable error) {
        state = State.FAILED;
        if (callback != StrategyCallback.ON_STOP) {
            try {
                delegate.onStop();
            } catch (VirtualMachineError fatal) {
                if (!(fatal instanceof StackOverflowError)) {
                    throw fatal;
                }
                error.addSuppressed(fatal);
            } catch (Exception | Error e) {
                error.addSuppressed(e);
            }
        }
        failure = new StrategyFailure(delegate.name(), callback, error);
        onFailure.accept(failure);
    }
}
