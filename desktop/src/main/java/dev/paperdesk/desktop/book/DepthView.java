package dev.paperdesk.desktop.book;

import dev.paperdesk.desktop.book.DepthViewModel.BookSide;
import dev.paperdesk.desktop.book.DepthViewModel.LadderRow;
import dev.paperdesk.desktop.common.Dialogs;
import dev.paperdesk.desktop.common.TableExport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The order book ladder: bid size | price | ask size, asks above the spread line and bids below,
 * each size over a bar as wide as the cumulative size from the best level. Clicking a row or
 * pressing Enter on the selected one picks its price; the arrow keys move the selection.
 *
 * <p>Node ids: {@code #depthView} (the ladder, focusable), {@code #depthAsk0..19} and
 * {@code #depthBid0..19} (price cells, 0 = best), {@code #depthSpread}, {@code #depthMid},
 * {@code #depthEmpty} (the empty-state message).
 */
public final class DepthView extends VBox {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass BEST = PseudoClass.getPseudoClass("best");

    private final DepthViewModel vm;
    private final List<RowCells> cells = new ArrayList<>();

    public DepthView(DepthViewModel vm) {
        this.vm = vm;
        setId("depthView");
        getStyleClass().add("depth-view");
        setFocusTraversable(true);

        Label title = new Label();
        title.getStyleClass().add("depth-title");
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.instrumentProperty().get() == null
                                ? "Order book"
                                : vm.instrumentProperty().get().toString(),
                        vm.instrumentProperty()));
        Label asOf = new Label();
        asOf.setId("depthAsOf");
        asOf.getStyleClass().add("depth-as-of");
        asOf.textProperty().bind(vm.asOfProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox titleBar = new HBox(title, gap, asOf);
        titleBar.setAlignment(Pos.CENTER_LEFT);
        titleBar.getStyleClass().add("depth-title-bar");

        // the column headings stay put above the ladder, which slides to keep the spread in view
        GridPane headings = ladderGrid();
        headings.addRow(
                0,
                header("Bid size", Pos.CENTER_RIGHT),
                header("Price", Pos.CENTER),
                header("Ask size", Pos.CENTER_RIGHT));
        GridPane grid = ladderGrid();
        int gridRow = 0;
        HBox spreadLine = spreadLine();
        for (int i = 0; i < 2 * DepthViewModel.LEVELS; i++) {
            if (i == DepthViewModel.LEVELS) {
                grid.add(spreadLine, 0, gridRow++, 3, 1);
            }
            RowCells rc = new RowCells(i);
            rc.addTo(grid, gridRow++);
            cells.add(rc);
        }

        Label emptyMessage = new Label();
        emptyMessage.setId("depthEmpty");
        emptyMessage.getStyleClass().add("empty-title");
        emptyMessage.textProperty().bind(vm.emptyMessageProperty());
        Label emptyDetail = new Label();
        emptyDetail.getStyleClass().add("empty-detail");
        emptyDetail.setWrapText(true);
        emptyDetail.textProperty().bind(vm.emptyDetailProperty());
        VBox emptyBox = new VBox(6, emptyMessage, emptyDetail);
        emptyBox.setAlignment(Pos.CENTER);
        emptyBox.getStyleClass().add("empty-state");
        emptyBox.visibleProperty().bind(vm.emptyProperty());
        emptyBox.setMouseTransparent(true);
        grid.visibleProperty().bind(vm.emptyProperty().not());
        headings.visibleProperty().bind(vm.emptyProperty().not());

        StackPane body = new StackPane(grid, emptyBox);
        StackPane.setAlignment(grid, Pos.TOP_CENTER);
        VBox.setVgrow(body, Priority.ALWAYS);
        keepTheSpreadInView(body, grid, spreadLine);
        getChildren().setAll(titleBar, headings, body);

        vm.rows().addListener((ListChangeListener<LadderRow>) c -> render());
        vm.selectedIndexProperty().addListener((o, a, b) -> renderSelection());
        render();

        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case UP -> vm.moveSelection(-1);
                case DOWN -> vm.moveSelection(1);
                case PAGE_UP -> vm.moveSelection(-5);
                case PAGE_DOWN -> vm.moveSelection(5);
                case ENTER -> vm.pickSelected();
                case ESCAPE -> vm.selectedIndexProperty().set(-1);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        setContextMenu();

        // Re-checks the book's age once a second, so a market that stops publishing shows as empty.
        Timeline staleCheck = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.refresh()));
        staleCheck.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                staleCheck.stop();
            } else {
                staleCheck.play();
            }
        });
    }

    /**
     * When the panel is shorter than the ladder, slides the ladder up so that the spread line sits in
     * the middle of the panel (the inside market is what a trader reads first), never past either end;
     * when it fits, the ladder stays at the top. The panel clips what it slides out.
     */
    private static void keepTheSpreadInView(Region body, Region ladder, Region spreadLine) {
        body.setMinHeight(0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(body.widthProperty());
        clip.heightProperty().bind(body.heightProperty());
        body.setClip(clip);
        ladder.translateYProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> {
                            double overflow = ladder.getHeight() - body.getHeight();
                            if (overflow <= 0) {
                                return 0.0;
                            }
                            double spreadMiddle = spreadLine.getLayoutY() + spreadLine.getHeight() / 2;
                            double shift = body.getHeight() / 2 - spreadMiddle;
                            return Math.max(-overflow, Math.min(0.0, shift));
                        },
                        body.heightProperty(),
                        ladder.heightProperty(),
                        spreadLine.layoutYProperty(),
                        spreadLine.heightProperty()));
    }

    /** A grid with the ladder's three columns: bid size 35 %, price 30 %, ask size 35 %. */
    private static GridPane ladderGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("depth-ladder");
        for (double percent : new double[] {35, 30, 35}) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(percent);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        return grid;
    }

    private static Label header(String text, Pos align) {
        Label l = new Label(text);
        l.getStyleClass().add("depth-header");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setAlignment(align);
        return l;
    }

    private HBox spreadLine() {
        Label spread = new Label();
        spread.setId("depthSpread");
        spread.textProperty().bind(vm.spreadTextProperty());
        Label mid = new Label();
        mid.setId("depthMid");
        mid.textProperty().bind(vm.midTextProperty());
        HBox line = new HBox(16, mid, spread);
        line.setAlignment(Pos.CENTER);
        line.getStyleClass().add("depth-spread");
        return line;
    }

    private void render() {
        for (int i = 0; i < cells.size(); i++) {
            cells.get(i).show(vm.rows().get(i));
        }
        renderSelection();
    }

    private void renderSelection() {
        int selected = vm.selectedIndexProperty().get();
        for (int i = 0; i < cells.size(); i++) {
            cells.get(i).background.pseudoClassStateChanged(SELECTED, i == selected);
        }
    }

    private void setContextMenu() {
        MenuItem export = new MenuItem("Export CSV\u2026");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export order book");
            chooser.setInitialFileName("order-book.csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
            var file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                try {
                    TableExport.writeCsv(csvLines(), file.toPath());
                } catch (IOException ex) {
                    Dialogs.error(
                            getScene().getWindow(),
                            "Export failed",
                            "Could not write " + file + ": " + ex.getMessage());
                }
            }
        });
        ContextMenu menu = new ContextMenu(export);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
    }

    /** The ladder as CSV lines: side, level, price, size, cumulative (raw numbers, best levels first). */
    List<List<String>> csvLines() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("side", "level", "price", "size", "cumulative"));
        List<LadderRow> rows = vm.rows();
        for (int i = DepthViewModel.LEVELS - 1; i >= 0; i--) {
            addCsv(lines, rows.get(i));
        }
        for (int i = DepthViewModel.LEVELS; i < rows.size(); i++) {
            addCsv(lines, rows.get(i));
        }
        return lines;
    }

    private static void addCsv(List<List<String>> lines, LadderRow r) {
        if (!r.isBlank()) {
            lines.add(List.of(
                    r.side().name().toLowerCase(java.util.Locale.ROOT),
                    Integer.toString(r.level()),
                    r.price().stripTrailingZeros().toPlainString(),
                    r.size().stripTrailingZeros().toPlainString(),
                    r.cumulative().stripTrailingZeros().toPlainString()));
        }
    }

    /** The nodes of one ladder line; the background takes the clicks, the rest lets them through. */
    private final class RowCells {
        final Region background = new Region();
        final Label price = new Label();
        final SizeCell bidCell;
        final SizeCell askCell;

        RowCells(int index) {
            boolean ask = index < DepthViewModel.LEVELS;
            int level = ask ? DepthViewModel.LEVELS - 1 - index : index - DepthViewModel.LEVELS;
            background.getStyleClass().addAll("depth-row", ask ? "ask" : "bid");
            background.pseudoClassStateChanged(BEST, level == 0);
            background.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            background.setCursor(Cursor.HAND);
            background.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    requestFocus();
                    vm.pick(index);
                }
            });
            price.setId((ask ? "depthAsk" : "depthBid") + level);
            price.getStyleClass().addAll("depth-price", ask ? "ask" : "bid");
            price.pseudoClassStateChanged(BEST, level == 0);
            price.setMaxWidth(Double.MAX_VALUE);
            price.setAlignment(Pos.CENTER);
            price.setMouseTransparent(true);
            // Bars grow away from the price column: bids to the left, asks to the right.
            bidCell = new SizeCell(true, ask ? null : "bid");
            askCell = new SizeCell(false, ask ? "ask" : null);
        }

        void addTo(GridPane grid, int row) {
            grid.add(background, 0, row, 3, 1);
            grid.add(bidCell, 0, row);
            grid.add(price, 1, row);
            grid.add(askCell, 2, row);
            GridPane.setHalignment(price, HPos.CENTER);
        }

        void show(LadderRow r) {
            price.setText(r.priceText());
            (r.side() == BookSide.BID ? bidCell : askCell).show(r.sizeText(), r.depth());
        }
    }

    /**
     * A size over its depth bar. Lays the bar out itself so the bar's width, a fraction of the
     * cell's, never feeds back into the cell's preferred width.
     */
    private static final class SizeCell extends Region {
        private final Region bar = new Region();
        private final Label label = new Label();
        private final boolean barFromRight;
        private double depth;

        SizeCell(boolean barFromRight, String barStyle) {
            this.barFromRight = barFromRight;
            getStyleClass().add("depth-cell");
            label.getStyleClass().add("depth-size");
            label.setAlignment(Pos.CENTER_RIGHT);
            if (barStyle != null) {
                bar.getStyleClass().addAll("depth-bar", barStyle);
                getChildren().add(bar);
            }
            getChildren().add(label);
            setMouseTransparent(true);
            setMinWidth(0);
        }

        void show(String text, double fraction) {
            label.setText(text);
            if (fraction != depth) {
                depth = fraction;
                requestLayout();
            }
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            double barWidth = Math.round(w * depth);
            bar.resizeRelocate(barFromRight ? w - barWidth : 0, 1, barWidth, Math.max(0, h - 2));
            Insets in = getInsets();
            label.resizeRelocate(
                    in.getLeft(),
                    in.getTop(),
                    Math.max(0, w - in.getLeft() - in.getRight()),
                    h - in.getTop() - in.getBottom());
        }

        @Override
        protected double computePrefWidth(double height) {
            return label.prefWidth(-1) + getInsets().getLeft() + getInsets().getRight();
        }

        @Override
        protected double computePrefHeight(double width) {
            return label.prefHeight(-1) + getInsets().getTop() + getInsets().getBottom();
        }

        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }
    }
}
