package dev.paperdesk.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.market.FundingRate;
import dev.paperdesk.engine.market.MarkPrice;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.CurrencyBalance;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.PositionView;
import dev.paperdesk.engine.portfolio.margin.AccountRecord;
import dev.paperdesk.engine.portfolio.margin.AccountSnapshot;
import dev.paperdesk.engine.portfolio.margin.WarningLevel;
import dev.paperdesk.engine.store.JournalEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Exactness of the margin accounts over random sequences of orders, price moves, funding
 * settlements, top-ups, resets and day rolls, with zero tolerance: conservation per currency
 * bucket, equity = balance + unrealized, used margin never negative, no breached pool survives a
 * price event, the insurance fund equals fees minus covers, and no operation loses history.
 */
class AccountExactnessProperties {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instrument BTC = new Instrument.Perpetual(
            new InstrumentId("BTC-USDT-PERP", "sim"),
            Currency.BTC,
            Currency.USDT,
            new BigDecimal("0.1"),
            new BigDecimal("0.001"),
            BigDecimal.ONE,
            8);
    private static final Instrument ETH = new Instrument.Perpetual(
            new InstrumentId("ETH-USDT-PERP", "sim"),
            Currency.of("ETH"),
            Currency.USDT,
            new BigDecimal("0.01"),
            new BigDecimal("0.01"),
            BigDecimal.ONE,
            8);
    private static final Instrument ACME = new Instrument.Equity(
            new InstrumentId("ACME", "sim"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "Industrials");
    private static final List<Instrument> INSTRUMENTS = List.of(BTC, ETH, ACME);
    private static final String[] START_PRICES = {"60000", "3000", "100"};

    sealed interface Action {}

    record Trade(int portfolio, int instrument, Side side, int lots) implements Action {}

    record Move(int instrument, int basisPoints) implements Action {}

    record Funding(int instrument, int tenthsOfBasisPoint) implements Action {}

    record TopUp(int portfolio, int amount) implements Action {}

    record Reset(int portfolio) implements Action {}

    record NextDay() implements Action {}

    @Provide
    Arbitrary<Action> actions() {
        Arbitrary<Action> trade = Combinators.combine(
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of(Side.class),
                        Arbitraries.integers().between(1, 3000))
                .as(Trade::new);
        Arbitrary<Action> move = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(-3000, 3000))
                .as(Move::new);
        Arbitrary<Action> funding = Combinators.combine(
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(-30, 30))
                .as(Funding::new);
        Arbitrary<Action> topUp = Combinators.combine(
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(1, 50_000))
                .as(TopUp::new);
        Arbitrary<Action> reset = Arbitraries.integers().between(0, 1).map(Reset::new);
        Arbitrary<Action> day = Arbitraries.just(new NextDay());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, trade),
                net.jqwik.api.Tuple.of(8, move),
                net.jqwik.api.Tuple.of(2, funding),
                net.jqwik.api.Tuple.of(1, topUp),
                net.jqwik.api.Tuple.of(1, reset),
                net.jqwik.api.Tuple.of(1, day));
    }

    /**
     * An addition that moves an isolated position into the next margin tier (16.36 ETH, then 0.31 more: past
     * 50,000 of notional) raises the whole position's maintenance rate; the margin posted for the part held
     * before is topped up to the new tier, so the order does not leave its pool breached.
     */
    @Example
    void anAdditionIntoTheNextTierTopsUpTheIsolatedMargin() {
        accountsStayExactWhateverHappens(
                List.of(new Trade(1, 1, Side.BUY, 1636), new Trade(1, 1, Side.BUY, 31), new Move(0, 0)));
    }

    @Property(tries = 200)
    void accountsStayExactWhateverHappens(@ForAll @Size(max = 40) List<@net.jqwik.api.From("actions") Action> script) {
        ManualFeed feed = new ManualFeed(INSTRUMENTS);
        BigDecimal[] prices = {
            new BigDecimal(START_PRICES[0]), new BigDecimal(START_PRICES[1]), new BigDecimal(START_PRICES[2])
        };
        try (TradingSession s =
                TradingSession.open(SessionConfig.simulated(null, START, 3).withFeed(feed))) {
            for (int i = 0; i < INSTRUMENTS.size(); i++) {
                publish(feed, i, prices[i]);
            }
            s.advance(Duration.ofSeconds(1));
            PortfolioId big = s.portfolios().get(0).id();
            PortfolioId small = TradingSession.await(s.accounts()
                    .create(new PortfolioSpec(
                            "Small",
                            "isolated perpetuals",
                            Currency.USD,
                            new BigDecimal("5000"),
                            PortfolioSettings.DEFAULTS.withPerpetualMarginMode(MarginMode.ISOLATED))));
            List<PortfolioId> ids = List.of(big, small);
            History before = History.of(s, ids);
            for (Action a : script) {
                switch (a) {
                    case Trade t -> {
                        Instrument ins = INSTRUMENTS.get(t.instrument());
                        TradingSession.await(s.submit(OrderRequest.market(
                                ids.get(t.portfolio()),
                                ins.id(),
                                t.side(),
                                Quantity.of(ins.lotSize().multiply(BigDecimal.valueOf(t.lots()))))));
                    }
                    case Move m -> {
                        Instrument ins = INSTRUMENTS.get(m.instrument());
                        BigDecimal next = prices[m.instrument()]
                                .multiply(BigDecimal.valueOf(10_000 + m.basisPoints()))
                                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_EVEN)
                                .max(BigDecimal.TEN);
                        prices[m.instrument()] = next.divide(ins.tickSize(), 0, RoundingMode.HALF_EVEN)
                                .multiply(ins.tickSize());
                        publish(feed, m.instrument(), prices[m.instrument()]);
                        s.advance(Duration.ofMinutes(1));
                        for (PortfolioId id : ids) {
                            // A pool below maintenance is liquidated at the price event that breached it.
                            assertThat(s.accounts().account(id).orElseThrow().warningLevel())
                                    .isNotEqualTo(WarningLevel.LIQUIDATION);
                        }
                    }
                    case Funding f -> {
                        Instrument ins = INSTRUMENTS.get(f.instrument());
                        BigDecimal rate =
                                BigDecimal.valueOf(f.tenthsOfBasisPoint()).movePointLeft(5);
                        BigDecimal mark = prices[f.instrument()];
                        feed.push(sink ->
                                sink.onFundingRate(new FundingRate(ins.id(), s.now(), rate, 8, Price.of(mark))));
                        s.advance(Duration.ofMinutes(1));
                    }
                    case TopUp u -> TradingSession.await(
                            s.accounts().topUp(ids.get(u.portfolio()), BigDecimal.valueOf(u.amount())));
                    case Reset r -> TradingSession.await(s.accounts().reset(ids.get(r.portfolio())));
                    case NextDay d -> {
                        s.advance(Duration.ofDays(1));
                        for (int i = 0; i < INSTRUMENTS.size(); i++) {
                            publish(feed, i, prices[i]);
                        }
                        s.advance(Duration.ofSeconds(1));
                    }
                }
                History after = History.of(s, ids);
                after.keeps(before);
                before = after;
                for (PortfolioId id : ids) {
                    checkAccount(s, id);
                }
                checkFund(s);
            }
            long liquidations = ids.stream()
                    .mapToLong(id -> s.accounts().liquidations(id).size())
                    .sum();
            net.jqwik.api.statistics.Statistics.label("liquidated").collect(liquidations > 0);
            net.jqwik.api.statistics.Statistics.label("funding paid")
                    .collect(ids.stream()
                            .anyMatch(id -> !s.accounts().fundingHistory(id).isEmpty()));
        }
    }

    private static void publish(ManualFeed feed, int index, BigDecimal price) {
        Instrument ins = INSTRUMENTS.get(index);
        feed.push(sink -> {
            sink.onQuote(new Quote(
                    ins.id(),
                    feed.now(),
                    Price.of(price.subtract(ins.tickSize())),
                    Price.of(price.add(ins.tickSize())),
                    Quantity.of(1000),
                    Quantity.of(1000)));
            if (ins instanceof Instrument.Perpetual) {
                Instant t = feed.now();
                sink.onMarkPrice(new MarkPrice(ins.id(), t, Price.of(price), Price.of(price), BigDecimal.ZERO, t));
            }
        });
    }

    /** Conservation, ledger = cash, equity = balance + unrealized, used margin ≥ 0. */
    private static void checkAccount(TradingSession s, PortfolioId id) {
        PortfolioSnapshot snap = s.portfolio(id).orElseThrow();
        LiquidationScenarioTest.reconcile(s, id);
        AccountSnapshot a = s.accounts().account(id).orElseThrow();
        BigDecimal cash = BigDecimal.ZERO;
        for (CurrencyBalance b : snap.balances()) {
            cash = cash.add(b.cash().multiply(snap.rate(b.currency()).orElseThrow()));
        }
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        for (PositionView p : snap.positions()) {
            BigDecimal rate = snap.rate(p.currency()).orElseThrow();
            cost = cost.add(p.costBasis().multiply(rate));
            unrealized = unrealized.add(p.unrealizedPnl().multiply(rate));
        }
        assertThat(a.balance()).isEqualByComparingTo(cash.add(cost));
        assertThat(a.equity()).isEqualByComparingTo(cash.add(cost).add(unrealized));
        assertThat(a.unrealizedPnl()).isEqualByComparingTo(unrealized);
        assertThat(a.usedMargin()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(a.maintenanceMargin()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    }

    /** The fund holds exactly the fees received minus the shortfalls covered, per currency, never less than zero. */
    private static void checkFund(TradingSession s) {
        java.util.Map<Currency, BigDecimal> expected = new java.util.HashMap<>();
        for (PortfolioSnapshot p : s.portfolios()) {
            for (AccountRecord.Liquidation l : s.accounts().liquidations(p.id())) {
                expected.merge(l.currency(), l.fee().subtract(l.insuranceCover()), BigDecimal::add);
                assertThat(l.shortfall())
                        .isEqualByComparingTo(
                                l.insuranceCover().add(l.adlCover()).add(l.uncovered()));
            }
        }
        java.util.Map<Currency, BigDecimal> fund = s.accounts().insuranceFund();
        assertThat(fund.keySet()).isEqualTo(expected.keySet());
        for (var e : expected.entrySet()) {
            assertThat(fund.get(e.getKey())).isEqualByComparingTo(e.getValue()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
    }

    /** Everything that must never be lost: ledgers, account history, fills and the order journal. */
    private record History(
            List<List<LedgerEntry>> ledgers,
            List<AccountRecord> accounts,
            List<dev.paperdesk.engine.model.Fill> fills,
            List<JournalEntry> journal) {
        static History of(TradingSession s, List<PortfolioId> ids) {
            List<List<LedgerEntry>> ledgers = new ArrayList<>();
            for (PortfolioId id : ids) {
                ledgers.add(s.ledger(id));
            }
            List<AccountRecord> accounts = new ArrayList<>();
            for (PortfolioId id : ids) {
                accounts.addAll(s.accounts().history(id));
            }
            return new History(ledgers, accounts, s.fills(), s.journal());
        }

        void keeps(History earlier) {
            for (int i = 0; i < ledgers.size(); i++) {
                prefix(ledgers.get(i), earlier.ledgers.get(i));
            }
            assertThat(accounts).containsAll(earlier.accounts);
            prefix(fills, earlier.fills);
            prefix(journal, earlier.journal);
        }

        private static <T> void prefix(List<T> now, List<T> before) {
            assertThat(now.size()).isGreaterThanOrEqualTo(before.size());
            assertThat(now.subList(0, before.size())).isEqualTo(before);
        }
    }
}
