package io.floodgate.audit.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floodgate.contracts.json.EventJson;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A sale's events as a file of JSON lines (docs/audit.md): a header line naming the format, the
 * sale and the topics' partition counts, then one record per line in {@link ReplayOrder}, each with its topic, partition, offset,
 * timestamp, key and the value exactly as it was written. The same log always gives the same bytes.
 */
public final class EventFile {
    public static final String FORMAT = "floodgate-events";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = EventJson.mapper();

    private EventFile() {
    }

    /**
     * Writes {@code log} (already in replay order) and returns how many events were written. The
     * file appears whole or not at all: it is written beside its place and moved there at the end.
     */
    public static long write(Path file, SaleLog log) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long[] written = {0};
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            List<LoggedEvent> events = new ArrayList<>();
            log.forEach(events::add);
            Map<String, Integer> partitions = new TreeMap<>(log.partitions());
            line(out, g -> {
                g.writeStringField("format", FORMAT);
                g.writeNumberField("version", VERSION);
                g.writeStringField("saleId", log.saleId());
                g.writeObjectFieldStart("partitions");
                for (Map.Entry<String, Integer> p : partitions.entrySet()) {
                    g.writeNumberField(p.getKey(), p.getValue());
                }
                g.writeEndObject();
            });
            for (LoggedEvent e : events) {
                line(out, g -> {
                    g.writeStringField("topic", e.topic());
                    g.writeNumberField("partition", e.partition());
                    g.writeNumberField("offset", e.offset());
                    g.writeNumberField("timestamp", e.timestamp());
                    g.writeStringField("key", e.key());
                    g.writeFieldName("value");
                    g.writeRawValue(compact(e.value()));
                });
                written[0]++;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return written[0];
    }

    /** The file as a sale log, read line by line as it is replayed (so a long file is never held in memory). */
    public static SaleLog reading(Path file, Progress progress) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        JsonNode header;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = header(file, in.readLine());
        }
        String saleId = header.get("saleId").asText();
        Map<String, Integer> partitions = new TreeMap<>();
        header.path("partitions").fields().forEachRemaining(f -> partitions.put(f.getKey(), f.getValue().asInt()));
        return new SaleLog() {
            @Override
            public String saleId() {
                return saleId;
            }

            @Override
            public Map<String, Integer> partitions() {
                return Map.copyOf(partitions);
            }

            @Override
            public void forEach(Consumer<LoggedEvent> sink) throws IOException {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    in.readLine();
                    long number = 1;
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        number++;
                        if (!line.isBlank()) {
                            sink.accept(record(file, number, line));
                            progress.advance(1);
                        }
                    }
                }
                progress.finish();
            }
        };
    }

    private static JsonNode header(Path file, String line) throws IOException {
        JsonNode header = line == null ? null : parse(file, 1, line);
        if (header == null || !FORMAT.equals(header.path("format").asText())) {
            throw new IOException(file + ": not a Floodgate export (the first line must name the format \"" + FORMAT + "\")");
        }
        if (header.path("version").asInt() != VERSION) {
            throw new IOException(file + ": format version " + header.path("version") + ", this tool reads version " + VERSION);
        }
        if (!header.path("saleId").isTextual()) {
            throw new IOException(file + ":1: the header names no saleId");
        }
        return header;
    }

    /**
     * One record line, read in a single streaming pass: the value is cut from the line as written
     * (not parsed into a tree and printed again), then read once as its event.
     */
    private static LoggedEvent record(Path file, long number, String line) throws IOException {
        String topic = null;
        String key = null;
        String value = null;
        Integer partition = null;
        Long offset = null;
        Long timestamp = null;
        try (JsonParser p = JSON.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + ":" + number + ": a record must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                switch (field) {
                    case "topic" -> topic = token == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "key" -> key = token == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "partition" -> partition = token == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                    case "offset" -> offset = token == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                    case "timestamp" -> timestamp = token == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                    case "value" -> {
                        if (token == JsonToken.START_OBJECT) {
                            int from = (int) p.currentTokenLocation().getCharOffset();
                            p.skipChildren();
                            value = line.substring(from, (int) p.currentLocation().getCharOffset());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new IOException(file + ":" + number + ": text after the record");
            }
        } catch (JsonProcessingException e) {
            throw new IOException(file + ":" + number + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (topic == null || partition == null || offset == null || timestamp == null || key == null || value == null) {
            throw new IOException(file + ":" + number + ": a record needs topic, partition, offset, timestamp, key and value");
        }
        try {
            return EventReader.read(topic, partition, offset, timestamp, key, value);
        } catch (IOException e) {
            throw new IOException(file + ":" + number + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(Path file, long number, String line) throws IOException {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ":" + number + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** Values are compact JSON already; anything else is made so, since one record must stay one line. */
    private static String compact(String value) throws IOException {
        return value.indexOf('\n') < 0 && value.indexOf('\r') < 0 ? value : JSON.readTree(value).toString();
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static void line(Writer out, Fields fields) throws IOException {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator g = JSON.getFactory().createGenerator(text)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        }
        out.write(text.toString());
        out.write('\n');
    }
}
