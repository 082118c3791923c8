package dev.paperdesk.desktop.ticket;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.execution.orders.OrderEstimate;
import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderPlacement;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.model.TrailingOffset;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
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
 * State and validation of the order ticket: every order type and time in force, with only the
 * fields that matter for the chosen type; optional take-profit and stop-loss that turn the order
 * into a bracket (or two exits into an OCO pair). Validation runs on every edit, the estimate
 * (price, fees, slippage, resulting position) on every edit and quote; {@link #submit} sends the
 * order without blocking and follows it until it fills, rests, or is rejected.
 */
public final class OrderTicketViewModel {
    /** How the last submission ended, for styling the message. */
    public enum Outcome {
        NONE,
        INVALID,
        PENDING,
        WORKING,
        FILLED,
        REJECTED
    }

    /** What the ticket places: one order, an entry with take-profit and stop-loss, or two exits as an OCO pair. */
    public enum Structure {
        SINGLE("Single order"),
        BRACKET("Bracket (entry + TP + SL)"),
        OCO("OCO exit (TP limit / SL stop)");

        private final String label;

        Structure(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final TradingSession session;
    private final UiExecutor ui;
    private final ObjectProperty<PortfolioId> portfolio;
    private final ObservableList<InstrumentId> symbols = FXCollections.observableArrayList();
    private final ObservableList<OrderType> types = FXCollections.observableArrayList(OrderType.values());
    private final ObservableList<TimeInForce> tifs = FXCollections.observableArrayList();
    private final ObservableList<Structure> structures = FXCollections.observableArrayList(Structure.values());
    private final ObjectProperty<InstrumentId> symbol = new SimpleObjectProperty<>();
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(Side.BUY);
    private final ObjectProperty<OrderType> type = new SimpleObjectProperty<>(OrderType.MARKET);
    private final ObjectProperty<TimeInForce> tif = new SimpleObjectProperty<>(TimeInForce.IOC);
    private final ObjectProperty<Structure> structure = new SimpleObjectProperty<>(Structure.SINGLE);
    private final StringProperty quantity = new SimpleStringProperty("");
    private final StringProperty limitPrice = new SimpleStringProperty("");
    private final StringProperty stopPrice = new SimpleStringProperty("");
    private final StringProperty trail = new SimpleStringProperty("");
    private final StringProperty limitOffset = new SimpleStringProperty("");
    private final StringProperty expiry = new SimpleStringProperty("");
    private final StringProperty takeProfit = new SimpleStringProperty("");
    private final StringProperty stopLoss = new SimpleStringProperty("");
    private final BooleanProperty postOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty reduceOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty allOrNone = new SimpleBooleanProperty(false);
    private final BooleanProperty confirm = new SimpleBooleanProperty(false);
    private final BooleanProperty limitVisible = new SimpleBooleanProperty();
    private final BooleanProperty stopVisible = new SimpleBooleanProperty();
    private final BooleanProperty trailVisible = new SimpleBooleanProperty();
    private final BooleanProperty offsetVisible = new SimpleBooleanProperty();
    private final BooleanProperty expiryVisible = new SimpleBooleanProperty();
    private final BooleanProperty postOnlyVisible = new SimpleBooleanProperty();
    private final BooleanProperty reduceOnlyVisible = new SimpleBooleanProperty();
    private final BooleanProperty exitsVisible = new SimpleBooleanProperty();
    private final StringProperty stopLabel = new SimpleStringProperty("Stop");
    private final StringProperty validation = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty estimate = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.NONE);
    private final BooleanProperty canSubmit = new SimpleBooleanProperty(false);
    private volatile OrderId tracked;

    public OrderTicketViewModel(TradingSession session, UiExecutor ui, ObjectProperty<PortfolioId> portfolio) {
        this.session = session;
        this.ui = ui;
        this.portfolio = portfolio;
        session.instruments().stream().map(Instrument::id).forEach(symbols::add);
        if (!symbols.isEmpty()) {
            symbol.set(symbols.get(0));
        }
        type.addListener((o, a, b) -> onTypeChanged());
        structure.addListener((o, a, b) -> onTypeChanged());
        symbol.addListener((o, a, b) -> onTypeChanged());
        for (javafx.beans.Observable p : List.<javafx.beans.Observable>of(
                symbol,
                side,
                type,
                tif,
                structure,
                portfolio,
                quantity,
                limitPrice,
                stopPrice,
                trail,
                limitOffset,
                expiry,
                takeProfit,
                stopLoss,
                postOnly,
                reduceOnly,
                allOrNone)) {
            // Invalidation is enough: revalidate() reads every field again, which re-arms them.
            p.addListener(obs -> revalidate());
        }
        session.addListener(this::onEngineEvent);
        onTypeChanged();
        revalidate();
    }

    private void onEngineEvent(EngineEvent e) {
        if (e instanceof EngineEvent.QuoteUpdated q && q.quote().instrumentId().equals(symbol.get())) {
            ui.coalesce("ticket-estimate", this::updateEstimate);
        } else if (e instanceof EngineEvent.OrderUpdated u && u.order().id().equals(tracked)) {
            ui.post(() -> follow(u.order(), u.event()));
        }
    }

    private void onTypeChanged() {
        OrderType t = type.get();
        Instrument instrument =
                symbol.get() == null ? null : session.instrument(symbol.get()).orElse(null);
        limitVisible.set(t != null && t.needsLimitPrice());
        stopVisible.set(t != null && t.needsStopPrice());
        stopLabel.set(t != null && t.isTakeProfit() ? "Trigger" : "Stop");
        trailVisible.set(t != null && t.isTrailing());
        offsetVisible.set(t == OrderType.TRAILING_STOP_LIMIT);
        postOnlyVisible.set(t != null && t.hasLimit());
        reduceOnlyVisible.set(instrument instanceof Instrument.Perpetual);
        exitsVisible.set(structure.get() != Structure.SINGLE);
        List<TimeInForce> valid = t == OrderType.MARKET
                ? List.of(TimeInForce.IOC, TimeInForce.FOK, TimeInForce.DAY, TimeInForce.GTC)
                : t == OrderType.LIMIT
                        ? List.of(TimeInForce.GTC, TimeInForce.DAY, TimeInForce.GTD, TimeInForce.IOC, TimeInForce.FOK)
                        : List.of(TimeInForce.GTC, TimeInForce.DAY, TimeInForce.GTD);
        tifs.setAll(valid);
        // List.of(...).contains(null) throws: a cleared time in force is simply replaced.
        if (tif.get() == null || !valid.contains(tif.get())) {
            tif.set(valid.get(0));
        }
        if (!postOnlyVisible.get()) {
            postOnly.set(false);
            allOrNone.set(false);
        }
        if (!reduceOnlyVisible.get()) {
            reduceOnly.set(false);
        }
        expiryVisible.set(tif.get() == TimeInForce.GTD);
    }

    /** Checks the fields; an empty validation text means the order can be sent. */
    public void revalidate() {
        expiryVisible.set(tif.get() == TimeInForce.GTD);
        Object built = build();
        validation.set(built instanceof String problem ? problem : "");
        canSubmit.set(validation.get().isEmpty());
        summary.set(built instanceof OrderPlacement p ? describe(p) : "");
        updateEstimate();
    }

    /** The placement the fields describe, or a message saying what is wrong. */
    private Object build() {
        if (portfolio.get() == null) {
            return "Choose a portfolio";
        }
        if (symbol.get() == null) {
            return "Choose a symbol";
        }
        Instrument instrument = session.instrument(symbol.get()).orElse(null);
        String q = strip(quantity.get());
        if (q.isEmpty()) {
            return "Enter a quantity";
        }
        BigDecimal qty;
        try {
            qty = Decimals.parse(q.replace(",", ""), "quantity");
        } catch (IllegalArgumentException e) {
            return "Quantity must be a number, like 100 or 0.5";
        }
        if (qty.signum() <= 0) {
            return "Quantity must be greater than zero";
        }
        if (instrument != null && qty.remainder(instrument.lotSize()).signum() != 0) {
            return "Quantity must be a multiple of the lot size "
                    + instrument.lotSize().stripTrailingZeros().toPlainString();
        }
        OrderType t = type.get();
        OrderRequest.Builder b = OrderRequest.builder(portfolio.get(), symbol.get(), side.get(), Quantity.of(qty))
                .type(t)
                .timeInForce(tif.get())
                .postOnly(postOnly.get())
                .reduceOnly(reduceOnly.get())
                .allOrNone(allOrNone.get());
        try {
            if (t.needsLimitPrice()) {
                b.limitPrice(price(limitPrice.get(), "Limit price", instrument));
            }
            if (t.needsStopPrice()) {
                b.stopPrice(price(stopPrice.get(), stopLabel.get() + " price", instrument));
            }
            if (t.isTrailing()) {
                String tr = strip(trail.get());
                if (tr.isEmpty()) {
                    return "Enter the trailing distance, like 0.50 or 1%";
                }
                b.trail(TrailingOffset.parse(tr));
            }
            if (t == OrderType.TRAILING_STOP_LIMIT) {
                b.limitOffset(price(limitOffset.get(), "Limit offset", instrument));
            }
            if (tif.get() == TimeInForce.GTD) {
                b.expireAt(expiryInstant());
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        OrderRequest request;
        try {
            request = b.build();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return switch (structure.get()) {
            case SINGLE -> new OrderPlacement.Single(request);
            case BRACKET -> {
                try {
                    Price tp = price(takeProfit.get(), "Take-profit", instrument);
                    Price sl = price(stopLoss.get(), "Stop-loss", instrument);
                    yield OrderPlacement.Bracket.of(request, tp, sl);
                } catch (IllegalArgumentException e) {
                    yield e.getMessage();
                }
            }
            case OCO -> {
                try {
                    Price tp = price(takeProfit.get(), "Take-profit", instrument);
                    Price sl = price(stopLoss.get(), "Stop-loss", instrument);
                    OrderRequest limitLeg = OrderRequest.builder(
                                    portfolio.get(), symbol.get(), side.get(), Quantity.of(qty))
                            .limit(tp)
                            .build();
                    OrderRequest stopLeg = OrderRequest.builder(
                                    portfolio.get(), symbol.get(), side.get(), Quantity.of(qty))
                            .type(OrderType.STOP)
                            .stop(sl)
                            .timeInForce(TimeInForce.GTC)
                            .build();
                    yield new OrderPlacement.Oco(limitLeg, stopLeg);
                } catch (IllegalArgumentException e) {
                    yield e.getMessage();
                }
            }
        };
    }

    private Instant expiryInstant() {
        String text = strip(expiry.get());
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Enter the expiry (UTC), like 2026-03-03 21:00");
        }
        try {
            return LocalDateTime.parse(text, EXPIRY).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Expiry must be written yyyy-MM-dd HH:mm (UTC), not '" + text + "'");
        }
    }

    private static Price price(String text, String field, Instrument instrument) {
        String t = strip(text).replace(",", "");
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Enter the " + field.toLowerCase(Locale.ROOT));
        }
        BigDecimal v;
        try {
            v = Decimals.parse(t, field);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be a number, like 101.25");
        }
        if (v.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be greater than zero");
        }
        if (instrument != null && v.remainder(instrument.tickSize()).signum() != 0) {
            throw new IllegalArgumentException(field + " must be a multiple of the tick size "
                    + instrument.tickSize().stripTrailingZeros().toPlainString());
        }
        return new Price(v);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private void updateEstimate() {
        Object built = build();
        if (!(built instanceof OrderPlacement p)) {
            estimate.set("");
            return;
        }
        OrderRequest first = p.requests().get(0);
        OrderEstimate e = session.estimate(first);
        if (!e.available()) {
            estimate.set(e.note());
            return;
        }
        Instrument instrument = session.instrument(first.instrumentId()).orElseThrow();
        String ccy = instrument.quoteCurrency().code();
        estimate.set("≈ " + Formats.money(e.notional()) + " " + ccy + " at "
                + Formats.price(e.price().value())
                + "\nfee " + Formats.money(e.fee().amount()) + " " + ccy
                + " · slippage " + Formats.signedMoney(e.slippageVsMid())
                + String.format(Locale.US, " (%.1f bps vs mid)", e.slippageBps())
                + "\nposition after: " + Formats.quantity(e.resultingPosition()) + " · " + e.note());
    }

    /** The last estimate for the ticket as it is (engine values), or empty when the fields are not valid. */
    public Optional<OrderEstimate> currentEstimate() {
        return build() instanceof OrderPlacement p
                ? Optional.of(session.estimate(p.requests().get(0)))
                : Optional.empty();
    }

    /** Sends the order (or bracket, or OCO pair); completes on the UI thread with the first order's state. */
    public CompletableFuture<Order> submit() {
        revalidate();
        Object built = build();
        if (!(built instanceof OrderPlacement placement)) {
            outcome.set(Outcome.INVALID);
            message.set(validation.get());
            return CompletableFuture.failedFuture(new IllegalStateException(validation.get()));
        }
        outcome.set(Outcome.PENDING);
        message.set("Sending " + describe(placement) + "…");
        CompletableFuture<Order> result = new CompletableFuture<>();
        session.place(placement)
                .whenComplete((orders, error) -> ui.post(() -> {
                    if (error != null) {
                        outcome.set(Outcome.REJECTED);
                        message.set("Not sent: " + rootMessage(error));
                        result.completeExceptionally(error);
                        return;
                    }
                    Order first = orders.get(0);
                    tracked = first.id();
                    show(first);
                    result.complete(first);
                }));
        return result;
    }

    /** Sets the side and sends: the Buy and Sell hotkeys. */
    public CompletableFuture<Order> submit(Side s) {
        side.set(s);
        return submit();
    }

    /**
     * Prefills a limit order at {@code price} (for the depth ladder: a click on a price level); the
     * side and quantity stay as they are.
     */
    public void prefillLimit(Price price) {
        structure.set(Structure.SINGLE);
        type.set(OrderType.LIMIT);
        if (!tifs.contains(tif.get()) || tif.get() == TimeInForce.IOC) {
            tif.set(TimeInForce.GTC);
        }
        limitPrice.set(price.toString());
    }

    /** Prefills a limit order at {@code price} on {@code s}. */
    public void prefillLimit(Price price, Side s) {
        side.set(s);
        prefillLimit(price);
    }

    private void follow(Order order, OrderEvent event) {
        if (event instanceof OrderEvent.Modified || event instanceof OrderEvent.AmendRejected) {
            return;
        }
        show(order);
    }

    private void show(Order order) {
        OrderRequest r = order.request();
        switch (order.status()) {
            case REJECTED -> {
                outcome.set(Outcome.REJECTED);
                message.set("Rejected — " + order.rejection().reason() + ": "
                        + order.rejection().message());
            }
            case FILLED, PARTIALLY_FILLED -> {
                outcome.set(order.status() == OrderStatus.FILLED ? Outcome.FILLED : Outcome.WORKING);
                message.set(order.status() + ": " + r.side() + " "
                        + Formats.quantity(order.filledQuantity().value()) + " " + r.instrumentId() + " @ "
                        + Formats.price(order.averageFillPrice().value()));
            }
            case NEW -> {
                outcome.set(Outcome.PENDING);
                message.set("Sent: " + r.side() + " " + r.quantity() + " " + r.instrumentId() + " " + r.type()
                        + " (travelling to the venue)");
            }
            case ACCEPTED, TRIGGERED -> {
                outcome.set(Outcome.WORKING);
                message.set("Working: " + r.side() + " " + r.quantity() + " " + r.instrumentId() + " " + r.type() + " "
                        + r.timeInForce() + (order.status() == OrderStatus.TRIGGERED ? " (triggered)" : ""));
            }
            case CANCELLED, EXPIRED -> {
                outcome.set(order.filledQuantity().isPositive() ? Outcome.FILLED : Outcome.REJECTED);
                message.set(order.status() + ": " + r.side() + " " + r.quantity() + " " + r.instrumentId()
                        + (order.filledQuantity().isPositive() ? " (filled " + order.filledQuantity() + ")" : ""));
            }
        }
    }

    /** One line describing what will be sent, for the confirmation dialog. */
    public String confirmationText() {
        Object built = build();
        return built instanceof OrderPlacement p ? describe(p) : String.valueOf(built);
    }

    private static String describe(OrderPlacement p) {
        return switch (p) {
            case OrderPlacement.Single s -> line(s.request());
            case OrderPlacement.Bracket b -> "Bracket: " + line(b.entry()) + "; take-profit "
                    + b.takeProfit().limitPrice() + "; stop-loss "
                    + b.stopLoss().stopPrice();
            case OrderPlacement.Oco o -> "OCO: " + line(o.first()) + " / " + line(o.second());
            case OrderPlacement.Combo c -> "Combo of " + c.legs().size() + " legs";
        };
    }

    private static String line(OrderRequest r) {
        StringBuilder sb = new StringBuilder()
                .append(r.side())
                .append(' ')
                .append(r.quantity())
                .append(' ')
                .append(r.instrumentId())
                .append(' ')
                .append(r.type());
        if (r.limitPrice() != null) {
            sb.append(" limit ").append(r.limitPrice());
        }
        if (r.stopPrice() != null) {
            sb.append(r.type().isTakeProfit() ? " trigger " : " stop ").append(r.stopPrice());
        }
        if (r.trail() != null) {
            sb.append(" trail ").append(r.trail());
        }
        return sb.append(' ').append(r.timeInForce()).toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Esc: back to an empty ticket (symbol, side and type are kept). */
    public void clear() {
        quantity.set("");
        limitPrice.set("");
        stopPrice.set("");
        trail.set("");
        limitOffset.set("");
        takeProfit.set("");
        stopLoss.set("");
        expiry.set("");
        message.set("");
        outcome.set(Outcome.NONE);
    }

    public ObservableList<InstrumentId> symbols() {
        return symbols;
    }

    public ObservableList<OrderType> types() {
        return types;
    }

    public ObservableList<TimeInForce> timesInForce() {
        return tifs;
    }

    public ObservableList<Structure> structures() {
        return structures;
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

    public ObjectProperty<TimeInForce> tifProperty() {
        return tif;
    }

    public ObjectProperty<Structure> structureProperty() {
        return structure;
    }

    public StringProperty quantityProperty() {
        return quantity;
    }

    public StringProperty limitPriceProperty() {
        return limitPrice;
    }

    public StringProperty stopPriceProperty() {
        return stopPrice;
    }

    public StringProperty trailProperty() {
        return trail;
    }

    public StringProperty limitOffsetProperty() {
        return limitOffset;
    }

    public StringProperty expiryProperty() {
        return expiry;
    }

    public StringProperty takeProfitProperty() {
        return takeProfit;
    }

    public StringProperty stopLossProperty() {
        return stopLoss;
    }

    public BooleanProperty postOnlyProperty() {
        return postOnly;
    }

    public BooleanProperty reduceOnlyProperty() {
        return reduceOnly;
    }

    public BooleanProperty allOrNoneProperty() {
        return allOrNone;
    }

    public BooleanProperty confirmProperty() {
        return confirm;
    }

    public BooleanProperty limitVisibleProperty() {
        return limitVisible;
    }

    public BooleanProperty stopVisibleProperty() {
        return stopVisible;
    }

    public StringProperty stopLabelProperty() {
        return stopLabel;
    }

    public BooleanProperty trailVisibleProperty() {
        return trailVisible;
    }

    public BooleanProperty offsetVisibleProperty() {
        return offsetVisible;
    }

    public BooleanProperty expiryVisibleProperty() {
        return expiryVisible;
    }

    public BooleanProperty postOnlyVisibleProperty() {
        return postOnlyVisible;
    }

    public BooleanProperty reduceOnlyVisibleProperty() {
        return reduceOnlyVisible;
    }

    public BooleanProperty exitsVisibleProperty() {
        return exitsVisible;
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

    public StringProperty summaryProperty() {
        return summary;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public BooleanProperty canSubmitProperty() {
        return canSubmit;
    }
}
