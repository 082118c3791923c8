package dev.paperdesk.desktop.blotter;

import dev.paperdesk.desktop.common.Lists;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderChange;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.options.DollarGreeks;
import dev.paperdesk.engine.options.PortfolioGreeks;
import dev.paperdesk.engine.options.PositionGreeks;
import dev.paperdesk.engine.options.UnderlyingGreeks;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.PositionView;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.JournalEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Working orders, order history with each order's journal, positions and fills of the selected
 * portfolio, filtered by a search text and refreshed from engine events (coalesced). Working orders
 * can be modified in place and cancelled; rejections (of orders, cancels and modifies) show in a
 * banner with their reason.
 */
public final class BlotterViewModel {
    /** One order as the blotter shows it. */
    public record OrderRow(
            long id,
            Instant created,
            String instrument,
            Side side,
            OrderType type,
            BigDecimal quantity,
            BigDecimal filled,
            BigDecimal averagePrice,
            OrderStatus status,
            String reason,
            BigDecimal limit,
            BigDecimal stop,
            TimeInForce tif,
            String group) {}

    /**
     * One open position; the Greeks are {@code null} for a position with none (not an option, nor an
     * underlying options are listed on): delta in share equivalents, gamma per unit of underlying,
     * theta per day and vega per volatility point in the position's currency.
     */
    public record PositionRow(
            String instrument,
            String currency,
            BigDecimal quantity,
            BigDecimal averagePrice,
            BigDecimal mark,
            BigDecimal marketValue,
            BigDecimal unrealizedPnl,
            BigDecimal realizedPnl,
            Double delta,
            Double gamma,
            Double theta,
            Double vega) {}

    /** One fill. */
    public record FillRow(
            long id,
            Instant time,
            long orderId,
            String instrument,
            Side side,
            BigDecimal quantity,
            BigDecimal price,
            BigDecimal fee,
            String liquidity,
            BigDecimal slippage) {}

    /** One entry of an order's journal. */
    public record JournalRow(long sequence, Instant time, String kind, OrderStatus status, String reason) {}

    private final TradingSession session;
    private final UiExecutor ui;
    private final ObjectProperty<PortfolioId> portfolio;
    private final ObservableList<OrderRow> working = FXCollections.observableArrayList();
    private final ObservableList<OrderRow> orders = FXCollections.observableArrayList();
    private final ObservableList<PositionRow> positions = FXCollections.observableArrayList();
    private final ObservableList<FillRow> fills = FXCollections.observableArrayList();
    private final ObservableList<JournalRow> journal = FXCollections.observableArrayList();
    private final ObjectProperty<OrderRow> selectedOrder = new SimpleObjectProperty<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty banner = new SimpleStringProperty("");
    private final StringProperty greeksSummary = new SimpleStringProperty("");

    public BlotterViewModel(TradingSession session, UiExecutor ui, ObjectProperty<PortfolioId> portfolio) {
        this.session = session;
        this.ui = ui;
        this.portfolio = portfolio;
        portfolio.addListener((obs, old, now) -> refresh());
        filter.addListener((obs, old, now) -> refresh());
        selectedOrder.addListener((obs, old, now) -> loadJournal());
        session.addListener(this::onEngineEvent);
        refresh();
    }

    private void onEngineEvent(EngineEvent event) {
        switch (event) {
            case EngineEvent.OrderUpdated o -> {
                ui.coalesce("blotter", this::refresh);
                if (o.order().request().portfolioId().equals(portfolio.get())) {
                    String why =
                            switch (o.event()) {
                                case OrderEvent.Rejected r -> "Order "
                                        + o.order().id() + " rejected — "
                                        + r.rejection().reason() + ": "
                                        + r.rejection().message();
                                case OrderEvent.AmendRejected a -> "Order "
                                        + o.order().id() + ": " + a.reason();
                                default -> null;
                            };
                    if (why != null) {
                        ui.post(() -> banner.set(why));
                    }
                }
            }
            case EngineEvent.FillBooked f -> ui.coalesce("blotter", this::refresh);
            case EngineEvent.PortfolioChanged p -> ui.coalesce("blotter", this::refresh);
            default -> {}
        }
    }

    /** Rebuilds the rows from the engine's current views; runs on the UI thread. */
    public void refresh() {
        PortfolioId id = portfolio.get();
        if (id == null) {
            working.clear();
            orders.clear();
            positions.clear();
            fills.clear();
            greeksSummary.set("");
            return;
        }
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        List<OrderRow> orderRows = session.orders().stream()
                .filter(o -> o.request().portfolioId().equals(id))
                .sorted(Comparator.comparing(Order::id).reversed())
                .map(BlotterViewModel::toRow)
                .filter(r ->
                        matches(needle, r.id(), r.instrument(), r.side(), r.type(), r.status(), r.reason(), r.group()))
                .toList();
        Lists.replace(orders, orderRows);
        Lists.replace(
                working, orderRows.stream().filter(r -> r.status().isOpen()).toList());
        List<FillRow> fillRows = session.fills().stream()
                .filter(f -> f.portfolioId().equals(id))
                .sorted(Comparator.comparing((Fill f) -> f.id().value()).reversed())
                .map(BlotterViewModel::toRow)
                .filter(r -> matches(needle, r.id(), r.orderId(), r.instrument(), r.side(), r.liquidity()))
                .toList();
        Lists.replace(fills, fillRows);
        java.util.Map<String, PositionGreeks> greeks = new java.util.HashMap<>();
        if (session.portfolio(id).isPresent()) {
            for (PositionGreeks g : session.positionGreeks(id)) {
                greeks.put(g.instrument().toString(), g);
            }
            greeksSummary.set(summary(session.portfolioGreeks(id)));
        } else {
            greeksSummary.set("");
        }
        List<PositionRow> positionRows =
                session.portfolio(id).map(PortfolioSnapshot::positions).orElse(List.of()).stream()
                        .filter(p -> p.quantity().signum() != 0)
                        .map(p -> toRow(p, greeks.get(p.instrumentId().toString())))
                        .filter(r -> matches(needle, r.instrument(), r.currency()))
                        .toList();
        Lists.replace(positions, positionRows);
        loadJournal();
    }

    private static boolean matches(String needle, Object... fields) {
        if (needle.isEmpty()) {
            return true;
        }
        for (Object f : fields) {
            if (f != null && String.valueOf(f).toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private void loadJournal() {
        OrderRow row = selectedOrder.get();
        if (row == null) {
            journal.clear();
            return;
        }
        List<JournalRow> rows = session.journal(new OrderId(row.id())).stream()
                .map(BlotterViewModel::toRow)
                .toList();
        Lists.replace(journal, rows);
    }

    /** Cancels a working order (the cancel travels to the venue; a refusal shows in the banner). */
    public CompletableFuture<Order> cancel(OrderRow row) {
        return session.cancel(new OrderId(row.id()));
    }

    /** Cancels every working order of the portfolio. */
    public CompletableFuture<List<Order>> cancelAll() {
        return session.cancelAll(portfolio.get(), null);
    }

    /**
     * Modifies a working order in place: a new limit, stop or total quantity (text as typed; blank
     * leaves the field alone). Problems with the text show in the banner.
     */
    public CompletableFuture<Order> modify(OrderRow row, String limit, String stop, String quantity) {
        try {
            Price l = blank(limit) ? null : Price.of(limit.strip().replace(",", ""));
            Price s = blank(stop) ? null : Price.of(stop.strip().replace(",", ""));
            Quantity q = blank(quantity) ? null : Quantity.of(quantity.strip().replace(",", ""));
            return session.modify(new OrderId(row.id()), new OrderChange(l, s, q));
        } catch (IllegalArgumentException e) {
            banner.set("Order " + "O" + row.id() + ": modify not sent — " + e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Hides the banner. */
    public void dismissBanner() {
        banner.set("");
    }

    static OrderRow toRow(Order o) {
        var r = o.request();
        return new OrderRow(
                o.id().value(),
                o.createdAt(),
                r.instrumentId().toString(),
                r.side(),
                r.type(),
                r.quantity().value(),
                o.filledQuantity().value(),
                o.averageFillPrice() == null ? null : o.averageFillPrice().value(),
                o.status(),
                o.rejection() == null ? "" : o.rejection().toString(),
                o.effectiveLimit() == null ? null : o.effectiveLimit().value(),
                o.currentStop() == null ? null : o.currentStop().value(),
                r.timeInForce(),
                o.link() == null
                        ? ""
                        : o.link().kind() + " G" + o.link().groupId() + " "
                                + o.link().role());
    }

    private static FillRow toRow(Fill f) {
        return new FillRow(
                f.id().value(),
                f.timestamp(),
                f.orderId().value(),
                f.instrumentId().toString(),
                f.side(),
                f.quantity().value(),
                f.price().value(),
                f.fee().amount(),
                f.liquidity().name(),
                f.slippage());
    }

    private static PositionRow toRow(PositionView p, PositionGreeks g) {
        return new PositionRow(
                p.instrumentId().toString(),
                p.currency().code(),
                p.quantity(),
                p.averagePrice(),
                p.mark(),
                p.marketValue(),
                p.unrealizedPnl(),
                p.realizedPnl(),
                g == null ? null : g.delta(),
                g == null ? null : g.gamma(),
                g == null ? null : g.theta(),
                g == null ? null : g.vega());
    }

    /** One line of option Greeks per underlying and in total; empty without options. */
    static String summary(PortfolioGreeks g) {
        if (g.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Option Greeks \u2014 ");
        for (UnderlyingGreeks u : g.underlyings()) {
            sb.append(u.underlying().symbol())
                    .append(": \u0394 ")
                    .append(signed(u.delta(), 1))
                    .append(" sh, \u0393 ")
                    .append(signed(u.gamma(), 3))
                    .append(", \u0398 ")
                    .append(signed(u.dollars().theta(), 2))
                    .append("/day, vega ")
                    .append(signed(u.dollars().vega(), 2))
                    .append("/pt \u00b7 ");
        }
        DollarGreeks t = g.total();
        return sb.append("Total (")
                .append(g.baseCurrency().code())
                .append("): $\u0394 ")
                .append(signed(t.delta(), 0))
                .append(", \u0398 ")
                .append(signed(t.theta(), 2))
                .append("/day, vega ")
                .append(signed(t.vega(), 2))
                .append("/pt, \u03c1 ")
                .append(signed(t.rho(), 2))
                .append("/pt")
                .toString();
    }

    /** A signed number with thousands separators: {@code +1,234.5}, {@code \u22120.25}. */
    static String signed(double v, int decimals) {
        String body = String.format(Locale.US, "%,." + decimals + "f", Math.abs(v));
        boolean zero = body.chars().allMatch(c -> c == '0' || c == '.' || c == ',');
        return zero ? body : (v > 0 ? "+" : "\u2212") + body;
    }

    private static JournalRow toRow(JournalEntry j) {
        return new JournalRow(j.sequence(), j.timestamp(), j.kind(), j.status(), j.reason());
    }

    public ObservableList<OrderRow> working() {
        return working;
    }

    public ObservableList<OrderRow> orders() {
        return orders;
    }

    public ObservableList<PositionRow> positions() {
        return positions;
    }

    public ObservableList<FillRow> fills() {
        return fills;
    }

    public ObservableList<JournalRow> journal() {
        return journal;
    }

    public ObjectProperty<OrderRow> selectedOrderProperty() {
        return selectedOrder;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty bannerProperty() {
        return banner;
    }

    /** The portfolio's option Greeks per underlying and in total, one line; empty without options. */
    public StringProperty greeksSummaryProperty() {
        return greeksSummary;
    }
}
