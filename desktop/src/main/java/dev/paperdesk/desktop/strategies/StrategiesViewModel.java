package dev.paperdesk.desktop.strategies;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.strategy.api.StrategyDefinition;
import dev.paperdesk.engine.strategy.builtin.Templates;
import dev.paperdesk.engine.strategy.rules.RuleStrategyLoader;
import dev.paperdesk.engine.strategy.runner.StrategyRunner;
import dev.paperdesk.engine.strategy.runner.StrategyStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the strategies view. Validation runs on every edit (the loader reports
 * every problem with its line and column); starting a strategy gives it a fresh portfolio with the
 * chosen capital on the live market, through the session's {@link StrategyRunner}.
 */
public final class StrategiesViewModel {
    private final TradingSession session;
    private final StrategyRunner runner;
    private final UiExecutor ui;
    private final ObservableList<String> templates = FXCollections.observableArrayList();
    private final StringProperty template = new SimpleStringProperty("builtin:sma-cross");
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty capital = new SimpleStringProperty("100000");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<StrategyStatus> statuses = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    public StrategiesViewModel(TradingSession session, StrategyRunner runner, UiExecutor ui) {
        this.session = session;
        this.runner = runner;
        this.ui = ui;
        Templates.list().forEach(t -> templates.add(t.reference()));
        source.addListener((o, a, b) -> validate());
        runner.onFailure(f -> ui.post(() -> message.set(f.message())));
        refresh();
    }

    /** Replaces the editor's text by a copy of the chosen template, renamed {@code NAME-copy}. */
    public void cloneTemplate() {
        String text = Templates.text(template.get()).orElse("");
        source.set(text.replaceFirst("(?m)^name:\\s*(\\S+)", "name: $1-copy"));
    }

    /** Re-checks the editor's text; the problems list is empty when it would run. */
    public void validate() {
        String text = source.get();
        if (text == null || text.isBlank()) {
            problems.setAll(List.of("the editor is empty: clone a template or write a strategy"));
            return;
        }
        problems.setAll(
                switch (RuleStrategyLoader.load("editor", text)) {
                    case RuleStrategyLoader.Load.Loaded l -> List.<String>of();
                    case RuleStrategyLoader.Load.Invalid i -> i.problems().stream()
                            .map(Object::toString)
                            .toList();
                });
    }

    /** Starts the editor's strategy in a new portfolio; returns its runner id, or -1 with the problem shown. */
    public long start() {
        validate();
        if (!problems.isEmpty()) {
            message.set("fix the problems first");
            return -1;
        }
        if (!(RuleStrategyLoader.load("editor", source.get()) instanceof RuleStrategyLoader.Load.Loaded loaded)) {
            return -1;
        }
        StrategyDefinition.Build build = loaded.definition().build(Map.of());
        if (!(build instanceof StrategyDefinition.Build.Built built)) {
            message.set(((StrategyDefinition.Build.Invalid) build).message());
            return -1;
        }
        BigDecimal cash;
        try {
            cash = new BigDecimal(capital.get().strip());
        } catch (NumberFormatException e) {
            message.set("capital: not a number: '" + capital.get() + "'");
            return -1;
        }
        PortfolioId portfolio = TradingSession.await(session.createPortfolio(
                        "strategy " + built.strategy().name(),
                        "runs strategy " + built.strategy().name(),
                        Currency.USD,
                        cash,
                        CostBasisMethod.FIFO))
                .id();
        long id = runner.start(built.strategy(), built.values(), portfolio);
        message.set("started " + built.strategy().name());
        refresh();
        return id;
    }

    public void pause(StrategyStatus s) {
        runner.pause(s.id());
    }

    public void resume(StrategyStatus s) {
        runner.resume(s.id());
    }

    public void stop(StrategyStatus s) {
        runner.stop(s.id());
    }

    /** Reloads the statuses (call from a UI timer). */
    public void refresh() {
        List<StrategyStatus> now = runner.statuses();
        ui.coalesce("strategies-status", () -> statuses.setAll(now));
    }

    public ObservableList<String> templates() {
        return templates;
    }

    public StringProperty templateProperty() {
        return template;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty capitalProperty() {
        return capital;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ObservableList<StrategyStatus> statuses() {
        return statuses;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
