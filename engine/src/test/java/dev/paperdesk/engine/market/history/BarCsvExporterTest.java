package dev.paperdesk.engine.market.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import dev.paperdesk.engine.store.BarStore.WriteMode;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarCsvExporterTest {
    @TempDir
    Path dir;

    @Test
    void writesIsoUtcStampsAndExactDecimalsAcrossPages() throws Exception {
        InstrumentId id = new InstrumentId("EURUSD", "fx");
        SeriesKey key = new SeriesKey(id, Timeframe.M1);
        List<Bar> bars = new ArrayList<>();
        Instant t = Instant.parse("2024-03-01T00:00:00Z");
        for (int i = 0; i < 25_000; i++) {
            bars.add(new Bar(
                    id,
                    Timeframe.M1,
                    t.plusSeconds(60L * i),
                    new BigDecimal("1.08000"),
                    new BigDecimal("1.08010"),
                    new BigDecimal("1.07990"),
                    new BigDecimal("1.08005"),
                    new BigDecimal("0.00000001")));
        }
        Path out = dir.resolve("eurusd.csv");
        Files.writeString(out, "old content");
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(dir.resolve("w.paperdesk"))) {
            w.bars().insert(key, bars, WriteMode.REFUSE_OVERLAP);
            assertThat(new BarCsvExporter(w.bars()).export(key, out)).isEqualTo(25_000);
        }
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(25_001);
        assertThat(lines.get(0)).isEqualTo("timestamp,open,high,low,close,volume");
        assertThat(lines.get(1)).isEqualTo("2024-03-01T00:00:00Z,1.08000,1.08010,1.07990,1.08005,0.00000001");
        assertThat(lines.get(25_000)).startsWith("2024-03-18T08:39:00Z,");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                    .isEmpty();
        }
    }

    @Test
    void refusesAnUnknownSeriesWithoutTouchingTheTarget() throws Exception {
        Path out = dir.resolve("keep.csv");
        Files.writeString(out, "keep");
        try (SqliteWorkspaceStore w = SqliteWorkspaceStore.open(dir.resolve("w.paperdesk"))) {
            SeriesKey key = new SeriesKey(new InstrumentId("NONE", "hist"), Timeframe.D1);
            assertThatThrownBy(() -> new BarCsvExporter(w.bars()).export(key, out))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no series NONE@hist 1d");
        }
        assertThat(Files.readString(out)).isEqualTo("keep");
    }
}
