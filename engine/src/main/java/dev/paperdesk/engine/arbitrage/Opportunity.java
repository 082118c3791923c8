package dev.paperdesk.engine.arbitrage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One symbol's best venue pair at one scan: buy (long) where it is cheapest, sell (short) where it
 * is dearest, with the costs, size and projected profit, and why it is not traded if it is not.
 *
 * @param symbol the perpetual's symbol, e.g. {@code BTC-USDT-PERP}
 * @param spreadBps {@code (short bid − long ask) / mid}, in bps
 * @param feesBps round-trip maker fees of both legs, in bps
 * @param fundingCostBps funding the pair pays over 8 h, in bps
 * @param sizeUsd position size per leg
 * @param projectedProfit {@code size × (spread − fees + funding delta) / 10⁴}
 * @param projectedProfitAfterSlippage the same less both legs' slippage
 * @param depthLongUsd depth within 2 bps on the long venue's asks
 * @param depthShortUsd depth within 2 bps on the short venue's bids
 * @param staleVenues the monitored venues that were stale at this scan
 * @param rejection why it is not traded, or {@code null} when it passes every filter
 */
public record Opportunity(
        Instant time,
        String symbol,
        String longVenue,
        String shortVenue,
        double longPrice,
        double shortPrice,
        double spreadBps,
        double feesBps,
        double fundingCostBps,
        double fundingDelta8h,
        int confidence,
        double sizeUsd,
        double projectedProfit,
        double projectedProfitAfterSlippage,
        double depthLongUsd,
        double depthShortUsd,
        ConfluenceMetrics metrics,
        List<String> staleVenues,
        RejectReason rejection) {
    public Opportunity {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(longVenue, "longVenue");
        Objects.requireNonNull(shortVenue, "shortVenue");
        Objects.requireNonNull(metrics, "metrics");
        staleVenues = List.copyOf(staleVenues);
    }

    public boolean tradable() {
        return rejection == null;
    }

    /** A short key of the pair, e.g. {@code BTC-USDT-PERP gate→paradex}. */
    public String pair() {
        return symbol + " " + longVenue + "/" + shortVenue;
    }
}
