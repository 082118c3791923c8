package dev.paperdesk.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormatsPriceTest {
    @Test
    void anAveragePriceKeepsFourDecimalsFromOneUpAndEightBelow() {
        // fills at 64,980.5 and 64,990.1 of different sizes average to a long decimal
        assertThat(Formats.averagePrice(new BigDecimal("64984.7530464"))).isEqualTo("64,984.753");
        assertThat(Formats.averagePrice(new BigDecimal("64984.7536464"))).isEqualTo("64,984.7536");
        assertThat(Formats.averagePrice(new BigDecimal("182.38"))).isEqualTo("182.38");
        assertThat(Formats.averagePrice(new BigDecimal("182.4"))).isEqualTo("182.40");
        assertThat(Formats.averagePrice(new BigDecimal("100"))).isEqualTo("100.00");
        assertThat(Formats.averagePrice(new BigDecimal("0.0016200812"))).isEqualTo("0.00162008");
        assertThat(Formats.averagePrice(null)).isEmpty();
        // a price as such keeps its decimals
        assertThat(Formats.price(new BigDecimal("64984.7530464"))).isEqualTo("64,984.7530464");
    }
}
