package dev.paperdesk.desktop.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.book.TimeAndSalesViewModel.TradeRow;
import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.session.EngineEvent;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tape's logic on a simulated market, without any UI. */
class TimeAndSalesViewModelTest {
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT@binance");
    private static final InstrumentId ETH = InstrumentId.parse("ETH-USDT@binance");

    private TradingSession session;
    private final List<TradePrint> printed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        session = TradingSession.open(SessionConfig.simulated(null, Instant.parse("2026-03-07T12:00:00Z"), 3)
                .withFeed(SimulatedMarket.defaultMarket(3, List.of(BTC.toString(), ETH.toString()))));
        session.addListener(e -> {
            if (e instanceof EngineEvent.TradePrinted t) {
                printed.add(t.trade());
            }
        });
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private List<TradeRow> expectedTape(InstrumentId id) {
        List<TradeRow> rows = new ArrayList<>();
        for (TradePrint t : printed) {
            if (t.instrumentId().equals(id)) {
                rows.add(new TradeRow(t.timestamp(), t.price().value(), t.size().value(), t.aggressor()));
            }
        }
        Collections.reverse(rows);
        return rows.subList(0, Math.min(TimeAndSalesViewModel.CAPACITY, rows.size()));
    }

    @Test
    void keepsTheLatestTwoHundredTradesOfTheInstrumentNewestFirst() {
        TimeAndSalesViewModel vm =
                new TimeAndSalesViewModel(session, UiExecutor.DIRECT, new SimpleObjectProperty<>(BTC));
        assertThat(vm.placeholderProperty().get()).isEqualTo("No trades in BTC-USDT@binance yet");
        session.advance(Duration.ofSeconds(5));
        assertThat(vm.trades()).isNotEmpty().isEqualTo(expectedTape(BTC));

        while (printed.stream().filter(t -> t.instrumentId().equals(BTC)).count() <= TimeAndSalesViewModel.CAPACITY) {
            session.advance(Duration.ofSeconds(30));
        }
        assertThat(vm.trades()).hasSize(TimeAndSalesViewModel.CAPACITY).isEqualTo(expectedTape(BTC));
        for (int i = 1; i < vm.trades().size(); i++) {
            assertThat(vm.trades().get(i - 1).time())
                    .isAfterOrEqualTo(vm.trades().get(i).time());
        }
        assertThat(vm.priceDecimalsProperty().get())
                .isEqualTo(
                        Formats.decimalsOf(session.instrument(BTC).orElseThrow().tickSize()));
        assertThat(vm.sizeDecimalsProperty().get())
                .isEqualTo(
                        Formats.decimalsOf(session.instrument(BTC).orElseThrow().lotSize()));
    }

    @Test
    void changingTheInstrumentStartsAFreshTape() {
        ObjectProperty<InstrumentId> instrument = new SimpleObjectProperty<>(BTC);
        TimeAndSalesViewModel vm = new TimeAndSalesViewModel(session, UiExecutor.DIRECT, instrument);
        session.advance(Duration.ofSeconds(10));
        assertThat(vm.trades()).isNotEmpty().allMatch(r -> expectedTape(BTC).contains(r));

        instrument.set(ETH);
        assertThat(vm.trades()).isEmpty();
        printed.clear();
        session.advance(Duration.ofSeconds(10));
        assertThat(vm.trades()).isNotEmpty().isEqualTo(expectedTape(ETH));

        instrument.set(null);
        assertThat(vm.trades()).isEmpty();
        assertThat(vm.placeholderProperty().get()).isEqualTo("Select an instrument");
    }

    @Test
    void tradesArriveOncePerFrameAndATradeOfTheOldInstrumentNeverReachesTheNewTape() {
        RecordingUiExecutor ui = new RecordingUiExecutor();
        ObjectProperty<InstrumentId> instrument = new SimpleObjectProperty<>(BTC);
        TimeAndSalesViewModel vm = new TimeAndSalesViewModel(session, ui, instrument);
        session.advance(Duration.ofSeconds(20));
        assertThat(ui.coalesceCalls).isGreaterThan(1);
        assertThat(ui.pending()).isEqualTo(1);
        assertThat(vm.trades()).isEmpty();
        ui.flush();
        assertThat(vm.trades()).isEqualTo(expectedTape(BTC));

        session.advance(Duration.ofSeconds(5));
        instrument.set(ETH); // BTC trades are still queued for the next frame
        ui.flush();
        assertThat(vm.trades()).allMatch(r -> !expectedTape(BTC).contains(r));

        vm.close();
        int calls = ui.coalesceCalls;
        session.advance(Duration.ofSeconds(10));
        assertThat(ui.coalesceCalls).isEqualTo(calls);
    }
}
