package dev.paperdesk.engine.execution.orders;

import dev.paperdesk.engine.model.OrderPlacement;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Rejection;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks the shape of an OCO pair, bracket or combo before any of its orders is accepted. */
public final class PlacementValidator {
    private PlacementValidator() {}

    public static Optional<Rejection> check(OrderPlacement placement) {
        return switch (placement) {
            case OrderPlacement.Single s -> Optional.empty();
            case OrderPlacement.Oco o -> oco(o);
            case OrderPlacement.Bracket b -> bracket(b);
            case OrderPlacement.Combo c -> combo(c);
        };
    }

    private static Optional<Rejection> bad(String message) {
        return Optional.of(new Rejection(RejectReason.INVALID_GROUP, message));
    }

    private static Optional<Rejection> oco(OrderPlacement.Oco o) {
        if (!o.first().portfolioId().equals(o.second().portfolioId())) {
            return bad("both legs of an OCO pair must belong to one portfolio");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> bracket(OrderPlacement.Bracket b) {
        OrderRequest e = b.entry();
        for (OrderRequest child : List.of(b.takeProfit(), b.stopLoss())) {
            if (!child.portfolioId().equals(e.portfolioId())
                    || !child.instrumentId().equals(e.instrumentId())) {
                return bad("bracket children must trade the entry's instrument in the entry's portfolio");
            }
            if (child.side() != e.side().opposite()) {
                return bad("bracket children must be on the other side of the entry ("
                        + e.side().opposite() + ")");
            }
            if (child.quantity().compareTo(e.quantity()) > 0) {
                return bad("a bracket child cannot be larger than the entry's " + e.quantity());
            }
        }
        if (e.type().isConditional() && e.type() != OrderType.STOP && e.type() != OrderType.STOP_LIMIT) {
            return bad("a bracket entry must be a market, limit, stop or stop-limit order, not " + e.type());
        }
        OrderType tp = b.takeProfit().type();
        if (tp != OrderType.LIMIT && !tp.isTakeProfit()) {
            return bad("the take-profit must be a limit or take-profit order, not " + tp);
        }
        OrderType sl = b.stopLoss().type();
        if (sl != OrderType.STOP && sl != OrderType.STOP_LIMIT && !sl.isTrailing()) {
            return bad("the stop-loss must be a stop, stop-limit or trailing stop, not " + sl);
        }
        Price target = tp == OrderType.LIMIT
                ? b.takeProfit().limitPrice()
                : b.takeProfit().stopPrice();
        Price stop = b.stopLoss().stopPrice();
        if (target != null && stop != null) {
            boolean longEntry = e.side() == Side.BUY;
            if (longEntry ? target.compareTo(stop) <= 0 : target.compareTo(stop) >= 0) {
                return bad("the take-profit " + target + " must be " + (longEntry ? "above" : "below")
                        + " the stop-loss " + stop + " for a " + e.side() + " entry");
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> combo(OrderPlacement.Combo c) {
        Set<Object> instruments = new HashSet<>();
        OrderRequest first = c.legs().get(0);
        for (OrderRequest leg : c.legs()) {
            if (!leg.portfolioId().equals(first.portfolioId())) {
                return bad("every combo leg must belong to one portfolio");
            }
            if (leg.type() != OrderType.MARKET) {
                return bad("combo legs are market orders; the combo's net limit bounds the price");
            }
            if (!instruments.add(leg.instrumentId())) {
                return bad("combo lists " + leg.instrumentId() + " twice");
            }
            BigDecimal[] qr =
                    leg.quantity().value().divideAndRemainder(c.units().value());
            if (qr[1].signum() != 0 || qr[0].signum() <= 0) {
                return bad("leg " + leg.instrumentId() + " quantity " + leg.quantity()
                        + " is not a whole multiple of the combo's " + c.units() + " units");
            }
        }
        return Optional.empty();
    }
}
