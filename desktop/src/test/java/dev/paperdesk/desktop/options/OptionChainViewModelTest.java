package dev.paperdesk.desktop.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OptionChainViewModelTest {
    private static final Instant START = Instant.parse("2026-03-03T15:00:00Z");
    /** The random-walk feed's stock, so quote events for the chain's underlying arrive as the session advances. */
    private static final InstrumentId ACME = new InstrumentId("ACME", "sim");

    private TradingSession session;
    private FakeChainSource source;
    private OptionChainViewModel vm;

    @BeforeEach
    void open() {
        session = TradingSession.open(SessionConfig.simulated(null, START, 3));
        source = new FakeChainSource(ACME, LocalDate.of(2026, 3, 3));
        vm = new OptionChainViewModel(session, UiExecutor.DIRECT, source, new DirectExecutorService());
    }

    @AfterEach
    void close() {
        vm.close();
        session.close();
    }

    @Test
    void opensTheFirstUnderlyingOnTheFirstExpiryAtLeastAWeekOutWithTheMoneyLineMarked() {
        assertThat(vm.underlyingProperty().get()).isEqualTo(ACME);
        assertThat(vm.expiries()).hasSize(3);
        assertThat(vm.expiryProperty().get()).isEqualTo(source.near); // the 3-day expiry is skipped
        assertThat(vm.lines()).hasSize(9);
        assertThat(vm.atmIndexProperty().get()).isEqualTo(4); // 100 is nearest 101
        assertThat(vm.lines().get(4).atm()).isTrue();
        assertThat(vm.lines().get(4).strike()).isEqualByComparingTo("100");
        assertThat(vm.spotProperty().get()).isEqualTo(101.0);
        assertThat(vm.centreRequestsProperty().get()).isEqualTo(1);
        // calls below spot and puts above it are in the money
        assertThat(vm.lines().get(0).call().inTheMoney()).isTrue();
        assertThat(vm.lines().get(0).put().inTheMoney()).isFalse();
        assertThat(vm.lines().get(8).put().inTheMoney()).isTrue();
    }

    /** An equity without a price (a weekend) listed first: the chain opens on the first one with a price. */
    @Test
    void opensOnTheFirstUnderlyingWithAPrice() {
        InstrumentId closed = new InstrumentId("SHUT", "nasdaq");
        OptionChainSource withClosedFirst = new OptionChainSource() {
            @Override
            public List<InstrumentId> underlyings() {
                return List.of(closed, ACME);
            }

            @Override
            public List<LocalDate> expiries(InstrumentId id) {
                return id.equals(closed) ? List.of() : source.expiries(id);
            }

            @Override
            public java.util.Optional<ChainSnapshot> chain(InstrumentId id, LocalDate expiry) {
                return id.equals(closed) ? java.util.Optional.empty() : source.chain(id, expiry);
            }
        };
        OptionChainViewModel opened =
                new OptionChainViewModel(session, UiExecutor.DIRECT, withClosedFirst, new DirectExecutorService());
        try {
            assertThat(opened.underlyings()).containsExactly(closed, ACME);
            assertThat(opened.underlyingProperty().get()).isEqualTo(ACME);
            assertThat(opened.lines()).hasSize(9);
        } finally {
            opened.close();
        }
    }

    @Test
    void clickingTheAskBuysAndTheBidSellsThroughTheTicket() {
        List<ContractPick> ticket = new ArrayList<>();
        List<ContractPick> builder = new ArrayList<>();
        vm.onTicket(ticket::add);
        vm.onBuilder(builder::add);
        ChainLine atm = vm.lines().get(4);

        vm.pick(atm, OptionRight.CALL, Side.BUY);
        vm.pick(atm, OptionRight.PUT, Side.SELL);
        vm.addToBuilder(atm, OptionRight.PUT, Side.BUY);

        assertThat(ticket).hasSize(2);
        assertThat(ticket.get(0).side()).isEqualTo(Side.BUY);
        assertThat(ticket.get(0).price()).isEqualByComparingTo(atm.call().ask());
        assertThat(ticket.get(0).contract()).isEqualTo(atm.call().contract());
        assertThat(ticket.get(1).price()).isEqualByComparingTo(atm.put().bid());
        assertThat(builder).singleElement().satisfies(p -> {
            assertThat(p.right()).isEqualTo(OptionRight.PUT);
            assertThat(p.strike()).isEqualByComparingTo(BigDecimal.valueOf(100));
            assertThat(p.expiry()).isEqualTo(source.near);
        });
        assertThat(vm.lastPickProperty().get()).isEqualTo(builder.get(0));
    }

    @Test
    void aMoveOfTheUnderlyingUpdatesTheLinesInPlaceAndMovesTheMoneyLine() {
        ChainLine before = vm.lines().get(0);
        source.spot = 111.0;

        vm.refresh();

        assertThat(vm.lines()).hasSize(9);
        assertThat(vm.lines().get(0)).isNotEqualTo(before);
        assertThat(vm.atmIndexProperty().get()).isEqualTo(6); // 110
        assertThat(vm.lines().get(6).atm()).isTrue();
        // a refresh of the same expiry does not pull the table back to the middle
        assertThat(vm.centreRequestsProperty().get()).isEqualTo(1);
    }

    @Test
    void quotesOfTheUnderlyingTriggerRecomputations() {
        int before = source.calls.get();
        session.advance(Duration.ofSeconds(5));
        assertThat(source.calls.get()).isGreaterThan(before);
    }

    @Test
    void changingTheExpiryRecentresAndColumnsCanBeChosen() {
        vm.expiryProperty().set(source.far);
        assertThat(vm.centreRequestsProperty().get()).isEqualTo(2);
        assertThat(vm.snapshotProperty().get().expiry()).isEqualTo(source.far);

        assertThat(vm.columns()).contains(ChainColumn.BID, ChainColumn.ASK, ChainColumn.DELTA);
        assertThat(vm.columns()).doesNotContain(ChainColumn.RHO);
        vm.setColumnShown(ChainColumn.RHO, true);
        vm.setColumnShown(ChainColumn.LAST, false);
        assertThat(vm.columns()).contains(ChainColumn.RHO).doesNotContain(ChainColumn.LAST);
    }

    @Test
    void formatsFiguresTheWayTradersReadThem() {
        ChainSide s = vm.lines().get(4).call();
        assertThat(OptionChainView.text(ChainColumn.IV, s, 2)).isEqualTo("25.0%");
        assertThat(OptionChainView.text(ChainColumn.LAST, s, 2)).isEqualTo("\u2013");
        assertThat(OptionChainView.text(ChainColumn.OPEN_INTEREST, s, 2)).isEqualTo("1,100");
        assertThat(OptionChainView.text(ChainColumn.BID, s, 2)).isEqualTo(Formats.fixed(s.bid(), 2));
        assertThat(OptionChainView.text(ChainColumn.ASK, s, 0)).doesNotContain(".");
        assertThat(OptionChainView.text(ChainColumn.DELTA, vm.lines().get(4).put(), 2))
                .isEqualTo("-0.300");
    }
}
