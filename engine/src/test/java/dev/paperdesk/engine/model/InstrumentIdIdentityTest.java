package dev.paperdesk.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link InstrumentId}'s written-out equality and hash are the record's own: the hash of a record of
 * the same components (so maps keyed by instruments iterate in the same order as before), and
 * equality by symbol and venue.
 */
class InstrumentIdIdentityTest {
    /** A record with the same components, whose generated methods are the reference. */
    private record Same(String symbol, String venue) {}

    @Test
    void hashIsTheRecordHash() {
        for (String text : List.of("ACME@hist", "BTC-USDT@binance", "EUR/USD@fxcm", "X@y", "ES.2024:Z@cme_1")) {
            InstrumentId id = InstrumentId.parse(text);
            assertThat(id.hashCode()).as(text).isEqualTo(new Same(id.symbol(), id.venue()).hashCode());
        }
    }

    @Test
    void equalByComponents() {
        InstrumentId a = new InstrumentId("ACME", "hist");
        assertThat(a).isEqualTo(new InstrumentId(new String("ACME"), new String("hist")));
        assertThat(a).isEqualTo(a);
        assertThat(a).isNotEqualTo(new InstrumentId("ACME", "live"));
        assertThat(a).isNotEqualTo(new InstrumentId("ACMF", "hist"));
        assertThat(a.equals(null)).isFalse();
        assertThat(a.equals("ACME@hist")).isFalse();
    }
}
