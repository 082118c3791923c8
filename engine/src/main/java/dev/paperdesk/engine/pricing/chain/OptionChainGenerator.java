package dev.paperdesk.engine.pricing.chain;

import dev.paperdesk.engine.model.Instrument.OptionContract;
import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.pricing.option.BjerksundStenslandAmericanPricer;
import dev.paperdesk.engine.pricing.option.BlackScholesEuropeanPricer;
import dev.paperdesk.engine.pricing.option.OptionInputs;
import dev.paperdesk.engine.pricing.option.OptionPricer;
import dev.paperdesk.engine.pricing.option.OptionValuation;
import dev.paperdesk.engine.pricing.surface.SviVolatilitySurface;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Generates a listed-looking option chain for one underlying; a pure function of its spec and the
 * random generator (same seed, same chain).
 *
 * <ul>
 *   <li>Expiries: the next {@value #WEEKLIES} Fridays (weeklies) and one monthly per month out to one
 *       year, on the third Friday for equities and the last Friday for crypto.
 *   <li>Strikes: multiples of an increment that grows with the spot level (and doubles for monthlies
 *       beyond 60 days), covering ±2.5 ATM standard deviations (at least ±8%, at most ±70% in log
 *       terms), at most {@value #MAX_STRIKES} per expiry.
 *   <li>Theoretical value and Greeks from the SSVI surface of the spec: Black–Scholes–Merton for
 *       European chains, Bjerksund–Stensland 2002 for American ones. Time is ACT/365F from the
 *       valuation date.
 *   <li>Bid and ask around the theoretical value, on the tick, with a spread of 3–7% of value, wider
 *       away from the money, and never narrower than one tick; open interest peaks at the money and on
 *       monthlies, with lognormal noise.
 * </ul>
 */
public final class OptionChainGenerator {
    /** Number of weekly expiries listed. */
    public static final int WEEKLIES = 6;
    /** Upper bound on strikes per expiry. */
    public static final int MAX_STRIKES = 61;

    /** The shared instance; the generator holds no state. */
    public static final OptionChainGenerator DEFAULT = new OptionChainGenerator();

    private static final DateTimeFormatter SYMBOL_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private OptionChainGenerator() {}

    /** Generates the chain of {@code spec}, drawing spreads and open interest from {@code rng}. */
    public OptionChain generate(ChainSpec spec, RandomGenerator rng) {
        TreeMap<LocalDate, ExpiryKind> expiries = expiries(spec.valuationDate(), spec.isEquityLike());
        double[] times = expiries.keySet().stream()
                .mapToDouble(d -> yearFraction(spec.valuationDate(), d))
                .toArray();
        SviVolatilitySurface surface = spec.surfaceShape().surface(times);
        OptionPricer pricer = spec.style() == OptionStyle.AMERICAN
                ? BjerksundStenslandAmericanPricer.DEFAULT
                : BlackScholesEuropeanPricer.DEFAULT;
        BigDecimal tick = tick(spec);
        List<ChainQuote> quotes = new ArrayList<>();
        for (var e : expiries.entrySet()) {
            LocalDate expiry = e.getKey();
            double t = yearFraction(spec.valuationDate(), expiry);
            double forward = spec.spot() * Math.exp((spec.rate() - spec.dividendYield()) * t);
            double atmVol = surface.volatility(0.0, t);
            double halfWidth = Math.min(0.7, Math.max(0.08, 2.5 * atmVol * Math.sqrt(t)));
            for (BigDecimal strike : strikes(spec, e.getValue(), t, halfWidth)) {
                double k = Math.log(strike.doubleValue() / forward);
                double vol = surface.volatility(k, t);
                for (OptionRight right : OptionRight.values()) {
                    OptionInputs in = new OptionInputs(
                            right, spec.spot(), strike.doubleValue(), t, spec.rate(), spec.dividendYield(), vol);
                    OptionValuation valuation = pricer.valuation(in);
                    OptionContract contract = contract(spec, expiry, right, strike, tick);
                    double distance = Math.min(1.0, Math.abs(k) / halfWidth);
                    double spreadFraction = 0.03 + 0.04 * rng.nextDouble() + 0.05 * distance;
                    Price[] bidAsk = bidAsk(valuation.value(), spreadFraction, tick);
                    double base = spec.isEquityLike() ? 2000.0 : 300.0;
                    double shape = Math.exp(-0.5 * (k / (0.5 * halfWidth)) * (k / (0.5 * halfWidth)));
                    double monthly = e.getValue() == ExpiryKind.MONTHLY ? 3.0 : 1.0;
                    long oi = Math.round(base * shape * monthly * Math.exp(0.6 * rng.nextGaussian()));
                    quotes.add(new ChainQuote(contract, e.getValue(), t, vol, valuation, bidAsk[0], bidAsk[1], oi));
                }
            }
        }
        return new OptionChain(spec, surface, quotes);
    }

    /** Weekly Fridays and monthly expiries strictly after the valuation date and within one year. */
    static TreeMap<LocalDate, ExpiryKind> expiries(LocalDate valuationDate, boolean equityLike) {
        TreeMap<LocalDate, ExpiryKind> out = new TreeMap<>();
        LocalDate horizon = valuationDate.plusYears(1);
        LocalDate friday = valuationDate.with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        for (int i = 0; i < WEEKLIES; i++) {
            out.put(friday.plusWeeks(i), ExpiryKind.WEEKLY);
        }
        for (LocalDate month = valuationDate.withDayOfMonth(1); !month.isAfter(horizon); month = month.plusMonths(1)) {
            LocalDate monthly = equityLike
                    ? month.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY))
                    : month.with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY));
            if (monthly.isAfter(valuationDate) && !monthly.isAfter(horizon)) {
                out.put(monthly, ExpiryKind.MONTHLY); // a monthly that is also a weekly Friday counts as monthly
            }
        }
        return out;
    }

    static double yearFraction(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / 365.0;
    }

    private static List<BigDecimal> strikes(ChainSpec spec, ExpiryKind kind, double t, double halfWidth) {
        BigDecimal step = increment(spec);
        if (kind == ExpiryKind.MONTHLY && t > 60.0 / 365.0) {
            step = step.multiply(BigDecimal.TWO);
        }
        BigDecimal low = BigDecimal.valueOf(spec.spot() * Math.exp(-halfWidth));
        BigDecimal high = BigDecimal.valueOf(spec.spot() * Math.exp(halfWidth));
        while (high.subtract(low).divide(step, 0, RoundingMode.FLOOR).intValue() + 1 > MAX_STRIKES) {
            step = step.multiply(BigDecimal.TWO);
        }
        BigDecimal first =
                low.divide(step, 0, RoundingMode.CEILING).multiply(step).max(step);
        List<BigDecimal> out = new ArrayList<>();
        for (BigDecimal k = first; k.compareTo(high) <= 0; k = k.add(step)) {
            out.add(k.stripTrailingZeros());
        }
        return out;
    }

    /** Listed-equity increments by spot level; for crypto a 1–2–2.5–5 step near 1% of spot. */
    static BigDecimal increment(ChainSpec spec) {
        double s = spec.spot();
        if (spec.isEquityLike()) {
            if (s < 25) {
                return new BigDecimal("0.5");
            } else if (s < 100) {
                return BigDecimal.ONE;
            } else if (s < 200) {
                return new BigDecimal("2.5");
            } else if (s < 500) {
                return BigDecimal.valueOf(5);
            } else if (s < 1000) {
                return BigDecimal.TEN;
            }
            return BigDecimal.valueOf(25);
        }
        double target = s * 0.01;
        double decade = Math.pow(10, Math.floor(Math.log10(target)));
        double best = decade;
        for (double m : new double[] {1, 2, 2.5, 5}) {
            if (m * decade <= target) {
                best = m * decade;
            }
        }
        return BigDecimal.valueOf(best).stripTrailingZeros();
    }

    /** Penny ticks for equity options; for crypto about 1e-5 of spot, at least 0.01. */
    static BigDecimal tick(ChainSpec spec) {
        if (spec.isEquityLike()) {
            return new BigDecimal("0.01");
        }
        int exponent = (int) Math.floor(Math.log10(spec.spot())) - 5;
        return BigDecimal.ONE.scaleByPowerOfTen(Math.max(exponent, -2));
    }

    private static Price[] bidAsk(double theo, double spreadFraction, BigDecimal tick) {
        double t = tick.doubleValue();
        double half = Math.max(t, theo * spreadFraction) / 2.0;
        BigDecimal bid = BigDecimal.valueOf(Math.max(0.0, theo - half))
                .divide(tick, 0, RoundingMode.FLOOR)
                .multiply(tick);
        BigDecimal ask = BigDecimal.valueOf(theo + half)
                .divide(tick, 0, RoundingMode.CEILING)
                .multiply(tick);
        if (ask.compareTo(bid.add(tick)) < 0) {
            ask = bid.add(tick);
        }
        return new Price[] {new Price(bid), new Price(ask)};
    }

    private static OptionContract contract(
            ChainSpec spec, LocalDate expiry, OptionRight right, BigDecimal strike, BigDecimal tick) {
        String symbol = spec.underlying().symbol() + "-" + expiry.format(SYMBOL_DATE) + "-"
                + (right == OptionRight.CALL ? "C" : "P") + "-" + strike.toPlainString();
        return new OptionContract(
                new InstrumentId(symbol, spec.underlying().venue()),
                spec.underlying(),
                right,
                spec.style(),
                strike,
                expiry,
                spec.quoteCurrency(),
                tick,
                BigDecimal.ONE,
                spec.multiplier());
    }
}
