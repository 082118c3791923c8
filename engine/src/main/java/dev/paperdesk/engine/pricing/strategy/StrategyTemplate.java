package dev.paperdesk.engine.pricing.strategy;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.pricing.strategy.StrategyLeg.OptionLeg;
import dev.paperdesk.engine.pricing.strategy.StrategyLeg.UnderlyingLeg;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The standard option strategies, each a list of leg shapes placed around the at-the-money strike
 * (the listed strike nearest spot) in steps of {@link TemplateInputs#width()} strikes.
 *
 * <p>Offsets count width steps from the ATM strike of the leg's expiry: for an iron condor with width 2
 * the short put is 2 strikes below ATM and the long put 4. Stock legs hold one multiplier of
 * underlying per contract (100 shares against each covered call).
 */
public enum StrategyTemplate {
    BULL_CALL_SPREAD("Bull call spread", call(0, 1), call(1, -1)),
    BEAR_CALL_SPREAD("Bear call spread", call(0, -1), call(1, 1)),
    BULL_PUT_SPREAD("Bull put spread", put(-1, 1), put(0, -1)),
    BEAR_PUT_SPREAD("Bear put spread", put(-1, -1), put(0, 1)),
    LONG_STRADDLE("Long straddle", put(0, 1), call(0, 1)),
    LONG_STRANGLE("Long strangle", put(-1, 1), call(1, 1)),
    IRON_CONDOR("Iron condor", put(-2, 1), put(-1, -1), call(1, -1), call(2, 1)),
    IRON_BUTTERFLY("Iron butterfly", put(-1, 1), put(0, -1), call(0, -1), call(1, 1)),
    CALL_BUTTERFLY("Call butterfly", call(-1, 1), call(0, -2), call(1, 1)),
    CALENDAR_SPREAD("Calendar spread", call(0, -1), farCall(0, 1)),
    DIAGONAL_SPREAD("Diagonal spread", call(1, -1), farCall(0, 1)),
    COVERED_CALL("Covered call", stock(), call(1, -1)),
    PROTECTIVE_PUT("Protective put", stock(), put(-1, 1)),
    COLLAR("Collar", stock(), put(-1, 1), call(1, -1));

    private final String label;
    private final List<Shape> shapes;

    StrategyTemplate(String label, Shape... shapes) {
        this.label = label;
        this.shapes = List.of(shapes);
    }

    /** The name a trader knows it by. */
    public String label() {
        return label;
    }

    /** True when the template needs a second, later expiry. */
    public boolean needsFarExpiry() {
        return shapes.stream().anyMatch(Shape::far);
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * The legs of this template priced through {@code pricing}; fails with a message when the chain
     * lacks the strikes (or the far expiry) it needs.
     */
    public OptionStrategy build(TemplateInputs in, LegPricing pricing) {
        if (needsFarExpiry() && (in.farExpiry() == null || !in.farExpiry().isAfter(in.nearExpiry()))) {
            throw new IllegalArgumentException(label + " needs a far expiry after " + in.nearExpiry());
        }
        List<StrategyLeg> legs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Shape shape : shapes) {
            if (shape.right() == null) {
                legs.add(new UnderlyingLeg((int) Math.round(in.contracts() * in.multiplier()), in.spot()));
                continue;
            }
            LocalDate expiry = shape.far() ? in.farExpiry() : in.nearExpiry();
            List<Double> strikes = shape.far() ? in.farStrikes() : in.nearStrikes();
            if (strikes.isEmpty()) {
                throw new IllegalArgumentException("no strikes listed for " + expiry);
            }
            int index = atmIndex(strikes, in.spot()) + shape.offset() * in.width();
            if (index < 0 || index >= strikes.size()) {
                throw new IllegalArgumentException(
                        label + ": not enough strikes around the money for a width of " + in.width() + " on " + expiry);
            }
            double strike = strikes.get(index);
            if (!seen.add(shape.right() + "@" + strike + "@" + expiry)) {
                throw new IllegalArgumentException(label + ": two legs on the same contract");
            }
            int quantity = shape.ratio() * in.contracts();
            LegPrice price = pricing.price(shape.right(), strike, expiry, quantity > 0);
            legs.add(new OptionLeg(shape.right(), strike, expiry, quantity, price.premium(), price.volatility()));
        }
        return new OptionStrategy(label, legs, in.multiplier());
    }

    /** The index of the listed strike nearest {@code spot} (the lower one on a tie). */
    public static int atmIndex(List<Double> sortedStrikes, double spot) {
        int best = 0;
        for (int i = 1; i < sortedStrikes.size(); i++) {
            if (Math.abs(sortedStrikes.get(i) - spot) < Math.abs(sortedStrikes.get(best) - spot)) {
                best = i;
            }
        }
        return best;
    }

    private record Shape(OptionRight right, int offset, int ratio, boolean far) {}

    private static Shape call(int offset, int ratio) {
        return new Shape(OptionRight.CALL, offset, ratio, false);
    }

    private static Shape put(int offset, int ratio) {
        return new Shape(OptionRight.PUT, offset, ratio, false);
    }

    private static Shape farCall(int offset, int ratio) {
        return new Shape(OptionRight.CALL, offset, ratio, true);
    }

    private static Shape stock() {
        return new Shape(null, 0, 1, false);
    }
}
