package dev.paperdesk.engine.strategy.rules;

import dev.paperdesk.engine.model.Bar;
import java.util.Locale;

/** The bar fields an expression may name. */
enum BarField {
    OPEN,
    HIGH,
    LOW,
    CLOSE,
    VOLUME;

    double of(Bar bar) {
        return switch (this) {
            case OPEN -> bar.open().doubleValue();
            case HIGH -> bar.high().doubleValue();
            case LOW -> bar.low().doubleValue();
            case CLOSE -> bar.close().doubleValue();
            case VOLUME -> bar.volume().doubleValue();
        };
    }

    static BarField byName(String name) {
        for (BarField f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                return f;
            }
        }
        return null;
    }
}
