package dev.paperdesk.engine.execution.models;

import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.StandardFeeModel;
import java.math.BigDecimal;

/** Parses fee model specs: {@code none}, {@code standard(...)} and {@code venue(...)}. */
public final class FeeModels {
    private FeeModels() {}

    public static FeeModel parse(String text) {
        ModelSpec s = ModelSpec.parse(text);
        return switch (s.name()) {
            case "none" -> FeeModel.NONE;
            case "standard" -> {
                s.only("per-share", "min", "maker", "taker");
                StandardFeeModel d = StandardFeeModel.DEFAULT;
                yield new StandardFeeModel(
                        dec(s, "per-share", d.perShare()),
                        dec(s, "min", d.minimumPerFill()),
                        dec(s, "maker", d.makerBps()),
                        dec(s, "taker", d.takerBps()));
            }
            case "venue" -> {
                s.only("per-share", "equity-min", "per-contract", "maker", "taker", "min");
                VenueFeeModel d = VenueFeeModel.DEFAULT;
                yield new VenueFeeModel(
                        dec(s, "per-share", d.perShare()),
                        dec(s, "equity-min", d.equityMinimum()),
                        dec(s, "per-contract", d.perContract()),
                        dec(s, "maker", d.fallbackMakerBps()),
                        dec(s, "taker", d.fallbackTakerBps()),
                        dec(s, "min", d.minimumPerOrder()));
            }
            default -> throw new IllegalArgumentException(
                    "unknown fee model '" + s.name() + "' (known: none, standard, venue)");
        };
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
