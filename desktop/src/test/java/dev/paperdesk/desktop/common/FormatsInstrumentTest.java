package dev.paperdesk.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsInstrumentTest {

    @Test
    void anOptionContractReadsAsUnderlyingExpiryStrikeAndRight() {
        assertThat(Formats.instrument("ORBZ-20260320-C-182.5@nasdaq")).isEqualTo("ORBZ 20MAR26 182.5 C");
        assertThat(Formats.instrument("SPYX-20261218-P-450@nasdaq")).isEqualTo("SPYX 18DEC26 450 P");
    }

    @Test
    void anUnderlyingWithADashKeepsItsWholeName() {
        assertThat(Formats.instrument("BTC-USDT-20261225-C-100000@binance")).isEqualTo("BTC-USDT 25DEC26 100000 C");
    }

    @Test
    void otherIdsAreUnchanged() {
        assertThat(Formats.instrument("ORBZ@nasdaq")).isEqualTo("ORBZ@nasdaq");
        assertThat(Formats.instrument("BTC-USDT@binance")).isEqualTo("BTC-USDT@binance");
        assertThat(Formats.instrument("BTC-USDT-PERP@binance")).isEqualTo("BTC-USDT-PERP@binance");
        assertThat(Formats.instrument("XYZ-20261399-C-1@v")).isEqualTo("XYZ-20261399-C-1@v");
        assertThat(Formats.instrument(null)).isEmpty();
    }
}
