package dev.paperdesk.desktop.analytics;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.desktop.golive.GoLiveCriteriaForm;
import dev.paperdesk.engine.analytics.DrawdownPeriod;
import dev.paperdesk.engine.analytics.MetricsConfig;
import dev.paperdesk.engine.analytics.MonthlyReturnsTable;
import dev.paperdesk.engine.analytics.PerformanceSummary;
import dev.paperdesk.engine.analytics.PnlAttribution;
import dev.paperdesk.engine.analytics.TradeStatistics;
import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.optimize.GoLiveChecklist;
import dev.paperdesk.engine.optimize.GoLiveFigures;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.report.AccountRecords;
import dev.paperdesk.engine.report.PortfolioPerformance;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.BacktestStore;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the analytics view: the sources to choose from (the session's portfolios and the saved
 * backtests), and for the chosen one the metric tiles, the full metrics list, monthly returns,
 * drawdown episodes and P&amp;L attribution, and for a portfolio the go-live checklist of its
 * paper-trading period against the workspace's editable criteria. Loading and computing happen on a
 * background thread.
 */
public final class AnalyticsViewModel {
    /** How a tile's figure reads: good, bad or neither. */
    public enum Tone {
        POSITIVE,
        NEGATIVE,
        NEUTRAL
    }

    /** One headline figure. {@code key} names the node ({@code #analyticsTile-KEY}). */
    public record Tile(String key, String name, String value, Tone tone) {}

    /** One line of the metrics table. */
    public record MetricRow(String name, String value) {}

    /** One bucket of the attribution, under its breakdown ("Instrument", "Asset class"). */
    public record AttributionRow(String breakdown, PnlAttribution.Bucket bucket) {}

    /** What one load computes: the analytics, and the go-live figures for a portfolio (else null). */
    private record Computed(AnalyticsData data, GoLiveFigures figures) {}

    private final TradingSession session;
    private final UiExecutor ui;
    private final ExecutorService worker;

    private final ObservableList<AnalyticsSource> sources = FXCollections.observableArrayList();
    private final ObjectProperty<AnalyticsSource> source = new SimpleObjectProperty<>();
    private final ObjectProperty<AnalyticsData> data = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty emptyMessage = new SimpleStringProperty("Choose a portfolio or a saved backtest.");
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final ObservableList<MetricRow> metrics = FXCollections.observableArrayList();
    private final ObservableList<MonthlyReturnsTable.YearRow> monthly = FXCollections.observableArrayList();
    private final ObservableList<AttributionRow> attribution = FXCollections.observableArrayList();
    private final ObservableList<DrawdownPeriod> drawdownPeriods = FXCollections.observableArrayList();
    private final GoLiveCriteriaForm goLive;
    private final ObjectProperty<GoLiveFigures> goLiveFigures = new SimpleObjectProperty<>();
    private final ObjectProperty<GoLiveChecklist> goLiveChecklist = new SimpleObjectProperty<>();
    private final StringProperty goLiveVerdict = new SimpleStringProperty("");
    private long generation;

    public AnalyticsViewModel(TradingSession session, UiExecutor ui) {
        this(session, ui, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "paperdesk-analytics");
            t.setDaemon(true);
            return t;
        }));
    }

    public AnalyticsViewModel(TradingSession session, UiExecutor ui, ExecutorService worker) {
        this.session = session;
        this.ui = ui;
        this.worker = worker;
        this.goLive = new GoLiveCriteriaForm(session);
        goLive.criteriaProperty().addListener((o, a, b) -> checkGoLive());
        goLiveFigures.addListener((o, a, b) -> checkGoLive());
        refreshSources();
        source.addListener((o, a, b) -> load());
    }

    /** Lists the session's open portfolios and the workspace's saved backtests, newest first. */
    public void refreshSources() {
        List<AnalyticsSource> next = new ArrayList<>();
        for (PortfolioSnapshot p : session.portfolios()) {
            if (!p.archived()) {
                next.add(new AnalyticsSource.Portfolio(p.id(), p.name()));
            }
        }
        session.backtests().ifPresent(store -> {
            for (BacktestStore.Summary s : BacktestArchive.list(store)) {
                next.add(new AnalyticsSource.Backtest(s.id(), s.strategy() + " on " + s.instruments()));
            }
        });
        AnalyticsSource current = source.get();
        sources.setAll(next);
        if (current != null && !next.contains(current)) {
            source.set(null);
        }
    }

    /** Selects the saved backtest {@code id} (listing it first if it was saved after the view opened). */
    public void selectBacktest(long id) {
        if (sources.stream().noneMatch(s -> s instanceof AnalyticsSource.Backtest b && b.id() == id)) {
            refreshSources();
        }
        sources.stream()
                .filter(s -> s instanceof AnalyticsSource.Backtest b && b.id() == id)
                .findFirst()
                .ifPresent(source::set);
    }

    /** Recomputes the analytics of the chosen source in the background. */
    public void load() {
        AnalyticsSource chosen = source.get();
        long run = ++generation;
        if (chosen == null) {
            show(null, "Choose a portfolio or a saved backtest.");
            return;
        }
        loading.set(true);
        status.set("Computing\u2026");
        worker.execute(() -> {
            try {
                Computed c = compute(chosen);
                ui.post(() -> {
                    if (run == generation) {
                        loading.set(false);
                        status.set("");
                        show(c.data(), emptyReason(chosen, c.data()));
                        goLiveFigures.set(c.figures());
                    }
                });
            } catch (RuntimeException e) {
                ui.post(() -> {
                    if (run == generation) {
                        loading.set(false);
                        show(null, "");
                        status.set(e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                });
            }
        });
    }

    private Computed compute(AnalyticsSource chosen) {
        return switch (chosen) {
            case AnalyticsSource.Portfolio p -> {
                AccountRecords records = AccountRecords.read(session, p.id());
                PortfolioPerformance perf = PortfolioPerformance.of(records, ZoneOffset.UTC, this::assetClass);
                GoLiveFigures figures = GoLiveFigures.fromReturns(
                        perf.trades(),
                        perf.returns(),
                        perf.equity(),
                        MetricsConfig.daily(perf.returns().dates()),
                        rejectedOrders(p.id()));
                yield new Computed(AnalyticsData.ofPortfolio(p.name(), perf), figures);
            }
            case AnalyticsSource.Backtest b -> {
                BacktestStore store = session.backtests()
                        .orElseThrow(() -> new IllegalStateException("this session has no workspace backtests"));
                BacktestResult r = BacktestArchive.load(store, b.id())
                        .orElseThrow(() -> new IllegalStateException("backtest #" + b.id() + " is no longer saved"));
                yield new Computed(AnalyticsData.ofBacktest(b.label(), r, this::assetClass), null);
            }
        };
    }

    /**
     * The errors of a paper-trading period: orders of the portfolio the engine rejected. Strategy
     * failures are not recorded per portfolio by the session, so they cannot be counted here.
     */
    private int rejectedOrders(PortfolioId portfolio) {
        int n = 0;
        for (Order o : session.orders()) {
            if (o.status() == OrderStatus.REJECTED && o.request().portfolioId().equals(portfolio)) {
                n++;
            }
        }
        return n;
    }

    /** Checks the portfolio's figures against the criteria in force; clears the checklist for a backtest. */
    private void checkGoLive() {
        GoLiveFigures f = goLiveFigures.get();
        if (f == null) {
            goLiveChecklist.set(null);
            goLiveVerdict.set("");
            return;
        }
        GoLiveChecklist list = goLive.evaluate(f);
        goLiveVerdict.set(
                list.passed()
                        ? "Ready for real money: the paper-trading period meets every criterion."
                        : "Not ready: " + list.failures().size()
                                + " criterion(s) failed over the paper-trading period.");
        goLiveChecklist.set(list);
    }

    private AssetClass assetClass(InstrumentId id) {
        return session.instrument(id).map(Instrument::assetClass).orElse(AssetClass.EQUITY);
    }

    private static String emptyReason(AnalyticsSource chosen, AnalyticsData d) {
        if (!d.tooShort()) {
            return "";
        }
        if (chosen instanceof AnalyticsSource.Portfolio && d.dates().size() <= 1) {
            return "No history yet: " + d.title()
                    + " has no trading days to analyse. Metrics appear after its second day.";
        }
        return "Not enough history: " + d.title() + " covers " + d.dates().size()
                + " day(s); metrics need at least two daily returns.";
    }

    private void show(AnalyticsData d, String empty) {
        data.set(d);
        if (d == null) {
            goLiveFigures.set(null);
        }
        emptyMessage.set(empty);
        if (d == null) {
            tiles.clear();
            metrics.clear();
            monthly.clear();
            attribution.clear();
            drawdownPeriods.clear();
            return;
        }
        tiles.setAll(tiles(d));
        metrics.setAll(metricRows(d));
        monthly.setAll(d.monthly().years());
        List<AttributionRow> rows = new ArrayList<>();
        d.attribution().byInstrument().forEach(b -> rows.add(new AttributionRow("Instrument", b)));
        d.attribution().byAssetClass().forEach(b -> rows.add(new AttributionRow("Asset class", b)));
        attribution.setAll(rows);
        drawdownPeriods.setAll(d.drawdowns() == null ? List.of() : d.drawdowns().top());
    }

    static List<Tile> tiles(AnalyticsData d) {
        PerformanceSummary s = d.summary();
        TradeStatistics t = d.trades();
        double nan = Double.NaN;
        List<Tile> out = new ArrayList<>();
        out.add(signed("total-return", "Total return", s == null ? nan : s.cumReturn()));
        out.add(signed("cagr", "CAGR", s == null ? nan : s.annualReturn()));
        out.add(ratio("sharpe", "Sharpe", s == null ? nan : s.sharpeRatio()));
        out.add(ratio("sortino", "Sortino", s == null ? nan : s.sortinoRatio()));
        out.add(signed("max-drawdown", "Max drawdown", s == null ? nan : s.maxDrawdown()));
        out.add(ratio("calmar", "Calmar", s == null ? nan : s.calmarRatio()));
        out.add(new Tile(
                "volatility",
                "Volatility (ann.)",
                MetricText.percent(s == null ? nan : s.annualVolatility()),
                Tone.NEUTRAL));
        out.add(signed("var", "VaR 95% (1 day)", s == null ? nan : s.valueAtRisk()));
        out.add(signed("cvar", "CVaR 95% (1 day)", s == null ? nan : s.cvar()));
        out.add(new Tile("win-rate", "Win rate", MetricText.percent(t == null ? nan : t.winRate()), Tone.NEUTRAL));
        double pf = t == null ? nan : t.profitFactor();
        out.add(new Tile(
                "profit-factor",
                "Profit factor",
                MetricText.ratio(pf),
                Double.isNaN(pf) ? Tone.NEUTRAL : pf >= 1 ? Tone.POSITIVE : Tone.NEGATIVE));
        out.add(new Tile("trades", "Trades", t == null ? "0" : Integer.toString(t.trades()), Tone.NEUTRAL));
        double exp = t == null ? nan : t.expectancy();
        out.add(new Tile("expectancy", "Expectancy / trade", MetricText.signedMoney(exp), tone(exp)));
        if (d.benchmark() != null && s != null) {
            out.add(signed("alpha", "Alpha (ann.)", s.alpha()));
            out.add(new Tile("beta", "Beta", MetricText.ratio(s.beta()), Tone.NEUTRAL));
        }
        return out;
    }

    private static Tile signed(String key, String name, double value) {
        return new Tile(key, name, MetricText.signedPercent(value), tone(value));
    }

    private static Tile ratio(String key, String name, double value) {
        return new Tile(key, name, MetricText.ratio(value), tone(value));
    }

    private static Tone tone(double v) {
        if (Double.isNaN(v) || Math.abs(v) < 0.00005) {
            return Tone.NEUTRAL;
        }
        return v > 0 ? Tone.POSITIVE : Tone.NEGATIVE;
    }

    static List<MetricRow> metricRows(AnalyticsData d) {
        List<MetricRow> out = new ArrayList<>();
        out.add(new MetricRow("Days", Integer.toString(d.dates().size())));
        out.add(new MetricRow(
                "First day",
                d.dates().isEmpty() ? MetricText.NONE : d.dates().get(0).toString()));
        out.add(new MetricRow(
                "Last day",
                d.dates().isEmpty()
                        ? MetricText.NONE
                        : d.dates().get(d.dates().size() - 1).toString()));
        double[] eq = d.equity();
        if (eq.length > 0) {
            out.add(new MetricRow("Final equity", MetricText.money(eq[eq.length - 1])));
        }
        PerformanceSummary s = d.summary();
        if (s != null) {
            out.add(new MetricRow("Total return", MetricText.signedPercent(s.cumReturn())));
            out.add(new MetricRow("CAGR", MetricText.signedPercent(s.annualReturn())));
            out.add(new MetricRow("Annual volatility", MetricText.percent(s.annualVolatility())));
            out.add(new MetricRow("Sharpe ratio", MetricText.ratio(s.sharpeRatio())));
            out.add(new MetricRow("Sortino ratio", MetricText.ratio(s.sortinoRatio())));
            out.add(new MetricRow("Downside risk (ann.)", MetricText.percent(s.downsideRisk())));
            out.add(new MetricRow("Max drawdown", MetricText.signedPercent(s.maxDrawdown())));
            out.add(new MetricRow("Calmar ratio", MetricText.ratio(s.calmarRatio())));
            out.add(new MetricRow("Omega ratio", MetricText.ratio(s.omegaRatio())));
            out.add(new MetricRow("Tail ratio", MetricText.ratio(s.tailRatio())));
            out.add(new MetricRow("Stability (R\u00b2 of log equity)", MetricText.ratio(s.stability())));
            out.add(new MetricRow("VaR 95% (1 day)", MetricText.signedPercent(s.valueAtRisk())));
            out.add(new MetricRow("CVaR 95% (1 day)", MetricText.signedPercent(s.cvar())));
            out.add(new MetricRow("VaR 99% (1 day)", MetricText.signedPercent(s.valueAtRisk1())));
            out.add(new MetricRow("CVaR 99% (1 day)", MetricText.signedPercent(s.cvar1())));
            if (d.benchmark() != null) {
                out.add(new MetricRow("Benchmark", d.benchmarkName()));
                out.add(new MetricRow("Alpha (ann.)", MetricText.signedPercent(s.alpha())));
                out.add(new MetricRow("Beta", MetricText.ratio(s.beta())));
                out.add(new MetricRow("Information ratio", MetricText.ratio(s.informationRatio())));
                out.add(new MetricRow("R\u00b2 vs benchmark", MetricText.ratio(s.rSquared())));
            }
        }
        TradeStatistics t = d.trades();
        if (t != null) {
            out.add(new MetricRow("Trades", Integer.toString(t.trades())));
            out.add(new MetricRow("Wins / losses", t.wins() + " / " + t.losses()));
            out.add(new MetricRow("Win rate", MetricText.percent(t.winRate())));
            out.add(new MetricRow("Profit factor", MetricText.ratio(t.profitFactor())));
            out.add(new MetricRow("Payoff ratio", MetricText.ratio(t.payoffRatio())));
            out.add(new MetricRow("Expectancy / trade", MetricText.signedMoney(t.expectancy())));
            out.add(new MetricRow("Net P&L", MetricText.signedMoney(t.netPnl())));
            out.add(new MetricRow("Fees", MetricText.money(t.totalFees())));
            out.add(new MetricRow("Largest win", MetricText.signedMoney(t.largestWin())));
            out.add(new MetricRow("Largest loss", MetricText.signedMoney(t.largestLoss())));
            out.add(new MetricRow(
                    "Longest streaks (win / loss)", t.longestWinningStreak() + " / " + t.longestLosingStreak()));
            out.add(new MetricRow(
                    "Average holding", t.averageHolding().toString().substring(2)));
            out.add(new MetricRow("Exposure", MetricText.percent(t.exposure())));
        }
        return out;
    }

    public void close() {
        worker.shutdownNow();
    }

    public ObservableList<AnalyticsSource> sources() {
        return sources;
    }

    public ObjectProperty<AnalyticsSource> sourceProperty() {
        return source;
    }

    public ObjectProperty<AnalyticsData> dataProperty() {
        return data;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Why there is nothing (or too little) to show; empty when the analytics are shown. */
    public StringProperty emptyMessageProperty() {
        return emptyMessage;
    }

    public ObservableList<Tile> tiles() {
        return tiles;
    }

    public ObservableList<MetricRow> metrics() {
        return metrics;
    }

    public ObservableList<MonthlyReturnsTable.YearRow> monthly() {
        return monthly;
    }

    public ObservableList<AttributionRow> attribution() {
        return attribution;
    }

    public ObservableList<DrawdownPeriod> drawdownPeriods() {
        return drawdownPeriods;
    }

    /** The workspace's go-live criteria, editable. */
    public GoLiveCriteriaForm goLiveCriteria() {
        return goLive;
    }

    /** The chosen portfolio's paper-trading figures; null for a backtest or before loading. */
    public ObjectProperty<GoLiveFigures> goLiveFiguresProperty() {
        return goLiveFigures;
    }

    /** The chosen portfolio checked against the criteria in force; null for a backtest. */
    public ObjectProperty<GoLiveChecklist> goLiveChecklistProperty() {
        return goLiveChecklist;
    }

    public StringProperty goLiveVerdictProperty() {
        return goLiveVerdict;
    }
}
