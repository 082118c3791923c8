package dev.paperdesk.desktop.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.book.DepthViewModel.BookSide;
import dev.paperdesk.desktop.book.DepthViewModel.LadderRow;
import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ladder's logic on a simulated market, without any UI. */
class DepthViewModelTest {
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT@binance");
    private static final InstrumentId SPYX = InstrumentId.parse("SPYX@nasdaq");
    /** A Friday, one minute before the US close (15:59 New York). */
    private static final Instant FRIDAY_CLOSE = Instant.parse("2026-03-06T20:59:00Z");

    private TradingSession session;

    private TradingSession open(Instant start) {
        session = TradingSession.open(SessionConfig.simulated(null, start, 5)
                .withFeed(SimulatedMarket.defaultMarket(5, List.of(BTC.toString(), SPYX.toString()))));
        return session;
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    @Test
    void showsTwentyLevelsASideFromTheLatestBookWithCumulativeDepth() {
        open(FRIDAY_CLOSE);
        DepthViewModel vm = new DepthViewModel(session, UiExecutor.DIRECT, new SimpleObjectProperty<>(BTC));
        session.advance(Duration.ofSeconds(5));

        BookSnapshot book = session.book(BTC).orElseThrow();
        assertThat(book.bids()).hasSizeGreaterThanOrEqualTo(DepthViewModel.LEVELS);
        assertThat(book.asks()).hasSizeGreaterThanOrEqualTo(DepthViewModel.LEVELS);
        assertThat(vm.emptyProperty().get()).isFalse();
        List<LadderRow> rows = vm.rows();
        assertThat(rows).hasSize(2 * DepthViewModel.LEVELS).noneMatch(LadderRow::isBlank);

        BigDecimal bidCum = BigDecimal.ZERO;
        BigDecimal askCum = BigDecimal.ZERO;
        for (int level = 0; level < DepthViewModel.LEVELS; level++) {
            LadderRow ask = rows.get(DepthViewModel.LEVELS - 1 - level);
            LadderRow bid = rows.get(DepthViewModel.LEVELS + level);
            BookLevel a = book.asks().get(level);
            BookLevel b = book.bids().get(level);
            askCum = askCum.add(a.size().value());
            bidCum = bidCum.add(b.size().value());
            assertThat(ask.side()).isEqualTo(BookSide.ASK);
            assertThat(ask.level()).isEqualTo(level);
            assertThat(ask.price()).isEqualByComparingTo(a.price().value());
            assertThat(ask.size()).isEqualByComparingTo(a.size().value());
            assertThat(ask.cumulative()).isEqualByComparingTo(askCum);
            assertThat(bid.side()).isEqualTo(BookSide.BID);
            assertThat(bid.price()).isEqualByComparingTo(b.price().value());
            assertThat(bid.cumulative()).isEqualByComparingTo(bidCum);
        }
        // Bars grow away from the spread and the deeper side's last level spans the full width.
        double deepest = Math.max(
                rows.get(0).depth(), rows.get(2 * DepthViewModel.LEVELS - 1).depth());
        assertThat(deepest).isEqualTo(1.0);
        double total = askCum.max(bidCum).doubleValue();
        assertThat(rows.get(DepthViewModel.LEVELS).depth())
                .isCloseTo(book.bids().get(0).size().value().doubleValue() / total, Offset.offset(1e-12));
        for (int i = 1; i < DepthViewModel.LEVELS; i++) {
            assertThat(rows.get(i - 1).depth())
                    .isGreaterThanOrEqualTo(rows.get(i).depth());
            assertThat(rows.get(DepthViewModel.LEVELS + i).depth())
                    .isGreaterThanOrEqualTo(
                            rows.get(DepthViewModel.LEVELS + i - 1).depth());
        }

        BigDecimal bestBid = book.bids().get(0).price().value();
        BigDecimal bestAsk = book.asks().get(0).price().value();
        int decimals = Formats.decimalsOf(session.instrument(BTC).orElseThrow().tickSize());
        assertThat(vm.spreadProperty().get()).isEqualByComparingTo(bestAsk.subtract(bestBid));
        assertThat(vm.midProperty().get())
                .isEqualByComparingTo(bestAsk.add(bestBid).divide(BigDecimal.TWO));
        assertThat(vm.spreadTextProperty().get())
                .startsWith("Spread " + Formats.fixed(bestAsk.subtract(bestBid), decimals));
        assertThat(rows.get(DepthViewModel.LEVELS).priceText()).isEqualTo(Formats.fixed(bestBid, decimals));
        assertThat(vm.asOfProperty().get()).isEqualTo(Formats.timeMillis(book.timestamp()) + " UTC");
    }

    @Test
    void clickingABidPrefillsABuyAndAnAskASellEvenTwiceAtTheSamePrice() {
        open(FRIDAY_CLOSE);
        DepthViewModel vm = new DepthViewModel(session, UiExecutor.DIRECT, new SimpleObjectProperty<>(BTC));
        session.advance(Duration.ofSeconds(5));
        List<PickedPrice> picked = new ArrayList<>();
        vm.onPricePicked(picked::add);
        BookSnapshot book = session.book(BTC).orElseThrow();

        vm.pick(DepthViewModel.LEVELS + 3); // fourth bid
        vm.pick(DepthViewModel.LEVELS + 3);
        vm.pick(DepthViewModel.LEVELS - 1); // best ask

        assertThat(picked)
                .containsExactly(
                        new PickedPrice(
                                BTC,
                                Side.BUY,
                                Price.of(book.bids().get(3).price().value())),
                        new PickedPrice(
                                BTC,
                                Side.BUY,
                                Price.of(book.bids().get(3).price().value())),
                        new PickedPrice(
                                BTC,
                                Side.SELL,
                                Price.of(book.asks().get(0).price().value())));
        assertThat(vm.lastPickedProperty().get()).isEqualTo(picked.get(2));
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(DepthViewModel.LEVELS - 1);
    }

    @Test
    void arrowKeysMoveTheSelectionWithinTheLadderAndEnterPicksIt() {
        open(FRIDAY_CLOSE);
        DepthViewModel vm = new DepthViewModel(session, UiExecutor.DIRECT, new SimpleObjectProperty<>(BTC));
        session.advance(Duration.ofSeconds(5));
        List<PickedPrice> picked = new ArrayList<>();
        vm.onPricePicked(picked::add);

        vm.moveSelection(1); // nothing selected: down goes to the best bid
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(DepthViewModel.LEVELS);
        vm.moveSelection(-1);
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(DepthViewModel.LEVELS - 1);
        vm.pickSelected();
        vm.moveSelection(-100);
        assertThat(vm.selectedIndexProperty().get()).isZero();
        vm.moveSelection(1000);
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(2 * DepthViewModel.LEVELS - 1);
        vm.pickSelected();
        vm.selectedIndexProperty().set(-1);
        vm.moveSelection(-1); // nothing selected: up goes to the best ask
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(DepthViewModel.LEVELS - 1);

        BookSnapshot book = session.book(BTC).orElseThrow();
        assertThat(picked)
                .extracting(PickedPrice::side, p -> p.price().value())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Side.SELL, book.asks().get(0).price().value()),
                        org.assertj.core.groups.Tuple.tuple(
                                Side.BUY,
                                book.bids()
                                        .get(DepthViewModel.LEVELS - 1)
                                        .price()
                                        .value()));
    }

    @Test
    void emptyStatesSayWhyThereIsNoBookAndPickNothing() {
        open(FRIDAY_CLOSE);
        ObjectProperty<InstrumentId> instrument = new SimpleObjectProperty<>();
        DepthViewModel vm = new DepthViewModel(session, UiExecutor.DIRECT, instrument);
        List<PickedPrice> picked = new ArrayList<>();
        vm.onPricePicked(picked::add);
        assertThat(vm.emptyProperty().get()).isTrue();
        assertThat(vm.emptyMessageProperty().get()).isEqualTo("Select an instrument");

        instrument.set(new InstrumentId("NOPE", "nowhere"));
        assertThat(vm.emptyMessageProperty().get()).isEqualTo("No book for this instrument");
        assertThat(vm.emptyDetailProperty().get()).isEqualTo("NOPE@nowhere is not traded in this session.");
        assertThat(vm.pick(DepthViewModel.LEVELS)).isEmpty();

        // The equity market closes at 21:00 UTC; its last book then goes stale.
        instrument.set(SPYX);
        session.advance(Duration.ofSeconds(30));
        assertThat(vm.emptyProperty().get()).isFalse();
        assertThat(vm.rows()).noneMatch(LadderRow::isBlank);
        session.advance(Duration.ofSeconds(30).plus(DepthViewModel.STALE_AFTER).plusSeconds(1));
        vm.refresh();
        assertThat(vm.emptyProperty().get()).isTrue();
        assertThat(vm.emptyMessageProperty().get()).isEqualTo("No book for this instrument");
        assertThat(vm.emptyDetailProperty().get()).contains("closed");
        assertThat(vm.rows()).allMatch(LadderRow::isBlank);
        assertThat(vm.spreadTextProperty().get()).isEmpty();
        assertThat(vm.pick(DepthViewModel.LEVELS)).isEmpty();
        assertThat(picked).isEmpty();
    }

    @Test
    void anInstrumentWhoseMarketHasNotOpenedHasNoBookYet() {
        open(Instant.parse("2026-03-07T12:00:00Z")); // a Saturday
        DepthViewModel vm = new DepthViewModel(session, UiExecutor.DIRECT, new SimpleObjectProperty<>(SPYX));
        session.advance(Duration.ofSeconds(5));
        assertThat(vm.emptyMessageProperty().get()).isEqualTo("No book for this instrument");
        assertThat(vm.emptyDetailProperty().get())
                .isEqualTo("SPYX@nasdaq has published no book yet in this session; its market may be closed.");
    }

    @Test
    void booksAreCoalescedToOneRefreshPerFrameAndCloseStopsListening() {
        open(FRIDAY_CLOSE);
        RecordingUiExecutor ui = new RecordingUiExecutor();
        DepthViewModel vm = new DepthViewModel(session, ui, new SimpleObjectProperty<>(BTC));

        session.advance(Duration.ofSeconds(10));
        assertThat(ui.coalesceCalls).isGreaterThan(1); // one per book of BTC
        assertThat(ui.pending()).isEqualTo(1);
        assertThat(vm.emptyProperty().get()).isTrue(); // nothing shown before the frame
        ui.flush();
        assertThat(vm.emptyProperty().get()).isFalse();
        assertThat(vm.rows().get(DepthViewModel.LEVELS).price())
                .isEqualByComparingTo(
                        session.book(BTC).orElseThrow().bids().get(0).price().value());

        vm.close();
        int calls = ui.coalesceCalls;
        session.advance(Duration.ofSeconds(5));
        assertThat(ui.coalesceCalls).isEqualTo(calls);
    }
}
