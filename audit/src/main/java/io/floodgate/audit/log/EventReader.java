package io.floodgate.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.json.EventJson;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a record's value as its topic's event family: the one place the audit turns JSON into events. */
public final class EventReader {
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final Map<String, Topic<?>> TOPICS = Topics.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Topic::name, Function.identity()));

    private EventReader() {
    }

    /**
     * The record as a {@link LoggedEvent}.
     *
     * @throws IOException when the value is not an event of the topic's family
     */
    public static LoggedEvent read(String topic, int partition, long offset, long timestamp, String key, String value)
            throws IOException {
        Topic<?> family = TOPICS.get(topic);
        if (family == null) {
            throw new IOException("topic " + topic + " is not in Floodgate's catalogue");
        }
        try {
            Event event = JSON.readValue(value, family.eventType());
            return new LoggedEvent(topic, partition, offset, timestamp, key, value, event.meta().saleId(),
                    event.meta().occurredAt(), event);
        } catch (InvalidTypeIdException newerType) {
            JsonNode node = JSON.readTree(value);
            JsonNode meta = node.path("meta");
            if (!node.path("type").isTextual() || !meta.path("saleId").isTextual() || !meta.path("occurredAt").isTextual()) {
                throw new IOException("not an event: it needs a type and meta.saleId and meta.occurredAt");
            }
            try {
                return new LoggedEvent(topic, partition, offset, timestamp, key, value, meta.get("saleId").asText(),
                        Instant.parse(meta.get("occurredAt").asText()), null);
            } catch (DateTimeParseException e) {
                throw new IOException("meta.occurredAt is not an ISO-8601 instant: " + meta.get("occurredAt").asText(), e);
            }
        } catch (RuntimeException e) {
            // The records' own checks (a missing meta field, say) fail as exceptions of the constructor.
            throw new IOException("not a valid " + family.eventType().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
