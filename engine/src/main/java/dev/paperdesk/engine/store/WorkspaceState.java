package dev.paperdesk.engine.store;

import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.portfolio.Portfolio;
import java.util.List;

/** Everything needed to resume trading: portfolios with their positions, orders and fills. */
public record WorkspaceState(List<Portfolio> portfolios, List<Order> orders, List<Fill> fills) {
    public WorkspaceState {
        portfolios = List.copyOf(portfolios);
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
    }
}
