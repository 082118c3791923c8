package dev.paperdesk.engine.execution.models;

import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.StandardFeeModel;
import java.math.BigDecimal;

/** Parses fee model specs: {@code none}, {@code standard(...)} and {@code venue(...)}. */
public final class FeeModels {
    private FeeModels() {}

    // Plain if/return on purpose: a switch expression yielding different classes makes the bytecode
    // merge their types, which the mutation tester's frame computation cannot load on newer JDKs.
    public static FeeModel parse(String text) {
        ModelSpec s = ModelSpec.parse(text);
        if (s.name().equals("none")) {
            return FeeModel.NONE;
        }
        if (s.name().equals("standard")) {
            s.only("per-share", "min", "maker", "taker");
            StandardFeeModel d = StandardFeeModel.DEFAULT;
            return new StandardFeeModel(
                    dec(s, "per-share", d.perShare()),
                    dec(s, "min", d.minimumPerFill()),
                    dec(s, "maker", d.makerBps()),
                    dec(s, "taker", d.takerBps()));
        }
        if (s.name().equals("venue")) {
            s.only("per-share", "equity-min", "per-contract", "maker", "taker", "min");
            VenueFeeModel d = VenueFeeModel.DEFAULT;
            return new VenueFeeModel(
                    dec(s, "per-share", d.perShare()),
                    dec(s, "equity-min", d.equityMinimum()),
                    dec(s, "per-contract", d.perContract()),
                    dec(s, "maker", d.fallbackMakerBps()),
                    dec(s, "taker", d.fallbackTakerBps()),
                    dec(s, "min", d.minimumPerOrder()));
        }
        throw new IllegalArgumentException("unknown fee model '" + s.name() + "' (known: none, standard, venue)");
    }

    private static BigDecimal dec(ModelSpec s, String key, BigDecimal fallback) {
        String w = s.word(key, null);
        if (w == null) {
            return fallback;
        }
        try {
            return new BigDecimal(w);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.name() + ": " + key + " must be a decimal number, not '" + w + "'");
        }
    }
}
