package dev.paperdesk.desktop.portfolio;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.margin.AccountSnapshot;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The account summary of the selected portfolio, in its base currency: equity, cash, buying power,
 * used margin, what working orders reserve, free margin, unrealized, realized and day P&amp;L.
 */
public final class AccountStripViewModel {
    private final TradingSession session;
    private final ObjectProperty<PortfolioId> portfolio;
    private final StringProperty currency = new SimpleStringProperty("");
    private final ObjectProperty<BigDecimal> equity = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> cash = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> balance = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> buyingPower = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> usedMargin = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> freeMargin = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> reserved = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> unrealized = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> realized = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> dayPnl = new SimpleObjectProperty<>(BigDecimal.ZERO);

    public AccountStripViewModel(TradingSession session, UiExecutor ui, ObjectProperty<PortfolioId> portfolio) {
        this.session = session;
        this.portfolio = portfolio;
        portfolio.addListener((o, a, b) -> refresh());
        session.addListener(e -> {
            if (e instanceof EngineEvent.PortfolioChanged p && p.snapshot().id().equals(portfolio.get())) {
                ui.coalesce("account-strip", this::refresh);
            }
        });
        refresh();
    }

    /** Re-reads the selected portfolio's account. */
    public void refresh() {
        PortfolioId id = portfolio.get();
        AccountSnapshot a = id == null ? null : session.accounts().account(id).orElse(null);
        if (a == null) {
            currency.set("");
            for (ObjectProperty<BigDecimal> p :
                    java.util.List.of(equity, balance, cash, buyingPower, usedMargin, freeMargin, reserved)) {
                p.set(null);
            }
            unrealized.set(BigDecimal.ZERO);
            realized.set(BigDecimal.ZERO);
            dayPnl.set(BigDecimal.ZERO);
            return;
        }
        currency.set(a.baseCurrency().code());
        equity.set(a.equity());
        cash.set(a.cash());
        balance.set(a.balance());
        buyingPower.set(a.stockBuyingPower());
        usedMargin.set(a.usedMargin());
        freeMargin.set(a.freeMargin());
        reserved.set(a.reservedForOrders());
        unrealized.set(a.unrealizedPnl());
        realized.set(a.realizedPnl());
        dayPnl.set(a.dayPnl());
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public ObjectProperty<BigDecimal> equityProperty() {
        return equity;
    }

    public ObjectProperty<BigDecimal> cashProperty() {
        return cash;
    }

    /** Cash plus the cost of open positions: what an exchange calls the wallet balance. */
    public ObjectProperty<BigDecimal> balanceProperty() {
        return balance;
    }

    /** Free margin at the default stock leverage. */
    public ObjectProperty<BigDecimal> buyingPowerProperty() {
        return buyingPower;
    }

    public ObjectProperty<BigDecimal> usedMarginProperty() {
        return usedMargin;
    }

    public ObjectProperty<BigDecimal> freeMarginProperty() {
        return freeMargin;
    }

    /** Margin and fees held back for working orders (already taken out of the free margin). */
    public ObjectProperty<BigDecimal> reservedProperty() {
        return reserved;
    }

    public ObjectProperty<BigDecimal> unrealizedProperty() {
        return unrealized;
    }

    public ObjectProperty<BigDecimal> realizedProperty() {
        return realized;
    }

    public ObjectProperty<BigDecimal> dayPnlProperty() {
        return dayPnl;
    }
}
