package dev.paperdesk.desktop.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report generation off the UI thread, with status, the result path and the remembered folder. */
class ReportsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void statementAndTaxReportAreWrittenInTheBackgroundAndTheFolderIsRemembered() throws Exception {
        Instant start = Instant.parse("2026-03-02T14:30:00Z");
        try (TradingSession s = TradingSession.open(SessionConfig.simulated(dir.resolve("w.paperdesk"), start, 3))) {
            PortfolioId pid = s.portfolios().get(0).id();
            InstrumentId acme = new InstrumentId("ACME", "sim");
            TradingSession.await(s.submit(OrderRequest.market(pid, acme, Side.BUY, Quantity.of(10))));
            TradingSession.await(s.submit(OrderRequest.market(pid, acme, Side.SELL, Quantity.of(4))));
            List<Runnable> queued = new ArrayList<>();
            ReportsViewModel vm = new ReportsViewModel(
                    s,
                    UiExecutor.DIRECT,
                    queued::add,
                    new SimpleObjectProperty<>(pid),
                    Clock.fixed(start, ZoneOffset.UTC));
            Path out = dir.resolve("reports/statement.pdf");
            var done = vm.statement(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), true, out);
            // Queued, not run: the UI thread is never the one writing.
            assertThat(vm.runningProperty().get()).isTrue();
            assertThat(vm.statusProperty().get()).contains("statement.pdf");
            assertThat(vm.tax(2026, null, dir.resolve("t.csv"))).isCompletedExceptionally();
            queued.remove(0).run();
            assertThat(done.get(5, TimeUnit.SECONDS)).isEqualTo(out.toAbsolutePath());
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(Files.size(out)).isPositive();
            assertThat(vm.lastReportProperty().get()).isEqualTo(out.toAbsolutePath());
            assertThat(vm.lastFolder()).contains(out.toAbsolutePath().getParent());
            assertThat(vm.suggestedName("tax", "2026", "csv")).isEqualTo("tax-demo-2026.csv");

            var tax = vm.tax(2026, null, dir.resolve("tax.csv"));
            queued.remove(0).run();
            tax.get(5, TimeUnit.SECONDS);
            assertThat(Files.readAllLines(dir.resolve("tax.csv")).get(1)).startsWith("short-term,4 ACME,2026-03-02");

            var bad = vm.tax(2026, null, dir.resolve("tax.xlsx"));
            queued.remove(0).run();
            assertThat(bad).isCompletedExceptionally();
            assertThat(vm.statusProperty().get())
                    .startsWith("The tax report failed:")
                    .contains("tax.xlsx");
        }
    }
}
