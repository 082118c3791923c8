package dev.paperdesk.desktop.blotter;

import dev.paperdesk.desktop.common.Lists;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.PositionView;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Orders, positions and fills of the selected portfolio, refreshed from engine events (coalesced). */
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
            String reason) {}

    /** One open position. */
    public record PositionRow(
            String instrument,
            String currency,
            BigDecimal quantity,
            BigDecimal averagePrice,
            BigDecimal mark,
            BigDecimal marketValue,
            BigDecimal unrealizedPnl,
            BigDecimal realizedPnl) {}

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

    private final TradingSession session;
    private final UiExecutor ui;
    private final ObjectProperty<PortfolioId> portfolio;
    private final ObservableList<OrderRow> orders = FXCollections.observableArrayList();
    private final ObservableList<PositionRow> positions = FXCollections.observableArrayList();
    private final ObservableList<FillRow> fills = FXCollections.observableArrayList();

    public BlotterViewModel(TradingSession session, UiExecutor ui, ObjectProperty<PortfolioId> portfolio) {
        this.session = session;
        this.ui = ui;
        this.portfolio = portfolio;
        portfolio.addListener((obs, old, now) -> refresh());
        session.addListener(this::onEngineEvent);
        refresh();
    }

    private void onEngineEvent(EngineEvent event) {
        switch (event) {
            case EngineEvent.OrderUpdated o -> ui.coalesce("blotter", this::refresh);
            case EngineEvent.FillBooked f -> ui.coalesce("blotter", this::refresh);
            case EngineEvent.PortfolioChanged p -> ui.coalesce("blotter", this::refresh);
            default -> {}
        }
    }

    /** Rebuilds the rows from the engine's current views; runs on the UI thread. */
    public void refresh() {
        PortfolioId id = portfolio.get();
        if (id == null) {
            orders.clear();
            positions.clear();
            fills.clear();
            return;
        }
        List<OrderRow> orderRows = session.orders().stream()
                .filter(o -> o.request().portfolioId().equals(id))
                .sorted(Comparator.comparing(Order::id).reversed())
                .map(BlotterViewModel::toRow)
                .toList();
        Lists.replace(orders, orderRows);
        List<FillRow> fillRows = session.fills().stream()
                .filter(f -> f.portfolioId().equals(id))
                .sorted(Comparator.comparing((Fill f) -> f.id().value()).reversed())
                .map(BlotterViewModel::toRow)
                .toList();
        Lists.replace(fills, fillRows);
        List<PositionRow> positionRows =
                session.portfolio(id).map(PortfolioSnapshot::positions).orElse(List.of()).stream()
                        .filter(p -> p.quantity().signum() != 0)
                        .map(BlotterViewModel::toRow)
                        .toList();
        Lists.replace(positions, positionRows);
    }

    private static OrderRow toRow(Order o) {
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
                o.rejection() == null ? "" : o.rejection().toString());
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

    private static PositionRow toRow(PositionView p) {
        return new PositionRow(
                p.instrumentId().toString(),
                p.currency().code(),
                p.quantity(),
                p.averagePrice(),
                p.mark(),
                p.marketValue(),
                p.unrealizedPnl(),
                p.realizedPnl());
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
}
