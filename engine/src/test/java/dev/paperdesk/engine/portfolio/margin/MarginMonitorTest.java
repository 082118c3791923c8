package dev.paperdesk.engine.portfolio.margin;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PositionMargin;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarginMonitorTest {
    static final Instrument A = MarginMonitorProperties.perp("A");
    static final Instrument B = MarginMonitorProperties.perp("B");
    static final Instrument C = MarginMonitorProperties.perp("C");
    static final Map<InstrumentId, Integer> INDEX = Map.of(A.id(), 0, B.id(), 1, C.id(), 2);

    final Portfolio p = new Portfolio(
            new PortfolioId(1), "M", "", Currency.USD, new BigDecimal("100000"), CostBasisMethod.FIFO, Instant.EPOCH);
    final Map<InstrumentId, BigDecimal> marks = new HashMap<>();

    void buy(Instrument i, String qty, String price) {
        p.applyFill(
                new Fill(
                        new FillId(1),
                        new OrderId(1),
                        p.id(),
                        i.id(),
                        Side.BUY,
                        Quantity.of(qty),
                        Price.of(price),
                        Money.zero(Currency.USDT),
                        Liquidity.TAKER,
                        BigDecimal.ZERO,
                        Instant.EPOCH),
                i);
        marks.put(i.id(), new BigDecimal(price));
    }

    AccountSnapshot account() {
        var snap = p.snapshot(marks::get, id -> BigDecimal.ONE, (f, t) -> Optional.of(BigDecimal.ONE));
        return MarginCalculator.DEFAULT.compute(
                snap, id -> Map.of(A.id(), A, B.id(), B, C.id(), C).get(id), id -> null);
    }

    @Test
    void severalIsolatedPoolsAreScreenedApart() {
        buy(A, "100", "100");
        buy(B, "100", "100");
        buy(C, "100", "100");
        // A: isolated, 1,000 of margin against 50 of maintenance; B: isolated, 60 against 50 (83%: warning).
        p.setMargin(A.id(), new PositionMargin(MarginMode.ISOLATED, 10, new BigDecimal("1000")));
        p.setMargin(B.id(), new PositionMargin(MarginMode.ISOLATED, 10, new BigDecimal("60")));
        AccountSnapshot a = account();
        MarginMonitor screen = MarginMonitor.of(a, id -> INDEX.getOrDefault(id, -1));
        assertThat(screen.positions()).isEqualTo(3);
        assertThat(screen.needsExactCheck(new double[] {100, 100, 100})).isFalse();
        // A falls 5%: its pool stays healthy, the others do not move.
        assertThat(screen.needsExactCheck(new double[] {95, 100, 100})).isFalse();
        // B falls 0.05: 55 of equity against 50 is 91%, another level.
        assertThat(screen.needsExactCheck(new double[] {100, 99.95, 100})).isTrue();
        // C is cross: the account's cash keeps its pool far from any level.
        assertThat(screen.needsExactCheck(new double[] {100, 100, 50})).isFalse();
        // No price for A yet: it is valued at its build mark.
        assertThat(screen.needsExactCheck(new double[] {Double.NaN, 100, 100})).isFalse();
    }

    @Test
    void accountsThatCannotBeScreenedAreCheckedExactlyEveryTime() {
        buy(A, "1", "100");
        assertThat(MarginMonitor.of(account(), id -> -1)).isNull();
        AccountSnapshot a = account();
        assertThat(MarginMonitor.of(a, id -> INDEX.getOrDefault(id, -1))).isNotNull();
        PositionMarginView v = a.positions().get(0);
        PositionMarginView noRate = new PositionMarginView(
                v.instrumentId(),
                v.assetClass(),
                v.currency(),
                v.quantity(),
                v.entryPrice(),
                v.mark(),
                v.notional(),
                v.unrealizedPnl(),
                v.mode(),
                v.leverage(),
                v.initialMargin(),
                v.maintenanceMargin(),
                v.isolatedMargin(),
                v.liquidationPrice(),
                v.maintenanceRatio(),
                null);
        assertThat(MarginMonitor.of(withPositions(a, noRate), id -> 0)).isNull();
        PositionMarginView shortOption = new PositionMarginView(
                v.instrumentId(),
                dev.paperdesk.engine.model.AssetClass.OPTION,
                v.currency(),
                BigDecimal.ONE.negate(),
                v.entryPrice(),
                v.mark(),
                v.notional(),
                v.unrealizedPnl(),
                v.mode(),
                1,
                v.initialMargin(),
                v.maintenanceMargin(),
                v.isolatedMargin(),
                null,
                v.maintenanceRatio(),
                BigDecimal.ONE);
        assertThat(MarginMonitor.of(withPositions(a, shortOption), id -> 0)).isNull();
        PositionMarginView longOption = new PositionMarginView(
                v.instrumentId(),
                dev.paperdesk.engine.model.AssetClass.OPTION,
                v.currency(),
                BigDecimal.ONE,
                v.entryPrice(),
                v.mark(),
                v.notional(),
                v.unrealizedPnl(),
                v.mode(),
                1,
                v.initialMargin(),
                BigDecimal.ZERO,
                v.isolatedMargin(),
                null,
                v.maintenanceRatio(),
                BigDecimal.ONE);
        assertThat(MarginMonitor.of(withPositions(a, longOption), id -> 0)).isNotNull();
    }

    @Test
    void aPoolAtItsThresholdAlwaysGoesToTheExactCheck() {
        buy(A, "100", "100");
        p.setMargin(A.id(), new PositionMargin(MarginMode.ISOLATED, 10, new BigDecimal("1000")));
        MarginMonitor screen = MarginMonitor.of(account(), id -> INDEX.getOrDefault(id, -1));
        // Equity 1,000 + 100 × (90.5 − 100) = 50 = maintenance.
        assertThat(screen.needsExactCheck(new double[] {90.5, 0, 0})).isTrue();
        assertThat(screen.needsExactCheck(new double[] {80, 0, 0})).isTrue();
    }

    private static AccountSnapshot withPositions(AccountSnapshot a, PositionMarginView v) {
        return new AccountSnapshot(
                a.portfolioId(),
                a.baseCurrency(),
                a.equity(),
                a.balance(),
                a.cash(),
                a.unrealizedPnl(),
                a.realizedPnl(),
                a.dayPnl(),
                a.usedMargin(),
                a.maintenanceMargin(),
                a.freeMargin(),
                a.marginLevel(),
                a.crossEquity(),
                a.crossMaintenance(),
                a.maintenanceRatio(),
                a.warningLevel(),
                a.effectiveLeverage(),
                a.grossExposure(),
                a.exposure(),
                a.buyingPower(),
                a.dailyLossPct(),
                a.drawdownPct(),
                a.limits(),
                java.util.List.of(v),
                java.math.BigDecimal.ZERO);
    }
}
