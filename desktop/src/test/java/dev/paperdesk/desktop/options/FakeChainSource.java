package dev.paperdesk.desktop.options;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chain with strikes 80..120 every 5 around a spot the test sets, two expiries, and quotes a cent
 * either side of a simple value: intrinsic plus a time value that falls off away from the money.
 */
final class FakeChainSource implements OptionChainSource {
    final InstrumentId underlying;
    final LocalDate today;
    final LocalDate near;
    final LocalDate far;
    volatile double spot = 101.0;
    final AtomicInteger calls = new AtomicInteger();

    FakeChainSource(InstrumentId underlying, LocalDate today) {
        this.underlying = underlying;
        this.today = today;
        this.near = today.plusDays(30);
        this.far = today.plusDays(65);
    }

    @Override
    public List<InstrumentId> underlyings() {
        return List.of(underlying);
    }

    @Override
    public List<LocalDate> expiries(InstrumentId id) {
        return List.of(today.plusDays(3), near, far);
    }

    @Override
    public Optional<ChainSnapshot> chain(InstrumentId id, LocalDate expiry) {
        calls.incrementAndGet();
        double s = spot;
        List<ChainLine> lines = new ArrayList<>();
        BigDecimal atm = null;
        for (int k = 80; k <= 120; k += 5) {
            if (atm == null || Math.abs(k - s) < Math.abs(atm.doubleValue() - s)) {
                atm = BigDecimal.valueOf(k);
            }
        }
        double timeValue = expiry.equals(far) ? 4.0 : 2.5;
        for (int k = 80; k <= 120; k += 5) {
            BigDecimal strike = BigDecimal.valueOf(k);
            lines.add(new ChainLine(
                    strike,
                    side(id, expiry, OptionRight.CALL, k, Math.max(s - k, 0) + tv(timeValue, s, k), s > k),
                    side(id, expiry, OptionRight.PUT, k, Math.max(k - s, 0) + tv(timeValue, s, k), k > s),
                    strike.compareTo(atm) == 0));
        }
        return Optional.of(new ChainSnapshot(id, expiry, today, s, OptionStyle.EUROPEAN, 100, 0.0, 0.0, atm, lines));
    }

    private static double tv(double atmValue, double s, double k) {
        return atmValue * Math.exp(-Math.abs(s - k) / 8.0);
    }

    private static ChainSide side(
            InstrumentId id, LocalDate expiry, OptionRight right, int strike, double value, boolean itm) {
        BigDecimal mid = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        BigDecimal bid = mid.subtract(new BigDecimal("0.05")).max(BigDecimal.ZERO);
        BigDecimal ask = mid.add(new BigDecimal("0.05"));
        InstrumentId contract = new InstrumentId(
                id.symbol() + "-" + expiry + "-" + (right == OptionRight.CALL ? "C" : "P") + "-" + strike, "opt");
        double delta = right == OptionRight.CALL ? (itm ? 0.7 : 0.3) : (itm ? -0.7 : -0.3);
        return new ChainSide(contract, right, bid, ask, null, 0.25, delta, 0.03, -0.02, 0.1, 0.05, 1000 + strike, itm);
    }
}
