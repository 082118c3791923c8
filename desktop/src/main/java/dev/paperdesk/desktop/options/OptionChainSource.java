package dev.paperdesk.desktop.options;

import dev.paperdesk.engine.model.InstrumentId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where the options desk reads chains from. Implementations are called from background threads and
 * must be safe to call from any thread.
 */
public interface OptionChainSource {

    /** The instruments options are listed on. */
    List<InstrumentId> underlyings();

    /** The listed expiries of {@code underlying}, ascending. */
    List<LocalDate> expiries(InstrumentId underlying);

    /** The chain of one expiry now, or empty when the underlying has no price yet or the expiry is gone. */
    Optional<ChainSnapshot> chain(InstrumentId underlying, LocalDate expiry);
}
