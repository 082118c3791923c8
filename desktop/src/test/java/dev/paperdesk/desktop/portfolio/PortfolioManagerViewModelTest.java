package dev.paperdesk.desktop.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.LimitMode;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class PortfolioManagerViewModelTest {
    @Test
    void createEditTopUpArchiveAndDeleteThroughTheForm() {
        try (TradingSession s =
                TradingSession.open(SessionConfig.simulated(null, Instant.parse("2026-03-02T14:30:00Z"), 1))) {
            PortfolioManagerViewModel vm = new PortfolioManagerViewModel(s, UiExecutor.DIRECT);
            assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.name())
                    .isEqualTo("Demo"));

            var form = vm.newForm();
            assertThat(form.startingBalance()).isEqualTo("5000000");
            assertThat(form.baseCurrency()).isEqualTo("USD");
            assertThat(form.leverage()).containsEntry(AssetClass.PERPETUAL, 100);
            assertThat(form.limitThresholds()).containsExactly("25", "10", "20", "2", "25", "0.7");
            var bad = new PortfolioManagerViewModel.Form(
                    "Swing",
                    "",
                    "EUR",
                    "abc",
                    CostBasisMethod.LIFO,
                    form.perpetualMode(),
                    form.leverage(),
                    form.limitThresholds(),
                    form.limitModes());
            vm.create(bad);
            assertThat(vm.messageProperty().get()).isEqualTo("Starting balance must be a number, not 'abc'");
            List<LimitMode> modes = new ArrayList<>(form.limitModes());
            modes.set(0, LimitMode.BLOCK);
            var good = new PortfolioManagerViewModel.Form(
                    "Swing",
                    "swing trades",
                    "EUR",
                    "250,000",
                    CostBasisMethod.LIFO,
                    form.perpetualMode(),
                    form.leverage(),
                    form.limitThresholds(),
                    modes);
            vm.create(good).join();
            assertThat(vm.messageProperty().get()).isEqualTo("Created 'Swing'.");
            var swing = vm.rows().stream()
                    .filter(r -> r.name().equals("Swing"))
                    .findFirst()
                    .orElseThrow();
            assertThat(swing.baseCurrency()).isEqualTo("EUR");
            assertThat(swing.startingBalance()).isEqualByComparingTo("250000");
            assertThat(swing.costBasis()).isEqualTo("LIFO");
            assertThat(vm.formOf(swing).limitModes().get(0)).isEqualTo(LimitMode.BLOCK);

            var limits = new ArrayList<>(form.limitThresholds());
            limits.set(4, "4");
            var outOfRange = new PortfolioManagerViewModel.Form(
                    "Swing",
                    "",
                    "EUR",
                    "1",
                    CostBasisMethod.FIFO,
                    form.perpetualMode(),
                    form.leverage(),
                    limits,
                    form.limitModes());
            vm.update(swing, outOfRange);
            assertThat(vm.messageProperty().get()).contains("drawdown stop (%) must lie between 5 and 50");

            vm.topUp(swing, "1000").join();
            assertThat(vm.messageProperty().get()).isEqualTo("Topped up 'Swing' by 1000 EUR.");
            vm.delete(swing);
            assertThat(vm.messageProperty().get()).contains("archive portfolio 'Swing' before deleting it");
            vm.archive(swing, true).join();
            var archived = vm.rows().stream()
                    .filter(r -> r.name().equals("Swing"))
                    .findFirst()
                    .orElseThrow();
            assertThat(archived.archived()).isTrue();
            vm.delete(archived).join();
            assertThat(vm.rows())
                    .extracting(PortfolioManagerViewModel.Row::name)
                    .containsExactly("Demo");
        }
    }

    @Test
    void accountStripShowsTheSelectedPortfolio() {
        try (TradingSession s =
                TradingSession.open(SessionConfig.simulated(null, Instant.parse("2026-03-02T14:30:00Z"), 1))) {
            var selected = new SimpleObjectProperty<dev.paperdesk.engine.model.PortfolioId>();
            AccountStripViewModel strip = new AccountStripViewModel(s, UiExecutor.DIRECT, selected);
            assertThat(strip.equityProperty().get()).isNull();
            selected.set(s.portfolios().get(0).id());
            assertThat(strip.currencyProperty().get()).isEqualTo("USD");
            assertThat(strip.equityProperty().get()).isEqualByComparingTo("5000000");
            assertThat(strip.balanceProperty().get()).isEqualByComparingTo("5000000");
            assertThat(strip.buyingPowerProperty().get()).isEqualByComparingTo("20000000");
            assertThat(strip.usedMarginProperty().get()).isZero();
            assertThat(strip.dayPnlProperty().get()).isZero();
            assertThat(BigDecimal.ZERO)
                    .isEqualByComparingTo(strip.unrealizedProperty().get());
            assertThat(strip.reservedProperty().get()).isZero();
        }
    }

    @Test
    void accountStripShowsWhatAWorkingOrderReservesAndReleasesItOnCancel() {
        try (TradingSession s =
                TradingSession.open(SessionConfig.simulated(null, Instant.parse("2026-03-02T14:30:00Z"), 1))) {
            s.advance(java.time.Duration.ofSeconds(3));
            var selected = new SimpleObjectProperty<dev.paperdesk.engine.model.PortfolioId>();
            AccountStripViewModel strip = new AccountStripViewModel(s, UiExecutor.DIRECT, selected);
            selected.set(s.portfolios().get(0).id());
            BigDecimal free = strip.freeMarginProperty().get();
            dev.paperdesk.engine.model.Instrument i = s.instruments().get(0);
            BigDecimal bid = s.quote(i.id()).orElseThrow().bid().value();
            BigDecimal below = bid.multiply(new BigDecimal("0.9"))
                    .divide(i.tickSize(), 0, java.math.RoundingMode.DOWN)
                    .multiply(i.tickSize());
            dev.paperdesk.engine.model.Order o =
                    TradingSession.await(s.submit(dev.paperdesk.engine.model.OrderRequest.limit(
                            selected.get(),
                            i.id(),
                            dev.paperdesk.engine.model.Side.BUY,
                            new dev.paperdesk.engine.model.Quantity(i.lotSize()),
                            new dev.paperdesk.engine.model.Price(below))));
            assertThat(o.status()).isEqualTo(dev.paperdesk.engine.model.OrderStatus.ACCEPTED);
            BigDecimal reserved = strip.reservedProperty().get();
            assertThat(reserved).isPositive();
            assertThat(strip.freeMarginProperty().get()).isEqualByComparingTo(free.subtract(reserved));
            TradingSession.await(s.cancel(o.id()));
            assertThat(strip.reservedProperty().get()).isZero();
            assertThat(strip.freeMarginProperty().get()).isEqualByComparingTo(free);
        }
    }
}
