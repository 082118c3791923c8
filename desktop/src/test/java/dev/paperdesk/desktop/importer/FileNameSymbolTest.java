package dev.paperdesk.desktop.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNameSymbolTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "orcl.csv, ORCL",
        "SPY.csv, SPY",
        "backtrader_nvda-1999-2014.txt, NVDA",
        "backtrader_orcl-1995-2014.txt, ORCL",
        "nautilus_fxcm_gbpusd-m1-bid-2012.csv, GBPUSD",
        "ta4j_Coinbase_BTCUSD_4h.csv, BTCUSD",
        "nautilus_btc-perp-20211231-20220201_1m.csv, BTC-PERP",
        "freqtrade_UNITTEST_BTC-1m.csv, BTC",
        "binance_ETH-USDT_1h.csv, ETH-USDT",
        "eurusd_daily.csv, EURUSD",
        "microsoft.csv, MICROSOFT",
        "aapl 2024 daily.csv, AAPL",
    })
    void proposesTheWordThatNamesTheInstrument(String file, String symbol) {
        assertThat(FileNameSymbol.of(file)).contains(symbol);
    }

    @ParameterizedTest
    @CsvSource({"2006-min-005.txt", "20240101_1m.csv", "data.csv"})
    void proposesNothingWhenNoWordNamesAnInstrument(String file) {
        assertThat(FileNameSymbol.of(file)).isEmpty();
    }
}
