package dev.paperdesk.engine.montecarlo;

import java.util.Objects;

/**
 * Draws as many trades as the original with replacement: paths differ in final equity as well as in
 * route, which estimates how much of the result was luck of the draw.
 */
public record TradeBootstrap(TradeSample sample) implements ResamplingMethod {
    public TradeBootstrap {
        Objects.requireNonNull(sample, "sample");
    }

    @Override
    public String name() {
        return "trade-bootstrap";
    }
}
