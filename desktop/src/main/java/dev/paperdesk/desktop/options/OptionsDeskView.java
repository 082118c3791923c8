package dev.paperdesk.desktop.options;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.session.TradingSession;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The options window: the chain on the left, the strategy builder on the right. Contracts picked in
 * the chain go to the main window's order ticket or, from the context menu, into the builder.
 */
public final class OptionsDeskView extends SplitPane {
    private final OptionChainView chainView;
    private final StrategyBuilderView builderView;

    public OptionsDeskView(OptionChainViewModel chain, StrategyBuilderViewModel builder) {
        setId("optionsDesk");
        getStyleClass().add("options-desk");
        var css = OptionsDeskView.class.getResource("options.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        chainView = new OptionChainView(chain);
        builderView = new StrategyBuilderView(builder);
        getItems().setAll(chainView, builderView);
        setDividerPositions(0.6);
    }

    public OptionChainView chainView() {
        return chainView;
    }

    public StrategyBuilderView builderView() {
        return builderView;
    }

    /**
     * Opens the options window over {@code owner}; {@code ticket} receives contracts clicked in the
     * chain, {@code styler} applies the theme to the new scene.
     */
    public static Stage open(
            Window owner,
            Consumer<Scene> styler,
            TradingSession session,
            UiExecutor ui,
            ObjectProperty<PortfolioId> portfolio,
            Consumer<ContractPick> ticket) {
        OptionChainViewModel chain = new OptionChainViewModel(session, ui, OptionChainSources.forSession(session));
        chain.onTicket(ticket);
        StrategyBuilderViewModel builder = new StrategyBuilderViewModel(session, ui, chain, portfolio);
        OptionsDeskView desk = new OptionsDeskView(chain, builder);
        Stage stage = new Stage();
        stage.setTitle("Options \u2014 Paperdesk");
        Scene scene = new Scene(desk, 1560, 860);
        styler.accept(scene);
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.setOnHidden(e -> {
            builder.close();
            chain.close();
        });
        dev.paperdesk.desktop.common.WindowFit.onScreen(stage);
        stage.show();
        return stage;
    }

    /** Moves the keyboard focus to the chain ({@code optionChain}) or the builder ({@code strategyBuilder}). */
    public static void focus(Stage stage, String id) {
        Node target = stage.getScene().lookup("#" + id);
        if (target != null) {
            target.requestFocus();
        }
    }
}
