package dev.paperdesk.engine.options;

import dev.paperdesk.engine.model.Instrument.OptionContract;
import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.pricing.chain.ExpiryKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The contracts listed on one underlying for one trading day: expiries out to one year and, per
 * expiry, strikes around the spot of the moment the day's listing was made, with each contract's
 * open interest and quoting noise (a pure function of the seed and the contract, so the same seed
 * lists the same market).
 */
final class OptionListing {
    /** Weekly Friday expiries listed ahead. */
    static final int WEEKLIES = 8;
    /** Upper bound on strikes per expiry. */
    static final int MAX_STRIKES = 61;

    private static final DateTimeFormatter SYMBOL_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    final OptionUnderlying underlying;
    final LocalDate date;
    final List<Slice> slices;

    /** One expiry's strikes and contracts, arrays by ascending strike. */
    static final class Slice {
        final OptionExpiry expiry;
        final BigDecimal[] strikes;
        final double[] strikeValues;
        final OptionContract[] calls;
        final OptionContract[] puts;
        final long[] callOi;
        final long[] putOi;
        final double[] callNoise;
        final double[] putNoise;
        final double halfWidth;

        Slice(OptionExpiry expiry, List<BigDecimal> strikes, OptionUnderlying u, long seed, double halfWidth) {
            this.expiry = expiry;
            this.halfWidth = halfWidth;
            int n = strikes.size();
            this.strikes = strikes.toArray(new BigDecimal[0]);
            this.strikeValues = new double[n];
            this.calls = new OptionContract[n];
            this.puts = new OptionContract[n];
            this.callOi = new long[n];
            this.putOi = new long[n];
            this.callNoise = new double[n];
            this.putNoise = new double[n];
            for (int i = 0; i < n; i++) {
                strikeValues[i] = this.strikes[i].doubleValue();
                calls[i] = contract(u, expiry.date(), OptionRight.CALL, this.strikes[i]);
                puts[i] = contract(u, expiry.date(), OptionRight.PUT, this.strikes[i]);
            }
            double mid = strikeValues[n / 2];
            for (int i = 0; i < n; i++) {
                double k = Math.log(strikeValues[i] / mid);
                callOi[i] = openInterest(u, expiry.kind(), k, halfWidth, noise(seed, calls[i].id()));
                putOi[i] = openInterest(u, expiry.kind(), k, halfWidth, noise(seed, puts[i].id()));
                callNoise[i] = noise(seed, calls[i].id()).nextDouble();
                putNoise[i] = noise(seed, puts[i].id()).nextDouble();
            }
        }
    }

    OptionListing(OptionUnderlying underlying, LocalDate date, List<Slice> slices) {
        this.underlying = underlying;
        this.date = date;
        this.slices = List.copyOf(slices);
    }

    /** Lists {@code underlying}'s contracts on the day of {@code now} around {@code spot}. */
    static OptionListing list(OptionUnderlying u, double spot, Instant now, long seed) {
        LocalDate today = now.atZone(u.zone()).toLocalDate();
        List<Slice> slices = new ArrayList<>();
        for (var e : expiries(u, today, now).entrySet()) {
            LocalDate date = e.getKey();
            Instant at = u.expiresAt(date);
            double t = Math.max(
                    ContractPricing.MIN_TIME,
                    (at.getEpochSecond() - now.getEpochSecond()) / ContractPricing.SECONDS_PER_YEAR);
            double halfWidth = OptionMarket.halfWidth(u, t);
            slices.add(new Slice(
                    new OptionExpiry(date, e.getValue(), at),
                    strikes(u, spot, e.getValue(), t, halfWidth),
                    u,
                    seed,
                    halfWidth));
        }
        return new OptionListing(u, today, slices);
    }

    /** Weekly Fridays and monthlies (third Friday for equities, last for crypto) not yet expired, within a year. */
    static TreeMap<LocalDate, ExpiryKind> expiries(OptionUnderlying u, LocalDate today, Instant now) {
        TreeMap<LocalDate, ExpiryKind> out = new TreeMap<>();
        LocalDate horizon = today.plusYears(1);
        LocalDate friday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        if (!u.expiresAt(friday).isAfter(now)) {
            friday = friday.plusWeeks(1);
        }
        for (int i = 0; i < WEEKLIES; i++) {
            out.put(friday.plusWeeks(i), ExpiryKind.WEEKLY);
        }
        for (LocalDate month = today.withDayOfMonth(1); !month.isAfter(horizon); month = month.plusMonths(1)) {
            LocalDate monthly = u.crypto()
                    ? month.with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY))
                    : month.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
            if (u.expiresAt(monthly).isAfter(now) && !monthly.isAfter(horizon)) {
                out.put(monthly, ExpiryKind.MONTHLY); // a monthly Friday within the weeklies counts as monthly
            }
        }
        return out;
    }

    private static List<BigDecimal> strikes(
            OptionUnderlying u, double spot, ExpiryKind kind, double t, double halfWidth) {
        BigDecimal step = increment(u, spot);
        if (kind == ExpiryKind.MONTHLY && t > 60.0 / 365.0) {
            step = step.multiply(BigDecimal.TWO);
        }
        BigDecimal low = BigDecimal.valueOf(spot * Math.exp(-halfWidth));
        BigDecimal high = BigDecimal.valueOf(spot * Math.exp(halfWidth));
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

    /** Listed-equity increments by price level; for crypto a 1–2–2.5–5 step near 1% of spot. */
    static BigDecimal increment(OptionUnderlying u, double s) {
        if (!u.crypto()) {
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

    private static long openInterest(
            OptionUnderlying u, ExpiryKind kind, double k, double halfWidth, SplittableRandom r) {
        double base = u.crypto() ? 300.0 : 2000.0;
        double z = k / (0.5 * halfWidth);
        double shape = Math.exp(-0.5 * z * z);
        double monthly = kind == ExpiryKind.MONTHLY ? 3.0 : 1.0;
        r.nextDouble(); // the first draw is the quoting noise
        return Math.round(base * shape * monthly * Math.exp(0.6 * gaussian(r)));
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = Math.max(r.nextDouble(), 1e-12);
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    static SplittableRandom noise(long seed, InstrumentId id) {
        long h = seed * 0x9E3779B97F4A7C15L + id.toString().hashCode();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return new SplittableRandom(h);
    }

    /** The contract's symbol: {@code UNDERLYING-YYYYMMDD-C|P-STRIKE} on the underlying's venue. */
    static OptionContract contract(OptionUnderlying u, LocalDate expiry, OptionRight right, BigDecimal strike) {
        String symbol =
                u.id().symbol() + "-" + expiry.format(SYMBOL_DATE) + "-" + (right == OptionRight.CALL ? "C" : "P") + "-"
                        + strike.stripTrailingZeros().toPlainString();
        return new OptionContract(
                new InstrumentId(symbol, u.id().venue()),
                u.id(),
                right,
                u.style(),
                strike.stripTrailingZeros(),
                expiry,
                u.currency(),
                u.tick(),
                u.lotSize(),
                u.multiplier());
    }
}
