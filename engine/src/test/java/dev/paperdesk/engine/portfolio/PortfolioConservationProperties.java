package dev.paperdesk.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Capital conservation holds exactly, whatever the sequence of trades. */
class PortfolioConservationProperties {
    private static final Instrument EQUITY = new Instrument.Equity(
            new InstrumentId("ACME", "sim"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "Industrials");
    private static final Instrument COIN = new Instrument.CryptoSpot(
            new InstrumentId("BTC-USD", "sim"),
            Currency.BTC,
            Currency.USD,
            new BigDecimal("0.01"),
            new BigDecimal("0.0001"));
    private static final Instrument OPTION = new Instrument.OptionContract(
            new InstrumentId("ACME-C-100", "sim"),
            EQUITY.id(),
            Instrument.OptionRight.CALL,
            Instrument.OptionStyle.AMERICAN,
            new BigDecimal("100"),
            java.time.LocalDate.of(2027, 1, 15),
            Currency.USD,
            new BigDecimal("0.01"),
            BigDecimal.ONE,
            new BigDecimal("100"));
    private static final Instrument EURO_STOCK = new Instrument.Equity(
            new InstrumentId("EUROCO", "xetra"), new BigDecimal("0.005"), BigDecimal.ONE, Currency.EUR, "Utilities");
    private static final Instrument PERP = new Instrument.Perpetual(
            new InstrumentId("ETH-USDT-PERP", "binance"),
            Currency.of("ETH"),
            Currency.USDT,
            new BigDecimal("0.01"),
            new BigDecimal("0.001"),
            BigDecimal.ONE,
            8);
    private static final List<Instrument> INSTRUMENTS = List.of(EQUITY, COIN, OPTION, EURO_STOCK, PERP);

    record Trade(int instrument, Side side, BigDecimal quantity, BigDecimal price) {}

    @Provide
    Arbitrary<Trade> trades() {
        Arbitrary<Integer> instrument = Arbitraries.integers().between(0, INSTRUMENTS.size() - 1);
        Arbitrary<Side> side = Arbitraries.of(Side.class);
        Arbitrary<BigDecimal> qtyUnits = Arbitraries.integers().between(1, 5000).map(BigDecimal::valueOf);
        Arbitrary<BigDecimal> priceTicks =
                Arbitraries.integers().between(1, 10_000_000).map(BigDecimal::valueOf);
        return Combinators.combine(instrument, side, qtyUnits, priceTicks).as((i, s, q, p) -> {
            Instrument ins = INSTRUMENTS.get(i);
            return new Trade(i, s, q.multiply(ins.lotSize()), p.multiply(ins.tickSize()));
        });
    }

    @Property(tries = 300)
    void cashPlusCostBasisEqualsDepositsPlusRealizedMinusFeesInEveryCurrency(
            @ForAll @Size(max = 60) List<@From("trades") Trade> trades, @ForAll CostBasisMethod method) {
        BigDecimal start = new BigDecimal("5000000");
        Portfolio p = new Portfolio(new PortfolioId(1), "Prop", "", Currency.USD, start, method, Instant.EPOCH);
        java.util.Map<Currency, BigDecimal> ledgerSum = new java.util.HashMap<>();
        ledgerSum.put(Currency.USD, start);
        long id = 1;
        for (Trade t : trades) {
            Instrument ins = INSTRUMENTS.get(t.instrument());
            Money fee =
                    StandardFeeModel.DEFAULT.fee(ins, Quantity.of(t.quantity()), Price.of(t.price()), Liquidity.TAKER);
            Fill fill = fill(p, id, t, ins, fee);
            id++;
            for (LedgerEntry e : p.applyFill(fill, ins)) {
                ledgerSum.merge(e.currency(), e.amount(), BigDecimal::add);
            }
            for (CurrencyBalance b : p.balances()) {
                BigDecimal lhs = b.cash().add(p.costBasis(b.currency()));
                BigDecimal rhs = b.deposits().add(b.realizedPnl()).subtract(b.feesPaid());
                assertThat(lhs).as("conservation in %s", b.currency()).isEqualByComparingTo(rhs);
                assertThat(b.cash()).isEqualByComparingTo(ledgerSum.getOrDefault(b.currency(), BigDecimal.ZERO));
            }
        }
        for (CurrencyBalance b : p.balances()) {
            BigDecimal realizedByPosition = p.positions().stream()
                    .filter(pos -> p.positionCurrency(pos.instrumentId()).equals(b.currency()))
                    .map(Position::realizedPnl)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(realizedByPosition).isEqualByComparingTo(b.realizedPnl());
        }
        assertThat(p.balance(Currency.USD).deposits()).isEqualByComparingTo(start);
    }

    @Property(tries = 200)
    void equityIsCashPlusMarketValue(@ForAll @Size(max = 30) List<@From("trades") Trade> trades) {
        Portfolio p = propPortfolio();
        long id = 1;
        for (Trade t : trades) {
            Instrument ins = INSTRUMENTS.get(t.instrument());
            p.applyFill(fill(p, id, t, ins, Money.zero(ins.quoteCurrency())), ins);
            id++;
        }
        BigDecimal mark = new BigDecimal("123.45");
        // EUR at 1.1 USD, USDT at par: every bucket and position is converted exactly.
        BigDecimal eurUsd = new BigDecimal("1.1");
        FxRates fx = (from, to) ->
                java.util.Optional.of(from.equals(to) || !from.equals(Currency.EUR) ? BigDecimal.ONE : eurUsd);
        PortfolioSnapshot s = p.snapshot(
                i -> mark,
                i -> INSTRUMENTS.stream()
                        .filter(x -> x.id().equals(i))
                        .findFirst()
                        .orElseThrow()
                        .multiplier(),
                fx);
        BigDecimal expected = BigDecimal.ZERO;
        for (CurrencyBalance b : p.balances()) {
            expected = expected.add(b.cash().multiply(b.currency().equals(Currency.EUR) ? eurUsd : BigDecimal.ONE));
        }
        for (PositionView v : s.positions()) {
            expected =
                    expected.add(v.marketValue().multiply(v.currency().equals(Currency.EUR) ? eurUsd : BigDecimal.ONE));
        }
        assertThat(s.equity()).isEqualByComparingTo(expected);
        assertThat(s.unconvertible()).isEmpty();
    }

    @Property(tries = 300)
    void cashInAndEquityInAreTheSnapshotsValueAndScale(
            @ForAll @Size(max = 30) List<@From("trades") Trade> trades,
            @ForAll("rates") BigDecimal eurUsd,
            @ForAll boolean btcPriced,
            @ForAll("rates") BigDecimal markScaled,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 8, max = 12) int markScale) {
        Portfolio p = propPortfolio();
        long id = 1;
        for (Trade t : trades) {
            Instrument ins = INSTRUMENTS.get(t.instrument());
            p.applyFill(
                    fill(
                            p,
                            id,
                            t,
                            ins,
                            StandardFeeModel.DEFAULT.fee(
                                    ins, Quantity.of(t.quantity()), Price.of(t.price()), Liquidity.TAKER)),
                    ins);
            id++;
            // EUR at a rate of any scale, BTC sometimes without a rate (left out of the cash), the rest at par
            FxRates fx = (from, to) -> from.equals(to)
                    ? java.util.Optional.of(BigDecimal.ONE)
                    : from.equals(Currency.EUR)
                            ? java.util.Optional.of(eurUsd)
                            : from.equals(Currency.BTC) && !btcPriced
                                    ? java.util.Optional.empty()
                                    : java.util.Optional.of(new BigDecimal("1.000"));
            // marks of several scales, one instrument unpriced (valued at cost), multipliers of the instruments
            java.util.function.Function<InstrumentId, BigDecimal> marks = i ->
                    i.equals(OPTION.id()) ? null : i.equals(COIN.id()) ? markScaled.setScale(markScale) : markScaled;
            java.util.function.Function<InstrumentId, BigDecimal> multipliers = i -> INSTRUMENTS.stream()
                    .filter(x -> x.id().equals(i))
                    .findFirst()
                    .orElseThrow()
                    .multiplier();
            PortfolioSnapshot s = p.snapshot(marks, multipliers, fx);
            assertThat(p.cashIn(fx)).isEqualTo(s.cash()); // value and scale
            assertThat(p.equityIn(marks, multipliers, fx)).isEqualTo(s.equity());
        }
    }

    /** A fresh USD portfolio with 1,000,000 deposited. */
    private static Portfolio propPortfolio() {
        return new Portfolio(
                new PortfolioId(1),
                "Prop",
                "",
                Currency.USD,
                new BigDecimal("1000000"),
                CostBasisMethod.FIFO,
                Instant.EPOCH);
    }

    /** Trade {@code t} on {@code ins} as fill number {@code id} of {@code p}, taker, with {@code fee}. */
    private static Fill fill(Portfolio p, long id, Trade t, Instrument ins, Money fee) {
        return new Fill(
                new FillId(id),
                new OrderId(id),
                p.id(),
                ins.id(),
                t.side(),
                Quantity.of(t.quantity()),
                Price.of(t.price()),
                fee,
                Liquidity.TAKER,
                BigDecimal.ZERO,
                Instant.ofEpochSecond(id));
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.integers()
                .between(1, 2_000_000)
                .flatMap(u -> Arbitraries.integers().between(0, 8).map(sc -> BigDecimal.valueOf(u, sc)));
    }
}
