package dev.paperdesk.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.analytics.MetricsConfig;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A market that trades every day (crypto) is annualised over 365 days a year, a stock market over 252
 * trading days: a year of bitcoin bars is a year, not 365/252 of one (its CAGR read 55.6 % for 89.8 %).
 */
class AnnualisationTest {
    static final InstrumentId COIN = new InstrumentId("COIN", "hist");

    @Test
    void weekendsInTheDataMeanACalendarYear() {
        LocalDate monday = LocalDate.of(2024, 1, 1);
        List<LocalDate> weekdays = List.of(monday, monday.plusDays(1), monday.plusDays(4));
        assertThat(MetricsConfig.daily(weekdays).periodsPerYear()).isEqualTo(252);
        assertThat(MetricsConfig.daily(List.of(monday, monday.plusDays(5))).periodsPerYear())
                .isEqualTo(365);
        assertThat(MetricsConfig.daily(List.of())).isEqualTo(MetricsConfig.DAILY);
    }

    @Test
    void aBacktestOfEveryDayBarsCompoundsOverCalendarYears() {
        // two years of daily bars, weekends included, rising 0.1 % a day: buy and hold it
        List<Bar> days = new ArrayList<>();
        Instant t = Instant.parse("2022-01-01T00:00:00Z");
        double price = 100;
        for (int i = 0; i < 730; i++) {
            BigDecimal open = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_EVEN);
            price *= 1.001;
            BigDecimal close = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_EVEN);
            days.add(new Bar(COIN, Timeframe.D1, t.plusSeconds(86_400L * i), open, close, open, close, BigDecimal.TEN));
        }
        String yaml =
                """
                name: hold
                instruments: [COIN@hist]
                timeframe: 1d
                rules:
                  - name: in
                    when: {position: flat}
                    then: {action: buy, size: {quantity: 100}}
                """;
        BacktestResult r = Backtester.run(BacktestConfig.of(
                "hold.yaml",
                StrategySource.load("hold.yaml", yaml, List.of(COIN), Timeframe.D1),
                BacktestData.ofBars(BacktestData.csvInstrument(COIN), days)));

        int returns = r.equity().size(); // one return a day, the first from the starting capital
        double total = r.metrics().totalReturn();
        assertThat(total).isPositive();
        assertThat(r.metrics().cagr()).isCloseTo(Math.pow(1 + total, 365.0 / returns) - 1, within(1e-9));
        assertThat(r.benchmark().cagr())
                .isCloseTo(Math.pow(1 + r.benchmark().totalReturn(), 365.0 / returns) - 1, within(1e-9));
    }
}
