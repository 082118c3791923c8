package dev.paperdesk.desktop.margin;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.Lists;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.margin.AccountRecord;
import dev.paperdesk.engine.portfolio.margin.AccountSnapshot;
import dev.paperdesk.engine.portfolio.margin.PositionMarginView;
import dev.paperdesk.engine.portfolio.margin.WarningLevel;
import dev.paperdesk.engine.session.AccountEvent;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The margin dashboard's state for the selected portfolio: gauge values, banner, exposure, tables
 * and the position sizing calculator. Account figures refresh with the portfolio (coalesced);
 * history tables refresh on account events.
 */
public final class MarginDashboardViewModel {
    /** A position with its margin, amounts in its own currency. */
    public record PositionRow(
            String instrument,
            String currency,
            String mode,
            int leverage,
            BigDecimal quantity,
            BigDecimal entry,
            BigDecimal mark,
            BigDecimal liquidationPrice,
            BigDecimal margin,
            BigDecimal maintenance,
            BigDecimal unrealizedPnl,
            BigDecimal maintenanceUsePct) {}

    /** A funding payment (positive received). */
    public record FundingRow(
            Instant time,
            String instrument,
            BigDecimal rate,
            BigDecimal mark,
            BigDecimal quantity,
            BigDecimal amount,
            String currency) {}

    /** A liquidation step. */
    public record LiquidationRow(
            Instant time,
            String instrument,
            String kind,
            BigDecimal quantity,
            BigDecimal price,
            BigDecimal fee,
            BigDecimal shortfall,
            BigDecimal insurance,
            BigDecimal adl,
            String currency) {}

    /** A margin history point. */
    public record MarginEventRow(
            Instant time, String kind, String level, String pool, BigDecimal equity, BigDecimal maintenanceUsePct) {}

    /** Gross exposure of one asset class in the base currency. */
    public record ExposureRow(String assetClass, BigDecimal value) {}

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TradingSession session;
    private final UiExecutor ui;
    private final ObjectProperty<PortfolioId> portfolio;
    private final DoubleProperty marginUse = new SimpleDoubleProperty();
    private final StringProperty marginLevel = new SimpleStringProperty("");
    private final DoubleProperty leverage = new SimpleDoubleProperty();
    private final DoubleProperty dailyLoss = new SimpleDoubleProperty();
    private final DoubleProperty dailyLossLimit = new SimpleDoubleProperty(10);
    private final DoubleProperty drawdown = new SimpleDoubleProperty();
    private final DoubleProperty drawdownLimit = new SimpleDoubleProperty(25);
    private final ObjectProperty<WarningLevel> level = new SimpleObjectProperty<>(WarningLevel.NONE);
    private final StringProperty banner = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty baseCurrency = new SimpleStringProperty("");
    private final StringProperty fund = new SimpleStringProperty("");
    private final ObservableList<ExposureRow> exposure = FXCollections.observableArrayList();
    private final ObservableList<PositionRow> positions = FXCollections.observableArrayList();
    private final ObservableList<FundingRow> funding = FXCollections.observableArrayList();
    private final ObservableList<LiquidationRow> liquidations = FXCollections.observableArrayList();
    private final ObservableList<MarginEventRow> marginHistory = FXCollections.observableArrayList();
    private final ObservableList<InstrumentId> instruments = FXCollections.observableArrayList();
    private final ObjectProperty<InstrumentId> sizingInstrument = new SimpleObjectProperty<>();
    private final StringProperty sizingRisk = new SimpleStringProperty("2");
    private final StringProperty sizingEntry = new SimpleStringProperty("");
    private final StringProperty sizingStop = new SimpleStringProperty("");
    private final StringProperty sizingResult = new SimpleStringProperty("");
    private String lastLiquidation = "";

    public MarginDashboardViewModel(TradingSession session, UiExecutor ui, ObjectProperty<PortfolioId> portfolio) {
        this.session = session;
        this.ui = ui;
        this.portfolio = portfolio;
        instruments.setAll(session.instruments().stream().map(i -> i.id()).toList());
        portfolio.addListener((o, a, b) -> {
            lastLiquidation = "";
            refreshAll();
        });
        session.addListener(e -> {
            switch (e) {
                case EngineEvent.PortfolioChanged p -> {
                    if (p.snapshot().id().equals(portfolio.get())) {
                        ui.coalesce("margin-account", this::refreshAccount);
                    }
                }
                case EngineEvent.Account a -> {
                    if (a.event().portfolioId().equals(portfolio.get())) {
                        if (a.event() instanceof AccountEvent.Liquidated l) {
                            String text = describe(l.liquidation());
                            ui.post(() -> lastLiquidation = text);
                        }
                        ui.coalesce("margin-history", this::refreshAll);
                    }
                }
                default -> {}
            }
        });
        refreshAll();
    }

    private void refreshAll() {
        refreshAccount();
        refreshHistory();
    }

    /** Re-reads the margin account of the selected portfolio. */
    public void refreshAccount() {
        PortfolioId id = portfolio.get();
        AccountSnapshot a = id == null ? null : session.accounts().account(id).orElse(null);
        if (a == null) {
            marginUse.set(0);
            marginLevel.set("");
            leverage.set(0);
            dailyLoss.set(0);
            drawdown.set(0);
            level.set(WarningLevel.NONE);
            banner.set("");
            summary.set("No portfolio selected.");
            Lists.replace(positions, List.of());
            Lists.replace(exposure, List.of());
            return;
        }
        String base = a.baseCurrency().code();
        baseCurrency.set(base);
        marginUse.set(a.maintenanceRatio().multiply(HUNDRED).doubleValue());
        marginLevel.set(
                a.marginLevel() == null
                        ? "no margin in use"
                        : pct(a.marginLevel().multiply(HUNDRED)));
        leverage.set(a.effectiveLeverage().doubleValue());
        dailyLoss.set(a.dailyLossPct().doubleValue());
        dailyLossLimit.set(a.limits().dailyLossPct().threshold().doubleValue());
        drawdown.set(a.drawdownPct().doubleValue());
        drawdownLimit.set(a.limits().drawdownStopPct().threshold().doubleValue());
        level.set(a.warningLevel());
        banner.set(bannerText(a));
        summary.set("Equity " + Formats.money(a.equity()) + " " + base + " \u00b7 used margin "
                + Formats.money(a.usedMargin()) + " \u00b7 free " + Formats.money(a.freeMargin())
                + " \u00b7 maintenance " + Formats.money(a.maintenanceMargin()) + " \u00b7 margin level "
                + marginLevel.get());
        List<ExposureRow> ex = new ArrayList<>();
        for (AssetClass ac : AssetClass.values()) {
            BigDecimal v = a.exposure().get(ac);
            if (v != null && v.signum() != 0) {
                ex.add(new ExposureRow(label(ac), v));
            }
        }
        Lists.replace(exposure, ex);
        Lists.replace(
                positions,
                a.positions().stream()
                        .sorted(Comparator.comparing(PositionMarginView::instrumentId))
                        .map(this::row)
                        .toList());
        if (sizingRisk.get().isBlank()) {
            sizingRisk.set(a.limits().riskPerTradePct().threshold().toPlainString());
        }
        Map<?, ?> funds = session.accounts().insuranceFund();
        fund.set(
                funds.isEmpty()
                        ? "Insurance fund: empty"
                        : "Insurance fund: "
                                + String.join(
                                        ", ",
                                        session.accounts().insuranceFund().entrySet().stream()
                                                .map(e -> Formats.money(e.getValue()) + " " + e.getKey())
                                                .toList()));
    }

    /** Re-reads funding, liquidation and margin history of the selected portfolio. */
    public void refreshHistory() {
        PortfolioId id = portfolio.get();
        if (id == null) {
            Lists.replace(funding, List.of());
            Lists.replace(liquidations, List.of());
            Lists.replace(marginHistory, List.of());
            return;
        }
        List<AccountRecord> history = session.accounts().history(id);
        List<FundingRow> f = new ArrayList<>();
        List<LiquidationRow> l = new ArrayList<>();
        List<MarginEventRow> m = new ArrayList<>();
        for (AccountRecord r : history) {
            switch (r) {
                case AccountRecord.FundingPayment p -> f.add(new FundingRow(
                        p.timestamp(),
                        p.instrumentId().toString(),
                        p.rate(),
                        p.markPrice(),
                        p.quantity(),
                        p.amount(),
                        p.currency().code()));
                case AccountRecord.Liquidation q -> l.add(new LiquidationRow(
                        q.timestamp(),
                        q.instrumentId().toString(),
                        q.kind() + " " + q.mode(),
                        q.quantity(),
                        q.price(),
                        q.fee(),
                        q.shortfall(),
                        q.insuranceCover(),
                        q.adlCover(),
                        q.currency().code()));
                case AccountRecord.MarginEvent e -> m.add(new MarginEventRow(
                        e.timestamp(),
                        e.kind().name(),
                        levelText(e.level()),
                        e.instrumentId() == null ? "cross" : e.instrumentId().toString(),
                        e.equity(),
                        e.maintenanceRatio().multiply(HUNDRED)));
                default -> {}
            }
        }
        // Newest first: a trader looks for what just happened.
        Lists.replace(funding, f.reversed());
        Lists.replace(liquidations, l.reversed());
        Lists.replace(marginHistory, m.reversed());
        refreshAccount();
    }

    /** Computes the position size for the sizing panel's inputs; the result or the problem lands in {@link #sizingResultProperty}. */
    public void size() {
        PortfolioId id = portfolio.get();
        InstrumentId instrument = sizingInstrument.get();
        if (id == null || instrument == null) {
            sizingResult.set("Choose a portfolio and an instrument.");
            return;
        }
        BigDecimal risk;
        BigDecimal entry;
        BigDecimal stop;
        try {
            risk = new BigDecimal(sizingRisk.get().strip());
            entry = new BigDecimal(sizingEntry.get().strip());
            stop = new BigDecimal(sizingStop.get().strip());
        } catch (NumberFormatException e) {
            sizingResult.set("Risk %, entry and stop must be numbers.");
            return;
        }
        session.accounts()
                .size(id, instrument, risk, entry, stop)
                .whenComplete((s, err) -> ui.post(() -> {
                    if (err != null) {
                        Throwable cause = err.getCause() != null ? err.getCause() : err;
                        sizingResult.set(cause.getMessage());
                    } else {
                        sizingResult.set("Quantity " + Formats.quantity(s.quantity()) + " \u2014 risks "
                                + Formats.money(s.riskAmount()) + " of " + Formats.money(s.riskBudget()) + " "
                                + baseCurrency.get() + ", notional " + Formats.money(s.notional()));
                    }
                }));
    }

    /** Fills the entry with the instrument's current mid, when it has a price. */
    public void useCurrentPrice() {
        InstrumentId instrument = sizingInstrument.get();
        if (instrument != null) {
            session.quote(instrument)
                    .ifPresent(q -> sizingEntry.set(q.mid().value().toPlainString()));
        }
    }

    private String bannerText(AccountSnapshot a) {
        String use = pct(a.maintenanceRatio().multiply(HUNDRED));
        return switch (a.warningLevel()) {
            case NONE -> lastLiquidation;
            case WARNING_80 -> "Margin warning: maintenance use " + use + " (warning at 80%)";
            case WARNING_90 -> "Urgent margin warning: maintenance use " + use + " (warning at 90%)";
            case WARNING_95 -> "Final margin warning: maintenance use " + use + " \u2014 liquidation at 100%";
            case LIQUIDATION -> "Liquidating: maintenance use " + use;
        };
    }

    private static String describe(AccountRecord.Liquidation l) {
        return "Liquidated " + Formats.quantity(l.quantity().abs()) + " " + l.instrumentId() + " at "
                + Formats.price(l.price()) + " (" + l.kind().name().toLowerCase(java.util.Locale.ROOT) + ", fee "
                + Formats.money(l.fee()) + " " + l.currency() + ")";
    }

    private PositionRow row(PositionMarginView p) {
        // A liquidation price is shown at the instrument's tick, rounded away from the mark (conservative).
        BigDecimal liq = p.liquidationPrice();
        if (liq != null) {
            int scale = session.instrument(p.instrumentId())
                    .map(i -> i.tickSize().stripTrailingZeros().scale())
                    .orElse(2);
            liq = liq.setScale(
                    Math.max(0, scale), p.quantity().signum() > 0 ? RoundingMode.CEILING : RoundingMode.FLOOR);
        }
        return new PositionRow(
                p.instrumentId().toString(),
                p.currency().code(),
                p.mode().name(),
                p.leverage(),
                p.quantity(),
                p.entryPrice(),
                p.mark(),
                liq,
                p.initialMargin(),
                p.maintenanceMargin(),
                p.unrealizedPnl(),
                p.maintenanceRatio().multiply(HUNDRED).setScale(2, RoundingMode.HALF_EVEN));
    }

    static String label(AssetClass ac) {
        return switch (ac) {
            case EQUITY -> "Stocks";
            case ETF -> "ETFs";
            case CRYPTO_SPOT -> "Crypto spot";
            case PERPETUAL -> "Perpetuals";
            case OPTION -> "Options";
            case FX -> "Forex";
        };
    }

    static String levelText(WarningLevel l) {
        return switch (l) {
            case NONE -> "below 80%";
            case WARNING_80 -> "80%";
            case WARNING_90 -> "90%";
            case WARNING_95 -> "95%";
            case LIQUIDATION -> "liquidation";
        };
    }

    private static String pct(BigDecimal v) {
        return String.format(java.util.Locale.US, "%,.2f%%", v.setScale(2, RoundingMode.HALF_EVEN));
    }

    public DoubleProperty marginUseProperty() {
        return marginUse;
    }

    public StringProperty marginLevelProperty() {
        return marginLevel;
    }

    public DoubleProperty leverageProperty() {
        return leverage;
    }

    public DoubleProperty dailyLossProperty() {
        return dailyLoss;
    }

    public DoubleProperty dailyLossLimitProperty() {
        return dailyLossLimit;
    }

    public DoubleProperty drawdownProperty() {
        return drawdown;
    }

    public DoubleProperty drawdownLimitProperty() {
        return drawdownLimit;
    }

    public ObjectProperty<WarningLevel> levelProperty() {
        return level;
    }

    public StringProperty bannerProperty() {
        return banner;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty baseCurrencyProperty() {
        return baseCurrency;
    }

    public StringProperty fundProperty() {
        return fund;
    }

    public ObservableList<ExposureRow> exposure() {
        return exposure;
    }

    public ObservableList<PositionRow> positions() {
        return positions;
    }

    public ObservableList<FundingRow> funding() {
        return funding;
    }

    public ObservableList<LiquidationRow> liquidations() {
        return liquidations;
    }

    public ObservableList<MarginEventRow> marginHistory() {
        return marginHistory;
    }

    public ObservableList<InstrumentId> instruments() {
        return instruments;
    }

    public ObjectProperty<InstrumentId> sizingInstrumentProperty() {
        return sizingInstrument;
    }

    public StringProperty sizingRiskProperty() {
        return sizingRisk;
    }

    public StringProperty sizingEntryProperty() {
        return sizingEntry;
    }

    public StringProperty sizingStopProperty() {
        return sizingStop;
    }

    public StringProperty sizingResultProperty() {
        return sizingResult;
    }
}
