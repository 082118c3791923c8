package dev.paperdesk.engine.market.sim;

import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.FundingRate;
import dev.paperdesk.engine.market.MarkPrice;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.OpenInterest;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.Quote;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a canonical text line per event (plain decimals, ISO instants), in arrival order. */
final class CanonicalEventDigest implements MarketDataSink {
    private final MessageDigest digest;
    private final StringBuilder line = new StringBuilder(256);
    long quotes;
    long trades;
    long books;
    long marks;
    long fundings;
    long openInterests;

    CanonicalEventDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void emit() {
        line.append('\n');
        digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
    }

    @Override
    public void onQuote(Quote q) {
        quotes++;
        line.append("Q|")
                .append(q.instrumentId())
                .append('|')
                .append(q.timestamp())
                .append('|');
        line.append(q.bid().value().toPlainString())
                .append('|')
                .append(q.ask().value().toPlainString());
        line.append('|').append(q.bidSize().value().toPlainString()).append('|');
        line.append(q.askSize().value().toPlainString());
        emit();
    }

    @Override
    public void onTrade(TradePrint t) {
        trades++;
        line.append("T|")
                .append(t.instrumentId())
                .append('|')
                .append(t.timestamp())
                .append('|');
        line.append(t.price().value().toPlainString())
                .append('|')
                .append(t.size().value().toPlainString());
        line.append('|').append(t.aggressor());
        emit();
    }

    @Override
    public void onBook(BookSnapshot b) {
        books++;
        line.append("B|").append(b.instrumentId()).append('|').append(b.timestamp());
        for (BookLevel l : b.bids()) {
            line.append("|b")
                    .append(l.price().value().toPlainString())
                    .append('x')
                    .append(l.size().value().toPlainString());
        }
        for (BookLevel l : b.asks()) {
            line.append("|a")
                    .append(l.price().value().toPlainString())
                    .append('x')
                    .append(l.size().value().toPlainString());
        }
        emit();
    }

    @Override
    public void onMarkPrice(MarkPrice m) {
        marks++;
        line.append("M|")
                .append(m.instrumentId())
                .append('|')
                .append(m.timestamp())
                .append('|');
        line.append(m.markPrice().value().toPlainString())
                .append('|')
                .append(m.indexPrice().value().toPlainString());
        line.append('|')
                .append(m.estimatedFundingRate().toPlainString())
                .append('|')
                .append(m.nextFundingTime());
        emit();
    }

    @Override
    public void onFundingRate(FundingRate f) {
        fundings++;
        line.append("F|")
                .append(f.instrumentId())
                .append('|')
                .append(f.fundingTime())
                .append('|');
        line.append(f.rate().toPlainString())
                .append('|')
                .append(f.intervalHours())
                .append('|');
        line.append(f.markPrice().value().toPlainString());
        emit();
    }

    @Override
    public void onOpenInterest(OpenInterest o) {
        openInterests++;
        line.append("O|")
                .append(o.instrumentId())
                .append('|')
                .append(o.timestamp())
                .append('|');
        line.append(o.contracts().value().toPlainString());
        emit();
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    long events() {
        return quotes + trades + books + marks + fundings + openInterests;
    }
}
