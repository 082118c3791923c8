package dev.paperdesk.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Currency;
import org.junit.jupiter.api.Test;

/** Statements value dollar stablecoins at par with USD, as the engine does, and nothing else. */
class SameMoneyTest {
    @Test
    void dollarsAndStablecoinsAreTheSameMoneyOtherCurrenciesAreNot() {
        assertThat(AccountReplay.sameMoney(Currency.USDT, Currency.USD)).isTrue();
        assertThat(AccountReplay.sameMoney(Currency.of("USDC"), Currency.USDT)).isTrue();
        assertThat(AccountReplay.sameMoney(Currency.EUR, Currency.EUR)).isTrue();
        assertThat(AccountReplay.sameMoney(Currency.EUR, Currency.USD)).isFalse();
        assertThat(AccountReplay.sameMoney(Currency.BTC, Currency.USDT)).isFalse();
    }
}
