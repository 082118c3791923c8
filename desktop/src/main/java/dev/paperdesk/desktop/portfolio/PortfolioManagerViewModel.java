package dev.paperdesk.desktop.portfolio;

import dev.paperdesk.desktop.common.Lists;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.LimitMode;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.RiskLimit;
import dev.paperdesk.engine.portfolio.RiskLimits;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.PortfolioSpec;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The portfolio manager: every portfolio of the workspace (archived ones too) and the commands on
 * them. Results and errors land in {@link #messageProperty} as sentences.
 */
public final class PortfolioManagerViewModel {
    /** A portfolio as the manager lists it. */
    public record Row(
            PortfolioId id,
            String name,
            String description,
            String baseCurrency,
            BigDecimal startingBalance,
            BigDecimal equity,
            String costBasis,
            boolean archived,
            Instant created) {}

    /**
     * The editable settings of a portfolio as the form holds them (text fields are parsed on save).
     *
     * @param leverage default leverage per asset class
     * @param limits threshold text and mode per limit, in {@link #LIMIT_NAMES} order
     */
    public record Form(
            String name,
            String description,
            String baseCurrency,
            String startingBalance,
            CostBasisMethod costBasis,
            MarginMode perpetualMode,
            Map<AssetClass, Integer> leverage,
            List<String> limitThresholds,
            List<LimitMode> limitModes) {}

    /** The limits in form order, with their units. */
    public static final List<String> LIMIT_NAMES = List.of(
            "Max position size (% of equity)",
            "Daily loss limit (%)",
            "Max open positions",
            "Risk per trade (%)",
            "Drawdown stop (%)",
            "Correlation warning (coefficient)");

    public static final List<String> BASE_CURRENCIES = List.of("USD", "EUR", "BTC");

    private final TradingSession session;
    private final UiExecutor ui;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    public PortfolioManagerViewModel(TradingSession session, UiExecutor ui) {
        this.session = session;
        this.ui = ui;
        session.addListener(e -> {
            if (e instanceof EngineEvent.Account || e instanceof EngineEvent.PortfolioChanged) {
                ui.coalesce("portfolio-manager", this::refresh);
            }
        });
        refresh();
    }

    public void refresh() {
        List<Row> next = session.portfolios().stream()
                .map(PortfolioManagerViewModel::row)
                .toList();
        Row keep = selected.get();
        Lists.replace(rows, next);
        if (keep != null) {
            selected.set(next.stream()
                    .filter(r -> r.id().equals(keep.id()))
                    .findFirst()
                    .orElse(null));
        }
    }

    private static Row row(PortfolioSnapshot s) {
        return new Row(
                s.id(),
                s.name(),
                s.description(),
                s.baseCurrency().code(),
                s.startingBalance(),
                s.equity(),
                s.costBasisMethod().name(),
                s.archived(),
                s.createdAt());
    }

    /** An empty form for a new portfolio: USD, 5,000,000, default settings. */
    public Form newForm() {
        return form("", "", "USD", SessionConfig.DEFAULT_STARTING_BALANCE, PortfolioSettings.DEFAULTS);
    }

    /** The form of an existing portfolio. */
    public Form formOf(Row row) {
        PortfolioSettings settings =
                session.portfolio(row.id()).map(p -> p.account().settings()).orElse(PortfolioSettings.DEFAULTS);
        return form(row.name(), row.description(), row.baseCurrency(), row.startingBalance(), settings);
    }

    private static Form form(String name, String description, String base, BigDecimal balance, PortfolioSettings s) {
        RiskLimits l = s.limits();
        List<RiskLimit> all = List.of(
                l.maxPositionPct(),
                l.dailyLossPct(),
                l.maxOpenPositions(),
                l.riskPerTradePct(),
                l.drawdownStopPct(),
                l.correlation());
        return new Form(
                name,
                description,
                base,
                balance.toPlainString(),
                s.costBasisMethod(),
                s.perpetualMarginMode(),
                new EnumMap<>(s.leverage()),
                all.stream()
                        .map(x -> x.threshold().stripTrailingZeros().toPlainString())
                        .toList(),
                all.stream().map(RiskLimit::mode).toList());
    }

    /**
     * The settings a form describes.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static PortfolioSettings settings(Form f, PortfolioSettings base) {
        List<RiskLimit> limits = new java.util.ArrayList<>();
        for (int i = 0; i < LIMIT_NAMES.size(); i++) {
            String text = f.limitThresholds().get(i).strip();
            BigDecimal threshold;
            try {
                threshold = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(LIMIT_NAMES.get(i) + " must be a number, not '" + text + "'");
            }
            limits.add(new RiskLimit(threshold, f.limitModes().get(i)));
        }
        RiskLimits rl = new RiskLimits(
                limits.get(0), limits.get(1), limits.get(2), limits.get(3), limits.get(4), limits.get(5));
        return new PortfolioSettings(
                f.costBasis(), f.leverage(), f.perpetualMode(), rl, base.borrowRates(), base.defaultBorrowRate());
    }

    /** Creates a portfolio from a form. */
    public CompletableFuture<?> create(Form f) {
        try {
            BigDecimal balance = amount(f.startingBalance(), "Starting balance");
            PortfolioSpec spec = new PortfolioSpec(
                    f.name(),
                    f.description(),
                    Currency.of(f.baseCurrency()),
                    balance,
                    settings(f, PortfolioSettings.DEFAULTS));
            return report(
                    session.accounts().create(spec), "Created '" + f.name().strip() + "'.");
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Saves a form's name, description and settings on an existing portfolio. */
    public CompletableFuture<?> update(Row row, Form f) {
        try {
            PortfolioSettings current =
                    session.portfolio(row.id()).orElseThrow().account().settings();
            return report(
                    session.accounts().updateSettings(row.id(), f.name(), f.description(), settings(f, current)),
                    "Saved the settings of '" + f.name().strip() + "'.");
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
    }

    public CompletableFuture<?> reset(Row row) {
        return report(session.accounts().reset(row.id()), "Reset '" + row.name() + "' to its starting balance.");
    }

    public CompletableFuture<?> topUp(Row row, String amount) {
        try {
            BigDecimal a = amount(amount, "Top-up");
            return report(
                    session.accounts().topUp(row.id(), a),
                    "Topped up '" + row.name() + "' by " + a.toPlainString() + " " + row.baseCurrency() + ".");
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
    }

    public CompletableFuture<?> archive(Row row, boolean archived) {
        return report(
                session.accounts().archive(row.id(), archived),
                (archived ? "Archived '" : "Restored '") + row.name() + "'.");
    }

    public CompletableFuture<?> clonePortfolio(Row row, String newName) {
        return report(
                session.accounts().clonePortfolio(row.id(), newName),
                "Cloned the settings of '" + row.name() + "' into '" + newName.strip() + "'.");
    }

    /** Closes every open position of the portfolio at market. */
    public CompletableFuture<?> closeAll(Row row) {
        return report(
                session.accounts().closeAll(row.id()),
                "Sent market orders closing every position of '" + row.name() + "'.");
    }

    public CompletableFuture<?> delete(Row row) {
        return report(
                session.accounts().delete(row.id()),
                "Deleted '" + row.name() + "'; its history stays in the workspace.");
    }

    private static BigDecimal amount(String text, String field) {
        String t = text == null ? "" : text.strip().replace(",", "");
        try {
            BigDecimal v = new BigDecimal(t);
            if (v.signum() <= 0) {
                throw new IllegalArgumentException(field + " must be positive");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, not '" + text + "'");
        }
    }

    private <T> CompletableFuture<T> report(CompletableFuture<T> f, String success) {
        return f.whenComplete((r, err) -> ui.post(() -> {
            if (err == null) {
                message.set(success);
                refresh();
            } else {
                Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                        ? err.getCause()
                        : err;
                message.set(cause.getMessage());
            }
        }));
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
