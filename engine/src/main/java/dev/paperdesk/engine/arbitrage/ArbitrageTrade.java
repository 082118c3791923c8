package dev.paperdesk.engine.arbitrage;

import dev.paperdesk.engine.loop.EventLoop;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A trade in progress; lives on the loop thread and is published as {@link TradeRecord}s. */
final class ArbitrageTrade {
    enum Stage {
        HARD_LEG,
        EASY_LEG,
        OPEN,
        EXIT,
        DONE
    }

    final String id;
    final Opportunity opportunity;
    final ListingState longListing;
    final ListingState shortListing;
    final BigDecimal quantity;
    final BigDecimal size;
    final long openedNanos;
    final boolean longIsHarder;
    final List<LegOrder> orders = new ArrayList<>();
    final List<LegOutEvent> legOuts = new ArrayList<>();

    TradeStatus status = TradeStatus.PENDING;
    Stage stage = Stage.HARD_LEG;
    EventLoop.Timer timer;
    LegOrder longEntry;
    LegOrder shortEntry;
    LegOrder longExit;
    LegOrder shortExit;
    long entryNanos = Long.MIN_VALUE;
    BigDecimal fundingPnl = BigDecimal.ZERO;
    BigDecimal legOutLoss = BigDecimal.ZERO;
    BigDecimal actualProfit;
    String exitReason;
    long exitNanos = Long.MIN_VALUE;
    double currentSpreadBps;
    double unrealized;
    // the spread's excursions per unit while active, at the mids (the backtest's MAE and MFE)
    double maxAdverse;
    double maxFavourable;

    ArbitrageTrade(
            String id,
            Opportunity opportunity,
            ListingState longListing,
            ListingState shortListing,
            BigDecimal quantity,
            BigDecimal size,
            long openedNanos,
            boolean longIsHarder) {
        this.id = id;
        this.opportunity = opportunity;
        this.longListing = longListing;
        this.shortListing = shortListing;
        this.quantity = quantity;
        this.size = size;
        this.openedNanos = openedNanos;
        this.longIsHarder = longIsHarder;
        this.currentSpreadBps = opportunity.spreadBps();
    }

    String symbol() {
        return opportunity.symbol();
    }

    String pair() {
        return opportunity.pair();
    }

    BigDecimal fees() {
        BigDecimal f = BigDecimal.ZERO;
        for (LegOrder o : orders) {
            f = f.add(o.fee);
        }
        return f;
    }

    TradeRecord record() {
        return new TradeRecord(
                id,
                symbol(),
                opportunity.longVenue(),
                opportunity.shortVenue(),
                status,
                ArbitrageStrategy.instant(openedNanos),
                entryNanos == Long.MIN_VALUE ? null : ArbitrageStrategy.instant(entryNanos),
                longEntry != null && longEntry.filled() ? longEntry.fillPrice : null,
                shortEntry != null && shortEntry.filled() ? shortEntry.fillPrice : null,
                opportunity.spreadBps(),
                quantity,
                size,
                opportunity.fundingDelta8h(),
                opportunity.confidence(),
                opportunity.projectedProfit(),
                currentSpreadBps,
                unrealized,
                maxAdverse,
                maxFavourable,
                fundingPnl,
                fees(),
                actualProfit,
                legOutLoss,
                exitReason,
                exitNanos == Long.MIN_VALUE ? null : ArbitrageStrategy.instant(exitNanos),
                orders.stream().map(LegOrder::record).toList(),
                legOuts);
    }
}
