package dev.paperdesk.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.report.pdf.BacktestReportData;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestReportsTest {
    static final InstrumentId ACME = new InstrumentId("ACME", "hist");

    @Test
    void theReportSaysInWhichLotsEachInstrumentTraded() {
        BacktestData data = BacktestData.ofBars(
                        BacktestData.csvInstrument(ACME), GeneratedBars.wave(ACME, Timeframe.H1, 200, 3))
                .withLot(ACME, new BigDecimal("0.001"));
        var smaCross = StrategySource.load(
                "builtin:sma-cross", StrategySource.text("builtin:sma-cross"), List.of(ACME), Timeframe.H1);
        BacktestResult r = Backtester.run(BacktestConfig.of("builtin:sma-cross", smaCross, data));

        assertThat(r.config().lots()).containsEntry("ACME@hist", new BigDecimal("0.001"));
        assertThat(BacktestReports.of(r).assumptions())
                .contains(new BacktestReportData.Assumption("Lot", "ACME@hist 0.001"))
                .last()
                .isEqualTo(new BacktestReportData.Assumption("Seed", "42"));
    }
}
