package dev.paperdesk.engine.pricing.chain;

import dev.paperdesk.engine.pricing.surface.SviVolatilitySurface;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A generated chain: its spec, the surface it was priced from and its quotes ordered by expiry, strike, right. */
public record OptionChain(ChainSpec spec, SviVolatilitySurface surface, List<ChainQuote> quotes) {
    public OptionChain {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(surface, "surface");
        quotes = List.copyOf(quotes);
    }

    /** The distinct expiries, ascending. */
    public List<LocalDate> expiries() {
        return quotes.stream()
                .map(q -> q.contract().expiry())
                .distinct()
                .sorted()
                .toList();
    }

    /** The quotes of one expiry. */
    public List<ChainQuote> at(LocalDate expiry) {
        return quotes.stream().filter(q -> q.contract().expiry().equals(expiry)).toList();
    }
}
