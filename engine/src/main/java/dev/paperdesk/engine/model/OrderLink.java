package dev.paperdesk.engine.model;

import java.util.Objects;

/** Ties an order to its group (OCO pair, bracket or combo) and says which part it plays. */
public record OrderLink(long groupId, OrderGroupKind kind, OrderRole role) {
    public OrderLink {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        if (groupId <= 0) {
            throw new IllegalArgumentException("group id must be positive: " + groupId);
        }
        boolean fits =
                switch (kind) {
                    case OCO -> role == OrderRole.OCO_LEG;
                    case BRACKET -> role == OrderRole.ENTRY
                            || role == OrderRole.TAKE_PROFIT
                            || role == OrderRole.STOP_LOSS;
                    case COMBO -> role == OrderRole.COMBO_LEG;
                };
        if (!fits) {
            throw new IllegalArgumentException("role " + role + " does not belong to a " + kind + " group");
        }
    }

    @Override
    public String toString() {
        return kind + " G" + groupId + " " + role;
    }
}
