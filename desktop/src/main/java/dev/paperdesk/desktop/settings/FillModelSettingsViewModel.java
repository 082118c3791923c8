package dev.paperdesk.desktop.settings;

import dev.paperdesk.desktop.common.Lists;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.execution.models.ExecutionSettings;
import dev.paperdesk.engine.execution.models.FeeModels;
import dev.paperdesk.engine.execution.models.FillModel;
import dev.paperdesk.engine.execution.models.LatencyModel;
import dev.paperdesk.engine.execution.models.ModelScope;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.execution.models.QueueModel;
import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.session.TradingSession;
import java.util.ArrayList;
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
 * The execution models in force, one row per scope (the defaults {@code *}, then overrides per
 * venue and/or asset class), and an editor for one scope: each model as its one-line spec, checked
 * as it is typed. Applying saves the settings in the workspace; new orders use them at once.
 */
public final class FillModelSettingsViewModel {
    /** One scope and its models, as specs. */
    public record ScopeRow(String scope, String fill, String slippage, String latency, String fee, String queue) {}

    public static final String ANY = "*";

    private final TradingSession session;
    private final UiExecutor ui;
    private final ObservableList<ScopeRow> scopes = FXCollections.observableArrayList();
    private final ObservableList<String> venues = FXCollections.observableArrayList();
    private final ObservableList<String> assetClasses = FXCollections.observableArrayList();
    private final ObjectProperty<ScopeRow> selected = new SimpleObjectProperty<>();
    private final StringProperty venue = new SimpleStringProperty(ANY);
    private final StringProperty assetClass = new SimpleStringProperty(ANY);
    private final StringProperty fill = new SimpleStringProperty("");
    private final StringProperty slippage = new SimpleStringProperty("");
    private final StringProperty latency = new SimpleStringProperty("");
    private final StringProperty fee = new SimpleStringProperty("");
    private final StringProperty queue = new SimpleStringProperty("");
    private final StringProperty seed = new SimpleStringProperty("");
    private final StringProperty validation = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty assumptions = new SimpleStringProperty("");

    public FillModelSettingsViewModel(TradingSession session, UiExecutor ui) {
        this.session = session;
        this.ui = ui;
        venues.add(ANY);
        session.instruments().stream()
                .map(Instrument::venue)
                .distinct()
                .sorted()
                .forEach(venues::add);
        assetClasses.add(ANY);
        for (AssetClass c : AssetClass.values()) {
            assetClasses.add(c.name());
        }
        selected.addListener((o, a, b) -> load(b));
        for (StringProperty p : List.of(venue, assetClass, fill, slippage, latency, fee, queue, seed)) {
            p.addListener((o, a, b) -> validate());
        }
        refresh();
        ExecutionSettings s = session.executionSettings();
        seed.set(Long.toString(s.seed()));
        if (!scopes.isEmpty()) {
            selected.set(scopes.get(0));
        }
    }

    /** Example specs offered for each model (the fields accept any valid spec). */
    public static List<String> fillPresets() {
        return List.of("auto", "book-walk", "touch", "bars(mode=next-open, through=1)", "bars(mode=touch, through=1)");
    }

    public static List<String> slippagePresets() {
        return List.of(
                "none",
                "fixed(bps=5)",
                "size-depth(base=2, impact=3, cap=5)",
                "order-type(market=2, limit=0.5, variation=0.5, inner=fixed(bps=5))");
    }

    public static List<String> latencyPresets() {
        return List.of("zero", "uniform(min=50ms, max=200ms)", "venue(fallback-min=50ms, fallback-max=200ms)");
    }

    public static List<String> feePresets() {
        return List.of(
                "venue(per-share=0.005, equity-min=1.00, per-contract=0.65, maker=2, taker=5, min=0)",
                "standard(per-share=0.005, min=1.00, maker=2, taker=5)",
                "none");
    }

    public static List<String> queuePresets() {
        return List.of("queue(share=0.2)", "through");
    }

    /** Re-reads the settings in force and the assumptions. */
    public void refresh() {
        ExecutionSettings s = session.executionSettings();
        List<ScopeRow> rows = new ArrayList<>();
        for (Map.Entry<ModelScope, ModelSet> e : s.scopes()) {
            ModelSet m = e.getValue();
            rows.add(new ScopeRow(
                    e.getKey().label(),
                    m.fill().spec(),
                    m.slippage().spec(),
                    m.latency().spec(),
                    m.fee().spec(),
                    m.queue().spec()));
        }
        Lists.replace(scopes, rows);
        session.modelAssumptions()
                .whenComplete((a, error) -> ui.post(() -> {
                    assumptions.set(
                            error != null
                                    ? ""
                                    : a.render() + "\nFill model per instrument (by its data):\n  "
                                            + String.join("\n  ", a.resolvedFillModels()));
                }));
    }

    private void load(ScopeRow row) {
        if (row == null) {
            return;
        }
        ModelScope scope = ModelScope.parse(row.scope());
        venue.set(scope.venue() == null ? ANY : scope.venue());
        assetClass.set(scope.assetClass() == null ? ANY : scope.assetClass().name());
        fill.set(row.fill());
        slippage.set(row.slippage());
        latency.set(row.latency());
        fee.set(row.fee());
        queue.set(row.queue());
    }

    /** A new override scope starts from the models of the defaults. */
    public void newScope(String venueName, String className) {
        selected.set(null);
        ScopeRow defaults = scopes.isEmpty() ? null : scopes.get(0);
        if (defaults != null) {
            load(defaults);
        }
        venue.set(venueName);
        assetClass.set(className);
    }

    private ModelScope scope() {
        String v = venue.get() == null ? ANY : venue.get().strip();
        String c = assetClass.get() == null ? ANY : assetClass.get().strip();
        return new ModelScope(v.equals(ANY) ? null : v, c.equals(ANY) ? null : AssetClass.valueOf(c));
    }

    private ModelSet models() {
        return new ModelSet(
                part("Fill", () -> FillModel.parse(fill.get())),
                part("Slippage", () -> SlippageModel.parse(slippage.get())),
                part("Latency", () -> LatencyModel.parse(latency.get())),
                part("Fees", () -> FeeModels.parse(fee.get())),
                part("Queue", () -> QueueModel.parse(queue.get())));
    }

    private static <T> T part(String what, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    private long seedValue() {
        try {
            return Long.parseLong(seed.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Seed must be a whole number");
        }
    }

    /** Checks every field; an empty text means the scope can be applied. */
    public void validate() {
        try {
            scope();
            models();
            seedValue();
            validation.set("");
        } catch (IllegalArgumentException e) {
            validation.set(e.getMessage());
        }
    }

    /** Puts the edited scope in force (and the seed) and saves the settings in the workspace. */
    public CompletableFuture<ExecutionSettings> apply() {
        validate();
        if (!validation.get().isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(validation.get()));
        }
        ModelScope scope = scope();
        ExecutionSettings next =
                session.executionSettings().withSeed(seedValue()).with(scope, models());
        return session.updateExecutionSettings(next)
                .whenComplete((s, e) -> ui.post(() -> {
                    if (e != null) {
                        status.set("Not applied: " + e.getMessage());
                        return;
                    }
                    status.set("Applied to " + scope.label() + "; new orders use these models.");
                    refresh();
                }));
    }

    /** Removes the selected override (the defaults cannot be removed). */
    public CompletableFuture<ExecutionSettings> removeSelected() {
        ScopeRow row = selected.get();
        if (row == null || row.scope().equals(ANY)) {
            status.set("The defaults (*) cannot be removed; edit them instead.");
            return CompletableFuture.completedFuture(session.executionSettings());
        }
        ExecutionSettings next = session.executionSettings().with(ModelScope.parse(row.scope()), null);
        return session.updateExecutionSettings(next)
                .whenComplete((s, e) -> ui.post(() -> {
                    status.set(e != null ? "Not removed: " + e.getMessage() : "Removed " + row.scope());
                    refresh();
                }));
    }

    public ObservableList<ScopeRow> scopes() {
        return scopes;
    }

    public ObservableList<String> venues() {
        return venues;
    }

    public ObservableList<String> assetClasses() {
        return assetClasses;
    }

    public ObjectProperty<ScopeRow> selectedProperty() {
        return selected;
    }

    public StringProperty venueProperty() {
        return venue;
    }

    public StringProperty assetClassProperty() {
        return assetClass;
    }

    public StringProperty fillProperty() {
        return fill;
    }

    public StringProperty slippageProperty() {
        return slippage;
    }

    public StringProperty latencyProperty() {
        return latency;
    }

    public StringProperty feeProperty() {
        return fee;
    }

    public StringProperty queueProperty() {
        return queue;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty validationProperty() {
        return validation;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty assumptionsProperty() {
        return assumptions;
    }
}
