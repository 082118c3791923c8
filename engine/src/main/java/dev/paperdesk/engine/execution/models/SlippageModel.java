package dev.paperdesk.engine.execution.models;

import dev.paperdesk.engine.model.OrderType;
import java.util.random.RandomGenerator;

/**
 * How much worse than the touch (or the level taken) a taker fill is priced, in basis points of the
 * price. Resting (maker) fills trade at their limit and carry no model slippage. The engine rounds
 * the adjustment down to whole ticks (never beyond {@link #maxBps}) and never past a limit price.
 */
public sealed interface SlippageModel
        permits SlippageModel.None, SlippageModel.FixedBps, SlippageModel.SizeVsDepth, SlippageModel.OrderTypeScaled {

    /** What a slippage model may look at. {@code depth} is the displayed size at the touch (same unit as size). */
    record Input(OrderType type, double size, double depth) {}

    /** Slippage in basis points for one taker execution. */
    double bps(Input input, RandomGenerator random);

    /** The smallest value {@link #bps} can return for this order type. */
    double minBps(OrderType type);

    /** The largest value {@link #bps} can return for this order type. */
    double maxBps(OrderType type);

    /** A parseable one-line spec, e.g. {@code fixed(bps=5)}. */
    String spec();

    /** Words for reports. */
    String describe();

    /** Parses a spec written by {@link #spec}. */
    static SlippageModel parse(String text) {
        return of(ModelSpec.parse(text));
    }

    static SlippageModel of(ModelSpec s) {
        // if/return rather than a switch expression: see FeeModels.parse.
        if (s.name().equals("none")) {
            return new None();
        }
        if (s.name().equals("fixed")) {
            return new FixedBps(s.only("bps").number("bps", 5));
        }
        if (s.name().equals("size-depth")) {
            return new SizeVsDepth(
                    s.only("base", "impact", "cap").number("base", 2), s.number("impact", 3), s.number("cap", 5));
        }
        if (s.name().equals("order-type")) {
            s.only("market", "limit", "variation", "inner");
            return new OrderTypeScaled(
                    inner(s.spec("inner")), s.number("market", 2), s.number("limit", 0.5), s.number("variation", 0.5));
        }
        throw new IllegalArgumentException(
                "unknown slippage model '" + s.name() + "' (known: none, fixed, size-depth, order-type)");
    }

    private static SlippageModel inner(ModelSpec spec) {
        if (spec == null) {
            return new FixedBps(5);
        }
        return of(spec);
    }

    private static void nonNegative(String what, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a non-negative number: " + v);
        }
    }

    /** No model slippage: fills at the touch or at the levels taken. */
    record None() implements SlippageModel {
        @Override
        public double bps(Input input, RandomGenerator random) {
            return 0;
        }

        @Override
        public double minBps(OrderType type) {
            return 0;
        }

        @Override
        public double maxBps(OrderType type) {
            return 0;
        }

        @Override
        public String spec() {
            return "none";
        }

        @Override
        public String describe() {
            return "no slippage beyond the prices taken";
        }
    }

    /** A fixed number of basis points on every taker fill. */
    record FixedBps(double bps) implements SlippageModel {
        public FixedBps {
            nonNegative("fixed slippage", bps);
        }

        @Override
        public double bps(Input input, RandomGenerator random) {
            return bps;
        }

        @Override
        public double minBps(OrderType type) {
            return bps;
        }

        @Override
        public double maxBps(OrderType type) {
            return bps;
        }

        @Override
        public String spec() {
            return "fixed(bps=" + ModelSpec.num(bps) + ")";
        }

        @Override
        public String describe() {
            return ModelSpec.num(bps) + " bps fixed";
        }
    }

    /**
     * {@code base + size / depth × impact}, capped: a small order pays the base, an order as large as
     * the displayed depth pays base + impact. With no displayed depth it pays the cap.
     */
    record SizeVsDepth(double baseBps, double impactBps, double capBps) implements SlippageModel {
        /** 2 bps base, 3 bps impact per displayed depth, capped at 5 bps. */
        public static final SizeVsDepth DEFAULT = new SizeVsDepth(2, 3, 5);

        public SizeVsDepth {
            nonNegative("base slippage", baseBps);
            nonNegative("impact", impactBps);
            nonNegative("slippage cap", capBps);
            if (capBps < baseBps) {
                throw new IllegalArgumentException("slippage cap " + capBps + " is below the base " + baseBps);
            }
        }

        @Override
        public double bps(Input input, RandomGenerator random) {
            if (!(input.depth() > 0)) {
                return capBps;
            }
            return Math.min(capBps, baseBps + input.size() / input.depth() * impactBps);
        }

        @Override
        public double minBps(OrderType type) {
            return baseBps;
        }

        @Override
        public double maxBps(OrderType type) {
            return capBps;
        }

        @Override
        public String spec() {
            return "size-depth(base=" + ModelSpec.num(baseBps) + ", impact=" + ModelSpec.num(impactBps) + ", cap="
                    + ModelSpec.num(capBps) + ")";
        }

        @Override
        public String describe() {
            return ModelSpec.num(baseBps) + " bps + size/depth × " + ModelSpec.num(impactBps) + " bps, cap "
                    + ModelSpec.num(capBps) + " bps";
        }
    }

    /**
     * Another model scaled by order type — market (and stop-market) orders ×{@code market}, limit
     * orders ×{@code limit} — with a seeded uniform variation of ±{@code variation} (0.5 = ±50 %).
     */
    record OrderTypeScaled(SlippageModel inner, double marketMultiplier, double limitMultiplier, double variation)
            implements SlippageModel {
        public OrderTypeScaled {
            java.util.Objects.requireNonNull(inner, "inner");
            nonNegative("market multiplier", marketMultiplier);
            nonNegative("limit multiplier", limitMultiplier);
            if (!(variation >= 0 && variation <= 1)) {
                throw new IllegalArgumentException("variation must be between 0 and 1: " + variation);
            }
        }

        private double multiplier(OrderType type) {
            return type.hasLimit() ? limitMultiplier : marketMultiplier;
        }

        @Override
        public double bps(Input input, RandomGenerator random) {
            double u = random.nextDouble() * 2 - 1;
            return inner.bps(input, random) * multiplier(input.type()) * (1 + variation * u);
        }

        @Override
        public double minBps(OrderType type) {
            return inner.minBps(type) * multiplier(type) * (1 - variation);
        }

        @Override
        public double maxBps(OrderType type) {
            return inner.maxBps(type) * multiplier(type) * (1 + variation);
        }

        @Override
        public String spec() {
            return "order-type(market=" + ModelSpec.num(marketMultiplier) + ", limit=" + ModelSpec.num(limitMultiplier)
                    + ", variation=" + ModelSpec.num(variation) + ", inner=" + inner.spec() + ")";
        }

        @Override
        public String describe() {
            return "(" + inner.describe() + ") × " + ModelSpec.num(marketMultiplier) + " market / "
                    + ModelSpec.num(limitMultiplier) + " limit, ±" + ModelSpec.num(variation * 100) + " % seeded";
        }
    }
}
