package dev.paperdesk.engine.execution.models;

import java.util.Locale;
import java.util.Objects;

/** How a marketable order meets the market: walking the book, at the touch, or on bars. */
public sealed interface FillModel permits FillModel.Auto, FillModel.BookWalk, FillModel.Touch, FillModel.Bars {
    /** The concrete model for an instrument with data of {@code kind}. */
    FillModel resolve(DataKind kind);

    String spec();

    String describe();

    static FillModel parse(String text) {
        ModelSpec s = ModelSpec.parse(text);
        // if/return rather than a switch expression: see FeeModels.parse.
        if (s.name().equals("auto")) {
            return new Auto();
        }
        if (s.name().equals("book-walk")) {
            return new BookWalk();
        }
        if (s.name().equals("touch")) {
            return new Touch();
        }
        if (s.name().equals("bars")) {
            return new Bars(
                    BarMode.parse(s.only("mode", "through").word("mode", "next-open")), (int) s.number("through", 1));
        }
        throw new IllegalArgumentException(
                "unknown fill model '" + s.name() + "' (known: auto, book-walk, touch, bars)");
    }

    /** Picks by data: book walk with a book, the touch with quotes only, next-bar open with bars only. */
    record Auto() implements FillModel {
        @Override
        public FillModel resolve(DataKind kind) {
            if (kind == DataKind.LIVE_BOOK || kind == DataKind.BOOK_SNAPSHOTS) {
                return new BookWalk();
            }
            if (kind == DataKind.QUOTES) {
                return new Touch();
            }
            return Bars.DEFAULT;
        }

        @Override
        public String spec() {
            return "auto";
        }

        @Override
        public String describe() {
            return "by data: book walk with a book, touch with quotes, next bar's open with bars";
        }
    }

    /**
     * Marketable orders consume the L2 book level by level, one fill per level at its price; what
     * they take comes back over time (the simulator's refill, or our own half-life over snapshots).
     */
    record BookWalk() implements FillModel {
        @Override
        public FillModel resolve(DataKind kind) {
            if (kind == DataKind.BARS) {
                return Bars.DEFAULT;
            }
            return this;
        }

        @Override
        public String spec() {
            return "book-walk";
        }

        @Override
        public String describe() {
            return "book walk: level by level, consumed liquidity refills over time";
        }
    }

    /** Marketable orders fill in full at the touch; the slippage model prices their size. */
    record Touch() implements FillModel {
        @Override
        public FillModel resolve(DataKind kind) {
            return this;
        }

        @Override
        public String spec() {
            return "touch";
        }

        @Override
        public String describe() {
            return "at the touch, in full";
        }
    }

    /** Bar-only data: see {@link BarMode}; resting limits need the price to trade through by {@code throughTicks}. */
    record Bars(BarMode mode, int throughTicks) implements FillModel {
        public static final Bars DEFAULT = new Bars(BarMode.NEXT_OPEN, 1);

        public Bars {
            Objects.requireNonNull(mode, "mode");
            if (throughTicks < 0) {
                throw new IllegalArgumentException("trade-through ticks must not be negative: " + throughTicks);
            }
        }

        @Override
        public FillModel resolve(DataKind kind) {
            return this;
        }

        @Override
        public String spec() {
            return "bars(mode=" + mode.label() + ", through=" + throughTicks + ")";
        }

        @Override
        public String describe() {
            return (mode == BarMode.NEXT_OPEN ? "market orders at the next bar's open" : "market orders at the touch")
                    + "; resting orders along the intrabar path, limits when traded through by " + throughTicks
                    + " tick(s)";
        }
    }

    /** When a market order on bar data fills. */
    enum BarMode {
        /** At the open of the next bar (no look-ahead). */
        NEXT_OPEN,
        /** At once, at the current touch (the last close ± the replay's spread). */
        TOUCH;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static BarMode parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "next-open" -> NEXT_OPEN;
                case "touch", "intrabar" -> TOUCH;
                default -> throw new IllegalArgumentException(
                        "bar mode must be next-open or touch, not '" + text + "'");
            };
        }
    }
}
