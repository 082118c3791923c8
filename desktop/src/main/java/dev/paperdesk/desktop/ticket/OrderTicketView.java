package dev.paperdesk.desktop.ticket;

import dev.paperdesk.desktop.ticket.OrderTicketViewModel.Outcome;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.Side;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The order ticket form. Enter submits, Esc clears. */
public final class OrderTicketView extends VBox {
    public OrderTicketView(OrderTicketViewModel vm) {
        setId("orderTicket");
        getStyleClass().add("order-ticket");
        setSpacing(8);
        setPadding(new Insets(10));

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

        TextField quantity = new TextField();
        quantity.setId("ticketQuantity");
        quantity.setPromptText("e.g. 100");
        quantity.textProperty().bindBidirectional(vm.quantityProperty());

        ComboBox<OrderType> type = new ComboBox<>(vm.types());
        type.setId("ticketType");
        type.valueProperty().bindBidirectional(vm.typeProperty());
        type.setMaxWidth(Double.MAX_VALUE);

        Label validation = new Label();
        validation.setId("ticketValidation");
        validation.getStyleClass().add("ticket-validation");
        validation.textProperty().bind(vm.validationProperty());
        validation.setWrapText(true);

        Label estimate = new Label();
        estimate.setId("ticketEstimate");
        estimate.getStyleClass().add("text-muted");
        estimate.textProperty().bind(vm.estimateProperty());

        Button submit = new Button();
        submit.setId("ticketSubmit");
        submit.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> (vm.sideProperty().get() == Side.SELL ? "Sell" : "Buy") + " (Enter)", vm.sideProperty()));
        submit.setDefaultButton(false);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(vm.canSubmitProperty().not());
        submit.setOnAction(e -> vm.submit());
        vm.sideProperty().addListener((o, a, b) -> styleSubmit(submit, b));
        styleSubmit(submit, vm.sideProperty().get());

        Label message = new Label();
        message.setId("ticketMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.outcomeProperty().addListener((o, a, b) -> {
            message.getStyleClass().removeAll("ticket-ok", "ticket-error");
            if (b == Outcome.FILLED) {
                message.getStyleClass().add("ticket-ok");
            } else if (b == Outcome.REJECTED || b == Outcome.INVALID) {
                message.getStyleClass().add("ticket-error");
            }
        });

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        form.addRow(0, new Label("Symbol"), symbol);
        form.addRow(1, new Label("Side"), side);
        form.addRow(2, new Label("Quantity"), quantity);
        form.addRow(3, new Label("Type"), type);

        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (vm.canSubmitProperty().get()) {
                    vm.submit();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.clear();
                e.consume();
            }
        });
        getChildren().setAll(title, form, validation, estimate, submit, message);
    }

    private static void styleSubmit(Button submit, Side side) {
        submit.getStyleClass().removeAll("buy", "sell");
        submit.getStyleClass().add(side == Side.SELL ? "sell" : "buy");
    }
}
