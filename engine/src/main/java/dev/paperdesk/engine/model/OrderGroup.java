package dev.paperdesk.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * Orders that belong together, in the order they were placed (a bracket lists entry, take-profit,
 * stop-loss).
 *
 * @param netLimit for a combo, the worst acceptable net price per unit ({@code Σ sign × ratio × price},
 *     positive for a debit, negative for a credit); {@code null} for no limit or other kinds
 * @param comboQuantity for a combo, the number of units; each leg trades {@code ratio × units}
 */
public record OrderGroup(long id, OrderGroupKind kind, List<OrderId> members, Price netLimit, Quantity comboQuantity) {
    public OrderGroup {
        Objects.requireNonNull(kind, "kind");
        members = List.copyOf(members);
        if (id <= 0) {
            throw new IllegalArgumentException("group id must be positive: " + id);
        }
        int expected =
                switch (kind) {
                    case OCO -> 2;
                    case BRACKET -> 3;
                    case COMBO -> -1;
                };
        if (expected > 0 && members.size() != expected) {
            throw new IllegalArgumentException(kind + " group needs " + expected + " orders, not " + members.size());
        }
        if (kind == OrderGroupKind.COMBO) {
            if (members.size() < 2) {
                throw new IllegalArgumentException("a combo needs at least two legs");
            }
            Objects.requireNonNull(comboQuantity, "combo quantity");
        } else if (netLimit != null || comboQuantity != null) {
            throw new IllegalArgumentException("only combos have a net limit and a unit quantity");
        }
    }
}
