package dev.paperdesk.engine.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.market.history.BarImporter;
import dev.paperdesk.engine.market.history.CsvBarMapping;
import dev.paperdesk.engine.market.history.ImportOutcome;
import dev.paperdesk.engine.market.history.ImportRequest;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.InsertResult;
import dev.paperdesk.engine.store.BarStore.SeriesInfo;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import dev.paperdesk.engine.store.BarStore.WriteMode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteBarStoreTest {
    private static final InstrumentId A = new InstrumentId("AAA", "hist");
    private static final SeriesKey A1D = new SeriesKey(A, Timeframe.D1);
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static Bar bar(InstrumentId id, Timeframe tf, Instant t, String close) {
        BigDecimal c = new BigDecimal(close);
        return new Bar(id, tf, t, c, c.add(BigDecimal.ONE), c.subtract(BigDecimal.ONE), c, new BigDecimal("12.50"));
    }

    private static List<Bar> days(int fromDay, int n) {
        List<Bar> out = new ArrayList<>();
        for (int i = fromDay; i < fromDay + n; i++) {
            out.add(bar(A, Timeframe.D1, T0.plusSeconds(86_400L * i), "100." + i));
        }
        return out;
    }

    /** Every row of the bar tables, read through a separate connection: what is committed on disk. */
    private static List<List<Object>> dump(Path file) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            for (String sql :
                    List.of("SELECT * FROM bar_series ORDER BY id", "SELECT * FROM bars ORDER BY series_id, ts")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.add(rs.getObject(i));
                        }
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void migratesToSchemaVersionTwo() {
        // Later scripts (the trade journal) may follow the bars script; version 2 must be reached.
        assertThat(SqliteWorkspaceStore.schemaVersion()).isGreaterThanOrEqualTo(2);
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(dir.resolve("w.paperdesk"))) {
            assertThat(w.summary().schemaVersion()).isEqualTo(SqliteWorkspaceStore.schemaVersion());
            assertThat(w.bars().series()).isEmpty();
        }
    }

    @Test
    void insertsListsAndReadsRangesExactly() {
        Path file = dir.resolve("w.paperdesk");
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(file)) {
            BarStore s = w.bars();
            assertThat(s.insert(A1D, days(0, 10), WriteMode.REFUSE_OVERLAP))
                    .isEqualTo(new InsertResult.Inserted(A1D, 10, 0));
            SeriesKey b = new SeriesKey(new InstrumentId("B", "x"), Timeframe.M1);
            s.insert(b, List.of(bar(b.instrument(), Timeframe.M1, T0, "1.000")), WriteMode.REFUSE_OVERLAP);
        }
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(file)) {
            BarStore s = w.bars();
            assertThat(s.series())
                    .extracting(SeriesInfo::key, SeriesInfo::rows, SeriesInfo::first, SeriesInfo::last)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(A1D, 10L, T0, T0.plusSeconds(86_400L * 9)),
                            org.assertj.core.groups.Tuple.tuple(
                                    new SeriesKey(new InstrumentId("B", "x"), Timeframe.M1), 1L, T0, T0));
            List<Bar> range = s.read(A1D, T0.plusSeconds(86_400L * 2), T0.plusSeconds(86_400L * 5), 100);
            assertThat(range).isEqualTo(days(2, 3));
            assertThat(range.get(0).close()).isEqualTo(new BigDecimal("100.2")); // scale kept as written
            assertThat(s.read(A1D, Instant.MIN, Instant.MAX, 4)).isEqualTo(days(0, 4));
            assertThat(s.info(new SeriesKey(A, Timeframe.H1))).isEmpty();
            assertThatThrownBy(() -> s.read(A1D, T0, T0, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesAnyOverlapButAcceptsBatchesBeforeOrAfter() throws Exception {
        Path file = dir.resolve("w.paperdesk");
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(file)) {
            BarStore s = w.bars();
            s.insert(A1D, days(10, 10), WriteMode.REFUSE_OVERLAP); // days 10..19
        }
        List<List<Object>> before = dump(file);
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(file)) {
            BarStore s = w.bars();
            // touching the first stamp, inside, touching the last, and straddling the whole range
            for (List<Bar> clash : List.of(days(5, 6), days(12, 2), days(19, 3), concat(days(5, 1), days(25, 1)))) {
                InsertResult r = s.insert(A1D, clash, WriteMode.REFUSE_OVERLAP);
                assertThat(r).isInstanceOf(InsertResult.Refused.class);
                assertThat(((InsertResult.Refused) r).message())
                        .contains("already holds bars from 2024-01-11T00:00:00Z to 2024-01-20T00:00:00Z");
            }
        }
        assertThat(dump(file)).isEqualTo(before);
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(file)) {
            BarStore s = w.bars();
            assertThat(s.insert(A1D, days(0, 10), WriteMode.REFUSE_OVERLAP)).isInstanceOf(InsertResult.Inserted.class);
            assertThat(s.insert(A1D, days(20, 5), WriteMode.REFUSE_OVERLAP)).isInstanceOf(InsertResult.Inserted.class);
            SeriesInfo info = s.info(A1D).orElseThrow();
            assertThat(info.rows()).isEqualTo(25);
            assertThat(info.first()).isEqualTo(T0);
            assertThat(info.last()).isEqualTo(T0.plusSeconds(86_400L * 24));
            assertThat(s.read(A1D, Instant.MIN, Instant.MAX, 100)).isEqualTo(days(0, 25));
        }
    }

    private static List<Bar> concat(List<Bar> a, List<Bar> b) {
        List<Bar> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void replaceSwapsTheSeriesInOneTransaction() {
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(dir.resolve("w.paperdesk"))) {
            BarStore s = w.bars();
            s.insert(A1D, days(0, 10), WriteMode.REFUSE_OVERLAP);
            assertThat(s.insert(A1D, days(5, 2), WriteMode.REPLACE)).isEqualTo(new InsertResult.Inserted(A1D, 2, 10));
            assertThat(s.read(A1D, Instant.MIN, Instant.MAX, 100)).isEqualTo(days(5, 2));
            assertThat(s.info(A1D).orElseThrow().rows()).isEqualTo(2);
        }
    }

    @Test
    void aFailingProducerOrABadBatchWritesNothing() throws Exception {
        Path file = dir.resolve("w.paperdesk");
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(file)) {
            w.bars().insert(A1D, days(0, 3), WriteMode.REFUSE_OVERLAP);
        }
        List<List<Object>> before = dump(file);
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(file)) {
            BarStore s = w.bars();
            Iterator<Bar> failing = new Iterator<>() {
                int n;

                @Override
                public boolean hasNext() {
                    if (n == 9000) {
                        throw new IllegalStateException("producer failed");
                    }
                    return true;
                }

                @Override
                public Bar next() {
                    return bar(A, Timeframe.D1, T0.plusSeconds(86_400L * (100 + n++)), "5");
                }
            };
            assertThatThrownBy(() -> s.insert(A1D, failing, WriteMode.REPLACE)).hasMessage("producer failed");
            List<Bar> outOfOrder = concat(days(10, 2), days(10, 1));
            assertThatThrownBy(() -> s.insert(A1D, outOfOrder, WriteMode.REFUSE_OVERLAP))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("out of order");
            List<Bar> foreign =
                    List.of(bar(new InstrumentId("Z", "hist"), Timeframe.D1, T0.plusSeconds(86_400L * 50), "1"));
            assertThatThrownBy(() -> s.insert(A1D, foreign, WriteMode.REFUSE_OVERLAP))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("in a batch for AAA@hist 1d");
            assertThat(s.insert(new SeriesKey(A, Timeframe.H1), List.of(), WriteMode.REPLACE))
                    .isEqualTo(new InsertResult.Inserted(new SeriesKey(A, Timeframe.H1), 0, 0));
        }
        assertThat(dump(file)).isEqualTo(before);
    }

    @Test
    void aRejectedImportLeavesEveryBarTableRowAsItWas() throws Exception {
        Path file = dir.resolve("w.paperdesk");
        StringBuilder good = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int i = 0; i < 5000; i++) {
            good.append(T0.plusSeconds(60L * i)).append(",1.5,2,1,1.75,3\n");
        }
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(file)) {
            ImportOutcome first = new BarImporter(w.bars())
                    .importCsv(
                            new StringReader(good.toString()),
                            "good.csv",
                            new ImportRequest(CsvBarMapping.generic(), A, null, WriteMode.REFUSE_OVERLAP));
            assertThat(first).isInstanceOf(ImportOutcome.Imported.class);
        }
        List<List<Object>> before = dump(file);
        assertThat(before).hasSize(5001);
        String bad = good.toString().replace("1.5,2,1,1.75,3\n", "1.5,2,1,1.75,4\n") + "bogus,1,1,1,1,1\n";
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(file)) {
            ImportOutcome outcome = new BarImporter(w.bars())
                    .importCsv(
                            new StringReader(bad),
                            "bad.csv",
                            new ImportRequest(CsvBarMapping.generic(), A, Timeframe.M1, WriteMode.REPLACE));
            assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
        }
        assertThat(dump(file)).isEqualTo(before);
    }
}
