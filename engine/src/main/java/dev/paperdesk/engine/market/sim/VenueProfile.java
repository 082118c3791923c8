package dev.paperdesk.engine.market.sim;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a simulated venue differs from the others: fees, latency, book depth, and how far and how
 * long its prices stray from the consensus.
 *
 * <p>Prices on a venue deviate from the fair value by a mean-reverting basis (an Ornstein–Uhlenbeck
 * process with stationary standard deviation {@code dispersionBps} and half-life {@code
 * dispersionHalfLifeSeconds}) plus occasional dislocations, so cross-venue spreads open and close.
 * Perpetuals on the venue carry a premium over the index biased by {@code premiumBiasBps}, which
 * feeds the venue's funding rate.
 *
 * @param name the venue part of instrument ids, e.g. {@code binance}
 * @param kind a centralised exchange, a decentralised one, or a traditional market
 * @param spotFees fees for spot crypto, equities and FX
 * @param perpetualFees fees for perpetual swaps
 * @param depthScale multiplies book sizes and trade rates (binance = 1)
 * @param spreadFactor multiplies the instrument's base quoted spread
 * @param dislocationsPerHour rate of sudden basis jumps of about five times {@code dispersionBps}
 * @param fundingIntervalHours how often perpetual funding settles (from 00:00 UTC)
 * @param fundingCap the largest absolute funding rate per interval, as a fraction
 * @param listsSpot whether the venue lists crypto spot pairs
 * @param listsPerpetuals whether the venue lists perpetual swaps
 */
public record VenueProfile(
        String name,
        Kind kind,
        FeeSchedule spotFees,
        FeeSchedule perpetualFees,
        LatencyProfile latency,
        double depthScale,
        double spreadFactor,
        double dispersionBps,
        double dispersionHalfLifeSeconds,
        double dislocationsPerHour,
        double premiumBiasBps,
        int fundingIntervalHours,
        double fundingCap,
        boolean listsSpot,
        boolean listsPerpetuals) {

    /** What sort of venue it is. */
    public enum Kind {
        CENTRALISED_EXCHANGE,
        DECENTRALISED_EXCHANGE,
        TRADITIONAL
    }

    public VenueProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(spotFees, "spotFees");
        Objects.requireNonNull(perpetualFees, "perpetualFees");
        Objects.requireNonNull(latency, "latency");
        positive(name, "depthScale", depthScale);
        positive(name, "spreadFactor", spreadFactor);
        positive(name, "dispersionHalfLifeSeconds", dispersionHalfLifeSeconds);
        nonNegative(name, "dispersionBps", dispersionBps);
        nonNegative(name, "dislocationsPerHour", dislocationsPerHour);
        nonNegative(name, "fundingCap", fundingCap);
        if (!Double.isFinite(premiumBiasBps)) {
            throw new IllegalArgumentException(name + ": premiumBiasBps must be finite");
        }
        if (fundingIntervalHours <= 0 || 24 % fundingIntervalHours != 0) {
            throw new IllegalArgumentException(
                    name + ": funding interval must divide 24 hours: " + fundingIntervalHours);
        }
    }

    private static void positive(String venue, String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(venue + ": " + field + " must be positive: " + v);
        }
    }

    private static void nonNegative(String venue, String field, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(venue + ": " + field + " must not be negative: " + v);
        }
    }

    // Fees are the public entry tiers; latency, depth and dispersion are rough orders of magnitude
    // chosen so that the big venues are deep and fast and the small ones (and the DEXes) lag.
    public static final VenueProfile BINANCE = crypto("binance", 10, 10, 2, 5, 12, 0.35, 0.002, 150)
            .market(1.00, 1.00, 0.6, 30, 0.5, 0.0, 8, 0.0075, true);
    public static final VenueProfile BYBIT = crypto("bybit", 10, 10, 2, 5.5, 18, 0.40, 0.003, 200)
            .market(0.80, 1.10, 0.9, 45, 0.8, 0.4, 8, 0.0075, true);
    public static final VenueProfile OKX =
            crypto("okx", 8, 10, 2, 5, 22, 0.40, 0.003, 200).market(0.65, 1.15, 1.0, 45, 0.8, -0.3, 8, 0.0075, true);
    public static final VenueProfile KUCOIN =
            crypto("kucoin", 10, 10, 2, 6, 45, 0.50, 0.005, 300).market(0.35, 1.60, 1.8, 60, 1.2, 1.0, 8, 0.0075, true);
    public static final VenueProfile BITGET =
            crypto("bitget", 10, 10, 2, 6, 40, 0.50, 0.005, 300).market(0.25, 1.80, 2.0, 60, 1.5, 0.7, 8, 0.0075, true);
    public static final VenueProfile GATE =
            crypto("gate", 10, 10, 2, 5, 55, 0.50, 0.006, 300).market(0.30, 1.70, 2.2, 75, 1.5, -0.8, 8, 0.0075, true);
    public static final VenueProfile HYPERLIQUID =
            dex("hyperliquid", 1.5, 4.5, 90, 0.60, 0.010, 400).market(0.20, 1.30, 2.5, 90, 2.0, 2.0, 1, 0.04, false);
    public static final VenueProfile PARADEX =
            dex("paradex", 0, 2, 140, 0.60, 0.020, 600).market(0.10, 2.50, 4.0, 120, 3.0, 3.0, 8, 0.01, false);
    /** The simulated US equity market (one lit venue for all stocks and ETFs). */
    public static final VenueProfile NASDAQ = new VenueProfile(
            "nasdaq",
            Kind.TRADITIONAL,
            new FeeSchedule(-0.2, 0.3),
            new FeeSchedule(-0.2, 0.3),
            new LatencyProfile(8, 0.3, 0.001, 50),
            1.0,
            1.0,
            0.0,
            60,
            0.0,
            0.0,
            8,
            0.0,
            false,
            false);
    /** The simulated FX liquidity pool (an ECN-like aggregate of dealers). */
    public static final VenueProfile FX = new VenueProfile(
            "fx",
            Kind.TRADITIONAL,
            new FeeSchedule(0.0, 0.2),
            new FeeSchedule(0.0, 0.2),
            new LatencyProfile(5, 0.3, 0.001, 40),
            1.0,
            1.0,
            0.0,
            60,
            0.0,
            0.0,
            8,
            0.0,
            false,
            false);

    /** The crypto venues, deepest first. */
    public static List<VenueProfile> cryptoVenues() {
        return List.of(BINANCE, BYBIT, OKX, KUCOIN, BITGET, GATE, HYPERLIQUID, PARADEX);
    }

    /** Every built-in venue: the crypto venues, then {@code nasdaq} and {@code fx}. */
    public static List<VenueProfile> all() {
        return List.of(BINANCE, BYBIT, OKX, KUCOIN, BITGET, GATE, HYPERLIQUID, PARADEX, NASDAQ, FX);
    }

    /** The built-in venue with this name. */
    public static VenueProfile of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (VenueProfile v : all()) {
            if (v.name.equals(n)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown venue '" + name + "'");
    }

    /** The fee schedule that applies to a perpetual ({@code true}) or to any other product. */
    public FeeSchedule fees(boolean perpetual) {
        return perpetual ? perpetualFees : spotFees;
    }

    /** A copy with another funding interval, e.g. to study hourly against 8-hourly funding. */
    public VenueProfile withFundingIntervalHours(int hours) {
        return new VenueProfile(
                name,
                kind,
                spotFees,
                perpetualFees,
                latency,
                depthScale,
                spreadFactor,
                dispersionBps,
                dispersionHalfLifeSeconds,
                dislocationsPerHour,
                premiumBiasBps,
                hours,
                fundingCap,
                listsSpot,
                listsPerpetuals);
    }

    private record Partial(String name, Kind kind, FeeSchedule spot, FeeSchedule perp, LatencyProfile latency) {
        VenueProfile market(
                double depth,
                double spread,
                double dispersion,
                double halfLife,
                double dislocations,
                double premiumBias,
                int fundingHours,
                double fundingCap,
                boolean spotListed) {
            return new VenueProfile(
                    name,
                    kind,
                    spot,
                    perp,
                    latency,
                    depth,
                    spread,
                    dispersion,
                    halfLife,
                    dislocations,
                    premiumBias,
                    fundingHours,
                    fundingCap,
                    spotListed,
                    true);
        }
    }

    private static Partial crypto(
            String name,
            double spotMaker,
            double spotTaker,
            double perpMaker,
            double perpTaker,
            double medianMs,
            double sigma,
            double spikeP,
            double spikeMs) {
        return new Partial(
                name,
                Kind.CENTRALISED_EXCHANGE,
                new FeeSchedule(spotMaker, spotTaker),
                new FeeSchedule(perpMaker, perpTaker),
                new LatencyProfile(medianMs, sigma, spikeP, spikeMs));
    }

    private static Partial dex(
            String name,
            double perpMaker,
            double perpTaker,
            double medianMs,
            double sigma,
            double spikeP,
            double spikeMs) {
        FeeSchedule perp = new FeeSchedule(perpMaker, perpTaker);
        return new Partial(
                name, Kind.DECENTRALISED_EXCHANGE, perp, perp, new LatencyProfile(medianMs, sigma, spikeP, spikeMs));
    }
}
