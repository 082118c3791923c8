package dev.paperdesk.engine.execution.models;

import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.market.sim.FeeSchedule;
import dev.paperdesk.engine.market.sim.VenueProfile;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fees as each venue charges them: equities and ETFs per share with a minimum per order, options per
 * contract, everything else maker/taker basis points of notional from the simulated venue's {@link
 * VenueProfile} (or the fallback rates for venues the simulator does not know), plus an optional
 * minimum commission per order. Maker rebates (negative rates) are not paid out: the fee is never
 * below zero. Rounded half-up to the currency's minor unit.
 */
public record VenueFeeModel(
        BigDecimal perShare,
        BigDecimal equityMinimum,
        BigDecimal perContract,
        BigDecimal fallbackMakerBps,
        BigDecimal fallbackTakerBps,
        BigDecimal minimumPerOrder)
        implements FeeModel {

    /** $0.005 per share ($1.00 minimum per order), $0.65 per option contract, 2/5 bps fallback, no general minimum. */
    public static final VenueFeeModel DEFAULT = new VenueFeeModel(
            new BigDecimal("0.005"),
            new BigDecimal("1.00"),
            new BigDecimal("0.65"),
            new BigDecimal("2"),
            new BigDecimal("5"),
            BigDecimal.ZERO);

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    public VenueFeeModel {
        for (BigDecimal v : new BigDecimal[] {
            perShare, equityMinimum, perContract, fallbackMakerBps, fallbackTakerBps, minimumPerOrder
        }) {
            if (v == null || v.signum() < 0) {
                throw new IllegalArgumentException("fee parameters must be non-negative numbers");
            }
        }
    }

    /** The maker and taker rates in bps that apply to {@code instrument}. */
    public BigDecimal[] rates(Instrument instrument) {
        for (VenueProfile v : VenueProfile.all()) {
            if (v.name().equals(instrument.venue())) {
                FeeSchedule s = v.fees(instrument instanceof Instrument.Perpetual);
                return new BigDecimal[] {BigDecimal.valueOf(s.makerBps()), BigDecimal.valueOf(s.takerBps())};
            }
        }
        return new BigDecimal[] {fallbackMakerBps, fallbackTakerBps};
    }

    @Override
    public String describe() {
        return "per venue: maker/taker bps from the venue; equities " + perShare.toPlainString() + "/share (min "
                + equityMinimum.toPlainString() + " per order); options " + perContract.toPlainString()
                + "/contract; fallback " + fallbackMakerBps.toPlainString() + "/" + fallbackTakerBps.toPlainString()
                + " bps"
                + (minimumPerOrder.signum() > 0 ? "; min " + minimumPerOrder.toPlainString() + " per order" : "");
    }

    @Override
    public Money fee(Instrument instrument, Quantity quantity, Price price, Liquidity liquidity) {
        return fee(instrument, quantity, price, liquidity, Money.zero(instrument.quoteCurrency()));
    }

    @Override
    public Money fee(Instrument instrument, Quantity quantity, Price price, Liquidity liquidity, Money chargedSoFar) {
        BigDecimal minimum = minimumPerOrder;
        BigDecimal raw =
                switch (instrument) {
                    case Instrument.Equity e -> {
                        minimum = minimum.max(equityMinimum);
                        yield perShare.multiply(quantity.value());
                    }
                    case Instrument.Etf e -> {
                        minimum = minimum.max(equityMinimum);
                        yield perShare.multiply(quantity.value());
                    }
                    case Instrument.OptionContract o -> perContract.multiply(quantity.value());
                    default -> {
                        BigDecimal[] r = rates(instrument);
                        yield instrument
                                .notional(price, quantity)
                                .multiply(liquidity == Liquidity.MAKER ? r[0] : r[1])
                                .divide(TEN_THOUSAND);
                    }
                };
        raw = raw.max(BigDecimal.ZERO);
        // The minimum is per order: later fills only top up what earlier fills have not yet paid.
        BigDecimal topUp = minimum.subtract(chargedSoFar.amount());
        raw = raw.max(topUp);
        int scale = instrument.quoteCurrency().minorUnits();
        return Money.of(raw.setScale(scale, RoundingMode.HALF_UP), instrument.quoteCurrency());
    }

    @Override
    public String spec() {
        return "venue(per-share=" + perShare.toPlainString() + ", equity-min=" + equityMinimum.toPlainString()
                + ", per-contract=" + perContract.toPlainString() + ", maker=" + fallbackMakerBps.toPlainString()
                + ", taker=" + fallbackTakerBps.toPlainString() + ", min=" + minimumPerOrder.toPlainString() + ")";
    }
}
