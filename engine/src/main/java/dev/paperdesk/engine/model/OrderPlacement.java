package dev.paperdesk.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * What can be placed in one command: a single order, an OCO pair, a bracket or a multi-leg combo.
 * The engine validates the whole placement first and accepts all of its orders or none.
 */
public sealed interface OrderPlacement {
    /** The orders this placement creates, in order. */
    List<OrderRequest> requests();

    /** One order on its own. */
    record Single(OrderRequest request) implements OrderPlacement {
        public Single {
            Objects.requireNonNull(request, "request");
        }

        @Override
        public List<OrderRequest> requests() {
            return List.of(request);
        }
    }

    /** Two orders where the execution of one cancels the other. */
    record Oco(OrderRequest first, OrderRequest second) implements OrderPlacement {
        public Oco {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }

        @Override
        public List<OrderRequest> requests() {
            return List.of(first, second);
        }
    }

    /**
     * An entry with a take-profit and a stop-loss on the other side. The children wait until the
     * entry has filled (their quantity follows what filled), then work as an OCO pair.
     */
    record Bracket(OrderRequest entry, OrderRequest takeProfit, OrderRequest stopLoss) implements OrderPlacement {
        public Bracket {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(takeProfit, "takeProfit");
            Objects.requireNonNull(stopLoss, "stopLoss");
        }

        /** The usual bracket: a limit take-profit and a stop-market stop-loss, both GTC, for the entry's quantity. */
        public static Bracket of(OrderRequest entry, Price takeProfit, Price stopLoss) {
            Side exit = entry.side().opposite();
            OrderRequest tp = OrderRequest.builder(entry.portfolioId(), entry.instrumentId(), exit, entry.quantity())
                    .limit(takeProfit)
                    .tag(entry.tag())
                    .build();
            OrderRequest sl = OrderRequest.builder(entry.portfolioId(), entry.instrumentId(), exit, entry.quantity())
                    .type(OrderType.STOP)
                    .stop(stopLoss)
                    .timeInForce(TimeInForce.GTC)
                    .tag(entry.tag())
                    .build();
            return new Bracket(entry, tp, sl);
        }

        @Override
        public List<OrderRequest> requests() {
            return List.of(entry, takeProfit, stopLoss);
        }
    }

    /**
     * Legs on several instruments that trade together: every leg in full, or none. Each leg is a
     * MARKET request for {@code ratio × units}; {@code netLimit} bounds the net price per unit.
     */
    record Combo(List<OrderRequest> legs, Quantity units, Price netLimit, TimeInForce timeInForce)
            implements OrderPlacement {
        public Combo {
            legs = List.copyOf(legs);
            Objects.requireNonNull(units, "units");
            Objects.requireNonNull(timeInForce, "timeInForce");
            if (legs.size() < 2) {
                throw new IllegalArgumentException("a combo needs at least two legs");
            }
            if (!units.isPositive()) {
                throw new IllegalArgumentException("combo units must be positive");
            }
        }

        @Override
        public List<OrderRequest> requests() {
            return legs;
        }
    }
}
