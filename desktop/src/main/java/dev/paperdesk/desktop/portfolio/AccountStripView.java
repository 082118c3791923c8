package dev.paperdesk.desktop.portfolio;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.StyleClasses;
import java.math.BigDecimal;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The account summary strip under the toolbar; P&amp;L values are coloured by sign. */
public final class AccountStripView extends HBox {
    public AccountStripView(AccountStripViewModel vm) {
        setId("accountStrip");
        getStyleClass().add("account-strip");
        getChildren()
                .setAll(
                        field("Equity", money("accountEquity", vm, vm.equityProperty())),
                        field(
                                "Balance",
                                money("accountBalance", vm, vm.balanceProperty()),
                                "Cash plus the cost of open positions (wallet balance); equity = balance + unrealized P&L"),
                        field(
                                "Cash",
                                money("accountCash", vm, vm.cashProperty()),
                                "Cash in every currency, converted: it includes the proceeds of shorts and moves by"
                                        + " the full notional of every trade"),
                        field(
                                "Buying power",
                                money("accountBuyingPower", vm, vm.buyingPowerProperty()),
                                "Free margin times the default stock leverage"),
                        field("Used margin", money("accountUsedMargin", vm, vm.usedMarginProperty())),
                        field(
                                "Reserved for orders",
                                money("accountReserved", vm, vm.reservedProperty()),
                                "Margin and fees held back for working orders: what each would need if it"
                                        + " filled at its limit or trigger; released as they fill or end"),
                        field(
                                "Free margin",
                                money("accountFreeMargin", vm, vm.freeMarginProperty()),
                                "Cross-pool equity less the initial margin of cross positions and less what"
                                        + " working orders reserve"),
                        field("Unrealized P&L", pnl("accountUnrealized", vm.unrealizedProperty())),
                        field("Realized P&L", pnl("accountRealized", vm.realizedProperty())),
                        field(
                                "Day P&L",
                                pnl("accountDayPnl", vm.dayPnlProperty()),
                                "Equity change since 00:00 UTC, top-ups excluded"));
    }

    private static VBox field(String caption, Label value) {
        Label c = new Label(caption);
        c.getStyleClass().add("caption");
        return new VBox(c, value);
    }

    private static VBox field(String caption, Label value, String tip) {
        VBox box = field(caption, value);
        Tooltip.install(box, new Tooltip(tip));
        return box;
    }

    private static Label money(String id, AccountStripViewModel vm, ObjectProperty<BigDecimal> value) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("value");
        l.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> value.get() == null
                                ? "\u2014"
                                : Formats.money(value.get()) + " "
                                        + vm.currencyProperty().get(),
                        value,
                        vm.currencyProperty()));
        return l;
    }

    private static Label pnl(String id, ObjectProperty<BigDecimal> value) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("value");
        l.textProperty().bind(Bindings.createStringBinding(() -> Formats.signedMoney(value.get()), value));
        Runnable style = () -> {
            StyleClasses.exclusive(l.getStyleClass(), StyleClasses.PNL, Formats.pnlStyleClass(value.get()));
        };
        value.addListener((o, a, b) -> style.run());
        style.run();
        return l;
    }
}
