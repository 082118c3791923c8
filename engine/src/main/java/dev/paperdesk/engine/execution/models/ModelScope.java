package dev.paperdesk.engine.execution.models;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Instrument;

/**
 * Where a model set applies: a venue, an asset class, or both ({@code null} means any). The most
 * specific matching scope wins: venue and class, then venue, then class.
 */
public record ModelScope(String venue, AssetClass assetClass) {
    public ModelScope {
        if (venue != null && venue.isBlank()) {
            venue = null;
        }
    }

    public boolean matches(Instrument instrument) {
        return (venue == null || venue.equals(instrument.venue()))
                && (assetClass == null || assetClass == instrument.assetClass());
    }

    /** 3 for venue and class, 2 for a venue, 1 for a class, 0 for everything. */
    public int specificity() {
        return (venue != null ? 2 : 0) + (assetClass != null ? 1 : 0);
    }

    /** {@code binance/CRYPTO_SPOT}, {@code binance/*}, {@code *}/EQUITY or {@code *}. */
    public String label() {
        if (venue == null && assetClass == null) {
            return "*";
        }
        return (venue == null ? "*" : venue) + "/" + (assetClass == null ? "*" : assetClass.name());
    }

    public static ModelScope parse(String label) {
        String t = label.strip();
        if (t.equals("*")) {
            return new ModelScope(null, null);
        }
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("scope must be venue/CLASS, venue/*, */CLASS or *, not '" + label + "'");
        }
        String v = t.substring(0, slash).strip();
        String c = t.substring(slash + 1).strip();
        return new ModelScope(v.equals("*") ? null : v, c.equals("*") ? null : AssetClass.valueOf(c));
    }

    @Override
    public String toString() {
        return label();
    }
}
