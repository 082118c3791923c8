package dev.paperdesk.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.execution.models.ModelScope;
import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FillModelSettingsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void showsTheModelsInForceAndAppliesAndSavesAnOverride() {
        Path file = dir.resolve("s.paperdesk");
        try (TradingSession s =
                TradingSession.open(SessionConfig.simulated(file, Instant.parse("2026-03-02T15:00:00Z"), 4))) {
            FillModelSettingsViewModel vm = new FillModelSettingsViewModel(s, UiExecutor.DIRECT);
            assertThat(vm.scopes()).singleElement().satisfies(r -> {
                assertThat(r.scope()).isEqualTo("*");
                assertThat(r.slippage()).isEqualTo("size-depth(base=2, impact=3, cap=5)");
            });
            assertThat(vm.fillProperty().get()).isEqualTo("auto");
            assertThat(vm.assumptionsProperty().get())
                    .contains("Execution model assumptions")
                    .contains("ACME@sim");
            assertThat(vm.venues()).contains("*", "sim");

            vm.newScope("sim", "EQUITY");
            vm.slippageProperty().set("fixed(bps=bad)");
            assertThat(vm.validationProperty().get()).startsWith("Slippage: ").contains("must be a number");
            vm.slippageProperty().set("fixed(bps=7)");
            assertThat(vm.validationProperty().get()).isEmpty();
            TradingSession.await(vm.apply());
            assertThat(vm.statusProperty().get()).contains("Applied to sim/EQUITY");
            assertThat(vm.scopes())
                    .extracting(FillModelSettingsViewModel.ScopeRow::scope)
                    .containsExactly("*", "sim/EQUITY");
            assertThat(s.executionSettings()
                            .overrides()
                            .get(ModelScope.parse("sim/EQUITY"))
                            .slippage())
                    .isEqualTo(new SlippageModel.FixedBps(7));

            vm.selectedProperty().set(vm.scopes().get(0));
            TradingSession.await(vm.removeSelected());
            assertThat(vm.statusProperty().get()).contains("cannot be removed");
            vm.selectedProperty().set(vm.scopes().get(1));
            vm.seedProperty().set("x");
            assertThat(vm.validationProperty().get()).contains("Seed");
            vm.seedProperty().set("77");
            TradingSession.await(vm.apply());
        }
        try (TradingSession again =
                TradingSession.open(SessionConfig.simulated(file, Instant.parse("2026-03-02T15:00:00Z"), 4))) {
            assertThat(again.executionSettings().seed()).isEqualTo(77);
            FillModelSettingsViewModel vm = new FillModelSettingsViewModel(again, UiExecutor.DIRECT);
            assertThat(vm.scopes()).hasSize(2);
            vm.selectedProperty().set(vm.scopes().get(1));
            TradingSession.await(vm.removeSelected());
            assertThat(vm.scopes()).hasSize(1);
        }
    }
}
