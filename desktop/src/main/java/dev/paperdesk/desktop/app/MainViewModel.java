package dev.paperdesk.desktop.app;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.Lists;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The main window's state: title, portfolio selection, clock, speed, feed and account summary. */
public final class MainViewModel {
    /** An entry of the portfolio selector. */
    public record PortfolioItem(PortfolioId id, String name, String currency) {
        @Override
        public String toString() {
            return name + " (" + currency + ")";
        }
    }

    /** "max": engine time runs as fast as the engine can process it (a million times real time). */
    public static final double MAX_SPEED = 1_000_000.0;

    /** Simulation speeds offered in the toolbar. */
    public static final List<Double> SPEEDS = List.of(1.0, 10.0, 100.0, 1000.0, MAX_SPEED);

    private final TradingSession session;
    private final StringProperty title = new SimpleStringProperty();
    private final ObservableList<PortfolioItem> portfolios = FXCollections.observableArrayList();
    private final ObjectProperty<PortfolioItem> selectedItem = new SimpleObjectProperty<>();
    private final ObjectProperty<PortfolioId> selectedPortfolio = new SimpleObjectProperty<>();
    private final StringProperty engineTime = new SimpleStringProperty();
    private final StringProperty feedState = new SimpleStringProperty();
    private final StringProperty workspacePath = new SimpleStringProperty();
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final StringProperty equity = new SimpleStringProperty("");
    private final StringProperty cash = new SimpleStringProperty("");
    private final ObjectProperty<BigDecimal> unrealized = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final ObjectProperty<BigDecimal> realized = new SimpleObjectProperty<>(BigDecimal.ZERO);
    private final StringProperty lastError = new SimpleStringProperty("");

    public MainViewModel(TradingSession session, UiExecutor ui) {
        this.session = session;
        title.set("Paperdesk \u2014 " + session.workspaceName());
        workspacePath.set(
                session.workspacePath() == null
                        ? "(in memory)"
                        : session.workspacePath().toString());
        selectedItem.addListener((o, a, b) -> selectedPortfolio.set(b == null ? null : b.id()));
        selectedPortfolio.addListener((o, a, b) -> refreshSummary());
        speed.addListener((o, a, b) -> session.setSpeed(b.doubleValue()));
        paused.addListener((o, a, b) -> {
            session.setPaused(b);
            tick();
        });
        session.addListener(e -> {
            switch (e) {
                case EngineEvent.PortfolioChanged p -> ui.coalesce("portfolios", this::refreshPortfolios);
                case EngineEvent.EngineError err -> ui.post(() -> lastError.set(err.message()));
                default -> {}
            }
        });
        refreshPortfolios();
        if (!portfolios.isEmpty()) {
            selectedItem.set(portfolios.get(0));
        }
        tick();
    }

    /** Updates the clock and feed texts; the view calls it a few times a second. */
    public void tick() {
        engineTime.set(Formats.clock(session.now()));
        feedState.set(session.feedName() + (paused.get() ? " \u2014 paused" : " \u2014 live"));
    }

    private void refreshPortfolios() {
        List<PortfolioItem> items = session.portfolios().stream()
                .filter(p -> !p.archived())
                .map(p -> new PortfolioItem(p.id(), p.name(), p.baseCurrency().code()))
                .toList();
        PortfolioItem keep = selectedItem.get();
        Lists.replace(portfolios, items);
        if (keep != null && items.contains(keep)) {
            selectedItem.set(keep);
        }
        refreshSummary();
    }

    private void refreshSummary() {
        PortfolioId id = selectedPortfolio.get();
        PortfolioSnapshot s = id == null ? null : session.portfolio(id).orElse(null);
        if (s == null) {
            equity.set("");
            cash.set("");
            unrealized.set(BigDecimal.ZERO);
            realized.set(BigDecimal.ZERO);
            return;
        }
        equity.set(Formats.money(s.equity()) + " " + s.baseCurrency());
        cash.set(Formats.money(s.cash()) + " " + s.baseCurrency());
        unrealized.set(s.unrealizedPnl());
        realized.set(s.realizedPnl());
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObservableList<PortfolioItem> portfolios() {
        return portfolios;
    }

    public ObjectProperty<PortfolioItem> selectedItemProperty() {
        return selectedItem;
    }

    public ObjectProperty<PortfolioId> selectedPortfolioProperty() {
        return selectedPortfolio;
    }

    public StringProperty engineTimeProperty() {
        return engineTime;
    }

    public StringProperty feedStateProperty() {
        return feedState;
    }

    public StringProperty workspacePathProperty() {
        return workspacePath;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public StringProperty equityProperty() {
        return equity;
    }

    public StringProperty cashProperty() {
        return cash;
    }

    public ObjectProperty<BigDecimal> unrealizedProperty() {
        return unrealized;
    }

    public ObjectProperty<BigDecimal> realizedProperty() {
        return realized;
    }

    public StringProperty lastErrorProperty() {
        return lastError;
    }

    public TradingSession session() {
        return session;
    }
}
