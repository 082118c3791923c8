package dev.paperdesk.desktop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.analytics.MonthlyReturnsTable;
import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsViewModelTest {
    @TempDir
    Path dir;

    private TradingSession session;
    private AnalyticsViewModel vm;

    @BeforeEach
    void open() {
        session = TradingSession.open(
                SessionConfig.simulated(dir.resolve("a.paperdesk"), Instant.parse("2026-03-02T15:00:00Z"), 3));
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
        session.close();
    }

    private String tile(String key) {
        return vm.tiles().stream()
                .filter(t -> t.key().equals(key))
                .findFirst()
                .orElseThrow()
                .value();
    }

    @Test
    void aSavedBacktestShowsTheFiguresTheBacktesterComputed() {
        long id = QuantFixtures.saveBacktest(session, 400);
        BacktestResult saved =
                BacktestArchive.load(session.backtests().orElseThrow(), id).orElseThrow();
        vm = new AnalyticsViewModel(session, UiExecutor.DIRECT, new InlineExecutor());

        vm.selectBacktest(id);

        assertThat(vm.emptyMessageProperty().get()).isEmpty();
        assertThat(tile("sharpe")).isEqualTo(MetricText.ratio(saved.metrics().sharpe()));
        assertThat(tile("total-return"))
                .isEqualTo(MetricText.signedPercent(saved.metrics().totalReturn()));
        assertThat(tile("max-drawdown"))
                .isEqualTo(MetricText.signedPercent(saved.metrics().maxDrawdown()));
        assertThat(tile("cagr"))
                .isEqualTo(MetricText.signedPercent(saved.metrics().cagr()));
        assertThat(tile("sortino")).isEqualTo(MetricText.ratio(saved.metrics().sortino()));
        assertThat(tile("trades")).isEqualTo(Integer.toString(saved.metrics().trades()));
        assertThat(tile("beta")).isEqualTo(MetricText.ratio(saved.benchmark().beta()));
        assertThat(vm.dataProperty().get().summary().sharpeRatio())
                .isEqualTo(saved.metrics().sharpe());
        // 400 weekdays from January 2021 reach into 2022: two rows, months compounding to the year
        assertThat(vm.monthly()).extracting(MonthlyReturnsTable.YearRow::year).containsExactly(2021, 2022);
        MonthlyReturnsTable.YearRow first = vm.monthly().get(0);
        double compounded = 1;
        for (int m = 1; m <= 12; m++) {
            compounded *= 1 + first.month(m);
        }
        assertThat(compounded - 1).isCloseTo(first.total(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(vm.attribution()).isNotEmpty();
        assertThat(vm.attribution().get(0).bucket().pnl())
                .isCloseTo(
                        saved.trades().stream()
                                .mapToDouble(t -> t.pnl().doubleValue())
                                .sum(),
                        org.assertj.core.data.Offset.offset(1e-6));
        assertThat(vm.drawdownPeriods()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(vm.dataProperty().get().rollingSharpe()).hasSize(400 - AnalyticsData.ROLLING_WINDOW + 1);
        assertThat(vm.metrics()).extracting(AnalyticsViewModel.MetricRow::name).contains("CVaR 95% (1 day)", "Beta");
    }

    @Test
    void aNewPortfolioSaysItHasNoHistory() {
        vm = new AnalyticsViewModel(session, UiExecutor.DIRECT, new InlineExecutor());
        AnalyticsSource portfolio = vm.sources().stream()
                .filter(s -> s instanceof AnalyticsSource.Portfolio)
                .findFirst()
                .orElseThrow();

        vm.sourceProperty().set(portfolio);

        assertThat(vm.emptyMessageProperty().get()).startsWith("No history yet");
        assertThat(vm.tiles()).isNotEmpty().allSatisfy(t -> {
            if (!t.key().equals("trades")) {
                assertThat(t.value()).isEqualTo(MetricText.NONE);
            }
        });
    }

    @Test
    void aTradedPortfolioIsAnalysedFromItsLedgerAndFills() {
        PortfolioId pid = session.portfolios().get(0).id();
        InstrumentId acme = session.instruments().get(0).id();
        for (int day = 0; day < 12; day++) {
            Side side = day % 2 == 0 ? Side.BUY : Side.SELL;
            TradingSession.await(session.submit(OrderRequest.market(pid, acme, side, Quantity.of("10"))));
            session.advance(Duration.ofDays(1));
        }
        vm = new AnalyticsViewModel(session, UiExecutor.DIRECT, new InlineExecutor());

        vm.sourceProperty()
                .set(new AnalyticsSource.Portfolio(
                        pid, session.portfolios().get(0).name()));

        AnalyticsData d = vm.dataProperty().get();
        assertThat(vm.statusProperty().get()).isEmpty();
        assertThat(d.dates()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(d.trades().trades()).isEqualTo(6);
        assertThat(d.benchmark()).isNull();
        assertThat(vm.emptyMessageProperty().get()).isEmpty();
        assertThat(tile("sharpe")).isEqualTo(MetricText.ratio(d.summary().sharpeRatio()));
        assertThat(vm.attribution()).extracting(r -> r.bucket().key()).contains(acme.toString());
    }

    @Test
    void aPortfolioIsCheckedForGoLiveFromItsTimeWeightedReturnsAndRejectedOrders() {
        PortfolioId pid = session.portfolios().get(0).id();
        InstrumentId acme = session.instruments().get(0).id();
        for (int day = 0; day < 12; day++) {
            Side side = day % 2 == 0 ? Side.BUY : Side.SELL;
            TradingSession.await(session.submit(OrderRequest.market(pid, acme, side, Quantity.of("10"))));
            if (day == 5) {
                TradingSession.await(session.accounts().topUp(pid, new BigDecimal("50000")));
            }
            session.advance(Duration.ofDays(1));
        }
        // far beyond the buying power: the engine refuses it
        try {
            TradingSession.await(session.submit(OrderRequest.market(pid, acme, Side.BUY, Quantity.of("100000000"))));
        } catch (RuntimeException refused) {
            // a refusal may surface as an exception; the order is still recorded as rejected
        }
        long rejected = session.orders().stream()
                .filter(o -> o.status() == OrderStatus.REJECTED)
                .count();
        assertThat(rejected).isEqualTo(1);
        vm = new AnalyticsViewModel(session, UiExecutor.DIRECT, new InlineExecutor());

        vm.sourceProperty()
                .set(new AnalyticsSource.Portfolio(
                        pid, session.portfolios().get(0).name()));

        var f = vm.goLiveFiguresProperty().get();
        double[] eq = vm.dataProperty().get().equity();
        assertThat(f.trades()).isEqualTo(6);
        assertThat(f.errors()).isEqualTo(1);
        // profit is the change in equity less the top-up, not the top-up itself
        assertThat(f.pnl()).isCloseTo(eq[eq.length - 1] - eq[0] - 50_000, within(0.01));
        assertThat(Math.abs(f.pnl())).isLessThan(5_000);
        var list = vm.goLiveChecklistProperty().get();
        assertThat(list.items())
                .filteredOn(i -> i.key().equals("errors"))
                .singleElement()
                .satisfies(i -> assertThat(i.passed()).isFalse());
        assertThat(list.items())
                .filteredOn(i -> i.key().equals("trades"))
                .singleElement()
                .satisfies(i -> assertThat(i.passed()).isFalse());
        assertThat(vm.goLiveVerdictProperty().get()).startsWith("Not ready");

        vm.goLiveCriteria().row("trades").thresholdProperty().set("6");
        assertThat(vm.goLiveChecklistProperty().get().items())
                .filteredOn(i -> i.key().equals("trades"))
                .singleElement()
                .satisfies(i -> assertThat(i.passed()).isTrue());

        vm.sourceProperty()
                .set(vm.sources().stream()
                        .filter(s -> s instanceof AnalyticsSource.Backtest)
                        .findFirst()
                        .orElse(null));
        assertThat(vm.goLiveChecklistProperty().get()).isNull();
    }

    @Test
    void heatCellsDeepenWithTheSizeOfTheMonth() {
        assertThat(AnalyticsView.heatClass(0.004)).isEqualTo("heat-pos-1");
        assertThat(AnalyticsView.heatClass(-0.02)).isEqualTo("heat-neg-2");
        assertThat(AnalyticsView.heatClass(0.05)).isEqualTo("heat-pos-3");
        assertThat(AnalyticsView.heatClass(-0.12)).isEqualTo("heat-neg-4");
        assertThat(AnalyticsView.heatClass(Double.NaN)).isEqualTo("heat-empty");
        assertThat(AnalyticsView.heatClass(0)).isEqualTo("heat-zero");
    }

    @Test
    void underwaterIsTheFallFromTheRunningPeakOfCompoundedReturns() {
        double[] dd = AnalyticsData.underwater(new double[] {0.10, -0.10, Double.NaN, 0.05, 0.10});
        assertThat(dd[0]).isZero();
        assertThat(dd[1]).isCloseTo(-0.10, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(dd[2]).isCloseTo(-0.10, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(dd[3]).isCloseTo(0.99 * 1.05 / 1.1 - 1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(dd[4]).isZero();
    }

    @Test
    void percentagesAndRatiosReadAsAQuantExpects() {
        assertThat(MetricText.signedPercent(0.01234)).isEqualTo("+1.23%");
        assertThat(MetricText.signedPercent(-0.5)).isEqualTo("-50.00%");
        assertThat(MetricText.percent(0.2)).isEqualTo("20.00%");
        assertThat(MetricText.ratio(Double.POSITIVE_INFINITY)).isEqualTo("\u221e");
        assertThat(MetricText.ratio(Double.NaN)).isEqualTo(MetricText.NONE);
        assertThat(MetricText.signedMoney(-1234.5)).isEqualTo("-1,234.50");
    }
}
