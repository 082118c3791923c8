package dev.paperdesk.engine.montecarlo;

/** How each Monte Carlo path is produced from the original backtest. */
public sealed interface ResamplingMethod
        permits TradeSequenceShuffle, TradeBootstrap, StationaryBlockBootstrap, ParameterPerturbation {

    /** A short name for reports, e.g. {@code trade-shuffle}. */
    String name();
}
