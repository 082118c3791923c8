package dev.paperdesk.engine.execution;

import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fees as most brokers and exchanges charge them: per share with a minimum for equities and ETFs,
 * maker/taker basis points of notional for everything else. Rounded half-up to the currency's
 * minor unit.
 */
public record StandardFeeModel(BigDecimal perShare, BigDecimal minimumPerFill, BigDecimal makerBps, BigDecimal takerBps)
        implements FeeModel {

    /** $0.005 per share, $1.00 minimum; 2 bps maker and 5 bps taker elsewhere. */
    public static final StandardFeeModel DEFAULT = new StandardFeeModel(
            new BigDecimal("0.005"), new BigDecimal("1.00"), new BigDecimal("2"), new BigDecimal("5"));

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    @Override
    public String describe() {
        return "equities " + perShare.toPlainString() + "/share (min " + minimumPerFill.toPlainString()
                + "); others maker " + makerBps.toPlainString() + " bps, taker " + takerBps.toPlainString() + " bps";
    }

    @Override
    public String spec() {
        return "standard(per-share=" + perShare.toPlainString() + ", min=" + minimumPerFill.toPlainString() + ", maker="
                + makerBps.toPlainString() + ", taker=" + takerBps.toPlainString() + ")";
    }

    @Override
    public Money fee(Instrument instrument, Quantity quantity, Price price, Liquidity liquidity) {
        BigDecimal raw =
                switch (instrument) {
                    case Instrument.Equity e -> perShare.multiply(quantity.value())
                            .max(minimumPerFill);
                    case Instrument.Etf e -> perShare.multiply(quantity.value()).max(minimumPerFill);
                    default -> instrument
                            .notional(price, quantity)
                            .multiply(liquidity == Liquidity.MAKER ? makerBps : takerBps)
                            .divide(TEN_THOUSAND);
                };
        int scale = instrument.quoteCurrency().minorUnits();
        return Money.of(raw.setScale(scale, RoundingMode.HALF_UP), instrument.quoteCurrency());
    }
}
