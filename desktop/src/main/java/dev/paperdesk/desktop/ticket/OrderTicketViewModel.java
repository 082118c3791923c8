package dev.paperdesk.desktop.ticket;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and validation of the order ticket. Validation runs on every edit; {@link #submit} sends
 * the order asynchronously and reports the engine's answer (fill or rejection with its reason).
 */
public final class OrderTicketViewModel {
    /** How the last submission ended, for styling the message. */
    public enum Outcome {
        NONE,
        INVALID,
        PENDING,
        FILLED,
        REJECTED
    }

    private final TradingSession session;
    private final UiExecutor ui;
    private final ObjectProperty<PortfolioId> portfolio;
    private final ObservableList<InstrumentId> symbols = FXCollections.observableArrayList();
    private final ObservableList<OrderType> types = FXCollections.observableArrayList(OrderType.MARKET);
    private final ObjectProperty<InstrumentId> symbol = new SimpleObjectProperty<>();
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(Side.BUY);
    private final ObjectProperty<OrderType> type = new SimpleObjectProperty<>(OrderType.MARKET);
    private final StringProperty quantity = new SimpleStringProperty("");
    private final StringProperty validation = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty estimate = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.NONE);
    private final BooleanProperty canSubmit = new SimpleBooleanProperty(false);

    public OrderTicketViewModel(TradingSession session, UiExecutor ui, ObjectProperty<PortfolioId> portfolio) {
        this.session = session;
        this.ui = ui;
        this.portfolio = portfolio;
        session.instruments().stream().map(Instrument::id).forEach(symbols::add);
        if (!symbols.isEmpty()) {
            symbol.set(symbols.get(0));
        }
        symbol.addListener((o, a, b) -> revalidate());
        side.addListener((o, a, b) -> revalidate());
        type.addListener((o, a, b) -> revalidate());
        quantity.addListener((o, a, b) -> revalidate());
        portfolio.addListener((o, a, b) -> revalidate());
        session.addListener(e -> {
            if (e instanceof EngineEvent.QuoteUpdated q
                    && q.quote().instrumentId().equals(symbol.get())) {
                ui.coalesce("ticket-estimate", this::updateEstimate);
            }
        });
        revalidate();
    }

    /** Checks the fields; an empty validation text means the order can be sent. */
    public void revalidate() {
        validation.set(problem().orElse(""));
        canSubmit.set(validation.get().isEmpty());
        updateEstimate();
    }

    private Optional<String> problem() {
        if (portfolio.get() == null) {
            return Optional.of("Choose a portfolio");
        }
        if (symbol.get() == null) {
            return Optional.of("Choose a symbol");
        }
        String q = quantity.get() == null ? "" : quantity.get().strip();
        if (q.isEmpty()) {
            return Optional.of("Enter a quantity");
        }
        BigDecimal value;
        try {
            value = dev.paperdesk.engine.model.Decimals.parse(q.replace(",", ""), "quantity");
        } catch (IllegalArgumentException e) {
            return Optional.of("Quantity must be a number, like 100 or 0.5");
        }
        if (value.signum() <= 0) {
            return Optional.of("Quantity must be greater than zero");
        }
        Instrument instrument = session.instrument(symbol.get()).orElse(null);
        if (instrument != null && value.remainder(instrument.lotSize()).signum() != 0) {
            return Optional.of("Quantity must be a multiple of the lot size "
                    + instrument.lotSize().stripTrailingZeros().toPlainString());
        }
        return Optional.empty();
    }

    private void updateEstimate() {
        if (!canSubmit.get()) {
            estimate.set("");
            return;
        }
        Optional<Quote> quote = session.quote(symbol.get());
        Instrument instrument = session.instrument(symbol.get()).orElse(null);
        if (quote.isEmpty() || instrument == null) {
            estimate.set("No price yet");
            return;
        }
        BigDecimal qty = new BigDecimal(quantity.get().strip().replace(",", ""));
        BigDecimal price = quote.get().touch(side.get()).value();
        BigDecimal notional = price.multiply(qty).multiply(instrument.multiplier());
        estimate.set("≈ " + Formats.money(notional) + " " + instrument.quoteCurrency() + " at " + Formats.price(price));
    }

    /** Sends the order; completes on the UI thread with the engine's answer. */
    public CompletableFuture<Order> submit() {
        revalidate();
        if (!canSubmit.get()) {
            outcome.set(Outcome.INVALID);
            message.set(validation.get());
            return CompletableFuture.failedFuture(new IllegalStateException(validation.get()));
        }
        OrderRequest request = OrderRequest.market(
                portfolio.get(),
                symbol.get(),
                side.get(),
                Quantity.of(quantity.get().strip().replace(",", "")));
        outcome.set(Outcome.PENDING);
        message.set("Sending " + describe(request) + "…");
        CompletableFuture<Order> result = new CompletableFuture<>();
        session.submit(request)
                .whenComplete((order, error) -> ui.post(() -> {
                    if (error != null) {
                        outcome.set(Outcome.REJECTED);
                        message.set("Not sent: " + rootMessage(error));
                        result.completeExceptionally(error);
                        return;
                    }
                    if (order.status() == OrderStatus.REJECTED) {
                        outcome.set(Outcome.REJECTED);
                        message.set("Rejected — " + order.rejection().reason() + ": "
                                + order.rejection().message());
                    } else {
                        outcome.set(Outcome.FILLED);
                        message.set(order.status() + ": " + order.request().side() + " "
                                + Formats.quantity(order.filledQuantity().value()) + " "
                                + order.request().instrumentId()
                                + " @ " + Formats.price(order.averageFillPrice().value()));
                    }
                    result.complete(order);
                }));
        return result;
    }

    private static String describe(OrderRequest r) {
        return r.side() + " " + r.quantity() + " " + r.instrumentId() + " " + r.type();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Esc: back to an empty ticket (symbol and side are kept). */
    public void clear() {
        quantity.set("");
        message.set("");
        outcome.set(Outcome.NONE);
    }

    public ObservableList<InstrumentId> symbols() {
        return symbols;
    }

    public ObservableList<OrderType> types() {
        return types;
    }

    public ObjectProperty<InstrumentId> symbolProperty() {
        return symbol;
    }

    public ObjectProperty<Side> sideProperty() {
        return side;
    }

    public ObjectProperty<OrderType> typeProperty() {
        return type;
    }

    public StringProperty quantityProperty() {
        return quantity;
    }

    public StringProperty validationProperty() {
        return validation;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty estimateProperty() {
        return estimate;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public BooleanProperty canSubmitProperty() {
        return canSubmit;
    }
}
