package dev.paperdesk.desktop.margin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.margin.WarningLevel;
import dev.paperdesk.engine.session.PortfolioSpec;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class MarginDashboardViewModelTest {
    @Test
    void figuresBannerTablesAndSizingFollowTheAccount() {
        MarkFeed feed = new MarkFeed()
                .at(Duration.ZERO, "60000")
                .at(Duration.ofHours(1), "50000")
                .at(Duration.ofHours(2), "40350")
                .at(Duration.ofHours(3), "30000");
        try (TradingSession s =
                TradingSession.open(SessionConfig.simulated(null, Instant.parse("2026-03-02T00:00:00Z"), 1)
                        .withFeed(feed)
                        .withFrictionlessFills())) {
            PortfolioId lev = TradingSession.await(
                    s.accounts().create(new PortfolioSpec("Lev", "", Currency.USD, new BigDecimal("10000"), null)));
            TradingSession.await(s.submit(OrderRequest.market(lev, MarkFeed.PERP, Side.BUY, Quantity.of("0.5"))));
            var selected = new SimpleObjectProperty<PortfolioId>();
            MarginDashboardViewModel vm = new MarginDashboardViewModel(s, UiExecutor.DIRECT, selected);
            assertThat(vm.summaryProperty().get()).isEqualTo("No portfolio selected.");
            selected.set(lev);
            double lev0 = vm.leverageProperty().get();
            assertThat(lev0).isBetween(3.0, 3.01);
            assertThat(vm.marginUseProperty().get()).isBetween(1.4, 1.6);
            assertThat(vm.bannerProperty().get()).isEmpty();
            assertThat(vm.exposure()).singleElement().satisfies(e -> assertThat(e.assetClass())
                    .isEqualTo("Perpetuals"));
            assertThat(vm.positions()).singleElement().satisfies(p -> assertThat(p.mode())
                    .isEqualTo("CROSS"));
            assertThat(vm.summaryProperty().get()).startsWith("Equity 9,98").contains("USD");

            s.advance(Duration.ofHours(1).plusSeconds(1));
            assertThat(vm.leverageProperty().get()).isGreaterThan(lev0);
            assertThat(vm.marginUseProperty().get()).isBetween(2.9, 3.1);

            s.advance(Duration.ofHours(1));
            assertThat(vm.levelProperty().get()).isEqualTo(WarningLevel.WARNING_90);
            assertThat(vm.bannerProperty().get()).startsWith("Urgent margin warning: maintenance use 9");
            assertThat(vm.marginHistory()).isNotEmpty();

            s.advance(Duration.ofHours(1));
            assertThat(vm.liquidations()).isNotEmpty();
            assertThat(vm.bannerProperty().get()).startsWith("Liquidated ");
            assertThat(vm.positions()).isEmpty();
            assertThat(vm.fundProperty().get()).startsWith("Insurance fund: ");

            vm.sizingInstrumentProperty().set(MarkFeed.PERP);
            vm.useCurrentPrice();
            assertThat(vm.sizingEntryProperty().get()).isEqualTo("30000.0");
            vm.sizingStopProperty().set("abc");
            vm.size();
            assertThat(vm.sizingResultProperty().get()).isEqualTo("Risk %, entry and stop must be numbers.");
        }
    }
}
