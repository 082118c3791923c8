package dev.paperdesk.engine.store;

import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderGroup;
import dev.paperdesk.engine.portfolio.Portfolio;
import java.util.List;

/**
 * Everything needed to resume trading: portfolios with their positions, orders (with trailing state
 * and expiry), their OCO/bracket/combo groups, and fills.
 */
public record WorkspaceState(
        List<Portfolio> portfolios, List<Order> orders, List<Fill> fills, List<OrderGroup> groups) {
    public WorkspaceState {
        portfolios = List.copyOf(portfolios);
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        groups = List.copyOf(groups);
    }

    /** A state without order groups. */
    public WorkspaceState(List<Portfolio> portfolios, List<Order> orders, List<Fill> fills) {
        this(portfolios, orders, fills, List.of());
    }
}
