package dev.paperdesk.desktop.importer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The symbol a bar file's name most likely names, proposed in the import dialog until the user types
 * one. A name is split on {@code _ . - space}; the words are weighed so that the instrument wins over the
 * data source, the timeframe, the dates and the side:
 *
 * <ul>
 *   <li>a pair or perpetual of known currencies ({@code BTCUSD}, {@code gbpusd}, {@code ETH-USDT},
 *       {@code btc-perp}) wins over anything else;
 *   <li>then a single currency code ({@code BTC});
 *   <li>then a word of two to five letters that is not a timeframe, a side or a period word
 *       ({@code orcl}, {@code nvda}, {@code SPY});
 *   <li>a longer word ({@code backtrader}, {@code nautilus}, {@code coinbase}) only when nothing else is
 *       left.
 * </ul>
 *
 * So {@code backtrader_nvda-1999-2014.txt} gives {@code NVDA}, {@code nautilus_fxcm_gbpusd-m1-bid-2012.csv}
 * {@code GBPUSD}, {@code ta4j_Coinbase_BTCUSD_4h.csv} {@code BTCUSD} and {@code nautilus_btc-perp-…_1m.csv}
 * {@code BTC-PERP}; a name with no such word ({@code 2006-min-005.txt}) gives nothing.
 */
final class FileNameSymbol {
    /** Currency codes that make up pairs in bar files' names (crypto and the major fiat currencies). */
    private static final Set<String> CURRENCIES = Set.of(
            "BTC", "XBT", "ETH", "SOL", "XRP", "ADA", "DOGE", "LTC", "BNB", "DOT", "AVAX", "LINK", "USDT", "USDC",
            "BUSD", "DAI", "USD", "EUR", "GBP", "JPY", "CHF", "AUD", "NZD", "CAD", "CNH", "HKD", "SEK", "NOK");
    /** Words that describe the data rather than name the instrument. */
    private static final Set<String> NOISE = Set.of(
            "MIN", "MINS", "MINUTE", "MINUTES", "HOUR", "HOURS", "HOURLY", "DAY", "DAYS", "DAILY", "WEEK", "WEEKLY",
            "MONTH", "MONTHLY", "BID", "ASK", "MID", "LAST", "TRADE", "TRADES", "QUOTE", "QUOTES", "BAR", "BARS",
            "OHLC", "OHLCV", "TICK", "TICKS", "DATA", "CSV", "TXT", "SPOT", "PERP", "FUT", "ADJ", "RAW", "TEST", "FULL",
            "ALL", "FROM", "TO");

    private static final Pattern TIMEFRAME = Pattern.compile("(\\d+[SMHDWY]|[SMHDWY]\\d+|\\d+)");
    private static final Pattern WORD = Pattern.compile("[A-Z]{2,5}");
    private static final Pattern PERPETUAL = Pattern.compile("(?<![A-Z])([A-Z]{2,5})[-_](PERP|SWAP)(?![A-Z])");
    private static final Pattern DASHED_PAIR = Pattern.compile("(?<![A-Z])([A-Z]{2,5})[-_/]([A-Z]{3,4})(?![A-Z])");

    private FileNameSymbol() {}

    /** The proposed symbol for a file name (without its folder), or empty when no word looks like one. */
    static Optional<String> of(String fileName) {
        String name = fileName.toUpperCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        Matcher perpetual = PERPETUAL.matcher(name);
        while (perpetual.find()) {
            if (CURRENCIES.contains(perpetual.group(1))) {
                return Optional.of(perpetual.group(1) + "-" + perpetual.group(2));
            }
        }
        Matcher dashed = DASHED_PAIR.matcher(name);
        while (dashed.find()) {
            if (CURRENCIES.contains(dashed.group(1)) && CURRENCIES.contains(dashed.group(2))) {
                return Optional.of(dashed.group(1) + "-" + dashed.group(2));
            }
        }
        String best = null;
        int bestRank = 0;
        for (String word : name.split("[-_.\\s]+")) {
            int rank = rank(word);
            if (rank > bestRank) {
                best = word;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    /** 4: a pair of currencies; 3: one currency; 2: a short word; 1: a long word; 0: not a symbol. */
    private static int rank(String word) {
        if (word.isEmpty() || NOISE.contains(word) || TIMEFRAME.matcher(word).matches()) {
            return 0;
        }
        if (isPair(word)) {
            return 4;
        }
        if (CURRENCIES.contains(word)) {
            return 3;
        }
        if (WORD.matcher(word).matches()) {
            return 2;
        }
        return word.chars().allMatch(Character::isLetter) && word.length() <= 12 ? 1 : 0;
    }

    private static boolean isPair(String word) {
        for (int split = 3; split <= Math.min(5, word.length() - 3); split++) {
            if (CURRENCIES.contains(word.substring(0, split)) && CURRENCIES.contains(word.substring(split))) {
                return true;
            }
        }
        return false;
    }
}
