package dev.paperdesk.desktop.ticket;

import dev.paperdesk.desktop.ticket.OrderTicketViewModel.Outcome;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The order ticket form: symbol, side, quantity, type, time in force and only the price fields the
 * type needs; optional take-profit and stop-loss; the estimate before sending. Enter submits, Esc
 * clears; Ctrl+B buys and Ctrl+S sells with the ticket as filled (the main window's Trade menu).
 */
public final class OrderTicketView extends VBox {
    private final OrderTicketViewModel vm;

    public OrderTicketView(OrderTicketViewModel vm) {
        this.vm = vm;
        setId("orderTicket");
        getStyleClass().add("order-ticket");
        setSpacing(8);
        setPadding(new Insets(10));
        var css = OrderTicketView.class.getResource("ticket.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }

        Label title = new Label("Order ticket");
        title.getStyleClass().add("title-4");

        ComboBox<InstrumentId> symbol = new ComboBox<>(vm.symbols());
        symbol.setId("ticketSymbol");
        symbol.valueProperty().bindBidirectional(vm.symbolProperty());
        symbol.setMaxWidth(Double.MAX_VALUE);

        ComboBox<Side> side = new ComboBox<>();
        side.getItems().setAll(Side.values());
        side.setId("ticketSide");
        side.valueProperty().bindBidirectional(vm.sideProperty());
        side.setMaxWidth(Double.MAX_VALUE);

        TextField quantity = field("ticketQuantity", "e.g. 100", vm.quantityProperty());

        ComboBox<OrderType> type = new ComboBox<>(vm.types());
        type.setId("ticketType");
        type.valueProperty().bindBidirectional(vm.typeProperty());
        type.setMaxWidth(Double.MAX_VALUE);
        type.setConverter(labels(OrderType.class));

        ComboBox<TimeInForce> tif = new ComboBox<>(vm.timesInForce());
        tif.setId("ticketTif");
        tif.valueProperty().bindBidirectional(vm.tifProperty());
        tif.setMaxWidth(Double.MAX_VALUE);
        tif.setTooltip(new Tooltip("GTC: until cancelled · DAY: until the session close (24h markets: 00:00 UTC)"
                + " · GTD: until the expiry · IOC: fill now, cancel the rest · FOK: fill all now or nothing"));

        TextField limit = field("ticketLimitPrice", "limit price", vm.limitPriceProperty());
        TextField stop = field("ticketStopPrice", "stop / trigger price", vm.stopPriceProperty());
        TextField trail = field("ticketTrail", "0.50 or 1%", vm.trailProperty());
        TextField offset = field("ticketLimitOffset", "limit beyond the stop", vm.limitOffsetProperty());
        TextField expiry = field("ticketExpiry", "yyyy-MM-dd HH:mm (UTC)", vm.expiryProperty());

        ComboBox<OrderTicketViewModel.Structure> structure = new ComboBox<>(vm.structures());
        structure.setId("ticketStructure");
        structure.valueProperty().bindBidirectional(vm.structureProperty());
        structure.setMaxWidth(Double.MAX_VALUE);
        TextField takeProfit = field("ticketTakeProfit", "take-profit limit", vm.takeProfitProperty());
        TextField stopLoss = field("ticketStopLoss", "stop-loss stop", vm.stopLossProperty());

        CheckBox postOnly = check("ticketPostOnly", "Post-only", vm.postOnlyProperty());
        CheckBox allOrNone = check("ticketAllOrNone", "All-or-none", vm.allOrNoneProperty());
        CheckBox reduceOnly = check("ticketReduceOnly", "Reduce-only", vm.reduceOnlyProperty());
        CheckBox confirm = check("ticketConfirm", "Confirm before sending", vm.confirmProperty());
        postOnly.visibleProperty().bind(vm.postOnlyVisibleProperty());
        postOnly.managedProperty().bind(vm.postOnlyVisibleProperty());
        allOrNone.visibleProperty().bind(vm.postOnlyVisibleProperty());
        allOrNone.managedProperty().bind(vm.postOnlyVisibleProperty());
        reduceOnly.visibleProperty().bind(vm.reduceOnlyVisibleProperty());
        reduceOnly.managedProperty().bind(vm.reduceOnlyVisibleProperty());
        HBox flags = new HBox(10, postOnly, allOrNone, reduceOnly);

        Label validation = new Label();
        validation.setId("ticketValidation");
        validation.getStyleClass().add("ticket-validation");
        validation.textProperty().bind(vm.validationProperty());
        validation.setWrapText(true);
        validation.managedProperty().bind(vm.validationProperty().isNotEmpty());
        validation.visibleProperty().bind(validation.managedProperty());

        Label estimate = new Label();
        estimate.setId("ticketEstimate");
        estimate.getStyleClass().addAll("text-muted", "ticket-estimate");
        estimate.textProperty().bind(vm.estimateProperty());
        estimate.setWrapText(true);
        estimate.managedProperty().bind(vm.estimateProperty().isNotEmpty());
        estimate.visibleProperty().bind(estimate.managedProperty());

        Button submit = new Button();
        submit.setId("ticketSubmit");
        submit.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> (vm.sideProperty().get() == Side.SELL ? "Sell" : "Buy") + " (Enter)", vm.sideProperty()));
        submit.setDefaultButton(false);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(vm.canSubmitProperty().not());
        submit.setOnAction(e -> send());
        vm.sideProperty().addListener((o, a, b) -> styleSubmit(submit, b));
        styleSubmit(submit, vm.sideProperty().get());

        Label message = new Label();
        message.setId("ticketMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        vm.outcomeProperty().addListener((o, a, b) -> {
            message.getStyleClass().removeAll("ticket-ok", "ticket-error");
            if (b == Outcome.FILLED || b == Outcome.WORKING) {
                message.getStyleClass().add("ticket-ok");
            } else if (b == Outcome.REJECTED || b == Outcome.INVALID) {
                message.getStyleClass().add("ticket-error");
            }
        });

        VBox form = new VBox(6);
        form.getChildren()
                .addAll(
                        row("Symbol", symbol, null),
                        row("Side", side, null),
                        row("Quantity", quantity, null),
                        row("Type", type, null),
                        row("Limit", limit, vm.limitVisibleProperty()),
                        row(stopCaption(vm), stop, vm.stopVisibleProperty()),
                        row("Trail", trail, vm.trailVisibleProperty()),
                        row("Limit offset", offset, vm.offsetVisibleProperty()),
                        row("Time in force", tif, null),
                        row("Expires (UTC)", expiry, vm.expiryVisibleProperty()),
                        row("Place as", structure, null),
                        row("Take-profit", takeProfit, vm.exitsVisibleProperty()),
                        row("Stop-loss", stopLoss, vm.exitsVisibleProperty()));

        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (vm.canSubmitProperty().get()) {
                    send();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.clear();
                e.consume();
            }
        });
        // The form scrolls; the send button and the result stay in view.
        VBox content = new VBox(8, form, flags, validation, estimate, confirm);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().setAll(title, scroll, submit, message);
    }

    /** Sends the ticket, asking first when confirmation is on. */
    public void send() {
        if (vm.confirmProperty().get()) {
            Alert ask =
                    new Alert(Alert.AlertType.CONFIRMATION, vm.confirmationText(), ButtonType.OK, ButtonType.CANCEL);
            ask.setHeaderText("Send this order?");
            if (getScene() != null) {
                ask.initOwner(getScene().getWindow());
            }
            if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
        }
        vm.submit();
    }

    /** The Buy / Sell hotkeys: set the side, then send as {@link #send} does. */
    public void send(Side side) {
        vm.sideProperty().set(side);
        if (vm.canSubmitProperty().get()) {
            send();
        }
    }

    private static Label stopCaption(OrderTicketViewModel vm) {
        Label l = new Label();
        l.textProperty().bind(vm.stopLabelProperty());
        return l;
    }

    /** One labelled row; hidden rows take no space at all. */
    private static HBox row(Object caption, Node field, ObservableBooleanValue shown) {
        Label label = caption instanceof Label l ? l : new Label(String.valueOf(caption));
        label.setMinWidth(92);
        label.setPrefWidth(92);
        HBox.setHgrow(field, Priority.ALWAYS);
        if (field instanceof javafx.scene.control.Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        HBox row = new HBox(6, label, field);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (shown != null) {
            row.visibleProperty().bind(shown);
            row.managedProperty().bind(shown);
        }
        return row;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static CheckBox check(String id, String text, javafx.beans.property.BooleanProperty value) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.selectedProperty().bindBidirectional(value);
        return c;
    }

    private static <E extends Enum<E>> StringConverter<E> labels(Class<E> type) {
        return new StringConverter<>() {
            @Override
            public String toString(E v) {
                return v == null
                        ? ""
                        : v.name().charAt(0)
                                + v.name()
                                        .substring(1)
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', ' ');
            }

            @Override
            public E fromString(String s) {
                return Enum.valueOf(type, s.toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
            }
        };
    }

    private static void styleSubmit(Button submit, Side side) {
        submit.getStyleClass().removeAll("buy", "sell");
        submit.getStyleClass().add(side == Side.SELL ? "sell" : "buy");
    }
}
