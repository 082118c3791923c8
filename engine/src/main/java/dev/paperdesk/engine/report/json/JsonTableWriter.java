package dev.paperdesk.engine.report.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.report.CellText;
import dev.paperdesk.engine.report.ExportOptions;
import dev.paperdesk.engine.report.ExportTable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link ExportTable} as one UTF-8 JSON object: {@code "export"} (the table's name), the
 * metadata keys, then {@code "rows"}, an array of objects keyed by column. Decimals are exact JSON
 * numbers, doubles that are not finite are {@code null}, instants ISO-8601 strings with offset.
 */
public final class JsonTableWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTableWriter() {}

    public static void write(ExportTable table, OutputStream out, ExportOptions options) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("export", table.name());
            for (Map.Entry<String, Object> e : table.metadata().entrySet()) {
                g.writeFieldName(e.getKey());
                value(g, e.getValue(), options);
            }
            g.writeArrayFieldStart("rows");
            for (List<Object> row : table.rows()) {
                g.writeStartObject();
                for (int c = 0; c < row.size(); c++) {
                    g.writeFieldName(table.columns().get(c));
                    value(g, row.get(c), options);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void value(JsonGenerator g, Object v, ExportOptions options) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case BigDecimal d -> g.writeNumber(Decimals.normalize(d));
            case Double d -> {
                if (Double.isFinite(d)) {
                    g.writeNumber(d);
                } else {
                    g.writeNull();
                }
            }
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Boolean b -> g.writeBoolean(b);
            case Instant i -> g.writeString(CellText.instant(i, options.zone()));
            case LocalDate d -> g.writeString(d.toString());
            case Duration d -> g.writeString(d.toString());
            case Enum<?> e -> g.writeString(e.name());
            case List<?> list -> {
                g.writeStartArray();
                for (Object item : list) {
                    value(g, item, options);
                }
                g.writeEndArray();
            }
            case Map<?, ?> map -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    value(g, e.getValue(), options);
                }
                g.writeEndObject();
            }
            default -> g.writeString(v.toString());
        }
    }
}
