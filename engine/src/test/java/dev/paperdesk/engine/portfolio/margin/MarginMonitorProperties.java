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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The floating-point screen never hides a warning-level change of any pool that the exact check would see. */
class MarginMonitorProperties {
    static final List<Instrument> PERPS = List.of(perp("A"), perp("B"), perp("C"));

    static Instrument perp(String s) {
        return new Instrument.Perpetual(
                new InstrumentId(s + "-USDT-PERP", "sim"),
                Currency.of(s + "X"),
                Currency.USDT,
                new BigDecimal("0.01"),
                new BigDecimal("0.01"),
                BigDecimal.ONE,
                8);
    }

    @Property(tries = 400)
    void aLevelChangeIsAlwaysSentToTheExactCheck(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = -400, max = 400) Integer> lots,
            @ForAll @Size(min = 3, max = 3) List<@IntRange(min = -3000, max = 3000) Integer> moves,
            @ForAll @IntRange(min = 200, max = 20000) int balance,
            @ForAll boolean isolateFirst) {
        Portfolio p = new Portfolio(
                new PortfolioId(1),
                "S",
                "",
                Currency.USD,
                BigDecimal.valueOf(balance),
                CostBasisMethod.FIFO,
                Instant.EPOCH);
        Map<InstrumentId, BigDecimal> marks = new HashMap<>();
        for (int i = 0; i < lots.size(); i++) {
            Instrument ins = PERPS.get(i % PERPS.size());
            if (lots.get(i) == 0) {
                continue;
            }
            BigDecimal price = BigDecimal.valueOf(100 + 10L * i);
            p.applyFill(
                    new Fill(
                            new FillId(i + 1),
                            new OrderId(i + 1),
                            p.id(),
                            ins.id(),
                            lots.get(i) > 0 ? Side.BUY : Side.SELL,
                            Quantity.of(BigDecimal.valueOf(Math.abs(lots.get(i)))),
                            Price.of(price),
                            Money.zero(Currency.USDT),
                            Liquidity.TAKER,
                            BigDecimal.ZERO,
                            Instant.EPOCH),
                    ins);
            marks.put(ins.id(), price);
        }
        if (isolateFirst && !p.position(PERPS.get(0).id()).isFlat()) {
            BigDecimal m = p.position(PERPS.get(0).id()).costBasis().abs().divide(BigDecimal.TEN);
            p.setMargin(PERPS.get(0).id(), new PositionMargin(MarginMode.ISOLATED, 10, m));
        }
        Map<InstrumentId, Integer> index =
                Map.of(PERPS.get(0).id(), 0, PERPS.get(1).id(), 1, PERPS.get(2).id(), 2);
        AccountSnapshot before = account(p, marks);
        MarginMonitor screen = MarginMonitor.of(before, id -> index.getOrDefault(id, -1));
        assertThat(screen).isNotNull();
        double[] next = new double[3];
        Map<InstrumentId, BigDecimal> moved = new HashMap<>();
        for (int k = 0; k < 3; k++) {
            InstrumentId id = PERPS.get(k).id();
            BigDecimal base = marks.getOrDefault(id, BigDecimal.valueOf(100));
            BigDecimal m =
                    base.multiply(BigDecimal.valueOf(10_000 + moves.get(k))).divide(BigDecimal.valueOf(10_000));
            moved.put(id, m);
            next[k] = marks.containsKey(id) ? m.doubleValue() : Double.NaN;
            if (!marks.containsKey(id)) {
                moved.remove(id);
            }
        }
        AccountSnapshot after = account(p, moved);
        if (!levels(before).equals(levels(after))) {
            assertThat(screen.needsExactCheck(next)).isTrue();
        }
        double[] same = new double[3];
        for (int k = 0; k < 3; k++) {
            BigDecimal m = marks.get(PERPS.get(k).id());
            same[k] = m == null ? Double.NaN : m.doubleValue();
        }
        if (before.maintenanceRatio().compareTo(new BigDecimal("0.79")) < 0) {
            assertThat(screen.needsExactCheck(same)).isFalse();
        }
        assertThat(screen.positions()).isEqualTo(before.positions().size());
    }

    private static AccountSnapshot account(Portfolio p, Map<InstrumentId, BigDecimal> marks) {
        var snap = p.snapshot(marks::get, id -> BigDecimal.ONE, (f, t) -> Optional.of(BigDecimal.ONE));
        Map<InstrumentId, Instrument> all = new HashMap<>();
        PERPS.forEach(i -> all.put(i.id(), i));
        return MarginCalculator.DEFAULT.compute(snap, all::get, id -> null);
    }

    private static List<WarningLevel> levels(AccountSnapshot a) {
        List<WarningLevel> out = new java.util.ArrayList<>();
        out.add(WarningLevel.of(MarginCalculator.ratio(a.crossMaintenance(), a.crossEquity())));
        for (PositionMarginView v : a.positions()) {
            if (v.mode() == MarginMode.ISOLATED) {
                out.add(WarningLevel.of(v.maintenanceRatio()));
            }
        }
        return out;
    }
}
