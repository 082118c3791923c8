package dev.paperdesk.engine.execution.models;

import dev.paperdesk.engine.execution.book.TickBook;
import java.util.function.LongUnaryOperator;

/** When a resting limit order's turn in the queue at its price comes. */
public sealed interface QueueModel permits QueueModel.QueuePosition, QueueModel.TradeThrough {
    /** The threshold rule for the {@link TickBook}: traded volume needed, as a function of the depth found. */
    LongUnaryOperator threshold();

    String spec();

    String describe();

    static QueueModel parse(String text) {
        ModelSpec s = ModelSpec.parse(text);
        // if/return rather than a switch expression: see FeeModels.parse.
        if (s.name().equals("queue")) {
            return new QueuePosition(s.only("share").number("share", 0.2));
        }
        if (s.name().equals("through")) {
            return new TradeThrough();
        }
        throw new IllegalArgumentException("unknown queue model '" + s.name() + "' (known: queue, through)");
    }

    /**
     * The order joins the back of the queue and fills once the volume traded at its price since it
     * joined exceeds {@code share} of the resting depth it found there (default 20 %), or when the
     * price trades through it.
     */
    record QueuePosition(double share) implements QueueModel {
        public static final QueuePosition DEFAULT = new QueuePosition(0.2);

        public QueuePosition {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("queue share must be between 0 and 1: " + share);
            }
        }

        @Override
        public LongUnaryOperator threshold() {
            return TickBook.shareOfDepth(share);
        }

        @Override
        public String spec() {
            return "queue(share=" + ModelSpec.num(share) + ")";
        }

        @Override
        public String describe() {
            return "queue position: fills after " + ModelSpec.num(share * 100)
                    + " % of the depth found has traded at its price, or on a trade-through";
        }
    }

    /** The most conservative rule: a resting order fills only when the price trades through it. */
    record TradeThrough() implements QueueModel {
        @Override
        public LongUnaryOperator threshold() {
            return TickBook.throughOnly();
        }

        @Override
        public String spec() {
            return "through";
        }

        @Override
        public String describe() {
            return "fills only when the price trades through the limit";
        }
    }
}
