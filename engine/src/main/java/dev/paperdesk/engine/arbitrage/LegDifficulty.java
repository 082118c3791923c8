package dev.paperdesk.engine.arbitrage;

import dev.paperdesk.engine.market.sim.VenueProfile;
import java.util.List;
import java.util.Locale;

/**
 * Which leg of a pair is harder to fill: decentralised venues are harder than centralised ones, and
 * among the centralised ones Bitget &lt; Gate &lt; KuCoin &lt; OKX &lt; Bybit &lt; Binance (easiest).
 * The harder leg is placed first so that a miss costs a cancel, not a hedge.
 */
public final class LegDifficulty {
    /** Centralised venues from hardest to easiest. */
    private static final List<String> CEX_HARDEST_FIRST =
            List.of("bitget", "gate", "kucoin", "okx", "bybit", "binance");

    /** Decentralised venues from hardest to easiest (Paradex is the thinner one). */
    private static final List<String> DEX_HARDEST_FIRST = List.of("paradex", "hyperliquid");

    private LegDifficulty() {}

    /**
     * Ease of a venue: higher is easier. DEXes rank below every CEX; unknown venues rank lowest as
     * the most cautious assumption.
     */
    public static int ease(String venue) {
        String v = venue.toLowerCase(Locale.ROOT);
        int cex = CEX_HARDEST_FIRST.indexOf(v);
        if (cex >= 0) {
            return 100 + cex;
        }
        int dex = DEX_HARDEST_FIRST.indexOf(v);
        if (dex >= 0) {
            return 10 + dex;
        }
        return isDex(v) ? 5 : 0;
    }

    private static boolean isDex(String venue) {
        try {
            return VenueProfile.of(venue).kind() == VenueProfile.Kind.DECENTRALISED_EXCHANGE;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** The harder of the two venues; on a tie, the long venue (a fixed, documented choice). */
    public static String harder(String longVenue, String shortVenue) {
        return ease(shortVenue) < ease(longVenue) ? shortVenue : longVenue;
    }
}
