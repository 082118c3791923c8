package dev.paperdesk.desktop.arbitrage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.UiExecutor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArbitrageDeskViewModelTest {
    @Test
    void thresholdsAreValidatedAndAppliedToTheStrategy() {
        try (ArbitrageDeskViewModel vm = new ArbitrageDeskViewModel(null, UiExecutor.DIRECT)) {
            assertThat(vm.minConfidenceProperty().get()).isEqualTo("70");
            assertThat(vm.minFundingDeltaProperty().get()).isEqualTo("0.01");
            vm.minConfidenceProperty().set("65");
            vm.minSpreadProperty().set("8");
            vm.minFundingDeltaProperty().set("0.02");
            assertThat(vm.applyThresholds()).isTrue();
            assertThat(vm.strategy().settings().minConfidence()).isEqualTo(65);
            assertThat(vm.strategy().settings().minSpreadBps()).isEqualTo(8);
            assertThat(vm.strategy().settings().minFundingDelta8h()).isEqualTo(0.0002);

            vm.minConfidenceProperty().set("150");
            assertThat(vm.applyThresholds()).isFalse();
            assertThat(vm.statusProperty().get())
                    .contains("thresholds not applied")
                    .contains("150");
            assertThat(vm.strategy().settings().minConfidence()).isEqualTo(65);
            vm.minSpreadProperty().set("wide");
            assertThat(vm.applyThresholds()).isFalse();
        }
    }

    @Test
    void advancingTheDeskShowsTheSummaryAndVenues() {
        try (ArbitrageDeskViewModel vm = new ArbitrageDeskViewModel(null, UiExecutor.DIRECT)) {
            vm.start();
            vm.advance(Duration.ofSeconds(30)).join();
            assertThat(vm.capitalProperty().get()).isEqualTo("20,000.00");
            assertThat(vm.latencies()).hasSize(8);
            assertThat(vm.clockTextProperty().get()).isEqualTo("2026-01-05 00:00:30 UTC");
            vm.stop();
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.strategy().isRunning()).isFalse();
        }
    }

    @Test
    void theRunningClockIsPacedByASchedulerAndStopsOnPause() throws Exception {
        try (ArbitrageDeskViewModel vm = new ArbitrageDeskViewModel(null, UiExecutor.DIRECT)) {
            String start = vm.clockTextProperty().get();
            vm.speedProperty().set("600");
            vm.play();
            assertThat(vm.statusProperty().get()).isEqualTo("clock running at 600\u00d7");
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (vm.clockTextProperty().get().equals(start) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                vm.refresh();
            }
            assertThat(vm.clockTextProperty().get()).isNotEqualTo(start);
            vm.pause();
            // a paused clock: after the pending step (if any) has run, the time no longer moves
            vm.advance(Duration.ZERO).join();
            vm.refresh();
            String paused = vm.clockTextProperty().get();
            Thread.sleep(300);
            vm.advance(Duration.ZERO).join();
            vm.refresh();
            assertThat(vm.clockTextProperty().get()).isEqualTo(paused);
            assertThat(vm.statusProperty().get()).isEqualTo("clock paused");
        }
    }
}
