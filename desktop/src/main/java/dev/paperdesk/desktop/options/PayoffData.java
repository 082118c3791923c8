package dev.paperdesk.desktop.options;

import java.time.LocalDate;
import java.util.List;

/**
 * The curves of the payoff diagram over the same spots: profit at the first expiry, today, and on the
 * scenario date with the scenario volatility shift; the breakevens at expiry and the current spot.
 */
public record PayoffData(
        double[] spots,
        double[] atExpiry,
        double[] today,
        double[] scenario,
        LocalDate expiry,
        LocalDate scenarioDate,
        double volShiftPoints,
        List<Double> breakevens,
        double spot) {
    public PayoffData {
        if (atExpiry.length != spots.length || today.length != spots.length || scenario.length != spots.length) {
            throw new IllegalArgumentException("every payoff curve needs one value per spot");
        }
        breakevens = List.copyOf(breakevens);
    }
}
