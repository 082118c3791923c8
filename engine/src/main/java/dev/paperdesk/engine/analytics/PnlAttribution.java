package dev.paperdesk.engine.analytics;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.InstrumentId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Realised P&amp;L of closed trades broken down by instrument, asset class and tag.
 *
 * <p>Each breakdown lists its buckets by descending P&amp;L (ties by key). A bucket's share is its
 * P&amp;L over the total P&amp;L, {@code NaN} when the total is zero; shares sum to 1 otherwise, and a
 * bucket that lost money in a profitable book has a negative share.
 *
 * @param totalPnl sum of all trades' P&amp;L
 * @param byInstrument one bucket per instrument, keyed {@code SYMBOL@venue}
 * @param byAssetClass one bucket per asset class, keyed by the enum name
 * @param byTag one bucket per tag; untagged trades are keyed {@value #UNTAGGED}
 */
public record PnlAttribution(
        double totalPnl, List<Bucket> byInstrument, List<Bucket> byAssetClass, List<Bucket> byTag) {

    /** Key of the bucket holding trades without a tag. */
    public static final String UNTAGGED = "(untagged)";

    public PnlAttribution {
        byInstrument = List.copyOf(byInstrument);
        byAssetClass = List.copyOf(byAssetClass);
        byTag = List.copyOf(byTag);
    }

    /**
     * The trades sharing one key.
     *
     * @param key the instrument, asset class or tag
     * @param trades number of trades
     * @param wins trades with positive P&amp;L
     * @param pnl sum of P&amp;L, net of fees
     * @param fees sum of fees
     * @param share {@code pnl} over the total P&amp;L of all buckets
     */
    public record Bucket(String key, int trades, int wins, double pnl, double fees, double share) {
        public Bucket {
            Objects.requireNonNull(key, "key");
        }

        /** Wins over trades. */
        public double winRate() {
            return trades == 0 ? Double.NaN : (double) wins / trades;
        }
    }

    /** Attributes the P&amp;L of {@code trades}. */
    public static PnlAttribution of(List<ClosedTrade> trades) {
        double total = trades.stream().mapToDouble(ClosedTrade::pnl).sum();
        Function<ClosedTrade, String> byInstrument = t -> t.instrument().toString();
        Function<ClosedTrade, String> byClass = t -> t.assetClass().name();
        Function<ClosedTrade, String> byTag = t -> t.tag().isEmpty() ? UNTAGGED : t.tag();
        return new PnlAttribution(
                total,
                buckets(trades, byInstrument, total),
                buckets(trades, byClass, total),
                buckets(trades, byTag, total));
    }

    private static List<Bucket> buckets(List<ClosedTrade> trades, Function<ClosedTrade, String> key, double total) {
        Map<String, double[]> acc = new LinkedHashMap<>(); // trades, wins, pnl, fees
        for (ClosedTrade t : trades) {
            double[] a = acc.computeIfAbsent(key.apply(t), k -> new double[4]);
            a[0]++;
            a[1] += t.isWin() ? 1 : 0;
            a[2] += t.pnl();
            a[3] += t.fees();
        }
        List<Bucket> out = new ArrayList<>();
        acc.forEach((k, a) ->
                out.add(new Bucket(k, (int) a[0], (int) a[1], a[2], a[3], total == 0 ? Double.NaN : a[2] / total)));
        out.sort(Comparator.comparingDouble(Bucket::pnl).reversed().thenComparing(Bucket::key));
        return out;
    }

    /** The bucket of {@code instrument}, if it traded. */
    public java.util.Optional<Bucket> instrument(InstrumentId instrument) {
        return byInstrument.stream()
                .filter(b -> b.key().equals(instrument.toString()))
                .findFirst();
    }

    /** The bucket of {@code assetClass}, if it traded. */
    public java.util.Optional<Bucket> assetClass(AssetClass assetClass) {
        return byAssetClass.stream()
                .filter(b -> b.key().equals(assetClass.name()))
                .findFirst();
    }

    /** The bucket of {@code tag} ({@value #UNTAGGED} for untagged trades), if any. */
    public java.util.Optional<Bucket> tag(String tag) {
        return byTag.stream().filter(b -> b.key().equals(tag)).findFirst();
    }
}
