package dev.paperdesk.engine.pricing.strategy;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import java.time.LocalDate;

/** Where a template gets the prices of its legs from: usually a chain's ask for buys and bid for sells. */
@FunctionalInterface
public interface LegPricing {

    /** The price of buying ({@code buy}) or selling one option. */
    LegPrice price(OptionRight right, double strike, LocalDate expiry, boolean buy);
}
